import Foundation

/// A CSV problem, addressed like the spreadsheet the user edited: `row` 1 is the header line.
public struct CSVError: Error, Equatable, Sendable {
    public let row: Int
    /// Bahasa Indonesia, shown to the user as is.
    public let message: String

    public init(row: Int, message: String) {
        self.row = row
        self.message = message
    }
}

/// Reads CSV as users actually produce it: Excel in an Indonesian locale saves `;`-separated
/// files, Google Sheets and LibreOffice default to `,`; "CSV UTF-8" from Excel starts with a BOM,
/// "Unicode text" is UTF-16. RFC 4180 quoting throughout.
public enum CSVReader {
    public static func read(_ data: Data) throws -> Table {
        let text = try decode(data)
        let scalars = Array(text.unicodeScalars)
        let delimiter = detectDelimiter(scalars)
        let records = try parse(scalars, delimiter: delimiter)
        guard let header = records.first else { return Table(header: []) }
        return Table(header: header, rows: Array(records.dropFirst()))
    }

    // MARK: Decoding

    /// UTF-8 (BOM optional) or UTF-16 with a BOM. Anything else — typically Excel's plain "CSV",
    /// which is Windows-1252 — is refused rather than guessed, because a wrongly decoded name
    /// would be stored silently.
    static func decode(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        // Users pick "Excel 97-2003" by habit; say so instead of "not UTF-8".
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw CSVError(
                row: 1,
                message: "Berkas Excel lama (.xls) tidak didukung. Simpan ulang sebagai .xlsx atau \"CSV UTF-8\".")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        var text = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): text.append(Unicode.UTF8.decode(encoded))
            case .emptyInput: return String(text)
            case .error: throw notUTF8(after: String(text))
            }
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws -> String {
        guard bytes.count % 2 == 0 else { throw CSVError(row: 1, message: "Berkas UTF-16 terpotong.") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var text = String.UnicodeScalarView()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): text.append(Unicode.UTF16.decode(encoded))
            case .emptyInput: return String(text)
            case .error: throw CSVError(row: 1, message: "Berkas UTF-16 rusak.")
            }
        }
    }

    /// The row is the line on which the bad byte sits (counted on the text before it), so the
    /// user can find the offending name.
    private static func notUTF8(after prefix: String) -> CSVError {
        let scalars = Array(prefix.unicodeScalars)
        var row: Int
        do {
            row = try parse(scalars, delimiter: ",").count
            if scalars.isEmpty || scalars.last == "\n" || scalars.last == "\r" { row += 1 }
        } catch {
            row = (error as? CSVError)?.row ?? 1 // the bad byte sits inside a quoted field
        }
        return CSVError(row: row, message: "Berkas bukan teks UTF-8. Simpan ulang dari Excel sebagai \"CSV UTF-8\".")
    }

    // MARK: Parsing

    /// `;` when the header line has more semicolons than commas (outside quotes), else `,`.
    static func detectDelimiter(_ s: [Unicode.Scalar]) -> Unicode.Scalar {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for c in s {
            if c == "\"" {
                quoted.toggle()
            } else if !quoted && (c == "\n" || c == "\r") {
                break
            } else if !quoted && c == ";" {
                semicolons += 1
            } else if !quoted && c == "," {
                commas += 1
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// One record per spreadsheet row. A quoted field may hold delimiters, doubled quotes and
    /// line breaks. Stray quotes are kept as text, as Excel does, rather than rejected: only an
    /// unterminated quote is an error, because it swallows the rest of the file.
    static func parse(_ s: [Unicode.Scalar], delimiter: Unicode.Scalar) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var quoted = false // inside "…"
        var fieldStarted = false // something (even "") was read for this field
        var quoteRow = 0

        var heldCells = 0
        // The same bounds as for XLSX (`TableLimits`), checked before a field is kept.
        func endField() throws {
            let row = records.count + 1
            guard record.count < TableLimits.maxColumns || field.isEmpty else {
                throw CSVError(row: row, message: TableLimits.tooWideMessage(column: record.count))
            }
            guard record.count < TableLimits.maxColumns else {
                // Empty fields past the last column (`a;b;;;;…`) are not kept.
                field = String.UnicodeScalarView()
                fieldStarted = false
                return
            }
            heldCells += 1
            guard heldCells <= TableLimits.maxCells else {
                throw CSVError(row: row, message: TableLimits.tooManyCellsMessage)
            }
            record.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
        }
        func endRecord() throws {
            try endField()
            guard records.count < TableLimits.maxRows + 1 else {
                throw CSVError(row: records.count + 1, message: TableLimits.tooLongMessage(row: records.count + 1))
            }
            records.append(record)
            record = []
        }

        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count && s[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && !fieldStarted {
                quoted = true
                fieldStarted = true
                quoteRow = records.count + 1
            } else if c == delimiter {
                try endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < s.count && s[i + 1] == "\n" { i += 1 }
                try endRecord()
            } else {
                field.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if quoted {
            throw CSVError(
                row: quoteRow, message: "Tanda petik (\") yang dibuka di baris \(quoteRow) tidak pernah ditutup.")
        }
        // A last line without a line break still counts; a final line break adds no record.
        if fieldStarted || !field.isEmpty || !record.isEmpty { try endRecord() }
        return records
    }
}
