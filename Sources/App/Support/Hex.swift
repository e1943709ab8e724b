import Foundation

/// Lower-case hex of hash digests (token hashes, the survey sender hash, kiosk keys).
/// By table: `String(format: "%02x")` per byte was a measurable share of every API call.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func lower(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `UUID().uuidString.lowercased()` without Foundation's string bridging (about 25 µs a
    /// request on the 2-core server; the request id of every request is one).
    static func uuidLower(_ id: UUID) -> String {
        let u = id.uuid
        let bytes = [
            u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15,
        ]
        let hex = Array(lower(bytes).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, c) in hex.enumerated() {
            if [8, 12, 16, 20].contains(i) { out.append(UInt8(ascii: "-")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
