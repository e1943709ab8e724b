/// The NIK (Nomor Induk Kependudukan) is personal data under UU 27/2022. Everywhere but the
/// admin's logged "reveal", it is shown with only its last 4 digits: the first 6 are the
/// region code and digits 7–12 the birth date (day + 40 for women), which together with the
/// NIP (which carries the same birth date) would narrow the person down; the last 4 alone
/// don't, yet let a clerk check a number read out over the counter.
public enum NIKMask {
    public static let visibleDigits = 4

    /// `"5371011203850001"` → `"••••••••••••0001"`; nil → `"—"`; anything shorter than 8
    /// characters (not a NIK) is hidden whole.
    public static func mask(_ nik: String?) -> String {
        guard let nik else { return "—" }
        guard nik.count >= 8 else { return "••••" }
        return String(repeating: "•", count: nik.count - visibleDigits) + String(nik.suffix(visibleDigits))
    }
}
