import Vapor

/// Every state-changing web request must carry the session's CSRF token, as the form field
/// `_csrf` or the header `X-CSRF-Token`. API routes use bearer tokens and are not behind this.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Without a session token (a visitor on the login page) the token is a signed cookie,
        // not a session row: see LoginFormToken.
        let sessionToken = req.hasSession ? req.session.data[Self.sessionKey] : nil
        let anonymous = sessionToken == nil ? try await LoginFormToken.prepare(req) : nil
        if [.POST, .PUT, .PATCH, .DELETE].contains(req.method) {
            let sent = try await Self.sentToken(req)
            guard let expected = sessionToken ?? anonymous.flatMap({ $0.isNew ? nil : $0.token }), let sent,
                Self.constantTimeEqual(sent, expected)
            else {
                throw Abort(
                    .forbidden,
                    reason: "Formulir kedaluwarsa atau tidak sah (token CSRF). Muat ulang halaman lalu coba lagi.")
            }
        }
        let response = try await next.respond(to: req)
        if let anonymous, anonymous.isNew, LoginFormToken.wasUsed(req) {
            response.cookies[LoginFormToken.cookieName] = LoginFormToken.cookie(
                anonymous.token, config: req.application.kompeten.config)
        }
        return response
    }

    /// The token as sent: the `X-CSRF-Token` header or the `_csrf` field of the form body
    /// (URL-encoded or multipart). Never the query string: URLs end up in access logs, the
    /// browser history and referrers. A multipart body is collected here (the route would only
    /// collect it after this middleware), bounded by the upload limit: 413 above it.
    static func sentToken(_ req: Request) async throws -> String? {
        if let header = req.headers.first(name: "X-CSRF-Token") { return header }
        guard let type = req.headers.contentType else { return nil }
        let multipart = type.type == "multipart" && type.subType == "form-data"
        let limit =
            multipart
            ? req.application.kompeten.config.uploadLimitMB * 1024 * 1024
            : req.application.routes.defaultMaxBodySize.value
        guard let body = try await req.body.collect(max: limit).get() else { return nil }
        // A body that arrived whole (not streamed) is measured here too.
        guard body.readableBytes <= limit else { throw Abort(.payloadTooLarge) }
        // The raw decoders: a field refused by `TextHygieneDecoders` must give its 422 in the
        // route, not look like a missing token here.
        struct Sent: Decodable { var _csrf: String? }
        if multipart { return try? FormDataDecoder().decode(Sent.self, from: body, headers: req.headers)._csrf }
        if type.type == "application" && type.subType == "x-www-form-urlencoded" {
            return try? URLEncodedFormDecoder().decode(Sent.self, from: body, headers: req.headers)._csrf
        }
        return try? req.content.get(String.self, at: Self.field)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use; for a visitor without a signed-in
    /// session, the login form's cookie token (no session is created for it).
    var csrfToken: String {
        if hasSession, let token = session.data[CSRFMiddleware.sessionKey] { return token }
        if !(hasSession && session.data[SessionAuthMiddleware.userKey] != nil), let token = LoginFormToken.current(self)
        {
            return token
        }
        let token = [UInt8].random(count: 24).base64URLEncoded
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
