import KompetenCore

/// Vertical bar chart for counts (e.g. the city-wide JPM distribution, employees per category).
///
/// Server-rendered SVG under the same Content-Security-Policy rules as `RadarChart`: presentation
/// attributes and class names only, never `style=`, no script, no external fonts.
public enum BarChart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int
        /// Where a click on the bar leads (e.g. the filtered list behind the count).
        public var href: String?

        public init(label: String, value: Int, href: String? = nil) {
            self.label = label
            self.value = value
            self.href = href
        }
    }

    /// Room above the plot for the value labels and below it for two lines of category labels.
    static let top = 24.0, bottom = 44.0, side = 16.0
    static let fill = "#2563eb"

    public static func svg(bars: [Bar], title: String, width: Int = 640, height: Int = 260) -> String {
        let width = Double(max(160, width))
        let height = Double(max(120, height))
        let id = SVGText.stableID(prefix: "bar", [title] + bars.map { "\($0.label)|\($0.value)|\($0.href ?? "")" })
        let desc =
            bars.isEmpty
            ? "Tidak ada data."
            : bars.map { "\($0.label): \(IndonesianFormat.integer($0.value))" }.joined(separator: "; ") + "."
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-bar\" role=\"img\""
        s += " aria-labelledby=\"\(id)\" aria-describedby=\"\(id)-desc\""
        s +=
            " viewBox=\"0 0 \(SVGText.num(width)) \(SVGText.num(height))\" width=\"\(SVGText.num(width))\" height=\"\(SVGText.num(height))\""
        s += " font-family=\"sans-serif\" font-size=\"11\">"
        s +=
            "<title id=\"\(id)\">\(SVGText.escape(title))</title><desc id=\"\(id)-desc\">\(SVGText.escape(desc))</desc>"
        guard !bars.isEmpty else {
            return s
                + "<text x=\"\(SVGText.num(width / 2))\" y=\"\(SVGText.num(height / 2))\" text-anchor=\"middle\" fill=\"#475467\">Tidak ada data.</text></svg>"
        }

        let plotHeight = height - top - bottom
        let baseline = top + plotHeight
        let slot = (width - 2 * side) / Double(bars.count)
        // A lone bar should not fill the whole chart.
        let barWidth = min(slot * 0.7, 80)
        // The tallest bar fills the plot; heights are proportional to the values (counts start at
        // 0, so no axis break can exaggerate a difference). Negative counts are drawn as 0.
        let maxValue = Double(max(1, bars.map(\.value).max() ?? 1))
        let charsPerLine = max(3, Int(slot / 6.5))

        s +=
            "<line class=\"bar-baseline\" x1=\"\(SVGText.num(side))\" y1=\"\(SVGText.num(baseline))\" x2=\"\(SVGText.num(width - side))\" y2=\"\(SVGText.num(baseline))\" stroke=\"#98a2b3\" stroke-width=\"1\"/>"
        for (i, bar) in bars.enumerated() {
            let h = plotHeight * Double(max(0, bar.value)) / maxValue
            let x = side + slot * Double(i) + (slot - barWidth) / 2
            let mid = side + slot * (Double(i) + 0.5)
            let value = IndonesianFormat.integer(bar.value)
            s += "<g class=\"bar\"><title>\(SVGText.escape(bar.label)): \(value)</title>"
            let link = bar.href.flatMap(safeHref)
            if let link { s += "<a href=\"\(SVGText.escape(link))\">" }
            s +=
                "<rect class=\"bar-rect\" x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(baseline - h))\" width=\"\(SVGText.num(barWidth))\" height=\"\(SVGText.num(h))\" fill=\"\(fill)\"/>"
            s +=
                "<text class=\"bar-value\" x=\"\(SVGText.num(mid))\" y=\"\(SVGText.num(baseline - h - 6))\" text-anchor=\"middle\" fill=\"#101828\">\(value)</text>"
            s +=
                "<text class=\"bar-label\" x=\"\(SVGText.num(mid))\" y=\"\(SVGText.num(baseline + 15))\" text-anchor=\"middle\" fill=\"#344054\">"
            for (j, line) in SVGText.wrap(bar.label, width: charsPerLine, maxLines: 2).enumerated() {
                s +=
                    "<tspan x=\"\(SVGText.num(mid))\" dy=\"\(j == 0 ? "0.0" : "13.0")\">\(SVGText.escape(line))</tspan>"
            }
            s += "</text>"
            if link != nil { s += "</a>" }
            s += "</g>"
        }
        return s + "</svg>"
    }

    /// The href if it is relative or plain http(s); nil otherwise. Escaping keeps the markup
    /// intact, but a `javascript:` URL would still run on click, so other schemes are dropped.
    static func safeHref(_ href: String) -> String? {
        let t = href.trimmingPrefixWhitespace()
        guard !t.isEmpty else { return nil }
        // A scheme is whatever precedes the first ':' that comes before any '/', '?' or '#'.
        if let colon = t.firstIndex(of: ":"), !t[..<colon].contains(where: { "/?#".contains($0) }) {
            let scheme = t[..<colon].lowercased()
            return scheme == "http" || scheme == "https" ? t : nil
        }
        return t
    }
}

extension String {
    /// Browsers ignore leading whitespace and control characters in a URL, so `" javascript:"`
    /// must be judged without them.
    fileprivate func trimmingPrefixWhitespace() -> String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0.value <= 0x20 }))
    }
}
