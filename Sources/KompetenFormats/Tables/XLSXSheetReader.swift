import Foundation
import KompetenCore

/// One worksheet part → `Table`. Cells and rows may be missing (Excel omits empty ones) or lack
/// their `r` reference (some generators); gaps become "" cells and empty rows, so every value
/// keeps the column and row number the user sees.
enum XLSXSheetReader {
    static func read(_ xml: Data, sharedStrings: [String], styles: XLSXStyles, date1904: Bool) throws -> Table {
        var rows: [Int: [String]] = [:]
        var rowNumber = 0
        var column = -1
        var cells: [String] = []
        var heldCells = 0
        // The cell being read.
        var type = "n"
        var style = 0
        var value = ""
        var inline = ""
        var inValue = false
        var inText = false
        var phonetic = 0

        try XMLWalker.walk(
            xml,
            start: { name, attrs in
                switch name {
                case "row":
                    if let r = attrs["r"] {
                        guard let n = Int(r), (1...CellRef.maxRows).contains(n) else { throw XLSXError.invalid }
                        rowNumber = n
                    } else {
                        rowNumber += 1
                    }
                    column = -1
                    cells = rows[rowNumber] ?? []
                case "c":
                    if let r = attrs["r"] {
                        guard let ref = CellRef.parse(r) else { throw XLSXError.invalid }
                        column = ref.column
                    } else {
                        column += 1
                    }
                    guard column < CellRef.maxColumns else { throw XLSXError.invalid }
                    type = attrs["t"] ?? "n"
                    style = attrs["s"].flatMap(Int.init) ?? 0
                    value = ""
                    inline = ""
                case "v": inValue = true
                case "rPh": phonetic += 1
                case "t": inText = phonetic == 0
                default: break
                }
            },
            end: { name in
                switch name {
                case "v": inValue = false
                case "t": inText = false
                case "rPh": phonetic -= 1
                case "c":
                    let text = try cellText(
                        type: type, style: style, value: value, inline: inline,
                        sharedStrings: sharedStrings, styles: styles, date1904: date1904)
                    // Checked against the limits before the row grows to reach the cell. An empty
                    // (e.g. only formatted) cell past them is ignored; within them it is kept, so a
                    // row's length (ragged rows) survives the round trip with `XLSXWriter`.
                    guard column < TableLimits.maxColumns, rowNumber <= TableLimits.maxRows + 1 else {
                        if text.isEmpty { return }
                        throw column >= TableLimits.maxColumns
                            ? XLSXError.tooWide(column: column) : XLSXError.tooLong(row: rowNumber)
                    }
                    if cells.count <= column {
                        heldCells += column - cells.count + 1
                        guard heldCells <= TableLimits.maxCells else { throw XLSXError.tooManyCells }
                        cells.append(contentsOf: repeatElement("", count: column - cells.count + 1))
                    }
                    cells[column] = text
                case "row":
                    // Rows without a kept cell are not stored: a far-away `<row/>` cannot make the
                    // table long (the rows in between are built only up to the last stored one).
                    if !cells.isEmpty { rows[rowNumber] = cells }
                default: break
                }
            },
            text: { text in
                if inValue { value += text } else if inText { inline += text }
            })

        let last = rows.keys.max() ?? 0
        let header = rows[1] ?? []
        let body = last < 2 ? [] : (2...last).map { rows[$0] ?? [] }
        return Table(header: header, rows: body)
    }

    /// The text of one cell by its type (ECMA-376 §18.18.11). A formula's cached result is used,
    /// never the formula. Booleans read as TRUE/FALSE, as LibreOffice's CSV export writes them.
    static func cellText(
        type: String, style: Int, value: String, inline: String, sharedStrings: [String],
        styles: XLSXStyles, date1904: Bool
    ) throws -> String {
        if type != "inlineStr" && value.isEmpty { return "" } // a styled but empty cell
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(i) else {
                throw XLSXError.invalid
            }
            return sharedStrings[i]
        case "inlineStr":
            return XMLText.decodeOfficeEscapes(inline)
        case "str", "e", "d":
            return XMLText.decodeOfficeEscapes(value) // formula text result, error code, ISO date
        case "b":
            return value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        default:
            if styles.dateStyles.contains(style),
                let date = XLSXNumbers.date(
                    serial: value, date1904: date1904,
                    showsTime: styles.dateTimeStyles.contains(style))
            {
                return date
            }
            let text = XLSXNumbers.text(value)
            if let d = styles.percents[style], let x = Double(text) {
                return IndonesianFormat.decimal(x * 100, digits: d) + " %"
            }
            if styles.rupiahStyles.contains(style), let n = Int(text) { return IndonesianFormat.money(n) }
            return styles.decimals[style].map { XLSXNumbers.padded(text, decimals: $0) } ?? text
        }
    }
}
