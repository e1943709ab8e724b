import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What XMLParser saw in an SVG string; nil from `parse` means it is not well-formed XML.
/// Shared by the line chart and talent grid tests (ChartTests.swift keeps its own private copy).
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }
    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ svg: String) -> ParsedSVG? {
        let doc = ParsedSVG()
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
        for i in open { elements[i].text += s }
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

@Suite("LineChart") struct LineChartTests {
    private let quarters = [
        "Triwulan I 2025", "Triwulan II 2025", "Triwulan III 2025", "Triwulan IV 2025", "Triwulan I 2026",
    ]
    private var twoSeries: [LineChart.Series] {
        [
            LineChart.Series(label: "Kota Kupang", values: [60, 62.5, 65, 67.5, 70], emphasised: true),
            LineChart.Series(
                label: "Dinas Pendidikan", values: [50, 75, nil, 25, 0], href: "/laporan/jpm?opd=7&th=2025"),
        ]
    }

    @Test func pointsSitAtTheDocumentedCoordinates() throws {
        // yRange 0…100 → ticks 0, 20, …, 100 ("100" is 3 characters, so left = max(40, 14 + 18) = 40).
        // Plot x 40…624 (584 wide), 5 slots of 116,8: x = 98,4; 215,2; 332; 448,8; 565,6.
        // Plot y 16…236 (300 − 64), 220 high: y(v) = 236 − 2,2 v → 50 → 126, 75 → 71, 65 → 93.
        let svg = LineChart.svg(xLabels: quarters, series: twoSeries, title: "Rata-rata JPM", yRange: 0...100)
        let doc = try #require(ParsedSVG.parse(svg))
        #expect(doc.elements.first?.attributes["viewBox"] == "0 0 640.0 300.0") // one legend row: no growth
        let points = doc.all("circle", class: "line-point")
        #expect(points.count == 5 + 4)
        let kota = try #require(points.first { $0.text == "Kota Kupang, Triwulan III 2025: 65,0" })
        #expect(kota.attributes["cx"] == "332.0" && kota.attributes["cy"] == "93.0")
        let dinas = try #require(points.first { $0.text == "Dinas Pendidikan, Triwulan II 2025: 75,0" })
        #expect(dinas.attributes["cx"] == "215.2" && dinas.attributes["cy"] == "71.0")
        #expect(doc.all("g", class: "line-ticks").first?.text == "020406080100")
        #expect(doc.all("g", class: "line-grid").count == 1)
        // top gridline (100)
        #expect(doc.all("line").filter { $0.attributes["y1"] == "16.0" && $0.attributes["x1"] == "40.0" }.count == 1)
    }

    @Test func nilBreaksTheLineAndEmphasisIsDrawnLast() throws {
        let doc = try #require(
            ParsedSVG.parse(LineChart.svg(xLabels: quarters, series: twoSeries, title: "t", yRange: 0...100)))
        let groups = doc.all("g", class: "line-series")
        #expect(groups.count == 2)
        // The emphasised series comes first in the input but is drawn last, dark and thick.
        #expect(groups.last?.attributes["class"] == "line-series line-emphasised")
        let paths = doc.all("polyline", class: "line-path")
        #expect(
            paths.map { $0.attributes["points"] } == [
                "98.4,126.0 215.2,71.0", "448.8,181.0 565.6,236.0", // Dinas: [50, 75] | nil | [25, 0]
                "98.4,104.0 215.2,98.5 332.0,93.0 448.8,87.5 565.6,82.0", // Kota: 60 … 70
            ])
        #expect(paths[2].attributes["stroke"] == "#101828" && paths[2].attributes["stroke-width"] == "3.0")
        #expect(paths[0].attributes["stroke"] == "#1d4ed8" && paths[0].attributes["stroke-width"] == "2.0")
        // A lone point between two gaps draws a circle but no polyline.
        let lone = try #require(
            ParsedSVG.parse(
                LineChart.svg(xLabels: quarters, series: [.init(label: "A", values: [nil, 5, nil])], title: "t")))
        #expect(lone.all("polyline").isEmpty && lone.all("circle").count == 1)
    }

    @Test func linksEscapingAndCSP() throws {
        let series = [
            LineChart.Series(
                label: "<script>alert(\"x\")</script> & 'Dinas'", values: [1, 2], href: "javascript:alert(1)"),
            LineChart.Series(label: "Dinas Kesehatan", values: [3, 4], href: "/laporan?opd=2&q=\"a\""),
            LineChart.Series(label: "Bappeda", values: [2, 2], href: " JavaScript:alert(1)"),
        ]
        let svg = LineChart.svg(
            xLabels: ["Triwulan \"I\"", "<II>"], series: series, title: "JPM <OPD>", valueSuffix: " %")
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<script"))
        #expect(!svg.lowercased().contains("javascript"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Dinas&#39;"))
        #expect(svg.contains("href=\"/laporan?opd=2&amp;q=&quot;a&quot;\""))
        let doc = try #require(ParsedSVG.parse(svg))
        #expect(doc.obeysCSP)
        #expect(doc.elements.first?.attributes["role"] == "img")
        let title = try #require(doc.all("title").first)
        #expect(
            title.text == "JPM <OPD>" && title.attributes["id"] == doc.elements.first?.attributes["aria-labelledby"])
        #expect(doc.all("desc").first?.attributes["id"] == doc.elements.first?.attributes["aria-describedby"])
        // Line and legend entry of the safe series are linked; the other two are not.
        #expect(doc.all("a").map { $0.attributes["href"] } == ["/laporan?opd=2&q=\"a\"", "/laporan?opd=2&q=\"a\""])
        #expect(doc.all("circle").contains { $0.text == "Dinas Kesehatan, <II>: 4,0 %" })
        #expect(doc.all("text", class: "line-xlabel").map(\.text) == ["Triwulan \"I\"", "<II>"])
    }

    @Test func niceTicksFromDataAndFromAGivenRange() throws {
        // Data 60…95, padded by 5 % to 58,25…96,75: steps 1, 2, 2,5, 5 give too many lines, 10 gives 50…100.
        let auto = try #require(
            ParsedSVG.parse(
                LineChart.svg(xLabels: ["a", "b"], series: [.init(label: "A", values: [60, 95])], title: "t")))
        #expect(auto.all("g", class: "line-ticks").first?.text == "5060708090100")
        // Given 70…82,5: step 2 would give 7 lines, so 2,5 → six labels with one decimal.
        let given = LineChart.svg(
            xLabels: ["a"], series: [.init(label: "A", values: [75])], title: "t", yRange: 70...82.5, valueSuffix: " %")
        let tickTexts = try #require(ParsedSVG.parse(given)).all("g", class: "line-ticks").first?.text
        #expect(tickTexts == "70,0 %72,5 %75,0 %77,5 %80,0 %82,5 %")
        // A flat series at 80 is widened by 10 % to 72…88 and rounded to 70…90 in steps of 5, so it
        // sits mid-plot: y = 236 − 220 × 10/20 = 126.
        let flat = try #require(
            ParsedSVG.parse(
                LineChart.svg(xLabels: ["a", "b"], series: [.init(label: "A", values: [80, 80])], title: "t")))
        #expect(flat.all("g", class: "line-ticks").first?.text == "7075808590")
        #expect(flat.all("circle").map { $0.attributes["cy"] } == ["126.0", "126.0"])
        // All zeros: never a negative axis.
        let zero = LineChart.svg(xLabels: ["a", "b"], series: [.init(label: "A", values: [0, 0])], title: "t")
        #expect(try #require(ParsedSVG.parse(zero)).all("g", class: "line-ticks").first?.text == "0,00,20,40,60,81,0")
    }

    @Test func legendWrapsAndHeightGrows() throws {
        // "OPD 01" … "OPD 30": entries 26 + 6 × 6,5 = 65 px plus a 14 px gap, from x 16 while x + 65 ≤ 624
        // → 7 per row, 5 rows, so the chart grows by 4 × 18 px.
        let series = (1...30).map {
            LineChart.Series(label: String(format: "OPD %02d", $0), values: [Double($0), Double($0 + 1)])
        }
        let doc = try #require(ParsedSVG.parse(LineChart.svg(xLabels: ["a", "b"], series: series, title: "t")))
        #expect(doc.elements.first?.attributes["viewBox"] == "0 0 640.0 372.0")
        let items = doc.all("g", class: "line-legend-item")
        #expect(items.count == 30)
        // Entry 8 starts row 2: swatch at x 16, y = 236 + 40 + 9 + 18.
        let swatch = try #require(
            doc.all("line").filter { $0.attributes["x1"] == "16.0" && $0.attributes["x2"] == "36.0" }.dropFirst().first)
        #expect(swatch.attributes["y1"] == "303.0")
        // After ten colours the palette repeats with a dash pattern.
        let paths = doc.all("polyline")
        #expect(paths[10].attributes["stroke"] == paths[0].attributes["stroke"])
        #expect(paths[0].attributes["stroke-dasharray"] == nil && paths[10].attributes["stroke-dasharray"] == "6 3")
        #expect(Set(paths.prefix(10).map { $0.attributes["stroke"] ?? "" }).count == 10)
    }

    @Test func emptyAndDeterministic() throws {
        for svg in [
            LineChart.svg(xLabels: quarters, series: [], title: "Kosong"),
            LineChart.svg(xLabels: quarters, series: [.init(label: "A", values: [nil, nil, .nan])], title: "Kosong"),
            LineChart.svg(xLabels: [], series: twoSeries, title: "Kosong"),
        ] {
            let doc = try #require(ParsedSVG.parse(svg))
            #expect(doc.elements.first?.attributes["role"] == "img")
            #expect(doc.all("desc").first?.text == "Tidak ada data.")
            #expect(doc.all("text").map(\.text) == ["Tidak ada data."])
            #expect(doc.all("polyline").isEmpty && doc.all("circle").isEmpty)
        }
        let a = LineChart.svg(xLabels: quarters, series: twoSeries, title: "JPM")
        #expect(a == LineChart.svg(xLabels: quarters, series: twoSeries, title: "JPM"))
        #expect(a != LineChart.svg(xLabels: quarters, series: twoSeries, title: "JPM 2"))
        #expect(!a.contains("NaN") && !a.contains("nan"))
    }
}
