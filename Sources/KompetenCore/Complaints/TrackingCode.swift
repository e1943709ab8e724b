/// The code a resident keeps to follow a complaint: `ADU-` and eight characters of Crockford's
/// base 32 (no I, L, O or U, so it survives being read aloud or written by hand), 40 random bits.
/// It is the only key to the public status page, so it must not be guessable: a million filed
/// complaints leave a guess a 1 in a million chance.
public enum TrackingCode {
    public static let prefix = "ADU-"
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A new code from `random` (the caller passes a cryptographic generator in production).
    public static func make(using random: inout some RandomNumberGenerator) -> String {
        prefix + String((0..<8).map { _ in alphabet[Int(random.next() % 32)] })
    }

    /// The code in its canonical form, or nil when `input` cannot be one. Case, spaces and
    /// dashes do not matter, and the letters people confuse with digits are read as those digits
    /// (O → 0, I and L → 1), as Crockford's decoding does.
    public static func normalise(_ input: String) -> String? {
        var body = input.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        if body.hasPrefix("ADU") { body.removeFirst(3) }
        let mapped = body.map { c -> Character in
            switch c {
            case "O": "0"
            case "I", "L": "1"
            default: c
            }
        }
        guard mapped.count == 8, mapped.allSatisfy(alphabet.contains) else { return nil }
        return prefix + String(mapped)
    }
}
