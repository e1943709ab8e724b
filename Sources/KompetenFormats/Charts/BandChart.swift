import KompetenCore

/// One reference line (e.g. the city-wide mean JPM), at most one chosen series (one OPD) and a
/// shaded band (e.g. the middle half of all OPDs, 25th–75th percentile) over time.
///
/// It replaces "one coloured line per OPD with a legend": fifty lines cannot be told apart,
/// whatever the palette. The series are told apart by line style and marker (solid with circles,
/// dashed with squares, a shaded area with a dashed outline) and named by labels at their right
/// end, so neither colour nor a legend carries any meaning.
///
/// Same rules as `LineChart`: server-rendered SVG, presentation attributes and class names only,
/// every text escaped, every coordinate through `SVGText.num`.
///
/// Geometry (W = max(320, width), H = max(180, height)):
/// - plot: x from `left` (as in `LineChart`) to W − 140, y from 16 to H − 44; the 140 px on the
///   right hold the direct labels, 12 px right of the plot;
/// - point i of n sits at left + (i + 0.5) × plot width / n; y as in `LineChart`;
/// - each label starts at the height of its series' last value and is pushed down (13 px a line)
///   when it would overlap the label above it, then the whole stack up if it runs off the bottom.
public enum BandChart {
    public struct Line: Sendable {
        public var label: String
        /// One value per x label; nil = no data at that point (the line breaks there).
        public var values: [Double?]
        public var href: String?

        public init(label: String, values: [Double?], href: String? = nil) {
            self.label = label
            self.values = values
            self.href = href
        }
    }

    public struct Band: Sendable {
        public var label: String
        /// Lower and upper edge per x label; nil = no band at that point.
        public var low: [Double?]
        public var high: [Double?]

        public init(label: String, low: [Double?], high: [Double?]) {
            self.label = label
            self.low = low
            self.high = high
        }
    }

    static let top = 16.0, labelArea = 140.0, belowPlot = 44.0, lineHeight = 13.0
    static let referenceColour = "#101828"
    static let chosenColour = "#c2410c"
    static let bandFill = "#dbeafe"
    static let bandStroke = "#2563eb"

    public static func svg(
        xLabels: [String], reference: Line, chosen: Line?, band: Band?, title: String,
        yRange: ClosedRange<Double>? = nil, valueSuffix: String = "", width: Int = 640, height: Int = 300
    ) -> String {
        let w = Double(max(320, width))
        let h = Double(max(180, height))
        let n = xLabels.count
        func clean(_ xs: [Double?]) -> [Double?] {
            (0..<n).map { i in i < xs.count ? xs[i].flatMap { $0.isFinite ? $0 : nil } : nil }
        }
        let ref = clean(reference.values)
        let pick = chosen.map { clean($0.values) }
        // A band point needs both edges; edges given the wrong way round are swapped.
        let edges: [(lo: Double, hi: Double)?] =
            band.map { b in
                zip(clean(b.low), clean(b.high)).map { lo, hi in
                    lo.flatMap { l in hi.map { (lo: min(l, $0), hi: max(l, $0)) } }
                }
            } ?? []
        let known: [Double?] = ref + (pick ?? [])
        let all: [Double] = known.compactMap { $0 } + edges.compactMap { $0 }.flatMap { [$0.lo, $0.hi] }
        let id = SVGText.stableID(
            prefix: "band",
            [title, valueSuffix, yRange.map { "\($0)" } ?? "auto"] + xLabels
                + [reference, chosen].compactMap { $0 }.map { "\($0.label)|\($0.values)|\($0.href ?? "")" }
                + [band.map { "\($0.label)|\($0.low)|\($0.high)" } ?? "-"])
        guard let dataLo = all.min(), let dataHi = all.max() else {
            return open(id: id, title: title, desc: "Tidak ada data.", width: w, height: h)
                + "<text x=\"\(SVGText.num(w / 2))\" y=\"\(SVGText.num(h / 2))\" text-anchor=\"middle\" fill=\"#475467\">Tidak ada data.</text></svg>"
        }
        let sc =
            yRange.flatMap { r in r.lowerBound.isFinite && r.upperBound.isFinite ? r : nil }
            .map { LineChart.scale(lo: $0.lowerBound, hi: $0.upperBound, expand: false) }
            ?? LineChart.scale(lo: dataLo, hi: dataHi, expand: true)
        let digits = max(1, sc.digits)
        func fmt(_ v: Double, _ d: Int) -> String { IndonesianFormat.decimal(v, digits: d) + valueSuffix }
        let tickLabels = sc.ticks.map { fmt($0, sc.digits) }
        let left = max(40, 14 + 6 * Double(tickLabels.map(\.count).max() ?? 0))
        let plotRight = w - labelArea
        let plotBottom = h - belowPlot
        let slot = (plotRight - left) / Double(n)
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double {
            plotBottom - (min(max(v, sc.lo), sc.hi) - sc.lo) / (sc.hi - sc.lo) * (plotBottom - top)
        }

        func points(_ vals: [Double?]) -> String {
            let p = zip(xLabels, vals).compactMap { xl, v in v.map { "\(xl) \(fmt($0, digits))" } }
            return p.isEmpty ? "tidak ada data" : p.joined(separator: ", ")
        }
        var parts = ["\(reference.label): \(points(ref))"]
        if let chosen, let pick { parts.append("\(chosen.label): \(points(pick))") }
        if let band {
            let p = zip(xLabels, edges).compactMap { xl, e in
                e.map { "\(xl) \(fmt($0.lo, digits))–\(fmt($0.hi, digits))" }
            }
            parts.append("\(band.label): " + (p.isEmpty ? "tidak ada data" : p.joined(separator: ", ")))
        }
        var s = open(id: id, title: title, desc: parts.joined(separator: "; ") + ".", width: w, height: h)
        s += ChartAxes.grid(ticks: sc.ticks, labels: tickLabels, left: left, right: plotRight, bottom: plotBottom, y: y)
        s += ChartAxes.xLabels(xLabels, x: x, slot: slot, top: plotBottom + 15)

        var labels: [Label] = []
        if let band {
            s += "<g class=\"band\"><title>\(SVGText.escape(band.label))</title>"
            for run in runs(edges.map { $0 != nil }) {
                let upper = run.map { "\(SVGText.num(x($0))),\(SVGText.num(y(edges[$0]!.hi)))" }
                let lower = run.reversed().map { "\(SVGText.num(x($0))),\(SVGText.num(y(edges[$0]!.lo)))" }
                // A lone point has no area; a vertical bar from low to high still shows it.
                s +=
                    "<polygon class=\"band-area\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(bandFill)\""
                    + " stroke=\"\(bandStroke)\" stroke-width=\"\(run.count == 1 ? "3.0" : "1.0")\" stroke-dasharray=\"4 3\"/>"
            }
            s += "</g>"
            if let last = edges.lastIndex(where: { $0 != nil }), let e = edges[last] {
                labels.append(Label(y: y((e.lo + e.hi) / 2), text: band.label, cls: "band-label", colour: "#1e40af"))
            }
        }
        if let chosen, let pick {
            s += series(
                chosen, pick, cls: "band-chosen", colour: chosenColour, dash: "6 3", square: true, x: x, y: y,
                fmt: { fmt($0, digits) }, xLabels: xLabels)
            if let last = pick.lastIndex(where: { $0 != nil }) {
                labels.append(
                    Label(y: y(pick[last]!), text: chosen.label, cls: "band-chosen-label", colour: chosenColour))
            }
        }
        // The reference last, so the city line is never hidden under the OPD's.
        s += series(
            reference, ref, cls: "band-reference", colour: referenceColour, dash: nil, square: false, x: x, y: y,
            fmt: { fmt($0, digits) }, xLabels: xLabels)
        if let last = ref.lastIndex(where: { $0 != nil }) {
            labels.append(
                Label(y: y(ref[last]!), text: reference.label, cls: "band-reference-label", colour: referenceColour))
        }

        s += "<g class=\"band-labels\">"
        for l in spread(labels, bottom: h - 6) {
            s +=
                "<text class=\"\(l.cls)\" x=\"\(SVGText.num(plotRight + 12))\" y=\"\(SVGText.num(l.y + 4))\" fill=\"\(l.colour)\">"
            for (j, line) in l.lines.enumerated() {
                s +=
                    "<tspan x=\"\(SVGText.num(plotRight + 12))\" dy=\"\(j == 0 ? "0.0" : SVGText.num(lineHeight))\">\(SVGText.escape(line))</tspan>"
            }
            s += "</text>"
        }
        return s + "</g></svg>"
    }

    struct Label {
        var y: Double
        let lines: [String]
        let cls: String
        let colour: String

        init(y: Double, text: String, cls: String, colour: String) {
            self.y = y
            // About 6,5 px a character: 19 characters fill the 128 px beside the plot.
            self.lines = SVGText.wrap(text, width: 19, maxLines: 2)
            self.cls = cls
            self.colour = colour
        }
    }

    /// Labels top to bottom, each at least one line below the end of the one above; a stack that
    /// runs past `bottom` moves up as a whole.
    static func spread(_ labels: [Label], bottom: Double) -> [Label] {
        var ls = labels.sorted { $0.y < $1.y }
        for i in ls.indices.dropFirst() {
            let minY = ls[i - 1].y + lineHeight * Double(ls[i - 1].lines.count)
            if ls[i].y < minY { ls[i].y = minY }
        }
        if let last = ls.last {
            let overflow = last.y + lineHeight * Double(last.lines.count - 1) - bottom
            if overflow > 0 { for i in ls.indices { ls[i].y -= overflow } }
        }
        return ls
    }

    /// Runs of consecutive indices where `present` holds.
    static func runs(_ present: [Bool]) -> [[Int]] {
        var out: [[Int]] = []
        var run: [Int] = []
        for (i, p) in present.enumerated() {
            if p {
                run.append(i)
            } else if !run.isEmpty {
                out.append(run)
                run = []
            }
        }
        if !run.isEmpty { out.append(run) }
        return out
    }

    /// One line with its markers: circles, or squares for the chosen series, each naming its value.
    static func series(
        _ line: Line, _ vals: [Double?], cls: String, colour: String, dash: String?, square: Bool,
        x: (Int) -> Double, y: (Double) -> Double, fmt: (Double) -> String, xLabels: [String]
    ) -> String {
        let link = line.href.flatMap(BarChart.safeHref)
        var s = "<g class=\"\(cls)\"><title>\(SVGText.escape(line.label))</title>"
        if let link { s += "<a href=\"\(SVGText.escape(link))\">" }
        for run in runs(vals.map { $0 != nil }) where run.count > 1 {
            let pts = run.map { "\(SVGText.num(x($0))),\(SVGText.num(y(vals[$0]!)))" }.joined(separator: " ")
            s +=
                "<polyline class=\"band-line\" points=\"\(pts)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(square ? "2.5" : "3.0")\""
                + " stroke-linejoin=\"round\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        }
        for (i, v) in vals.enumerated() {
            guard let v else { continue }
            let tip = "<title>" + SVGText.escape("\(line.label), \(xLabels[i]): \(fmt(v))") + "</title>"
            if square {
                s +=
                    "<rect class=\"band-point\" x=\"\(SVGText.num(x(i) - 4))\" y=\"\(SVGText.num(y(v) - 4))\" width=\"8.0\" height=\"8.0\""
                    + " fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\">\(tip)</rect>"
            } else {
                s +=
                    "<circle class=\"band-point\" cx=\"\(SVGText.num(x(i)))\" cy=\"\(SVGText.num(y(v)))\" r=\"4.0\""
                    + " fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\">\(tip)</circle>"
            }
        }
        if link != nil { s += "</a>" }
        return s + "</g>"
    }

    static func open(id: String, title: String, desc: String, width: Double, height: Double) -> String {
        SVGText.open(cls: "chart chart-band", id: id, title: title, desc: desc, width: width, height: height)
    }
}
