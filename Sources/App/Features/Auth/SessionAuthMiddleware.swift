import Fluent
import Vapor

/// Web pages: restores the signed-in user from the server-side session.
/// Routes behind it redirect to the login page when nobody is signed in.
///
/// Idle and absolute lifetimes are enforced where the session is read (WebSessionDriver), so
/// an expired session arrives here empty. A user whose password is temporary is sent to
/// `/akun/password` until they have replaced it.
struct SessionAuthMiddleware: AsyncMiddleware {
    static let userKey = "userID"
    var requireLogin = true

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.hasSession, let raw = req.session.data[Self.userKey], let id = UUID(uuidString: raw),
            let user = try await User.find(id, on: req.db), user.isActive
        {
            req.setActor(try await ActorResolver.actor(for: user, on: req.db))
            if requireLogin, user.mustChangePassword, !PasswordController.isChangePage(req) {
                if req.method == .GET || req.method == .HEAD { return req.redirect(to: PasswordController.pagePath) }
                throw Abort(.forbidden, reason: PasswordController.temporaryReason)
            }
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
        // Token, user and the OPD in one read (BearerQueries): every API call pays for it, and
        // nothing of it is cached, so a revocation through another instance holds at once.
        guard
            let holder = try await BearerQueries.holder(
                tokenHash: TokenHasher.hash(bearer.token), at: req.now, on: req.db)
        else {
            throw Abort(.unauthorized, reason: "Token API tidak sah atau sudah kedaluwarsa.")
        }
        req.currentTokenID = holder.tokenID
        // A temporary password set by an admin: only the password change is open.
        if holder.mustChangePassword, !(req.method == .POST && req.url.path == PasswordController.apiPath) {
            throw Abort(
                .forbidden, reason: PasswordController.temporaryReason + " (POST \(PasswordController.apiPath))")
        }
        // "Last used" for the token list, written at most once a minute per token.
        if holder.lastUsedAt.map({ req.now.timeIntervalSince($0) > 60 }) ?? true {
            try await UserToken.query(on: req.db).filter(\.$id == holder.tokenID).set(\.$lastUsedAt, to: req.now)
                .update()
        }
        req.setActor(holder.principal)
        return try await next.respond(to: req)
    }
}

enum TokenHasher {
    static func hash(_ token: String) -> String {
        Hex.lower(SHA256.hash(data: Data(token.utf8)))
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
