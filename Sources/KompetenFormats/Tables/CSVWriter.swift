import Foundation

/// Writes CSV for Excel as used in Indonesian offices: the locale's list separator is `;`, and
/// without a UTF-8 BOM Excel decodes the file as Windows-1252 and mangles names like "Nuñez".
public enum CSVWriter {
    public static func write(_ table: Table, delimiter: Character = ";", bom: Bool = true) -> Data {
        var out = bom ? "\u{FEFF}" : ""
        for row in [table.header] + table.rows {
            out += row.map { field(neutralise($0), delimiter: delimiter) }.joined(separator: String(delimiter))
            out += "\r\n" // RFC 4180; Excel on every platform accepts it
        }
        return Data(out.utf8)
    }

    /// Quotes a field only when it must, so simple files stay readable in a text editor.
    static func field(_ cell: String, delimiter: Character) -> String {
        let needsQuotes = cell.unicodeScalars.contains { c in
            c == "\"" || c == "\r" || c == "\n" || Character(c) == delimiter
        }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// CSV/formula injection defence (OWASP): a cell that a spreadsheet would evaluate as a
    /// formula — starting with `=`, `+`, `-`, `@`, TAB or CR — gets a leading `'`, which makes
    /// Excel and LibreOffice treat it as text. Plain numbers such as `-5` or `-5,5` are left
    /// alone: they cannot run anything, and prefixing them would break negative scores.
    /// A phone number like `+62812…` *is* prefixed: `+` starts a formula in Excel.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first,
            ["=", "+", "-", "@", "\t", "\r"].contains(first),
            !isPlainNumber(cell, decimalSeparators: [".", ","])
        else { return cell }
        return "'" + cell
    }

    /// The inverse of `neutralise`, for re-importing an exported file: strips the `'` only where
    /// `neutralise` would have added it, so a deliberate leading apostrophe elsewhere survives.
    public static func unneutralise(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        return neutralise(rest) == cell ? rest : cell
    }

    /// `^-?[0-9]+([sep][0-9]+)?$` with ASCII digits only, written out by hand (it runs per cell
    /// and `Regex` would add an OS-version requirement for no gain).
    static func isPlainNumber(_ s: String, decimalSeparators: Set<Unicode.Scalar>) -> Bool {
        var scalars = s.unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        func digits(_ part: Substring.UnicodeScalarView) -> Bool {
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
        if let sep = scalars.firstIndex(where: { decimalSeparators.contains($0) }) {
            return digits(scalars[..<sep]) && digits(scalars[scalars.index(after: sep)...])
        }
        return digits(scalars)
    }
}
