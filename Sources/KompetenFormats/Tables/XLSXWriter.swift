import Foundation
import KompetenCore
import ZIPFoundation

/// Writes a minimal .xlsx: one worksheet per table, header row bold and frozen.
///
/// Text goes in as inline strings, which Excel never evaluates, so unlike `CSVWriter` no `'`
/// prefix is added: `=SUM(A1)` stays the literal text `=SUM(A1)` and round-trips unchanged.
public enum XLSXWriter {
    public static func write(sheets: [(name: String, table: Table)]) throws -> Data {
        guard !sheets.isEmpty else { throw XLSXError(message: "Buku kerja harus berisi setidaknya satu lembar") }
        for (_, table) in sheets {
            let width = ([table.header] + table.rows).map(\.count).max() ?? 0
            guard table.rows.count + 1 <= CellRef.maxRows, width <= CellRef.maxColumns else {
                throw XLSXError(message: "Tabel melebihi batas ukuran lembar Excel")
            }
        }
        let names = sheetNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", XLSXParts.rootRels),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRels(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXParts.styles),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.table)))
        }
        return try zip(parts)
    }

    /// A cell becomes a number only if reading it back yields the same text, so exports
    /// round-trip and nothing is silently changed: numbers are `^-?[0-9]+(\.[0-9]+)?$` without
    /// leading zeros (a unit code `007` stays text), without trailing fraction zeros (`3.50`
    /// would show as 3.5), not `-0`, and at most 15 significant digits, because Excel keeps only
    /// 15 — an 18-digit NIP stored as a number would come back as `198503122010011000`.
    static func isNumeric(_ s: String) -> Bool {
        guard CSVWriter.isPlainNumber(s, decimalSeparators: ["."]) else { return false }
        let unsigned = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        if integer.count > 1 && integer.hasPrefix("0") { return false }
        if fraction.hasSuffix("0") { return false }
        let significant = (integer + fraction).drop { $0 == "0" }
        if significant.isEmpty && s.hasPrefix("-") { return false }
        return significant.count <= 15
    }

    /// A data cell that Excel can compute with: a number (with 1–4 decimals shown as written, so
    /// a JPM "91.50" is the number 91.5 displayed 91.50) or an ISO date (a serial day number shown
    /// dd/mm/yyyy). `XLSXReader` reads both back as the same text. Nil: the cell stays text.
    static func typed(_ s: String) -> (value: String, style: Int?)? {
        if let d = fixedDecimals(s) {
            var v = Substring(s)
            while v.last == "0" { v = v.dropLast() }
            if v.last == "." { v = v.dropLast() }
            return (String(v), XLSXParts.decimalStyles.lowerBound + d - 1)
        }
        if isNumeric(s) { return (s, nil) }
        if let percent = percent(s) { return percent }
        if let rupiah = rupiah(s) { return (rupiah, XLSXParts.rupiahStyle) }
        if s.count == 10, let date = SimpleDate(iso: s), (1901...9999).contains(date.year) {
            // Day 0 of Excel's 1900 system is 1899-12-30 from 1 March 1900 on.
            let serial =
                XLSXNumbers.daysFromCivil(date.year, date.month, date.day) - XLSXNumbers.daysFromCivil(1899, 12, 30)
            return (String(serial), XLSXParts.dateStyle)
        }
        return nil
    }

    /// "66,7 %" (KompetenCore's IndonesianFormat: comma decimals, dot thousands, a space before
    /// the sign) → the fraction "0.667" in the percent style with as many decimals (0–2). The
    /// point moves on the digits, not through Double, so no float noise reaches the file.
    static func percent(_ s: String) -> (value: String, style: Int)? {
        guard s.hasSuffix(" %") else { return nil }
        let body = s.dropLast(2)
        let negative = body.hasPrefix("-")
        let unsigned = negative ? body.dropFirst() : body
        let halves = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        guard halves.count <= 2, let integer = ungrouped(halves[0]) else { return nil }
        let fraction = halves.count == 2 ? halves[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            halves.count == 1 || !fraction.isEmpty
        else { return nil }
        // value/100: the last two integer digits join the fraction.
        let padded = String(repeating: "0", count: max(0, 3 - integer.count)) + integer
        var whole = String(padded.dropLast(2))
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        var frac = String(padded.suffix(2)) + fraction
        while frac.hasSuffix("0") { frac.removeLast() }
        let value = frac.isEmpty ? whole : whole + "." + frac
        guard value != "0" || !negative else { return nil }
        return ((negative ? "-" : "") + value, XLSXParts.percentStyles.lowerBound + fraction.count)
    }

    /// "Rp 1.500.000" or "-Rp 1.500" → the integer "1500000" / "-1500".
    static func rupiah(_ s: String) -> String? {
        let negative = s.hasPrefix("-")
        let unsigned = negative ? s.dropFirst() : Substring(s)
        guard unsigned.hasPrefix("Rp "), let digits = ungrouped(unsigned.dropFirst(3)) else { return nil }
        guard digits != "0" || !negative else { return nil }
        return (negative ? "-" : "") + digits
    }

    /// "1.234.567" → "1234567" for an unsigned figure (the sign is read by the caller): the same
    /// grouping rule as `DisplayNumberColumns`.
    static func ungrouped(_ s: Substring) -> String? {
        s.hasPrefix("-") ? nil : DisplayNumberColumns.grouped(String(s))
    }

    /// The fraction digits (1–4) of a decimal that is a number once its trailing zeros go ("3.50",
    /// "100.00", "0.25"); nil for anything else.
    static func fixedDecimals(_ s: String) -> Int? {
        guard let dot = s.firstIndex(of: ".") else { return nil }
        let digits = s.distance(from: s.index(after: dot), to: s.endIndex)
        guard (1...4).contains(digits) else { return nil }
        var trimmed = Substring(s)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        guard isNumeric(String(trimmed)) else { return nil }
        return digits
    }

    static func worksheet(_ table: Table) -> String {
        var xml = XLSXParts.declaration + #"<worksheet xmlns="\#(XLSXParts.mainNS)">"#
        // Freeze the header row so it stays visible while scrolling long lists.
        xml +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" "#
            + #"activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += columnWidths(table)
        xml += "<sheetData>"
        for (r, row) in ([table.header] + table.rows).enumerated() where !row.isEmpty {
            xml += #"<row r="\#(r + 1)">"#
            for (c, value) in row.enumerated() {
                let ref = CellRef.columnName(c) + String(r + 1)
                let style = r == 0 ? #" s="1""# : ""
                if value.isEmpty {
                    // Written anyway so a row's length (ragged rows) survives the round trip.
                    xml += #"<c r="\#(ref)"\#(style)/>"#
                } else if r > 0, let typed = typed(value) {
                    let s = typed.style.map { #" s="\#($0)""# } ?? ""
                    xml += #"<c r="\#(ref)"\#(s)><v>\#(typed.value)</v></c>"#
                } else {
                    let text = XMLText.escape(XMLText.encodeOfficeEscapes(value))
                    xml += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Widths from the longest line in each column (Excel's default 8.43 cuts off names).
    private static func columnWidths(_ table: Table) -> String {
        var widths: [Int] = []
        for row in [table.header] + table.rows {
            for (c, value) in row.enumerated() {
                if c >= widths.count { widths.append(contentsOf: repeatElement(0, count: c - widths.count + 1)) }
                let longest = value.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
                widths[c] = max(widths[c], longest)
            }
        }
        guard !widths.isEmpty else { return "" }
        let cols = widths.enumerated().map { c, w in
            #"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(min(max(w + 2, 9), 60))" customWidth="1"/>"#
        }.joined()
        return "<cols>\(cols)</cols>"
    }

    /// Excel's rules: 1–31 characters (UTF-16 units), none of `[]:*?/\`, no leading or trailing
    /// `'`, unique regardless of case. Names are repaired, not rejected: they come from code.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.enumerated().map { i, raw in
            var name = String(raw.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 })
                .trimmingCharacters(in: CharacterSet(charactersIn: "' ").union(.whitespacesAndNewlines))
            if name.isEmpty { name = "Lembar \(i + 1)" }
            var candidate = truncated(name, to: 31)
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = truncated(name, to: 31 - suffix.utf16.count) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private static func truncated(_ s: String, to units: Int) -> String {
        var out = ""
        for ch in s {
            guard out.utf16.count + ch.utf16.count <= units else { break }
            out.append(ch)
        }
        return out
    }

    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed timestamp makes the same table produce the same bytes (cacheable, testable).
        let stamp = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: stamp, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXError(message: "Gagal membuat berkas XLSX") }
        return data
    }
}
