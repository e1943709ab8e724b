/// A sheet of text cells as read from or written to CSV/XLSX: the header is the first row as the
/// spreadsheet shows it (row 1), `rows` are rows 2, 3, … in order.
///
/// Cells stay text on purpose: what a cell *means* (NIP, date, score) is decided by the import
/// that reads it, so a reader never guesses types and never damages, say, a leading zero.
public struct Table: Sendable, Equatable {
    public var header: [String]
    /// Rows may be ragged (a CSV line with fewer fields, an XLSX row with fewer cells).
    public var rows: [[String]]

    /// Trailing completely-empty rows are dropped: spreadsheets keep "used" but blank rows at the
    /// end (formatting, deleted content), and they must not become empty records or change
    /// equality between a file and its round trip.
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        var rows = rows
        while let last = rows.last, Table.isBlank(last) { rows.removeLast() }
        self.rows = rows
    }

    /// The cell at `row` (0 = first data row) and `column`, or "" past a ragged row's end.
    public func cell(_ row: Int, _ column: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
        return rows[row][column]
    }

    /// True when every cell is empty or only whitespace: what a person sees as an empty row.
    public static func isBlank(_ row: [String]) -> Bool {
        row.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}
