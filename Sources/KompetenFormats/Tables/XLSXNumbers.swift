import Foundation
import KompetenCore

/// Numeric cells as text. Everything is done on the decimal digits of `<v>`, never through
/// `Double`, so what the file says is what the import sees.
enum XLSXNumbers {
    /// `<v>` → the text Excel shows under the General format: integers without ".0", plain
    /// decimals instead of exponents, at most 15 significant digits (Excel's precision; files
    /// store 17 digits, so 0.1+0.2 is written `0.30000000000000004` but shown as 0.3).
    /// An integer written out in full keeps all its digits: some writers store 18-digit NIPs
    /// exactly. One that Excel saved as `1.98503122010011E+17` comes back as
    /// `198503122010011000` — already damaged, which NIP validation then reports.
    static func text(_ v: String) -> String {
        let v = v.trimmingCharacters(in: .whitespaces)
        let unsigned = v.hasPrefix("-") ? v.dropFirst() : Substring(v)
        if !unsigned.isEmpty && unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) { return v }
        guard var (digits, point) = decompose(unsigned) else { return v }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            digits.removeSubrange(15...)
            if roundUp {
                var i = 14
                while i >= 0 && digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                }
                if i >= 0 {
                    digits[i] += 1
                } else {
                    digits.insert(1, at: 0)
                    point += 1
                }
            }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { return "0" }
        guard (-30...30).contains(point) else { return v } // absurd magnitude: leave as written
        let s = digits.map(String.init).joined()
        let body: String
        if point >= digits.count {
            body = s + String(repeating: "0", count: point - digits.count)
        } else if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + s
        } else {
            body = String(s.prefix(point)) + "." + String(s.dropFirst(point))
        }
        return (v.hasPrefix("-") ? "-" : "") + body
    }

    /// "91.5" with 2 decimals → "91.50", "100" → "100.00": what a fixed-decimal format shows.
    /// Never shortens (more digits stay, as `text` gave them); non-numbers come back unchanged.
    static func padded(_ text: String, decimals: Int) -> String {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard !unsigned.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return text }
        let have = parts.count == 2 ? parts[1].count : 0
        guard have < decimals else { return text }
        return text + (have == 0 ? "." : "") + String(repeating: "0", count: decimals - have)
    }

    /// "12.5E+3" → digits [1,2,5] with the decimal point after 5 places (value 0.125 × 10⁵);
    /// leading zeros removed. Nil for anything that is not a decimal number.
    private static func decompose(_ s: Substring) -> ([Int], Int)? {
        var mantissa = s
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 1000 else { return nil }
            mantissa = s[..<e]
            exponent = x
        }
        let halves = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count <= 2, !mantissa.isEmpty, mantissa != ".",
            halves.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        var digits = halves.joined().compactMap(\.wholeNumberValue)
        var point = halves[0].count + exponent
        while digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        return (digits, point)
    }

    /// Serial day number → `yyyy-mm-dd` (the form `SimpleDate(iso:)` parses), plus ` HH:mm`
    /// when the format shows a time and there is one. Nil outside years 1900–9999.
    static func date(serial v: String, date1904: Bool, showsTime: Bool) -> String? {
        guard let serial = Double(v), serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        // Excel's 1900 system counts a 29 February 1900 that never was (Lotus compatibility):
        // from serial 61 on, day 0 is 1899-12-30; before it, 1899-12-31.
        let epoch = date1904 ? daysFromCivil(1904, 1, 1) : daysFromCivil(1899, 12, days >= 61 ? 30 : 31)
        let (y, m, d) = civilFromDays(epoch + days)
        guard let date = SimpleDate(year: y, month: m, day: d) else { return nil }
        guard showsTime && seconds > 0 else { return date.iso }
        let minutes = seconds / 60
        return date.iso + " " + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian, day 0 = 1970-01-01).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
