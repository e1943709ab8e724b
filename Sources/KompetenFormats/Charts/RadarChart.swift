import Foundation

/// The employee-profile chart: actual vs required level per competency (SPEC.md §1, Reports).
///
/// Rendered on the server as an SVG string so the page needs no JavaScript. The app's
/// Content-Security-Policy forbids inline styles, so the markup uses presentation attributes
/// (fill, stroke, …) and class names only, never `style=`.
public enum RadarChart {
    /// The standard's dashed outline and the actual profile's outline (ChartColours checks both).
    static let standardStroke = "#1d4ed8", actualStroke = "#b45309"
    public struct Axis: Sendable {
        public var label: String
        public var required: Int
        /// Nil when never assessed: drawn at 0 and marked *belum dinilai*.
        public var actual: Int?

        public init(label: String, required: Int, actual: Int?) {
            self.label = label
            self.required = required
            self.actual = actual
        }
    }

    static let padX = 60.0, legendHeight = 44.0, lineHeight = 12.0

    /// A radar chart with one spoke per axis. Fewer than 3 axes make no polygon, so 1–2 axes are
    /// drawn as horizontal bars instead (same colours and legend); none gives a short notice.
    public static func svg(axes: [Axis], maxLevel: Int = 5, size: Int = 420, title: String) -> String {
        let maxLevel = max(1, maxLevel)
        let size = Double(max(200, size))
        let id = SVGText.stableID(
            prefix: "radar", [title] + axes.map { "\($0.label)|\($0.required)|\($0.actual ?? -1)" })
        let width = size + 2 * padX
        if axes.isEmpty {
            return open(id: id, title: title, desc: "Belum ada standar kompetensi.", width: width, height: 60)
                + "<text x=\"\(SVGText.num(width / 2))\" y=\"34.0\" text-anchor=\"middle\" fill=\"#475467\">"
                + "Belum ada standar kompetensi untuk ditampilkan.</text></svg>"
        }
        let desc =
            axes.map { a in
                "\(a.label): standar \(a.required), " + (a.actual.map { "aktual \($0)" } ?? "belum dinilai")
            }.joined(separator: "; ") + "."
        if axes.count < 3 { return bars(axes, maxLevel: maxLevel, width: width, id: id, title: title, desc: desc) }

        let height = size + legendHeight
        let cx = width / 2
        let cy = size / 2
        let radius = size * 0.32
        let n = axes.count
        // Spoke i points up for i = 0 and proceeds clockwise (SVG y grows downward).
        func angle(_ i: Int) -> Double { -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(n) }
        func point(_ i: Int, _ level: Double) -> (Double, Double) {
            let r = radius * min(max(level, 0), Double(maxLevel)) / Double(maxLevel)
            return (cx + r * cos(angle(i)), cy + r * sin(angle(i)))
        }
        func points(_ level: (Int) -> Double) -> String {
            (0..<n).map { i in
                let p = point(i, level(i))
                return "\(SVGText.num(p.0)),\(SVGText.num(p.1))"
            }
            .joined(separator: " ")
        }

        var s = open(id: id, title: title, desc: desc, width: width, height: height)
        s += "<g class=\"radar-grid\" fill=\"none\" stroke=\"#d0d5dd\" stroke-width=\"1\">"
        for level in 1...maxLevel { s += "<polygon points=\"\(points { _ in Double(level) })\"/>" }
        s += "</g><g class=\"radar-spokes\" stroke=\"#98a2b3\" stroke-width=\"1\">"
        for i in 0..<n {
            let p = point(i, Double(maxLevel))
            s +=
                "<line class=\"spoke\" x1=\"\(SVGText.num(cx))\" y1=\"\(SVGText.num(cy))\" x2=\"\(SVGText.num(p.0))\" y2=\"\(SVGText.num(p.1))\"/>"
        }
        s += "</g><g class=\"radar-levels\" fill=\"#667085\" font-size=\"9\">"
        for level in 1...maxLevel {
            let p = point(0, Double(level))
            s += "<text x=\"\(SVGText.num(p.0 + 3))\" y=\"\(SVGText.num(p.1 - 2))\">\(level)</text>"
        }
        s += "</g>"
        // Actual first, required on top: the dashed outline must stay visible over the fill.
        s +=
            "<polygon class=\"radar-actual\" points=\"\(points { Double(axes[$0].actual ?? 0) })\""
            + " fill=\"#f59e0b\" fill-opacity=\"0.35\" stroke=\"\(actualStroke)\" stroke-width=\"2\"/>"
        s +=
            "<polygon class=\"radar-required\" points=\"\(points { Double(axes[$0].required) })\""
            + " fill=\"none\" stroke=\"\(standardStroke)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        s += "<g class=\"radar-labels\" fill=\"#101828\">"
        for (i, axis) in axes.enumerated() {
            let c = cos(angle(i))
            let sn = sin(angle(i))
            let x = cx + (radius + 14) * c
            let y = cy + (radius + 14) * sn
            // Anchor away from the chart so labels never cross the polygons.
            let anchor = abs(c) < 0.3 ? "middle" : (c > 0 ? "start" : "end")
            let lines = labelLines(axis, width: 16)
            let block = Double(lines.count - 1) * lineHeight
            let firstY = sn < -0.3 ? y - block : (sn > 0.3 ? y + 9 : y - block / 2 + 4)
            s += textBlock(lines, x: x, y: firstY, anchor: anchor, unassessed: axis.actual == nil)
        }
        s += "</g>" + legend(x: width / 2 - 110, y: size + 18) + "</svg>"
        return s
    }

    /// 1–2 axes: one row per competency, level 0…maxLevel from left to right.
    static func bars(_ axes: [Axis], maxLevel: Int, width: Double, id: String, title: String, desc: String) -> String {
        let rowHeight = 56.0
        let top = 16.0
        let x0 = 170.0
        let x1 = width - 24
        let scaleTop = top + rowHeight * Double(axes.count)
        let height = scaleTop + 24 + legendHeight
        func x(_ level: Int) -> Double { x0 + (x1 - x0) * Double(min(max(level, 0), maxLevel)) / Double(maxLevel) }
        var s = open(id: id, title: title, desc: desc, width: width, height: height)
        s += "<g class=\"radar-grid\" stroke=\"#d0d5dd\" stroke-width=\"1\">"
        for level in 0...maxLevel {
            s +=
                "<line x1=\"\(SVGText.num(x(level)))\" y1=\"\(SVGText.num(top))\" x2=\"\(SVGText.num(x(level)))\" y2=\"\(SVGText.num(scaleTop))\"/>"
        }
        s += "</g><g class=\"radar-levels\" fill=\"#667085\" font-size=\"9\" text-anchor=\"middle\">"
        for level in 0...maxLevel {
            s += "<text x=\"\(SVGText.num(x(level)))\" y=\"\(SVGText.num(scaleTop + 12))\">\(level)</text>"
        }
        s += "</g>"
        for (i, axis) in axes.enumerated() {
            let rowTop = top + rowHeight * Double(i)
            let mid = rowTop + rowHeight / 2
            s +=
                "<rect class=\"radar-actual\" x=\"\(SVGText.num(x0))\" y=\"\(SVGText.num(mid - 9))\" width=\"\(SVGText.num(x(axis.actual ?? 0) - x0))\" height=\"18.0\""
                + " fill=\"#f59e0b\" fill-opacity=\"0.35\" stroke=\"\(actualStroke)\" stroke-width=\"2\"/>"
            s +=
                "<rect class=\"radar-required\" x=\"\(SVGText.num(x0))\" y=\"\(SVGText.num(mid - 13))\" width=\"\(SVGText.num(x(axis.required) - x0))\" height=\"26.0\""
                + " fill=\"none\" stroke=\"\(standardStroke)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            let lines = labelLines(axis, width: 24)
            s +=
                "<g class=\"radar-labels\" fill=\"#101828\">"
                + textBlock(
                    lines, x: 12, y: mid - Double(lines.count - 1) * lineHeight / 2 + 4, anchor: "start",
                    unassessed: axis.actual == nil)
                + "</g>"
        }
        return s + legend(x: width / 2 - 110, y: scaleTop + 40) + "</svg>"
    }

    /// The label, wrapped; an unassessed axis gets "(belum dinilai)" on its last line when it
    /// fits, else on a line of its own, so the mark is never cut off by the wrapping.
    static func labelLines(_ axis: Axis, width: Int) -> [String] {
        var lines = SVGText.wrap(axis.label, width: width, maxLines: 3)
        if axis.actual == nil {
            let mark = "(belum dinilai)"
            if lines[lines.count - 1].count + 1 + mark.count <= width {
                lines[lines.count - 1] += " " + mark
            } else {
                lines.append(mark)
            }
        }
        return lines
    }

    static func textBlock(_ lines: [String], x: Double, y: Double, anchor: String, unassessed: Bool) -> String {
        var s =
            "<text class=\"radar-label\(unassessed ? " radar-unassessed" : "")\" x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" text-anchor=\"\(anchor)\"\(unassessed ? " fill=\"#b42318\"" : "")>"
        for (j, line) in lines.enumerated() {
            s +=
                "<tspan x=\"\(SVGText.num(x))\" dy=\"\(j == 0 ? "0.0" : SVGText.num(lineHeight))\">\(SVGText.escape(line))</tspan>"
        }
        return s + "</text>"
    }

    static func open(id: String, title: String, desc: String, width: Double, height: Double) -> String {
        SVGText.open(cls: "chart chart-radar", id: id, title: title, desc: desc, width: width, height: height)
    }

    static func legend(x: Double, y: Double) -> String {
        "<g class=\"legend\" fill=\"#101828\">"
            + "<line x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(y))\" x2=\"\(SVGText.num(x + 24))\" y2=\"\(SVGText.num(y))\" stroke=\"\(standardStroke)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            + "<text x=\"\(SVGText.num(x + 30))\" y=\"\(SVGText.num(y + 4))\">Standar jabatan</text>"
            + "<rect x=\"\(SVGText.num(x + 130))\" y=\"\(SVGText.num(y - 6))\" width=\"24.0\" height=\"12.0\" fill=\"#f59e0b\" fill-opacity=\"0.35\" stroke=\"\(actualStroke)\" stroke-width=\"2\"/>"
            + "<text x=\"\(SVGText.num(x + 160))\" y=\"\(SVGText.num(y + 4))\">Profil aktual</text></g>"
    }
}
