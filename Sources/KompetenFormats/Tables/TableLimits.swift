import KompetenCore

/// Upper bounds for an uploaded sheet, checked while reading and before anything is allocated
/// for a cell: a hostile file (one cell in column XFD on every row, a million empty rows, a zip
/// bomb) must be refused in seconds with bounded memory instead of growing a dense grid.
/// Real imports stay far below: the province has some 60,000 ASN and no template has more than
/// a few dozen columns.
public enum TableLimits {
    public static let maxColumns = 256
    public static let maxRows = 100_000
    /// Cells actually held (ragged rows count their own length, not the widest row's).
    public static let maxCells = 2_000_000
    /// Distinct texts in an XLSX shared-strings part.
    public static let maxSharedStrings = 2_000_000
    /// Decompressed size of one XLSX part, and of all parts read from one file together.
    public static let maxPartBytes = 64 * 1024 * 1024
    public static let maxTotalBytes = 128 * 1024 * 1024

    /// Column letters as the spreadsheet shows them (0 → A, 16383 → XFD).
    static func columnName(_ index: Int) -> String { CellRef.columnName(index) }

    public static func tooWideMessage(column: Int) -> String {
        "Lembar kerja terlalu lebar: paling banyak \(maxColumns) kolom (A–\(columnName(maxColumns - 1))), tetapi ada isian di kolom \(columnName(column))."
    }
    public static func tooLongMessage(row: Int) -> String {
        "Lembar kerja terlalu panjang: paling banyak \(IndonesianFormat.integer(maxRows)) baris data (baris ke-\(IndonesianFormat.integer(row)) melewati batas)."
    }
    public static var tooManyCellsMessage: String {
        "Lembar kerja terlalu besar: paling banyak \(IndonesianFormat.integer(maxCells)) sel."
    }
    public static var tooManyStringsMessage: String {
        "Berkas XLSX berisi terlalu banyak teks: paling banyak \(IndonesianFormat.integer(maxSharedStrings)) teks bersama (shared strings)."
    }
    public static var tooLargeMessage: String {
        "Berkas XLSX terlalu besar setelah dibuka: paling banyak \(maxPartBytes / 1024 / 1024) MB per bagian dan \(maxTotalBytes / 1024 / 1024) MB seluruhnya."
    }
}
