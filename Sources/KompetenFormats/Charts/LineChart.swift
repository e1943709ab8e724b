import Foundation
import KompetenCore

/// Lines over time, e.g. the mean JPM of each OPD per quarter.
///
/// Same rules as `BarChart`: server-rendered SVG, presentation attributes and class names only
/// (the Content-Security-Policy forbids `style=` and scripts), every text escaped, every
/// coordinate through `SVGText.num`, so the same data always gives the same bytes.
///
/// Geometry (W = max(240, width), H = max(160, height)):
/// - plot: x from `left` to W − 16, y from 16 to H − 64, where `left` = max(40, 14 + 6 × the
///   longest y tick label in characters) so the labels never run off the left edge;
/// - x positions are slot centres: point i of n sits at left + (i + 0.5) × (W − 16 − left) / n;
/// - y(v) = (H − 64) − (v − lo) / (hi − lo) × (H − 80), values outside `yRange` clamped to it;
/// - x labels (two lines) below the plot, then the legend from y = H − 24 in rows of 18 px.
///   H covers the first legend row; each further row makes the SVG 18 px taller.
public enum LineChart {
    public struct Series: Sendable {
        public var label: String
        /// One value per x label; nil = no data at that point (the line breaks there).
        public var values: [Double?]
        /// A click on the line or its legend entry leads here.
        public var href: String?
        /// E.g. the city-wide mean: thicker, darker, drawn on top.
        public var emphasised: Bool

        public init(label: String, values: [Double?], href: String? = nil, emphasised: Bool = false) {
            self.label = label
            self.values = values
            self.href = href
            self.emphasised = emphasised
        }
    }

    static let top = 16.0, right = 16.0, belowPlot = 64.0, legendRow = 18.0
    /// Ten hues that stay apart on white; after ten series the hues repeat with a dash pattern,
    /// so up to thirty OPDs remain distinguishable.
    static let palette = [
        "#1d4ed8", "#ea580c", "#15803d", "#dc2626", "#7c3aed",
        "#0e7490", "#db2777", "#a16207", "#65a30d", "#7c2d12",
    ]
    static let dashes = ["", "6 3", "2 3"]
    static let emphasisColour = "#101828"

    /// `yRange`: nil = from the data, padded and rounded to nice ticks (never inverted; a flat
    /// series still gets a visible range). `valueSuffix`: appended to tick and tooltip values, e.g. " %".
    public static func svg(
        xLabels: [String], series: [Series], title: String, yRange: ClosedRange<Double>? = nil,
        valueSuffix: String = "", width: Int = 640, height: Int = 300
    ) -> String {
        let w = Double(max(240, width))
        let baseH = Double(max(160, height))
        let n = xLabels.count
        // Non-finite values would put NaN into the markup; they count as missing.
        let rows: [[Double?]] = series.map { s in
            (0..<n).map { i in i < s.values.count ? s.values[i].flatMap { $0.isFinite ? $0 : nil } : nil }
        }
        let all = rows.flatMap { $0.compactMap { $0 } }
        let id = SVGText.stableID(
            prefix: "line",
            [title, valueSuffix, yRange.map { "\($0)" } ?? "auto"] + xLabels
                + series.map {
                    "\($0.label)|\($0.values.map { $0.map { "\($0)" } ?? "-" })|\($0.href ?? "")|\($0.emphasised)"
                })
        guard let dataLo = all.min(), let dataHi = all.max() else {
            return open(id: id, title: title, desc: "Tidak ada data.", width: w, height: baseH)
                + "<text x=\"\(SVGText.num(w / 2))\" y=\"\(SVGText.num(baseH / 2))\" text-anchor=\"middle\" fill=\"#475467\">Tidak ada data.</text></svg>"
        }
        let sc =
            yRange.flatMap { r in r.lowerBound.isFinite && r.upperBound.isFinite ? r : nil }
            .map { scale(lo: $0.lowerBound, hi: $0.upperBound, expand: false) }
            ?? scale(lo: dataLo, hi: dataHi, expand: true)
        let tickDigits = sc.digits
        let valueDigits = max(1, tickDigits)
        func fmt(_ v: Double, _ d: Int) -> String { IndonesianFormat.decimal(v, digits: d) + valueSuffix }

        let tickLabels = sc.ticks.map { fmt($0, tickDigits) }
        let left = max(40, 14 + 6 * Double(tickLabels.map(\.count).max() ?? 0))
        let plotBottom = baseH - belowPlot
        let plotH = plotBottom - top
        let plotW = w - right - left
        let slot = plotW / Double(n)
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { plotBottom - (min(max(v, sc.lo), sc.hi) - sc.lo) / (sc.hi - sc.lo) * plotH }

        let legend = legendLayout(series.map(\.label), width: w)
        let h = baseH + legendRow * Double(legend.rows - 1)
        let desc =
            zip(series, rows).map { s, vals in
                let points = zip(xLabels, vals).compactMap { xl, v in v.map { "\(xl) \(fmt($0, valueDigits))" } }
                return s.label + ": " + (points.isEmpty ? "tidak ada data" : points.joined(separator: ", "))
            }.joined(separator: "; ") + "."
        var s = open(id: id, title: title, desc: desc, width: w, height: h)

        s += ChartAxes.grid(
            ticks: sc.ticks, labels: tickLabels, left: left, right: w - right, bottom: plotBottom, y: y)
        s += ChartAxes.xLabels(xLabels, x: x, slot: slot, top: plotBottom + 15)

        // Emphasised series last, so the city-wide line is never hidden under an OPD's.
        let order = series.indices.filter { !series[$0].emphasised } + series.indices.filter { series[$0].emphasised }
        for k in order {
            let ser = series[k]
            let look = style(series, k)
            let link = ser.href.flatMap(BarChart.safeHref)
            s +=
                "<g class=\"line-series\(ser.emphasised ? " line-emphasised" : "")\"><title>\(SVGText.escape(ser.label))</title>"
            if let link { s += "<a href=\"\(SVGText.escape(link))\">" }
            // One polyline per run of consecutive values; a lone point is shown by its circle only.
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    s +=
                        "<polyline class=\"line-path\" points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(look.colour)\""
                        + " stroke-width=\"\(look.width)\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(look.dash)/>"
                }
                run = []
            }
            for (i, v) in rows[k].enumerated() {
                if let v { run.append("\(SVGText.num(x(i))),\(SVGText.num(y(v)))") } else { flush() }
            }
            flush()
            for (i, v) in rows[k].enumerated() {
                guard let v else { continue }
                s +=
                    "<circle class=\"line-point\" cx=\"\(SVGText.num(x(i)))\" cy=\"\(SVGText.num(y(v)))\" r=\"\(ser.emphasised ? "4.0" : "3.0")\""
                    + " fill=\"\(look.colour)\" stroke=\"#ffffff\" stroke-width=\"1\"><title>"
                    + SVGText.escape("\(ser.label), \(xLabels[i]): \(fmt(v, valueDigits))") + "</title></circle>"
            }
            if link != nil { s += "</a>" }
            s += "</g>"
        }

        s += "<g class=\"line-legend\" fill=\"#101828\">"
        for (k, ser) in series.enumerated() {
            let look = style(series, k)
            let link = ser.href.flatMap(BarChart.safeHref)
            let lx = legend.positions[k].x
            let cy = plotBottom + 40 + 9 + legendRow * Double(legend.positions[k].row)
            s += "<g class=\"line-legend-item\"><title>\(SVGText.escape(ser.label))</title>"
            if let link { s += "<a href=\"\(SVGText.escape(link))\">" }
            s +=
                "<line x1=\"\(SVGText.num(lx))\" y1=\"\(SVGText.num(cy))\" x2=\"\(SVGText.num(lx + 20))\" y2=\"\(SVGText.num(cy))\""
                + " stroke=\"\(look.colour)\" stroke-width=\"\(look.width)\"\(look.dash)/>"
            s +=
                "<text x=\"\(SVGText.num(lx + 26))\" y=\"\(SVGText.num(cy + 4))\">\(SVGText.escape(legend.texts[k]))</text>"
            if link != nil { s += "</a>" }
            s += "</g>"
        }
        return s + "</g></svg>"
    }

    /// Colour, width and dash of series k. Only plain series consume palette slots, so adding
    /// the city-wide mean does not shift every OPD's colour.
    static func style(_ series: [Series], _ k: Int) -> (colour: String, width: String, dash: String) {
        if series[k].emphasised { return (emphasisColour, "3.0", "") }
        let slot = series[..<k].filter { !$0.emphasised }.count
        let dash = dashes[(slot / palette.count) % dashes.count]
        return (palette[slot % palette.count], "2.0", dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
    }

    /// Flow layout of the legend from x = 16: each entry is a 20 px swatch, 6 px gap, the label
    /// (at most 32 characters, about 6,5 px each) and 14 px before the next; a row is full at W − 16.
    static func legendLayout(_ labels: [String], width: Double) -> (
        positions: [(x: Double, row: Int)], texts: [String], rows: Int
    ) {
        var positions: [(x: Double, row: Int)] = []
        var texts: [String] = []
        var x = 16.0
        var row = 0
        for label in labels {
            let text = SVGText.wrap(label, width: 32, maxLines: 1)[0]
            let entry = 26 + 6.5 * Double(text.count)
            if x > 16, x + entry > width - 16 {
                x = 16
                row += 1
            }
            positions.append((x, row))
            texts.append(text)
            x += entry + 14
        }
        return (positions, texts, row + 1)
    }

    /// The y range and its gridlines: steps of 1, 2, 2,5 or 5 × 10ⁿ giving 4–6 gridlines.
    /// `expand` (range from the data) rounds the ends out to whole steps; a given range is kept
    /// as is and only the step multiples inside it get a gridline. A range of zero width (a flat
    /// series) is widened first, so the line sits mid-plot rather than dividing by zero.
    static func scale(lo: Double, hi: Double, expand: Bool) -> (lo: Double, hi: Double, ticks: [Double], digits: Int) {
        var lo = lo
        var hi = hi
        if hi - lo <= 1e-9 * max(1, abs(hi)) {
            let pad = max(abs(hi) * 0.1, 1)
            lo = lo >= 0 ? max(0, lo - pad) : lo - pad
            hi += pad
        } else if expand {
            let pad = (hi - lo) * 0.05
            // Non-negative data (JPM, percentages) never gets a negative axis.
            lo = lo >= 0 ? max(0, lo - pad) : lo - pad
            hi += pad
        }
        // Beyond about 1e300 the span overflows; no real series gets there, but never trap.
        guard (hi - lo).isFinite else { return (lo, hi, [], 0) }
        let e0 = Int(log10(hi - lo).rounded(.down))
        var fallback: (Double, Double, [Double], Int)?
        for e in (e0 - 2)...(e0 + 1) {
            for m in [1.0, 2.0, 2.5, 5.0] {
                let step = m * pow(10, Double(e))
                let first = Int((expand ? (lo / step + 1e-9).rounded(.down) : (lo / step - 1e-9).rounded(.up)))
                let last = Int((expand ? (hi / step - 1e-9).rounded(.up) : (hi / step + 1e-9).rounded(.down)))
                let count = last - first + 1
                guard count <= 6, count >= 1 else { continue }
                let ticks = (first...max(first, last)).map { Double($0) * step }
                let digits = max(0, -e + (m == 2.5 ? 1 : 0))
                let result =
                    expand ? (Double(first) * step, Double(last) * step, ticks, digits) : (lo, hi, ticks, digits)
                if count >= 4 { return result }
                if fallback == nil { fallback = result }
            }
        }
        return fallback ?? (lo, hi, [lo, hi], 1)
    }

    static func hLine(_ x1: Double, _ x2: Double, _ y: Double) -> String {
        "<line x1=\"\(SVGText.num(x1))\" y1=\"\(SVGText.num(y))\" x2=\"\(SVGText.num(x2))\" y2=\"\(SVGText.num(y))\"/>"
    }

    static func open(id: String, title: String, desc: String, width: Double, height: Double) -> String {
        SVGText.open(cls: "chart chart-line", id: id, title: title, desc: desc, width: width, height: height)
    }
}
