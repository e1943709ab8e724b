import Vapor

/// Every state-changing web request must carry the session's CSRF token, as the form field
/// `_csrf` or the header `X-CSRF-Token`. API routes use bearer tokens and are not behind this.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH, .DELETE].contains(req.method) {
            // Multipart uploads carry the token in the query string: their body is only collected
            // by the route itself, after this middleware has run.
            let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.query.get(String.self, at: Self.field))
                ?? (try? req.content.get(String.self, at: Self.field))
            guard let expected = req.session.data[Self.sessionKey], let sent,
                  Self.constantTimeEqual(sent, expected) else {
                throw Abort(.forbidden, reason: "Formulir kedaluwarsa atau tidak sah (token CSRF). Muat ulang halaman lalu coba lagi.")
            }
        }
        return try await next.respond(to: req)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = [UInt8].random(count: 24).base64URLEncoded
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
