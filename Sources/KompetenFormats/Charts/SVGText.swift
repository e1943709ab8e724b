/// Text helpers shared by the server-rendered SVG charts.
public enum SVGText {
    /// Escapes text for XML content and attribute values (both quote kinds, so either quoting
    /// style is safe). Characters XML 1.0 forbids (most C0 controls, lone surrogates cannot occur
    /// in a Swift String) are dropped: one stray control character in a competency name would
    /// otherwise make the whole chart unparsable.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A coordinate with exactly one decimal (half away from zero) and never `-0.0`, so the
    /// same chart always renders to the same bytes.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0.0" }
        let tenths = Int((x * 10).rounded())
        if tenths == 0 { return "0.0" }
        let m = tenths.magnitude
        return (tenths < 0 ? "-" : "") + "\(m / 10).\(m % 10)"
    }

    /// Splits a label into at most `maxLines` lines of about `width` characters, breaking at
    /// spaces where it can; the last line ends with `…` when text had to be cut.
    /// SVG text does not wrap by itself, and long competency names would run off the chart.
    static func wrap(_ s: String, width: Int, maxLines: Int) -> [String] {
        let width = max(1, width)
        let maxLines = max(1, maxLines)
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            var w = String(word)
            if current.isEmpty == false, current.count + 1 + w.count <= width {
                current += " " + w
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                current = ""
            }
            // A word longer than a line is broken hard.
            while w.count > width {
                lines.append(String(w.prefix(width)))
                w = String(w.dropFirst(width))
            }
            current = w
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            var last = lines[maxLines - 1]
            if last.count >= width { last = String(last.prefix(width - 1)) }
            lines = Array(lines.prefix(maxLines - 1)) + [last + "…"]
        }
        return lines.isEmpty ? [""] : lines
    }

    /// A short, stable id for `aria-labelledby` (FNV-1a of the inputs). Swift's `hashValue` is
    /// seeded per process, which would make the output differ between runs.
    static func stableID(prefix: String, _ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for p in parts {
            for b in p.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0x1f) &* 0x100_0000_01b3 // separator, so ["ab","c"] ≠ ["a","bc"]
        }
        return prefix + "-" + String(h & 0xffff_ffff, radix: 16)
    }

    /// The opening `<svg>` of a chart: `role="img"` named by its `<title>` and described by its
    /// `<desc>` (the values in words), sized by `viewBox` so the stylesheet can scale it.
    static func open(cls: String, id: String, title: String, desc: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cls)\" role=\"img\""
            + " aria-labelledby=\"\(id)\" aria-describedby=\"\(id)-desc\""
            + " viewBox=\"0 0 \(num(width)) \(num(height))\" width=\"\(num(width))\" height=\"\(num(height))\""
            + " font-family=\"sans-serif\" font-size=\"11\">"
            + "<title id=\"\(id)\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(desc))</desc>"
    }
}
