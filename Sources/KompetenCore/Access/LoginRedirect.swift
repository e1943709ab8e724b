import Foundation

/// Where the login page may send the user afterwards (`next`): only a path of this app.
///
/// Browsers are lenient with `Location`: they drop tabs and newlines (`/\t/evil.example` becomes
/// `//evil.example`, another site), read `\` as `/`, and a CR/LF in the value would start a new
/// header. So the rule is strict rather than clever: printable ASCII only (no control characters,
/// no spaces), one leading `/` not followed by `/` or `\` (also once percent-decoded, which
/// catches `/%2F%2Fevil.example` and `/%09/…`), no backslash anywhere, at most 500 characters,
/// and never the login page itself. Anything else goes home (`/`).
public enum LoginRedirect {
    public static let maximumLength = 500
    public static let home = "/"

    /// `next` when it is a safe path of this app, otherwise `/`.
    public static func target(_ next: String?) -> String {
        guard let next, isSafe(next) else { return home }
        return next
    }

    public static func isSafe(_ next: String) -> Bool {
        guard !next.isEmpty, next.utf8.count <= maximumLength else { return false }
        guard isSafePath(next) else { return false }
        // The same value once percent-decoded must pass too (a proxy or browser may decode it).
        if let decoded = next.removingPercentEncoding, decoded != next, !isSafePath(decoded) { return false }
        return true
    }

    private static func isSafePath(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        // Printable ASCII only: no control characters (tab, CR, LF, DEL), spaces or non-ASCII.
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return false }
        guard bytes.first == UInt8(ascii: "/") else { return false }
        guard !bytes.contains(UInt8(ascii: "\\")) else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        // Not back to the login page (`/login`, `/login?…`, `/login/…`).
        let lowered = String(s.prefix { $0 != "?" && $0 != "#" }).lowercased()
        if lowered == "/login" || lowered.hasPrefix("/login/") { return false }
        return true
    }
}
