import KompetenCore

/// The talent 9-box of PermenPANRB 3/2020 as a clickable grid: how many employees sit in each box.
///
/// Same rules as `BarChart`: presentation attributes and class names only (no `style=`, no
/// script), every text escaped, coordinates through `SVGText.num`, links through `safeHref`.
///
/// Geometry (W = max(320, width), H = max(280, height)):
/// - the grid spans x from 88 to W − 12 and y from 8 to H − 72, three equal columns and rows;
///   the left 88 px hold the rotated "Potensial" and the row labels, the bottom 72 px the
///   column labels, "Kinerja" and the succession-pool key;
/// - cell (row r from the top, column c from the left) starts at (88 + c × cw, 8 + r × ch) and
///   its rect is inset by 2 px on each side, so neighbouring cells show a white gap;
/// - rows from the top are potential tinggi, menengah, rendah; columns performance di bawah,
///   sesuai, di atas ekspektasi; the box numbers come from `TalentBox.box`, which gives
///   [6, 8, 9] / [3, 5, 7] / [1, 2, 4], box 9 top right and box 1 bottom left.
public enum TalentGridChart {
    static let left = 88.0, right = 12.0, top = 8.0, bottom = 72.0, inset = 2.0
    static let potentials: [(PotentialLevel, String)] = [
        (.tinggi, "Tinggi"), (.menengah, "Menengah"), (.rendah, "Rendah"),
    ]
    static let performances: [(PerformanceLevel, String)] = [
        (.diBawah, "di bawah ekspektasi"), (.sesuai, "sesuai ekspektasi"),
        (.diAtas, "di atas ekspektasi"),
    ]
    /// Light → dark blue. Step 0 (nobody in the box) is a neutral grey so an empty box reads as
    /// empty, not as "a few". Steps 4 and 5 are dark enough to need white text (contrast ≥ 4,5:1);
    /// on steps 0–3 dark text keeps ≥ 7:1.
    static let fills = ["#f9fafb", "#eff6ff", "#bfdbfe", "#60a5fa", "#2563eb", "#1e3a8a"]
    static let poolStroke = "#b45309"

    /// counts: box number (1…9) → people; hrefs: box → the list behind it (drill-down).
    /// `highlight`: boxes drawn as the succession pool (7, 8, 9) with a distinct border.
    public static func svg(
        counts: [Int: Int], hrefs: [Int: String], title: String, highlight: Set<Int> = [7, 8, 9],
        width: Int = 520, height: Int = 440
    ) -> String {
        let w = Double(max(320, width))
        let h = Double(max(280, height))
        // Negative counts are data errors; drawing them as 0 keeps the shares in 0…100 %.
        let count = (0...9).map { max(0, counts[$0] ?? 0) }
        let total = count.dropFirst().reduce(0, +)
        let maxCount = count.dropFirst().max() ?? 0
        // Dictionaries iterate in a per-process order, so everything below walks boxes 1…9.
        let id = SVGText.stableID(
            prefix: "talent",
            [title] + (1...9).map { "\($0)|\(count[$0])|\(hrefs[$0] ?? "")|\(highlight.contains($0))" })
        let cw = (w - left - right) / 3
        let ch = (h - bottom - top) / 3
        let gridBottom = top + 3 * ch
        let gridMid = top + 1.5 * ch

        func share(_ box: Int) -> String {
            // Total 0: "0 %" rather than 0/0 = NaN.
            total == 0 ? "0 %" : IndonesianFormat.decimal(100 * Double(count[box]) / Double(total), digits: 1) + " %"
        }
        func name(_ box: Int, _ perf: String, _ pot: PotentialLevel) -> String {
            "Kotak \(box): kinerja \(perf), potensial \(pot.rawValue) — \(IndonesianFormat.integer(count[box])) pegawai"
        }
        let desc =
            (total == 0 ? "Belum ada pegawai yang dipetakan. " : "Jumlah pegawai \(IndonesianFormat.integer(total)). ")
            + (1...9).reversed().map { "Kotak \($0): \(IndonesianFormat.integer(count[$0])) (\(share($0)))" }.joined(
                separator: "; ") + "."

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-talent\" role=\"img\""
        s += " aria-labelledby=\"\(id)\" aria-describedby=\"\(id)-desc\""
        s +=
            " viewBox=\"0 0 \(SVGText.num(w)) \(SVGText.num(h))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(h))\""
        s += " font-family=\"sans-serif\" font-size=\"11\">"
        s +=
            "<title id=\"\(id)\">\(SVGText.escape(title))</title><desc id=\"\(id)-desc\">\(SVGText.escape(desc))</desc>"

        for (r, (pot, _)) in potentials.enumerated() {
            for (c, (perf, perfLabel)) in performances.enumerated() {
                let box = TalentBox.box(performance: perf, potential: pot)
                let x = left + Double(c) * cw + inset
                let y = top + Double(r) * ch + inset
                let cellW = cw - 2 * inset
                let cellH = ch - 2 * inset
                let mid = x + cellW / 2
                // Shade by the share relative to the fullest box, so a typical spread (no box above
                // ~30 %) still uses the whole scale; any non-empty box gets at least step 1.
                let step =
                    count[box] == 0 ? 0 : min(5, max(1, Int((5 * Double(count[box]) / Double(maxCount)).rounded(.up))))
                let ink = step >= 4 ? "#ffffff" : "#101828"
                let pool = highlight.contains(box)
                let link = hrefs[box].flatMap(BarChart.safeHref)
                s +=
                    "<g class=\"talent-cell talent-level-\(step)\(pool ? " talent-pool" : "")\"><title>"
                    + SVGText.escape(name(box, perfLabel, pot)) + "</title>"
                if let link { s += "<a href=\"\(SVGText.escape(link))\">" }
                s +=
                    "<rect class=\"talent-box\" x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(cellW))\" height=\"\(SVGText.num(cellH))\""
                    + " fill=\"\(fills[step])\""
                    + (pool ? " stroke=\"\(poolStroke)\" stroke-width=\"3\"" : " stroke=\"#d0d5dd\" stroke-width=\"1\"")
                    + "/>"
                s +=
                    "<text class=\"talent-label\" x=\"\(SVGText.num(x + 8))\" y=\"\(SVGText.num(y + 18))\" fill=\"\(ink)\">Kotak \(box)</text>"
                s +=
                    "<text class=\"talent-count\" x=\"\(SVGText.num(mid))\" y=\"\(SVGText.num(y + cellH / 2 + 6))\" text-anchor=\"middle\""
                    + " font-size=\"22\" font-weight=\"bold\" fill=\"\(ink)\">\(IndonesianFormat.integer(count[box]))</text>"
                s +=
                    "<text class=\"talent-share\" x=\"\(SVGText.num(mid))\" y=\"\(SVGText.num(y + cellH / 2 + 26))\" text-anchor=\"middle\""
                    + " font-size=\"12\" fill=\"\(ink)\">\(SVGText.escape(share(box)))</text>"
                if link != nil { s += "</a>" }
                s += "</g>"
            }
        }

        // Axis titles and labels. The rotation is a transform attribute, which the CSP allows.
        s += "<g class=\"talent-axes\" fill=\"#344054\">"
        s +=
            "<text class=\"talent-axis\" x=\"16.0\" y=\"\(SVGText.num(gridMid))\" transform=\"rotate(-90 16.0 \(SVGText.num(gridMid)))\""
            + " text-anchor=\"middle\" font-weight=\"bold\">Potensial</text>"
        for (r, (_, label)) in potentials.enumerated() {
            s +=
                "<text class=\"talent-row\" x=\"\(SVGText.num(left - 8))\" y=\"\(SVGText.num(top + (Double(r) + 0.5) * ch + 4))\" text-anchor=\"end\">\(label)</text>"
        }
        for (c, (_, label)) in performances.enumerated() {
            let mid = left + (Double(c) + 0.5) * cw
            // "di bawah ekspektasi" → "Di bawah" / "ekspektasi": two short lines fit even a narrow column.
            let words = label.split(separator: " ")
            let first = words.dropLast().joined(separator: " ")
            let firstCap = first.prefix(1).uppercased() + first.dropFirst()
            s +=
                "<text class=\"talent-column\" x=\"\(SVGText.num(mid))\" y=\"\(SVGText.num(gridBottom + 16))\" text-anchor=\"middle\">"
                + "<tspan x=\"\(SVGText.num(mid))\" dy=\"0.0\">\(firstCap)</tspan><tspan x=\"\(SVGText.num(mid))\" dy=\"13.0\">\(words.last ?? "")</tspan></text>"
        }
        s +=
            "<text class=\"talent-axis\" x=\"\(SVGText.num(left + 1.5 * cw))\" y=\"\(SVGText.num(gridBottom + 47))\" text-anchor=\"middle\" font-weight=\"bold\">Kinerja</text>"
        let pool = highlight.filter { (1...9).contains($0) }.sorted()
        if !pool.isEmpty {
            // The key explains the thick border; without it the pool would be a colour-only cue.
            let numbers = pool.map(String.init).joined(separator: ", ")
            s +=
                "<rect class=\"talent-key\" x=\"\(SVGText.num(left))\" y=\"\(SVGText.num(gridBottom + 56))\" width=\"16.0\" height=\"10.0\" fill=\"none\" stroke=\"\(poolStroke)\" stroke-width=\"3\"/>"
                + "<text x=\"\(SVGText.num(left + 24))\" y=\"\(SVGText.num(gridBottom + 65))\">Kelompok rencana suksesi (kotak \(numbers))</text>"
        }
        return s + "</g></svg>"
    }
}
