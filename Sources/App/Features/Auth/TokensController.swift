import Fluent
import KompetenCore
import Vapor

/// API tokens, listed and revocable: each user sees and revokes their own (web `/akun/token`,
/// `GET/DELETE /api/v1/auth/tokens`); an admin sees and revokes a user's tokens of their
/// instansi (`/admin/users/:id/tokens`, `GET/DELETE /api/v1/users/:id/tokens`), e.g. when
/// someone changes post. Only hashes are stored: a token is shown once, when it is made.
enum TokensController {
    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.accountTokens.pathComponents, use: ownPage)
        web.post(SiteURL.accountTokens.pathComponents, use: createOwn)
        web.post(SiteURL.accountTokenRevoke(.routeParameter).pathComponents, use: revokeOwnWeb)
        web.get(SiteURL.userTokens(.routeParameter).pathComponents, use: userPage)
        web.post(SiteURL.userTokensRevoke(.routeParameter).pathComponents, use: revokeAllWeb)
        api.get("auth", "tokens", use: listOwn)
        api.delete("auth", "tokens", ":tokenID", use: revokeOwn)
        api.get("users", ":id", "tokens", use: listForUser)
        api.delete("users", ":id", "tokens", use: revokeAllAPI)
    }

    struct TokenDTO: Content {
        let id: UUID
        let label: String?
        let createdAt: Date
        let expiresAt: Date
        let lastUsedAt: Date?
        let current: Bool
    }

    static func dtos(_ userID: UUID, current: UUID?, on req: Request) async throws -> [TokenDTO] {
        try await TokenService.unexpired(of: userID, at: req.now, on: req.db)
            .map {
                TokenDTO(
                    id: try $0.requireID(), label: $0.label, createdAt: $0.createdAt, expiresAt: $0.expiresAt,
                    lastUsedAt: $0.lastUsedAt, current: $0.id == current)
            }
    }

    // MARK: API

    static func listOwn(req: Request) async throws -> [TokenDTO] {
        try await dtos(try req.actor.userID, current: req.currentTokenID, on: req)
    }

    static func revokeOwn(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        guard let id = UUID(uuidString: try req.parameters.require("tokenID")),
            let token = try await TokenService.find(id, of: actor.userID, on: req.db)
        else {
            throw Abort(.notFound, reason: "Token tidak ditemukan.")
        }
        try await TokenService.revoke([token], owner: actor.userID, actor: actor, at: req.now, on: req.db)
        return .noContent
    }

    static func listForUser(req: Request) async throws -> [TokenDTO] {
        let user = try await UserService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        return try await dtos(user.requireID(), current: req.currentTokenID, on: req)
    }

    static func revokeAllAPI(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        let user = try await UserService.find(try req.parameters.require("id"), actor, on: req.db)
        try await TokenService.revoke(
            try await TokenService.all(of: user.requireID(), on: req.db), owner: user.requireID(), actor: actor,
            at: req.now, on: req.db)
        return .noContent
    }

    // MARK: Web

    struct PageModel: Encodable {
        struct Row: Encodable {
            let label: String
            let created: String
            let expires: String
            let lastUsed: String
            let revokeAction: String?
        }
        let owner: String
        let rows: [Row]
        let createAction: String?
        let revokeAllAction: String?
        let newToken: String?
    }

    static func model(_ tokens: [TokenDTO], owner: String, own: Bool, revokeAll: String?, newToken: String?)
        -> PageModel
    {
        func when(_ d: Date?) -> String { d.map { IndonesianFormat.dateTime($0) } ?? "—" }
        return PageModel(
            owner: owner,
            rows: tokens.map {
                .init(
                    label: $0.label ?? "(tanpa nama)", created: when($0.createdAt), expires: when($0.expiresAt),
                    lastUsed: when($0.lastUsedAt),
                    revokeAction: own ? SiteURL.accountTokenRevoke($0.id).path : nil)
            }, createAction: own ? SiteURL.accountTokens.path : nil, revokeAllAction: tokens.isEmpty ? nil : revokeAll,
            newToken: newToken)
    }

    static func ownPage(req: Request) async throws -> Response {
        let actor = try req.actor
        let tokens = try await dtos(actor.userID, current: nil, on: req)
        return try await req.renderPage(
            "account/tokens", title: "Token API Saya", crumbs: [Crumb("Token API saya")],
            model(tokens, owner: actor.username, own: true, revokeAll: nil, newToken: nil))
    }

    /// A token made from the web page for an integration (SIMPEG, a reporting tool): shown once.
    static func createOwn(req: Request) async throws -> Response {
        let actor = try req.actor
        struct Posted: Content { var label: String? }
        let label = (try req.content.decode(Posted.self).label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(label.count) else {
            Flash.add(.error, "Beri nama token (1–80 karakter), mis. \"Integrasi SIMPEG\".", to: req)
            return req.redirect(to: SiteURL.accountTokens.path)
        }
        let raw = try await TokenService.issue(for: actor.userID, label: label, on: req)
        let tokens = try await dtos(actor.userID, current: nil, on: req)
        return try await req.renderPage(
            "account/tokens", title: "Token API Saya", crumbs: [Crumb("Token API saya")],
            model(tokens, owner: actor.username, own: true, revokeAll: nil, newToken: raw.token))
    }

    static func revokeOwnWeb(req: Request) async throws -> Response {
        _ = try await revokeOwn(req: req)
        Flash.add(.success, "Token dicabut.", to: req)
        return req.redirect(to: SiteURL.accountTokens.path)
    }

    static func userPage(req: Request) async throws -> Response {
        let user = try await UserService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        let tokens = try await dtos(user.requireID(), current: nil, on: req)
        return try await req.renderPage(
            "account/tokens", title: "Token API \(user.username)",
            crumbs: [Crumb("Pengguna", .users), Crumb("Token API")],
            model(
                tokens, owner: user.username, own: false,
                revokeAll: SiteURL.userTokensRevoke(user.requireID()).path, newToken: nil))
    }

    static func revokeAllWeb(req: Request) async throws -> Response {
        let user = try await UserService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        _ = try await revokeAllAPI(req: req)
        Flash.add(.success, "Semua token API \(user.username) dicabut.", to: req)
        return try req.redirect(to: SiteURL.userTokens(user.requireID()).path)
    }
}

extension Request {
    private struct CurrentTokenKey: StorageKey { typealias Value = UUID }
    /// The token this API request came with (marked `current` in the list).
    var currentTokenID: UUID? {
        get { storage[CurrentTokenKey.self] }
        set { storage[CurrentTokenKey.self] = newValue }
    }
}
