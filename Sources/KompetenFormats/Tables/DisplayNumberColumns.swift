/// Report tables are built from what the pages show: counts as "1.234", decimals as "66,7"
/// (KompetenCore's IndonesianFormat). Before such a table goes into an XLSX export, a column
/// whose every figure is written that way becomes machine numbers ("1234", "66.7"), which the
/// XLSX writer then stores as numbers (with the decimals shown as written). Percentages and
/// Rupiah are recognised per cell by the writer itself ("66,7 %", "Rp 1.500.000").
///
/// Whole columns, not cells: "1.234" alone could be a count or a decimal with three places; in
/// a column of counts written with thousands dots and no decimal comma anywhere, it is a count.
/// Cells that are not figures ("—", empty) stay as they are and do not decide the column.
public enum DisplayNumberColumns {
    public static func machineReadable(_ table: Table) -> Table {
        var out = table
        let width = table.rows.map(\.count).max() ?? 0
        for column in 0..<width {
            let cells = table.rows.map { $0.indices.contains(column) ? $0[column] : "" }
            let figures = cells.filter { !placeholder($0) }
            guard !figures.isEmpty else { continue }
            let convert: (String) -> String?
            if figures.allSatisfy({ grouped($0) != nil }), figures.contains(where: { $0.contains(".") }) {
                convert = grouped
            } else if figures.allSatisfy({ decimal($0) != nil }), figures.contains(where: { $0.contains(",") }) {
                convert = decimal
            } else {
                continue
            }
            for r in out.rows.indices where out.rows[r].indices.contains(column) {
                let cell = out.rows[r][column]
                if !placeholder(cell), let machine = convert(cell) { out.rows[r][column] = machine }
            }
        }
        return out
    }

    static func placeholder(_ s: String) -> Bool { s.isEmpty || s == "—" || s == "-" }

    /// "1.234.567" → "1234567", "12" → "12"; nil unless the dots group by three exactly.
    static func grouped(_ s: String) -> String? {
        let negative = s.hasPrefix("-")
        let unsigned = negative ? s.dropFirst() : Substring(s)
        let groups = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            first == "0" ? groups.count == 1 : !first.hasPrefix("0")
        else { return nil }
        return (negative ? "-" : "") + groups.joined()
    }

    /// "1.234,50" → "1234.50", "66,7" → "66.7", "12" → "12"; at most four decimals.
    static func decimal(_ s: String) -> String? {
        let halves = s.split(separator: ",", omittingEmptySubsequences: false)
        guard halves.count <= 2, let integer = grouped(String(halves[0])) else { return nil }
        guard halves.count == 2 else { return integer }
        let fraction = halves[1]
        guard (1...4).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return integer + "." + fraction
    }
}
