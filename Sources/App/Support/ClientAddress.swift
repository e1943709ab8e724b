import KompetenCore
import Vapor

extension Request {
    /// The client's address, seen through trusted reverse proxies (`KOMPETEN_TRUSTED_PROXIES`).
    /// Behind nginx without that setting every resident would share nginx's address, and one
    /// typo-prone user could lock the whole city out of the login.
    var clientAddress: String {
        let trusted = application.kompeten.config.trustedProxies
        return ForwardedFor.client(
            peer: remoteAddress?.ipAddress, headerValues: headers[.xForwardedFor], trusted: trusted) ?? "unknown"
    }

    /// The client reached us over TLS: directly (never, Kompeten listens on plain HTTP) or, as a
    /// trusted proxy says, at the proxy.
    var arrivedOverTLS: Bool {
        guard let peer = remoteAddress?.ipAddress, application.kompeten.config.trustedProxies.contains(peer) else {
            return false
        }
        return headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
