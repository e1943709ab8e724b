import Fluent
import KompetenCore
import Vapor

/// Web login and logout.
enum AuthController {
    static func register(_ app: any RoutesBuilder) {
        app.get(SiteURL.login(next: nil).pathComponents, use: form)
        app.post(SiteURL.login(next: nil).pathComponents, use: login)
        app.post(SiteURL.logout.pathComponents, use: logout)
    }

    struct LoginPage: Encodable {
        let action = SiteURL.login(next: nil).path
        let username: String
        let error: String?
        let next: String
    }
    struct LoginInput: Content {
        var username: String?
        var password: String?
        var next: String?
    }
    struct NextQuery: Content { var next: String? }

    static func form(req: Request) async throws -> Response {
        if req.actorIfPresent != nil { return req.redirect(to: SiteURL.home.path) }
        // The form's CSRF token is a signed cookie (LoginFormToken): no session row per visit.
        let next = (try? req.query.decode(NextQuery.self).next) ?? nil
        return try await req.renderPage(
            "auth/login", title: "Masuk", LoginPage(username: "", error: nil, next: safeNext(next)))
    }

    static func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let username = input.username ?? ""
        let next = safeNext(input.next)
        func again(_ message: String, _ status: HTTPStatus) async throws -> Response {
            try await req.renderPage(
                "auth/login", title: "Masuk", LoginPage(username: username, error: message, next: next), status: status)
        }
        switch try await LoginService.attempt(username: username, password: input.password ?? "", on: req) {
        case .locked(let message):
            return try await again(message, .tooManyRequests)
        case .invalid:
            return try await again("Nama pengguna atau kata sandi salah.", .unauthorized)
        case .success(let user):
            try await SessionRotation.rotate(req)
            req.session.data[SessionAuthMiddleware.userKey] = try user.requireID().uuidString
            _ = req.csrfToken
            let actor = try await ActorResolver.actor(for: user, on: req.db)
            try await AuditLog.record(
                .login, entity: "user", id: user.id, summary: "Masuk ke aplikasi",
                actor: actor, instansiID: user.instansiID, at: req.now, on: req.db)
            return req.redirect(to: next)
        }
    }

    static func logout(req: Request) async throws -> Response {
        // Destroying makes the sessions middleware delete the server-side record, not only the
        // cookie: a copied cookie is dead too (AuthTests checks it).
        req.session.destroy()
        return req.redirect(to: SiteURL.login(next: nil).path)
    }

    /// Only paths of this app are followed after login (no open redirect, no header
    /// injection): the rule is `LoginRedirect`.
    static func safeNext(_ next: String?) -> String {
        LoginRedirect.target(next)
    }
}

/// `POST /api/v1/auth/token`.
enum TokenAPIController {
    struct Credentials: Content {
        let username: String
        let password: String
        var label: String?
    }
    struct TokenResponse: Content {
        let token: String
        let expiresAt: Date
    }

    static func issue(req: Request) async throws -> TokenResponse {
        let credentials = try req.content.decode(Credentials.self)
        if let label = credentials.label, label.unicodeScalars.count > 80 { // as JSON Schema counts
            throw ValidationFailure(errors: [.init(field: "label", message: "Paling banyak 80 karakter.")])
        }
        switch try await LoginService.attempt(username: credentials.username, password: credentials.password, on: req) {
        case .locked(let message): throw Abort(.tooManyRequests, reason: message)
        case .invalid: throw Abort(.unauthorized, reason: "Nama pengguna atau kata sandi salah.")
        case .success(let user):
            return try await TokenService.issue(for: try user.requireID(), label: credentials.label, on: req)
        }
    }

}
