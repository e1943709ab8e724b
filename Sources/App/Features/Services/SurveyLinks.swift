import Vapor

/// The survey's public address, for the link and QR code at the counter (the survey page, the
/// poster and the service's own page).
enum SurveyLinks {
    /// A host name or address with an optional port, as a browser sends it; anything else is refused.
    static func validHost(_ host: String) -> Bool {
        !host.isEmpty && host.count <= 260
            && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
    }

    /// The absolute address residents scan: the configured public address, else this request's host.
    static func publicURL(_ req: Request, path: String) -> String {
        let configured = req.application.kompeten.config.publicURL
        if !configured.isEmpty { return configured + path }
        let host = req.headers.first(name: .host).flatMap { validHost($0) ? $0 : nil } ?? "127.0.0.1:8080"
        return "http://\(host)\(path)"
    }
}
