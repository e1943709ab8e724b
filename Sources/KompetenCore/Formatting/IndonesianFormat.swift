import Foundation

/// Dates, numbers and money as the UI shows them (SPEC.md, Conventions).
///
/// Everything is computed by hand: Linux Foundation may ship incomplete `id_ID` locale data, and
/// WITA has been a fixed UTC+8 without DST, so plain arithmetic is both simpler and reproducible.
public enum IndonesianFormat {
    public static let monthNames = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    /// WITA (Asia/Makassar) offset from UTC, in seconds.
    public static let witaOffset = 8 * 3600

    /// `29 November 2026` in WITA.
    public static func date(_ d: Date) -> String {
        let (day, _) = witaParts(d)
        return date(day)
    }

    /// `29 November 2026 11.45 WITA` (24-hour clock; Indonesian separates hour and minute with a dot).
    public static func dateTime(_ d: Date) -> String {
        let (day, minuteOfDay) = witaParts(d)
        return "\(date(day)) \(pad2(minuteOfDay / 60)).\(pad2(minuteOfDay % 60)) WITA"
    }

    /// `29 November 2026`.
    public static func date(_ d: SimpleDate) -> String {
        "\(d.day) \(monthNames[d.month - 1]) \(d.year)"
    }

    /// `7.012`, `-1.234.567`.
    public static func integer(_ n: Int) -> String {
        // Grouping the magnitude (a UInt) keeps Int.min printable.
        (n < 0 ? "-" : "") + grouped(String(n.magnitude))
    }

    /// `1.234,56`, rounded half away from zero; never prints a negative zero.
    ///
    /// Rounding works on the shortest decimal text that round-trips the Double (what the user typed),
    /// not on its binary value: 1.005 is stored as 1.00499…, yet people expect `1,01`.
    public static func decimal(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "-" }
        let places = max(0, digits)
        var (intDigits, fracDigits) = plainDigits(x.magnitude)
        fracDigits += String(repeating: "0", count: max(0, places + 1 - fracDigits.count))
        var kept = Array(intDigits + fracDigits.prefix(places))
        let roundUp = fracDigits[fracDigits.index(fracDigits.startIndex, offsetBy: places)] >= "5"
        if roundUp {
            // Propagate the carry from the last kept digit; a carry out of the top adds a digit.
            var i = kept.count - 1
            while i >= 0, kept[i] == "9" {
                kept[i] = "0"
                i -= 1
            }
            if i >= 0 { kept[i] = Character(String(kept[i].wholeNumberValue! + 1)) } else { kept.insert("1", at: 0) }
        }
        let intCount = kept.count - places
        intDigits = String(kept[..<intCount])
        let frac = String(kept[intCount...])
        let isZero = kept.allSatisfy { $0 == "0" }
        let sign = x < 0 && !isZero ? "-" : ""
        return sign + grouped(intDigits) + (places > 0 ? "," + frac : "")
    }

    /// `Rp 1.500.000`; negative amounts as `-Rp 1.500.000`.
    public static func money(_ rupiah: Int) -> String {
        (rupiah < 0 ? "-" : "") + "Rp " + grouped(String(rupiah.magnitude))
    }

    // MARK: - Helpers

    /// The WITA calendar day and the minute within that day.
    static func witaParts(_ d: Date) -> (SimpleDate, Int) {
        // Floor (not truncate) so instants before 1970 land on the right day and minute.
        let seconds = Int((d.timeIntervalSince1970).rounded(.down)) + witaOffset
        let days = Int((Double(seconds) / 86400).rounded(.down))
        let secondOfDay = seconds - days * 86400
        return (civilDate(daysSinceEpoch: days), secondOfDay / 60)
    }

    /// Days since 1970-01-01 → Gregorian date (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int) -> SimpleDate {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097 // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365 // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100) // [0, 365], year starts in March
        let mp = (5 * doy + 2) / 153 // [0, 11]
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return SimpleDate(year: year, month: month, day: day)!
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Inserts a dot every three digits from the right: `1234567` → `1.234.567`.
    static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    /// The shortest round-trip decimal of a non-negative finite Double, split at the point and
    /// without exponent: 1.5e-05 → ("0", "000015"); 1.5e+20 → ("150000000000000000000", "").
    static func plainDigits(_ x: Double) -> (String, String) {
        let text = "\(x)".lowercased() // Swift prints the shortest text that reads back exactly.
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0])
        let frac = mantissa.count > 1 ? String(mantissa[1]) : ""
        let all = whole + frac
        let point = whole.count + exponent // position of the decimal point within `all`
        var intPart: String
        var fracPart: String
        if point <= 0 {
            intPart = "0"
            fracPart = String(repeating: "0", count: -point) + all
        } else if point >= all.count {
            intPart = all + String(repeating: "0", count: point - all.count)
            fracPart = ""
        } else {
            intPart = String(all.prefix(point))
            fracPart = String(all.dropFirst(point))
        }
        intPart = String(intPart.drop { $0 == "0" })
        if intPart.isEmpty { intPart = "0" }
        while fracPart.last == "0" { fracPart.removeLast() }
        return (intPart, fracPart)
    }

    /// A number as it goes back into a form field: no thousands separator and no rounding (the
    /// field is read back with "," or "." as the decimal mark), e.g. `1000`, `72,25`.
    public static func editable(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded(), x.magnitude < 1e15 { return String(Int(x)) }
        return "\(x)".replacingOccurrences(of: ".", with: ",")
    }
}
