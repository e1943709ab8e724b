// SVG rendering of a QRCode: self-contained markup (no scripts, no external
// references) suitable for inline use in an offline web page.

extension QRCode {
    /// Renders the symbol as one `<svg>` element.
    ///
    /// The coordinate system is one unit per module (`viewBox="0 0 W W"` with
    /// W = size + 2·quietZone); `width`/`height` are W·moduleSize pixels. The light
    /// background is a single `<rect>`, the dark modules a single `<path>` made of one
    /// rectangle per horizontal run of dark modules (`M x y h n v1 h-n z`).
    /// - Parameters:
    ///   - moduleSize: pixels per module for the `width`/`height` attributes (min 1).
    ///   - quietZone: light border in modules (min 0; the standard asks for 4).
    ///   - title: optional accessible name, emitted XML-escaped as `<title>`.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String? = nil) -> String {
        let scale = max(1, moduleSize)
        let border = max(0, quietZone)
        let extent = size + 2 * border
        let pixels = extent * scale

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(extent) \(extent)\""
        out += " width=\"\(pixels)\" height=\"\(pixels)\" role=\"img\">"
        if let title {
            out += "<title>" + QRCode.svgEscaped(title) + "</title>"
        }
        out += "<rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#ffffff\"/>"
        out += "<path fill=\"#000000\" shape-rendering=\"crispEdges\" d=\""
        out += svgPathData(offset: border)
        out += "\"/></svg>"
        return out
    }

    /// Path data: one closed rectangle per horizontal run of dark modules.
    func svgPathData(offset: Int) -> String {
        var d = ""
        d.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y * size + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && modules[y * size + x] { x += 1 }
                let run = x - start
                d += "M\(start + offset) \(y + offset)h\(run)v1h-\(run)z"
            }
        }
        return d
    }

    /// Escapes `& < > " '` for XML text and attributes, and drops characters that are
    /// not allowed in XML 1.0 (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF).
    static func svgEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
