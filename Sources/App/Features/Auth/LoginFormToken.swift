import Foundation
import SQLKit
import Vapor

/// The CSRF token of forms shown to visitors without a session (the login form), kept in a
/// cookie instead of a session row: every anonymous `GET /login` used to write a row that was
/// never removed. Double submit: the form's `_csrf` must equal the cookie, and the cookie
/// must carry our HMAC (`nonce.mac`), so a cookie planted by a neighbouring site is refused.
/// The HMAC key is a cluster secret in the database: every instance behind nginx accepts the
/// token another one made.
enum LoginFormToken {
    static let cookieName = "kompeten_form"
    static let secretName = "login-form-hmac"

    private struct TokenKey: StorageKey { typealias Value = String }
    private struct UsedKey: StorageKey { typealias Value = Bool }

    /// The valid token the browser sent in the cookie, or nil.
    static func sent(_ req: Request) async throws -> String? {
        guard let value = req.cookies[cookieName]?.string else { return nil }
        return try await isValid(value, key: key(req)) ? value : nil
    }

    /// Makes sure the request has a token for its forms (the cookie's, or a new one that the
    /// response then sets); `Request.csrfToken` reads it.
    static func prepare(_ req: Request) async throws -> (token: String, isNew: Bool) {
        if let existing = try await sent(req) {
            req.storage[TokenKey.self] = existing
            return (existing, false)
        }
        let made = make(key: try await key(req))
        req.storage[TokenKey.self] = made
        return (made, true)
    }

    /// The token for a form on this page; a new one is then set as a cookie on the response
    /// (pages that show no form, such as redirects, set none).
    static func current(_ req: Request) -> String? {
        guard let token = req.storage[TokenKey.self] else { return nil }
        req.storage[UsedKey.self] = true
        return token
    }

    static func wasUsed(_ req: Request) -> Bool { req.storage[UsedKey.self] ?? false }

    static func cookie(_ token: String, config: AppConfig) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, maxAge: Int(config.sessionLifetime), path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    static func make(key: SymmetricKey) -> String {
        let nonce = [UInt8].random(count: 24).base64URLEncoded
        return nonce + "." + mac(nonce, key: key)
    }

    static func isValid(_ token: String, key: SymmetricKey) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        return CSRFMiddleware.constantTimeEqual(String(parts[1]), mac(String(parts[0]), key: key))
    }

    private static func mac(_ nonce: String, key: SymmetricKey) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Data("kompeten-login-form:\(nonce)".utf8), using: key))
            .base64URLEncoded
    }

    private static func key(_ req: Request) async throws -> SymmetricKey {
        let secret = try await req.application.kompeten.clusterSecret.value(secretName, on: try req.db.sql)
        return SymmetricKey(data: Data(secret.utf8))
    }
}
