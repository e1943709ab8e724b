import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What XMLParser saw in an SVG string; nil from `parse` means it is not well-formed XML.
private final class SVGDoc: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }
    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ svg: String) -> SVGDoc? {
        let doc = SVGDoc()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = doc
        return parser.parse() ? doc : nil
    }
    func parser(
        _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }
    func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
    func parser(_ p: XMLParser, foundCharacters s: String) {
        for i in open { elements[i].text += s } // every enclosing element collects its text
    }

    func all(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter {
            $0.name == name
                && (cls == nil || ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(cls!)))
        }
    }
    /// The CSP forbids inline styles and scripts.
    var obeysCSP: Bool {
        !elements.contains {
            $0.name == "script" || $0.name == "style" || $0.name == "foreignObject"
                || $0.attributes.keys.contains { $0 == "style" || $0.lowercased().hasPrefix("on") }
        }
    }
}

@Suite("SVGText") struct SVGTextTests {
    @Test func escapesMarkupAndDropsInvalidCharacters() {
        #expect(SVGText.escape("a&b<c>\"d'\u{1}e\n") == "a&amp;b&lt;c&gt;&quot;d&#39;e\n")
        #expect(SVGText.escape("Kerja sama — 360°") == "Kerja sama — 360°")
    }

    @Test func coordinatesHaveOneDecimal() {
        #expect(SVGText.num(377.52) == "377.5")
        #expect(SVGText.num(0.05) == "0.1") // half away from zero
        #expect(SVGText.num(-0.04) == "0.0") // never "-0.0"
        #expect(SVGText.num(-2.25) == "-2.3")
        #expect(SVGText.num(12) == "12.0")
    }

    @Test func wrapping() {
        #expect(
            SVGText.wrap("Pengembangan Diri dan Orang Lain", width: 16, maxLines: 2) == [
                "Pengembangan", "Diri dan Orang…",
            ])
        #expect(SVGText.wrap("Integritas", width: 16, maxLines: 2) == ["Integritas"])
        #expect(SVGText.wrap("", width: 16, maxLines: 2) == [""])
    }
}

@Suite("RadarChart") struct RadarChartTests {
    private let axes = [
        RadarChart.Axis(label: "Integritas", required: 5, actual: 4),
        RadarChart.Axis(label: "Kerja <script>alert('x')</script> & \"Co\"", required: 4, actual: nil),
        RadarChart.Axis(label: "Komunikasi", required: 3, actual: 5),
        RadarChart.Axis(label: "Pengembangan Diri dan Orang Lain", required: 2, actual: 1),
    ]

    @Test func wellFormedAccessibleAndCSPSafe() throws {
        let svg = RadarChart.svg(axes: axes, title: "Profil <Budi> & Ani")
        let doc = try #require(SVGDoc.parse(svg))
        let root = try #require(doc.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"] == "0 0 540.0 464.0") // 420 + 2×60 wide, 420 + 44 high
        let title = try #require(doc.all("title").first)
        #expect(title.attributes["id"] == root.attributes["aria-labelledby"])
        #expect(title.text == "Profil <Budi> & Ani")
        #expect(doc.obeysCSP)
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<script"))
        // The full label is in <desc>; the visible label is wrapped, but escaped all the same.
        #expect(svg.contains("Kerja &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;"))
    }

    @Test func oneSpokePerAxisAndOneGridPolygonPerLevel() throws {
        let doc = try #require(SVGDoc.parse(RadarChart.svg(axes: axes, title: "t")))
        #expect(doc.all("line", class: "spoke").count == 4)
        #expect(doc.all("polygon").count == 5 + 2) // levels 1…5, required, actual
        let six = Array(repeating: RadarChart.Axis(label: "K", required: 3, actual: 3), count: 6)
        #expect(
            try #require(SVGDoc.parse(RadarChart.svg(axes: six, maxLevel: 4, title: "t"))).all("line", class: "spoke")
                .count == 6)
    }

    @Test func polygonCoordinates() throws {
        // Centre (270, 210), radius 0.32 × 420 = 134.4, spokes up, right, down, left.
        // Required 5, 4, 3, 2 → r = 134.4, 107.52, 80.64, 53.76.
        // Actual 4, (none → 0), 5, 1 → r = 107.52, 0, 134.4, 26.88.
        let doc = try #require(SVGDoc.parse(RadarChart.svg(axes: axes, title: "t")))
        let required = try #require(doc.all("polygon", class: "radar-required").first)
        #expect(required.attributes["points"] == "270.0,75.6 377.5,210.0 270.0,290.6 216.2,210.0")
        #expect(required.attributes["stroke-dasharray"] != nil)
        let actual = try #require(doc.all("polygon", class: "radar-actual").first)
        #expect(actual.attributes["points"] == "270.0,102.5 270.0,210.0 270.0,344.4 243.1,210.0")
    }

    @Test func labelsAreEscapedAndUnassessedMarked() throws {
        let doc = try #require(SVGDoc.parse(RadarChart.svg(axes: axes, title: "t")))
        let labels = doc.all("text", class: "radar-label")
        #expect(labels.count == 4)
        let unassessed = doc.all("text", class: "radar-unassessed")
        #expect(unassessed.count == 1)
        #expect(unassessed.first?.text.contains("(belum dinilai)") == true)
        #expect(unassessed.first?.text.contains("<script>alert('") == true) // parses back to the original
        #expect(labels[0].text == "Integritas")
        #expect(doc.all("desc").first?.text.contains("belum dinilai") == true)
    }

    @Test func deterministic() {
        #expect(RadarChart.svg(axes: axes, title: "Profil") == RadarChart.svg(axes: axes, title: "Profil"))
        #expect(RadarChart.svg(axes: axes, title: "A") != RadarChart.svg(axes: axes, title: "B"))
    }

    @Test func fewerThanThreeAxesUseBars() throws {
        for n in 0...2 {
            let svg = RadarChart.svg(axes: Array(axes.prefix(n)), title: "Kecil")
            let doc = try #require(SVGDoc.parse(svg), "\(n) axes")
            #expect(doc.obeysCSP)
            #expect(doc.all("line", class: "spoke").isEmpty)
            #expect(doc.all("rect", class: "radar-actual").count == n)
            #expect(doc.all("rect", class: "radar-required").count == n)
        }
        // Two axes: actual 4 of 5 and unassessed; bars run from x 170 to 540 − 24 = 516 (346 wide).
        let doc = try #require(SVGDoc.parse(RadarChart.svg(axes: Array(axes.prefix(2)), title: "Kecil")))
        #expect(doc.all("rect", class: "radar-actual").map { $0.attributes["width"] } == ["276.8", "0.0"]) // 346 × 4/5
        #expect(doc.all("rect", class: "radar-required").map { $0.attributes["width"] } == ["346.0", "276.8"])
        #expect(doc.all("text", class: "radar-unassessed").first?.text.contains("(belum dinilai)") == true)
    }
}

@Suite("BarChart") struct BarChartTests {
    private let bars = [
        BarChart.Bar(label: "Optimal", value: 10, href: "/laporan?kategori=optimal&opd=1"),
        BarChart.Bar(label: "Cukup <optimal>", value: 5, href: "javascript:alert(1)"),
        BarChart.Bar(label: "Kurang optimal", value: 0),
        BarChart.Bar(label: "Banyak", value: 1234, href: " JavaScript:alert(1)"),
    ]

    @Test func heightsAreProportional() throws {
        // Plot height 260 − 24 − 44 = 192; the tallest bar (10) fills it, so 5 → 96 and 0 → 0.
        let doc = try #require(SVGDoc.parse(BarChart.svg(bars: Array(bars.prefix(3)), title: "Sebaran JPM")))
        let rects = doc.all("rect", class: "bar-rect")
        #expect(rects.map { $0.attributes["height"] } == ["192.0", "96.0", "0.0"])
        // Baseline at 24 + 192 = 216, so the half bar starts at y 120.
        #expect(rects[1].attributes["y"] == "120.0")
        // Slot (640 − 32)/3 = 202.67; bar width min(0.7 × slot, 80) = 80; first x = 16 + (202.67 − 80)/2.
        #expect(rects[0].attributes["width"] == "80.0")
        #expect(rects[0].attributes["x"] == "77.3")
        #expect(doc.all("text", class: "bar-value").map(\.text) == ["10", "5", "0"])
    }

    @Test func linksEscapedAndUnsafeSchemesDropped() throws {
        let svg = BarChart.svg(bars: bars, title: "Sebaran <JPM>")
        #expect(svg.contains("href=\"/laporan?kategori=optimal&amp;opd=1\""))
        #expect(!svg.lowercased().contains("javascript"))
        let doc = try #require(SVGDoc.parse(svg))
        #expect(doc.all("a").map { $0.attributes["href"] } == ["/laporan?kategori=optimal&opd=1"])
        #expect(doc.all("text", class: "bar-label")[1].text == "Cukup <optimal>")
        #expect(doc.all("text", class: "bar-value")[3].text == "1.234") // Indonesian grouping
        #expect(doc.obeysCSP)
        #expect(!svg.contains("style="))
        #expect(doc.all("title").first?.text == "Sebaran <JPM>")
        #expect(svg == BarChart.svg(bars: bars, title: "Sebaran <JPM>"))
    }

    @Test func emptyChartIsStillAnImage() throws {
        let doc = try #require(SVGDoc.parse(BarChart.svg(bars: [], title: "Kosong")))
        #expect(doc.elements.first?.attributes["role"] == "img")
        #expect(doc.all("rect").isEmpty)
    }

    @Test func safeHref() {
        #expect(BarChart.safeHref("/a?b=c:d") == "/a?b=c:d")
        #expect(BarChart.safeHref("https://kupangkota.go.id/x") == "https://kupangkota.go.id/x")
        #expect(BarChart.safeHref("data:text/html,x") == nil)
        #expect(BarChart.safeHref("java\nscript:alert(1)") == nil)
        #expect(BarChart.safeHref("  ") == nil)
    }
}
