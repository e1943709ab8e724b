import KompetenCore

/// One small chart per series (e.g. per OPD), all on the same axes, ordered by the change from
/// the first to the last value, largest fall first: where fifty lines on one chart hide every
/// OPD, fifty small ones show each, and the ones falling most come first.
///
/// Each panel is its own small SVG (`role="img"`, a `<title>` naming the series, its first and
/// last value and the change), with the name and the change as visible HTML text above it, in
/// an ordered list that wraps to the screen width. Same SVG rules as `LineChart`.
///
/// Panel geometry (W = max(80, width), H = max(40, height)): x from 4 to W − 4, point i of n at
/// 4 + (i + 0.5) × (W − 8) / n; y from 4 to H − 4 over `yRange`, values clamped to it.
public enum SmallMultiples {
    /// A panel is a labelled series, as a line of `BandChart`.
    public typealias Panel = BandChart.Line

    static let lineColour = "#1d4ed8"
    static let referenceColour = "#667085"

    /// The last known value minus the first known one; nil with fewer than two known values.
    /// "First" and "last" are those with data, so an OPD without an assessment yet in the first
    /// quarter is compared from its first assessed quarter rather than left out.
    public static func change(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0.flatMap { $0.isFinite ? $0 : nil } }
        guard known.count >= 2, let first = known.first, let last = known.last else { return nil }
        return last - first
    }

    /// Indices of `panels`, largest fall first (most negative change), then the smaller falls
    /// and the rises; series without a change last; equal changes by label, so the order is the
    /// same on every load.
    public static func order(_ panels: [Panel]) -> [Int] {
        let changes = panels.map { change($0.values) }
        return panels.indices.sorted { a, b in
            switch (changes[a], changes[b]) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (panels[a].label, a) < (panels[b].label, b)
            }
        }
    }

    public static func ordered(_ panels: [Panel]) -> [Panel] { order(panels).map { panels[$0] } }

    /// The change as shown: "+1,20", "−4,80", "0,00"; "—" without one.
    public static func changeText(_ c: Double?, digits: Int = 2) -> String {
        guard let c else { return "—" }
        let rounded = IndonesianFormat.decimal(c.magnitude, digits: digits)
        let zero = IndonesianFormat.decimal(0, digits: digits)
        return rounded == zero ? zero : (c > 0 ? "+" : "−") + rounded
    }

    /// The panels in `ordered` order as `<ol class="small-multiples">`. `reference` (e.g. the
    /// city mean) is drawn in every panel as a thin grey dashed line, for comparison.
    public static func html(
        xLabels: [String], panels: [Panel], reference: Panel? = nil, yRange: ClosedRange<Double>,
        valueSuffix: String = "", digits: Int = 2, width: Int = 168, height: Int = 64
    ) -> String {
        let w = Double(max(80, width))
        let h = Double(max(40, height))
        let n = max(1, xLabels.count)
        let lo = yRange.lowerBound
        let span = max(1e-9, yRange.upperBound - yRange.lowerBound)
        func x(_ i: Int) -> Double { 4 + (w - 8) * (Double(i) + 0.5) / Double(n) }
        func y(_ v: Double) -> Double { h - 4 - (min(max(v, lo), yRange.upperBound) - lo) / span * (h - 8) }
        func fmt(_ v: Double) -> String { IndonesianFormat.decimal(v, digits: digits) + valueSuffix }
        func polyline(_ vals: [Double?], cls: String, colour: String, width: String, dash: String?) -> String {
            BandChart.runs((0..<n).map { $0 < vals.count && vals[$0]?.isFinite == true }).filter { $0.count > 1 }.map {
                run in
                "<polyline class=\"\(cls)\" points=\""
                    + run.map { "\(SVGText.num(x($0))),\(SVGText.num(y(vals[$0]!)))" }.joined(separator: " ")
                    + "\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(width)\" stroke-linejoin=\"round\""
                    + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
            }.joined()
        }
        let referenceLine = reference.map {
            polyline($0.values, cls: "sm-reference", colour: referenceColour, width: "1.0", dash: "3 2")
        }

        var s = "<ol class=\"small-multiples\">"
        for p in ordered(panels) {
            let vals = (0..<n).map { $0 < p.values.count ? p.values[$0].flatMap { $0.isFinite ? $0 : nil } : nil }
            let c = change(vals)
            let first = vals.firstIndex { $0 != nil }
            let last = vals.lastIndex { $0 != nil }
            let id = SVGText.stableID(prefix: "sm", [p.label, "\(vals)", "\(yRange)"] + xLabels)
            var title = p.label
            if let first, let last {
                title += ": \(xLabels[first]) \(fmt(vals[first]!)) → \(xLabels[last]) \(fmt(vals[last]!))"
                title += c.map { ", perubahan \(changeText($0, digits: digits))" } ?? ""
            } else {
                title += ": tidak ada data"
            }
            let trend = c.map { $0 < 0 ? "sm-fall" : $0 > 0 ? "sm-rise" : "sm-flat" } ?? "sm-none"
            let link = p.href.flatMap(BarChart.safeHref)
            s += "<li class=\"small-multiple \(trend)\"><span class=\"sm-name\">"
            s +=
                link.map { "<a href=\"\(SVGText.escape($0))\">\(SVGText.escape(p.label))</a>" }
                ?? SVGText.escape(p.label)
            s += "</span> <span class=\"sm-change\">\(changeText(c, digits: digits))</span>"
            s +=
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-small\" role=\"img\" aria-labelledby=\"\(id)\""
                + " viewBox=\"0 0 \(SVGText.num(w)) \(SVGText.num(h))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(h))\">"
                + "<title id=\"\(id)\">\(SVGText.escape(title))</title>"
                + "<rect x=\"0.5\" y=\"0.5\" width=\"\(SVGText.num(w - 1))\" height=\"\(SVGText.num(h - 1))\" fill=\"none\" stroke=\"#eaecf0\"/>"
            s += referenceLine ?? ""
            s += polyline(vals, cls: "sm-line", colour: lineColour, width: "2.0", dash: nil)
            // First and last point marked, so a lone value and the ends of the change show.
            for i in Set([first, last].compactMap { $0 }).sorted() {
                s +=
                    "<circle class=\"sm-point\" cx=\"\(SVGText.num(x(i)))\" cy=\"\(SVGText.num(y(vals[i]!)))\" r=\"2.5\" fill=\"\(lineColour)\"/>"
            }
            s += "</svg></li>"
        }
        return s + "</ol>"
    }
}
