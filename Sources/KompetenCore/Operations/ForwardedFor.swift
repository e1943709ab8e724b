import Foundation

/// Which address a request really came from when reverse proxies (nginx) stand in front of the
/// app. `X-Forwarded-For` is believed only when the socket peer is a trusted proxy, and then only
/// up to the first entry, from the right, that is not itself a trusted proxy: everything left of
/// that was written by the client and can be forged.
public enum ForwardedFor {
    /// - Parameters:
    ///   - peer: the socket's peer address (nil when unknown).
    ///   - headerValues: every `X-Forwarded-For` header, in order.
    ///   - trusted: addresses of the proxies in front of the app.
    public static func client(peer: String?, headerValues: [String], trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer) else { return peer }
        let hops = headerValues.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isAddress(hop) ? hop : peer
        }
        return hops.first.flatMap { isAddress($0) ? $0 : nil } ?? peer
    }

    /// A plain IPv4 or IPv6 literal (no port, no brackets, no names): anything else in the header
    /// is a mistake or a forgery and is not used as a rate-limit key or logged as an address.
    static func isAddress(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 45 else { return false }
        if s.contains(":") { return s.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { p in
                !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber)
                    && (Int(p) ?? 256) <= 255
            }
    }
}
