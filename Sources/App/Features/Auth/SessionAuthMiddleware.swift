import Fluent
import Vapor

/// Web pages: restores the signed-in user from the server-side session.
/// Routes behind it redirect to the login page when nobody is signed in.
struct SessionAuthMiddleware: AsyncMiddleware {
    static let userKey = "userID"
    static let seenKey = "seen"
    var requireLogin = true

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = req.now
        let lifetime = req.application.kompeten.config.sessionLifetime
        // Sessions end after `sessionLifetime` without activity, on the server too (a copied
        // cookie is no use the next day), not only through the cookie's own expiry.
        let seen = req.hasSession ? req.session.data[Self.seenKey].flatMap(Double.init) : nil
        let fresh = seen.map { now.timeIntervalSince1970 - $0 < lifetime } ?? false
        if fresh, let raw = req.session.data[Self.userKey], let id = UUID(uuidString: raw),
           let user = try await User.find(id, on: req.db), user.isActive {
            req.setActor(try await ActorResolver.actor(for: user, on: req.db))
            req.session.data[Self.seenKey] = String(Int(now.timeIntervalSince1970))
        } else if requireLogin {
            if req.method == .GET {
                return req.redirect(to: SiteURL.login(next: req.url.path).path)
            }
            throw Abort(.unauthorized, reason: "Sesi Anda telah berakhir. Silakan masuk kembali.")
        }
        return try await next.respond(to: req)
    }
}

/// API routes: `Authorization: Bearer <token>`; 401 JSON without a valid, unexpired token.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization else {
            throw Abort(.unauthorized, reason: "Token API diperlukan (Authorization: Bearer <token>).")
        }
        let hash = TokenHasher.hash(bearer.token)
        // Token and user in one read: every API call pays for this.
        guard let user = try await User.query(on: req.db)
                .join(UserToken.self, on: \User.$id == \UserToken.$userID)
                .filter(UserToken.self, \.$tokenHash == hash)
                .filter(UserToken.self, \.$expiresAt > req.now)
                .filter(\.$isActive == true)
                .first(), let token = try? user.joined(UserToken.self) else {
            throw Abort(.unauthorized, reason: "Token API tidak sah atau sudah kedaluwarsa.")
        }
        req.currentTokenID = token.id
        // "Last used" for the token list, written at most once a minute per token.
        if token.lastUsedAt.map({ req.now.timeIntervalSince($0) > 60 }) ?? true, let id = token.id {
            try await UserToken.query(on: req.db).filter(\.$id == id).set(\.$lastUsedAt, to: req.now).update()
        }
        req.setActor(try await ActorResolver.actor(for: user, on: req.db))
        return try await next.respond(to: req)
    }
}

enum TokenHasher {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
    static func newToken() -> String {
        [UInt8].random(count: 32).base64URLEncoded
    }
}

extension Array where Element == UInt8 {
    var base64URLEncoded: String {
        Data(self).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
