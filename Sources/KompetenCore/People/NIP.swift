import Foundation

/// The 18-digit Nomor Induk Pegawai (NIP) of a PNS, and the NI PPPK of a PPPK.
///
/// Layout (BKN): `yyyymmdd` birth date, then the appointment: for a PNS the TMT as `yyyymm`,
/// for a PPPK the appointment year followed by `21` (where a PNS has the month), then the sex
/// digit (`1` male, `2` female) and a 3-digit sequence.
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case pns = "PNS"
        case pppk = "PPPK"
    }
    public enum Sex: Int, Sendable {
        case male = 1
        case female = 2
    }

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
        case length(Int)
        case notDigits, birthDate, appointment, appointmentBeforeBirth, sex, sequence
        /// A TMT in a year that has not begun: the NIP is mistyped (or invented).
        case appointmentInFuture(Int)
        /// NI PPPK exist since the first PPPK appointments in 2019 (PP 49/2018).
        case pppkBefore2019(Int)

        public var message: String {
            switch self {
            case .length(let n): "NIP harus 18 digit (tertulis \(n) digit)."
            case .notDigits: "NIP hanya boleh berisi angka."
            case .birthDate: "Delapan digit pertama NIP bukan tanggal lahir yang sah (yyyymmdd)."
            case .appointment: "Digit 9–14 NIP bukan TMT yang sah (yyyymm, atau tahun + 21 untuk PPPK)."
            case .appointmentBeforeBirth:
                "TMT pengangkatan pada NIP tidak masuk akal terhadap tanggal lahir (usia di bawah 18 tahun pada TMT)."
            case .appointmentInFuture(let y): "Tahun TMT pada NIP (\(y)) belum tiba; periksa kembali NIP."
            case .pppkBefore2019(let y):
                "NI PPPK dengan tahun pengangkatan \(y) tidak sah: PPPK baru diangkat sejak 2019."
            case .sex: "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2."
            case .sequence: "Tiga digit terakhir NIP (nomor urut) tidak boleh 000."
            }
        }
    }

    /// Characters a NIP pasted from a spreadsheet or a PDF may carry besides its digits: every
    /// Unicode whitespace (U+00A0 no-break space, U+202F, U+2007, tabs, line breaks …) and the
    /// invisible zero-width ones, which are not whitespace to Swift but are just as invisible.
    static func isFiller(_ c: Character) -> Bool {
        c.isWhitespace
            || c.unicodeScalars.allSatisfy {
                ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"].contains($0)
            }
    }

    /// The first PPPK were appointed in 2019 (PP 49/2018), so no NI PPPK has an earlier year.
    public static let firstPPPKYear = 2019
    /// Nobody is appointed ASN before their 18th birthday (UU 20/2023: at least 18 years old).
    public static let minimumAgeAtTMT = 18

    /// The current year in WITA (Kupang, UTC+8), the default for `parse`.
    public static func currentYear(_ now: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: IndonesianFormat.witaOffset)!
        return calendar.component(.year, from: now)
    }

    /// Parses and validates; whitespace of any kind is ignored (NIPs are often written
    /// `19850312 201001 1 002`, and spreadsheets paste no-break spaces). `currentYear` bounds the
    /// TMT: an appointment in a later year cannot be on a real NIP yet.
    public static func parse(_ raw: String, currentYear: Int = NIP.currentYear()) -> Result<NIP, Problem> {
        let text = String(raw.filter { !isFiller($0) })
        guard text.count == 18 else { return .failure(.length(text.count)) }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notDigits) }
        let d = Array(text).map { Int(String($0))! }
        func number(_ from: Int, _ count: Int) -> Int { d[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }

        guard let birth = SimpleDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)),
            (1940...2015).contains(birth.year)
        else { return .failure(.birthDate) }
        let year = number(8, 4)
        let monthField = number(12, 2)
        guard (1960...2100).contains(year) else { return .failure(.appointment) }
        let month: Int?
        switch monthField {
        case 1...12: month = monthField
        case 21: month = nil // NI PPPK
        default: return .failure(.appointment)
        }
        guard year <= currentYear else { return .failure(.appointmentInFuture(year)) }
        if month == nil, year < firstPPPKYear { return .failure(.pppkBefore2019(year)) }
        guard age(born: birth, appointmentYear: year, appointmentMonth: month) >= minimumAgeAtTMT else {
            return .failure(.appointmentBeforeBirth)
        }
        guard let sex = Sex(rawValue: d[14]) else { return .failure(.sex) }
        let sequence = number(15, 3)
        guard sequence > 0 else { return .failure(.sequence) }
        return .success(
            NIP(
                digits: text, birthDate: birth, appointmentYear: year,
                appointmentMonth: month, sex: sex, sequence: sequence))
    }

    /// Age in full years at the TMT, by dates: a PNS TMT is the first of its month (born
    /// 2000-12-05, TMT 2018-01 is 17). A NI PPPK carries only the year, so its TMT is taken as
    /// the last day of that year: the age is refused only when it is under 18 whatever the month.
    public static func age(born birth: SimpleDate, appointmentYear year: Int, appointmentMonth month: Int?) -> Int {
        let tmtMonth = month ?? 12
        let tmtDay = month == nil ? 31 : 1
        let hadBirthday = (tmtMonth, tmtDay) >= (birth.month, birth.day)
        return year - birth.year - (hadBirthday ? 0 : 1)
    }

    /// Builds a NIP from its parts (used by the demo generator; the result always validates).
    public static func make(birth: SimpleDate, appointmentYear: Int, appointmentMonth: Int?, sex: Sex, sequence: Int)
        -> String
    {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return pad(birth.year, 4) + pad(birth.month, 2) + pad(birth.day, 2) + pad(appointmentYear, 4)
            + pad(appointmentMonth ?? 21, 2) + String(sex.rawValue) + pad(sequence, 3)
    }
}
