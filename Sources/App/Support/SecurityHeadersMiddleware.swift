import Vapor

/// Headers every response carries. The CSP allows no inline script or style: the app ships
/// its own files from /css and /js only; frame-ancestors 'none' (and X-Frame-Options for old
/// browsers) stops clickjacking.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        var headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        // HSTS only when the browser really came over TLS (a trusted proxy says so) or the
        // deployment declares TLS (secure cookies): over plain HTTP it would be ignored at best.
        if req.arrivedOverTLS || req.application.kompeten.config.secureCookies {
            headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        }
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
