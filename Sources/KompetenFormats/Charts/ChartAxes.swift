/// The axes the line and band charts share: horizontal gridlines with their value labels, the
/// baseline, and the period labels under the plot. One place, so both charts read the same way.
enum ChartAxes {
    /// Gridlines at `ticks` from x = `left` to `right`, their labels right-aligned 6 px left of
    /// the plot, and the baseline at y = `bottom`.
    static func grid(
        ticks: [Double], labels: [String], left: Double, right: Double, bottom: Double, y: (Double) -> Double
    ) -> String {
        var s = "<g class=\"line-grid\" stroke=\"#eaecf0\" stroke-width=\"1\">"
        for t in ticks { s += LineChart.hLine(left, right, y(t)) }
        s += "</g><g class=\"line-ticks\" fill=\"#475467\" text-anchor=\"end\">"
        for (t, label) in zip(ticks, labels) {
            s += "<text x=\"\(SVGText.num(left - 6))\" y=\"\(SVGText.num(y(t) + 4))\">\(SVGText.escape(label))</text>"
        }
        return s
            + "</g><line class=\"line-axis\" x1=\"\(SVGText.num(left))\" y1=\"\(SVGText.num(bottom))\" x2=\"\(SVGText.num(right))\" y2=\"\(SVGText.num(bottom))\" stroke=\"#98a2b3\" stroke-width=\"1\"/>"
    }

    /// Period labels (two lines at most) centred under the points, from y = `top`.
    static func xLabels(_ labels: [String], x: (Int) -> Double, slot: Double, top: Double) -> String {
        // Too many points for readable labels: label every k-th one so each gets ≥ 52 px
        // (8 characters a line, enough for "Triwulan"); every point still names its x in its tooltip.
        let every = max(1, Int((52 / slot).rounded(.up)))
        let chars = max(3, Int(slot * Double(every) / 6.5))
        var s = "<g class=\"line-xlabels\" fill=\"#344054\" text-anchor=\"middle\">"
        for i in stride(from: 0, to: labels.count, by: every) {
            s += "<text class=\"line-xlabel\" x=\"\(SVGText.num(x(i)))\" y=\"\(SVGText.num(top))\">"
            for (j, line) in SVGText.wrap(labels[i], width: chars, maxLines: 2).enumerated() {
                s +=
                    "<tspan x=\"\(SVGText.num(x(i)))\" dy=\"\(j == 0 ? "0.0" : "13.0")\">\(SVGText.escape(line))</tspan>"
            }
            s += "</text>"
        }
        return s + "</g>"
    }
}
