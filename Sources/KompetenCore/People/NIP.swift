/// The 18-digit Nomor Induk Pegawai (NIP) of a PNS, and the NI PPPK of a PPPK.
///
/// Layout (BKN): `yyyymmdd` birth date, then the appointment: for a PNS the TMT as `yyyymm`,
/// for a PPPK the appointment year followed by `21` (where a PNS has the month), then the sex
/// digit (`1` male, `2` female) and a 3-digit sequence.
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case pns = "PNS", pppk = "PPPK" }
    public enum Sex: Int, Sendable { case male = 1, female = 2 }

    public let digits: String
    public let birthDate: SimpleDate
    public let appointmentYear: Int
    /// The TMT month for a PNS; nil for a PPPK.
    public let appointmentMonth: Int?
    public let sex: Sex
    public let sequence: Int

    public var kind: Kind { appointmentMonth == nil ? .pppk : .pns }
    public var description: String { digits }

    /// The reasons a NIP is refused; `message` is shown to the user.
    public enum Problem: Error, Equatable, Sendable {
        case length(Int), notDigits, birthDate, appointment, appointmentBeforeBirth, sex, sequence

        public var message: String {
            switch self {
            case .length(let n): "NIP harus 18 digit (tertulis \(n) digit)."
            case .notDigits: "NIP hanya boleh berisi angka."
            case .birthDate: "Delapan digit pertama NIP bukan tanggal lahir yang sah (yyyymmdd)."
            case .appointment: "Digit 9–14 NIP bukan TMT yang sah (yyyymm, atau tahun + 21 untuk PPPK)."
            case .appointmentBeforeBirth: "TMT pengangkatan pada NIP tidak masuk akal terhadap tanggal lahir (usia di bawah 18 tahun)."
            case .sex: "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2."
            case .sequence: "Tiga digit terakhir NIP (nomor urut) tidak boleh 000."
            }
        }
    }

    /// Parses and validates; spaces are ignored (NIPs are often written `19850312 201001 1 002`).
    public static func parse(_ raw: String) -> Result<NIP, Problem> {
        let text = raw.filter { $0 != " " }
        guard text.count == 18 else { return .failure(.length(text.count)) }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notDigits) }
        let d = Array(text).map { Int(String($0))! }
        func number(_ from: Int, _ count: Int) -> Int { d[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }

        guard let birth = SimpleDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)),
              (1940...2015).contains(birth.year) else { return .failure(.birthDate) }
        let year = number(8, 4), monthField = number(12, 2)
        guard (1960...2100).contains(year) else { return .failure(.appointment) }
        let month: Int?
        switch monthField {
        case 1...12: month = monthField
        case 21: month = nil // NI PPPK
        default: return .failure(.appointment)
        }
        guard year - birth.year >= 18 else { return .failure(.appointmentBeforeBirth) }
        guard let sex = Sex(rawValue: d[14]) else { return .failure(.sex) }
        let sequence = number(15, 3)
        guard sequence > 0 else { return .failure(.sequence) }
        return .success(NIP(digits: text, birthDate: birth, appointmentYear: year,
                            appointmentMonth: month, sex: sex, sequence: sequence))
    }

    /// Builds a NIP from its parts (used by the demo generator; the result always validates).
    public static func make(birth: SimpleDate, appointmentYear: Int, appointmentMonth: Int?, sex: Sex, sequence: Int) -> String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return pad(birth.year, 4) + pad(birth.month, 2) + pad(birth.day, 2) + pad(appointmentYear, 4)
            + pad(appointmentMonth ?? 21, 2) + String(sex.rawValue) + pad(sequence, 3)
    }
}
