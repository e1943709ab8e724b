import Foundation

/// Which cell styles (`s="…"`) display a number as a date. Excel stores a date as a serial day
/// number and only the style says so; without this, a typed 29/11/2026 would import as `46355`.
struct XLSXStyles {
    private(set) var dateStyles: Set<Int> = []
    /// Date styles that also show the time of day.
    private(set) var dateTimeStyles: Set<Int> = []
    /// Styles with a fixed number of decimals ("0.00", "#,##0.00"): the text Excel shows keeps
    /// them, so a JPM written as 91.50 reads back as "91.50", not "91.5".
    private(set) var decimals: [Int: Int] = [:]
    /// Percent styles ("0.0%") and their decimals: read back as KompetenCore's "66,7 %".
    private(set) var percents: [Int: Int] = [:]
    /// Rupiah styles (a code with "Rp"): read back as "Rp 1.500.000".
    private(set) var rupiahStyles: Set<Int> = []

    init() {}

    init(_ xml: Data) throws {
        var customFormats: [Int: String] = [:]
        var cellFormatIds: [Int] = []
        var inCellXfs = false
        try XMLWalker.walk(
            xml,
            start: { name, attrs in
                switch name {
                case "numFmt":
                    if let id = attrs["numFmtId"].flatMap(Int.init) { customFormats[id] = attrs["formatCode"] ?? "" }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: cellFormatIds.append(attrs["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            },
            end: { name in
                if name == "cellXfs" { inCellXfs = false }
            })
        for (style, id) in cellFormatIds.enumerated() {
            let kind = customFormats[id].map(XLSXStyles.kind(ofCode:)) ?? XLSXStyles.kind(ofBuiltin: id)
            if kind != .number { dateStyles.insert(style) }
            if kind == .dateTime { dateTimeStyles.insert(style) }
            if let d = customFormats[id].map(XLSXStyles.fixedDecimals(ofCode:)) ?? XLSXStyles.builtinDecimals[id] {
                decimals[style] = d
            }
            if let d = customFormats[id].map(XLSXStyles.percentDecimals(ofCode:)) ?? XLSXStyles.builtinPercents[id] {
                percents[style] = d
            }
            if customFormats[id]?.contains("Rp") == true { rupiahStyles.insert(style) }
        }
    }

    /// Built-in 9 is "0%", 10 "0.00%".
    static let builtinPercents = [9: 0, 10: 2]

    /// "0.0%" → 1, "0%" → 0; nil for a code that is not a plain percentage.
    static func percentDecimals(ofCode code: String) -> Int? {
        guard code.hasSuffix("%") else { return nil }
        let number = code.dropLast()
        if number == "0" { return 0 }
        guard number.hasPrefix("0."), number.dropFirst(2).allSatisfy({ $0 == "0" }), number.count <= 12 else {
            return nil
        }
        return number.count - 2
    }

    /// Built-in 2 is "0.00", 4 "#,##0.00".
    static let builtinDecimals = [2: 2, 4: 2]

    /// "0.00" → 2, "#,##0.0" → 1; nil for any other code (a percentage, a currency, text).
    static func fixedDecimals(ofCode code: String) -> Int? {
        let integer = code.hasPrefix("#,##0.") ? code.dropFirst(6) : code.hasPrefix("0.") ? code.dropFirst(2) : nil
        guard let fraction = integer, (1...10).contains(fraction.count), fraction.allSatisfy({ $0 == "0" }) else {
            return nil
        }
        return fraction.count
    }

    enum Kind { case number, date, dateTime }

    /// Built-in formats (ECMA-376 §18.8.30): 14–17 dates, 22 date with time, 27–36 and 50–58
    /// East-Asian dates. Time-only formats (18–21, 45–47) stay numbers: not a calendar date.
    static func kind(ofBuiltin id: Int) -> Kind {
        switch id {
        case 14...17, 27...36, 50...58: .date
        case 22: .dateTime
        default: .number
        }
    }

    /// A custom code is a date format when, outside quoted text, `\`-escapes and `[…]` sections
    /// (colours, locales such as `[$-421]` for Indonesian), it has a day or year token.
    static func kind(ofCode code: String) -> Kind {
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for c in code {
            if escaped {
                escaped = false
                continue
            }
            switch c {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(c) }
            }
        }
        plain = plain.lowercased()
        guard plain.contains("d") || plain.contains("y") else { return .number }
        return plain.contains("h") ? .dateTime : .date
    }
}
