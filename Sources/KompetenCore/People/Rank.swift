/// Golongan: a PNS has `I/a` … `IV/e` (I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e);
/// a PPPK has a roman numeral `I` … `XVII` (Perpres 98/2020).
public enum Rank {
    public static let pns: [String] = {
        let rooms: [(String, String)] = [("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde")]
        return rooms.flatMap { roman, letters in letters.map { "\(roman)/\($0)" } }
    }()
    public static let pppk = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    ]

    /// The accepted spelling of `raw` (case and spaces forgiven), or nil when it is not a golongan of that kind.
    public static func normalise(_ raw: String, for kind: NIP.Kind) -> String? {
        let compact = raw.filter { !$0.isWhitespace }
        switch kind {
        case .pns:
            let parts = compact.split(separator: "/")
            guard parts.count == 2 else { return nil }
            let candidate = parts[0].uppercased() + "/" + parts[1].lowercased()
            return pns.contains(candidate) ? candidate : nil
        case .pppk:
            let candidate = compact.uppercased()
            return pppk.contains(candidate) ? candidate : nil
        }
    }

    public static func problem(_ raw: String, for kind: NIP.Kind) -> String? {
        guard normalise(raw, for: kind) == nil else { return nil }
        return kind == .pns
            ? "Golongan PNS harus berbentuk I/a sampai IV/e (mis. III/b)."
            : "Golongan PPPK harus angka romawi I sampai XVII (mis. IX)."
    }
}
