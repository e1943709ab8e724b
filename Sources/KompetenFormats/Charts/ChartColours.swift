import Foundation

/// Every colour the charts draw a mark with (line, point, bar, outline) on their white
/// background, and the WCAG 2.1 contrast ratio that checks them: a graphical object needs at
/// least 3:1 against its neighbour (success criterion 1.4.11), or a reader with low vision or a
/// faded print-out loses it.
public enum ChartColours {
    static var marks: [String] {
        LineChart.palette + [
            LineChart.emphasisColour, BandChart.referenceColour, BandChart.chosenColour, BandChart.bandStroke,
            SmallMultiples.lineColour, SmallMultiples.referenceColour, BarChart.fill, TalentGridChart.poolStroke,
            RadarChart.standardStroke, RadarChart.actualStroke,
        ]
    }

    /// Relative luminance of `#rrggbb`: each channel linearised (c/12,92 up to 0,03928, else
    /// ((c + 0,055)/1,055)^2,4), weighted 0,2126 R + 0,7152 G + 0,0722 B. Nil for anything else.
    public static func luminance(_ hex: String) -> Double? {
        let digits = Array(hex.utf8.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6,
            let v = Int(String(decoding: digits, as: UTF8.self), radix: 16)
        else { return nil }
        func lin(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(v >> 16 & 0xff) + 0.7152 * lin(v >> 8 & 0xff) + 0.0722 * lin(v & 0xff)
    }

    /// (L_lighter + 0,05) / (L_darker + 0,05), from 1 (same) to 21 (black on white).
    public static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
