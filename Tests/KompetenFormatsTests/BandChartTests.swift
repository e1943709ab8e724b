import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

/// Geometry of the hand-worked chart below (W 640, H 300, y range 50…100):
/// ticks 50…100 by 10, labels of ≤ 3 characters → left = 40; plot right = 640 − 140 = 500;
/// plot bottom = 300 − 44 = 256; two points: slot 230, x = 155 and 385;
/// y(v) = 256 − (v − 50) / 50 × 240: y(60) = 208, y(65) = 184, y(72) = 150,4, y(75) = 136,
/// y(80) = 112, y(90) = 64.
@Suite("BandChart") struct BandChartTests {
    let reference = BandChart.Line(label: "Rata-rata kota", values: [70, 80])
    let chosen = BandChart.Line(label: "Dinas A", values: [72, 60], href: "/monitoring?unit=a")
    let band = BandChart.Band(label: "Separuh tengah", low: [60, 65], high: [75, 90])

    func chart() -> String {
        BandChart.svg(
            xLabels: ["Tw I", "Tw II"], reference: reference, chosen: chosen, band: band, title: "JPM & band",
            yRange: 50...100)
    }

    @Test func bandIsOnePolygonUpperEdgeThenLowerEdgeBack() throws {
        let doc = try #require(ParsedSVG.parse(chart()))
        let polygons = doc.all("polygon", class: "band-area")
        #expect(polygons.count == 1)
        #expect(polygons.first?.attributes["points"] == "155.0,136.0 385.0,64.0 385.0,184.0 155.0,208.0")
        #expect(doc.obeysCSP)
    }

    @Test func titledImageWithoutLegend() throws {
        let svg = chart()
        let doc = try #require(ParsedSVG.parse(svg))
        let root = try #require(doc.elements.first)
        #expect(root.attributes["role"] == "img")
        let titleID = try #require(root.attributes["aria-labelledby"])
        let title = doc.all("title").first { $0.attributes["id"] == titleID }
        #expect(title?.text == "JPM & band")
        #expect(svg.contains("<title id=\"\(titleID)\">JPM &amp; band</title>"))
        #expect(doc.all("g", class: "line-legend").isEmpty)
        // The description reads the values out: the band as low–high per period.
        let desc = doc.all("desc").first?.text ?? ""
        #expect(desc.contains("Separuh tengah: Tw I 60,0–75,0, Tw II 65,0–90,0"))
        #expect(desc.contains("Dinas A: Tw I 72,0, Tw II 60,0"))
    }

    @Test func linesAreToldApartByStyleAndMarkerAndNamedAtTheirEnd() throws {
        let doc = try #require(ParsedSVG.parse(chart()))
        #expect(doc.all("g", class: "band-chosen").count == 1)
        #expect(doc.all("rect", class: "band-point").map { $0.attributes["x"] } == ["151.0", "381.0"])
        #expect(doc.all("rect", class: "band-point").map { $0.attributes["y"] } == ["146.4", "204.0"])
        #expect(doc.all("circle", class: "band-point").map { $0.attributes["cy"] } == ["160.0", "112.0"])
        let lines = doc.all("polyline", class: "band-line")
        #expect(lines.map { $0.attributes["stroke-dasharray"] } == ["6 3", nil])
        // Labels at the last value: reference y 112, band mid (65 + 90)/2 → y 124, pushed to 125 below
        // the one-line reference label; chosen y 208. Text baseline 4 px lower, x = 500 + 12.
        let labelClasses: Set = ["band-reference-label", "band-label", "band-chosen-label"]
        let labels = doc.all("text").filter { labelClasses.contains($0.attributes["class"] ?? "") }
        #expect(labels.map(\.text) == ["Rata-rata kota", "Separuh tengah", "Dinas A"])
        #expect(labels.map { $0.attributes["y"] } == ["116.0", "129.0", "212.0"])
        #expect(labels.allSatisfy { $0.attributes["x"] == "512.0" })
    }

    @Test func gapsSplitTheBandAndEmptyDataSaysSo() throws {
        let split = BandChart.svg(
            xLabels: ["1", "2", "3", "4"], reference: .init(label: "R", values: [70, 70, 70, 70]), chosen: nil,
            band: .init(label: "B", low: [60, 60, nil, 60], high: [80, 80, 80, 80]), title: "t", yRange: 50...100)
        let doc = try #require(ParsedSVG.parse(split))
        // Points 1–2 make an area, point 4 alone a vertical bar (a polygon of two points).
        #expect(
            doc.all("polygon", class: "band-area").map { $0.attributes["points"]?.split(separator: " ").count } == [
                4, 2,
            ])
        let empty = BandChart.svg(
            xLabels: ["1"], reference: .init(label: "R", values: [nil]), chosen: nil, band: nil, title: "t")
        #expect(empty.contains("Tidak ada data.") && empty.contains("role=\"img\""))
    }
}

@Suite("SmallMultiples") struct SmallMultiplesTests {
    let panels = [
        SmallMultiples.Panel(label: "Dinas Kesehatan", values: [60, 62, 66]), // +6
        SmallMultiples.Panel(label: "Dinas Dukcapil", values: [80, 75, 70], href: "/a"), // −10
        SmallMultiples.Panel(label: "Tanpa data", values: [nil, 50, nil]), // one value: no change
        SmallMultiples.Panel(label: "Kecamatan Alak", values: [70, 69, 68]), // −2
    ]

    @Test func changeIsLastKnownMinusFirstKnown() {
        #expect(SmallMultiples.change([80, 75, 70]) == -10)
        #expect(SmallMultiples.change([nil, 60, nil, 64]) == 4)
        #expect(SmallMultiples.change([nil, 50]) == nil)
        #expect(SmallMultiples.changeText(-10) == "−10,00")
        #expect(SmallMultiples.changeText(6) == "+6,00")
        #expect(SmallMultiples.changeText(-0.001) == "0,00")
        #expect(SmallMultiples.changeText(nil) == "—")
    }

    @Test func onePanelPerSeriesLargestFallFirst() throws {
        #expect(SmallMultiples.order(panels) == [1, 3, 0, 2])
        let html = SmallMultiples.html(xLabels: ["Tw I", "Tw II", "Tw III"], panels: panels, yRange: 50...100)
        let doc = try #require(ParsedSVG.parse(html))
        let items = doc.all("li", class: "small-multiple")
        #expect(items.count == 4)
        #expect(
            doc.all("span", class: "sm-name").map(\.text) == [
                "Dinas Dukcapil", "Kecamatan Alak", "Dinas Kesehatan", "Tanpa data",
            ])
        #expect(doc.all("span", class: "sm-change").map(\.text) == ["−10,00", "−2,00", "+6,00", "—"])
        #expect(
            items.map { $0.attributes["class"] } == [
                "small-multiple sm-fall", "small-multiple sm-fall", "small-multiple sm-rise", "small-multiple sm-none",
            ])
        // Every panel is a titled image.
        let svgs = doc.all("svg")
        #expect(svgs.count == 4 && svgs.allSatisfy { $0.attributes["role"] == "img" })
        let titles = doc.all("title")
        #expect(titles.map { $0.attributes["id"] } == svgs.map { $0.attributes["aria-labelledby"] })
        #expect(titles.first?.text == "Dinas Dukcapil: Tw I 80,00 → Tw III 70,00, perubahan −10,00")
        // W 168, H 64, three points: x = 4 + 160 × (i + 0,5)/3 → 30,7 and 137,3;
        // y(v) = 60 − (v − 50)/50 × 56 → y(80) = 26,4, y(70) = 37,6.
        let first = doc.all("circle", class: "sm-point").prefix(2)
        #expect(first.map { "\($0.attributes["cx"]!),\($0.attributes["cy"]!)" } == ["30.7,26.4", "137.3,37.6"])
        #expect(doc.all("a").first?.attributes["href"] == "/a")
    }
}

@Suite("ChartFigure and colours") struct ChartFigureTests {
    @Test func figureHasCaptionChartAndDataTable() {
        let html = ChartFigure.html(
            id: "c1", caption: "JPM <kota>", chart: "<svg role=\"img\"></svg>",
            data: Table(header: ["Periode", "JPM"], rows: [["Tw I", "70,00"]]))
        #expect(
            html
                == "<figure class=\"chart\" id=\"c1\"><figcaption class=\"chart-caption\">JPM &lt;kota&gt;</figcaption>"
                + "<svg role=\"img\"></svg><details class=\"chart-data\"><summary>Tabel data</summary>"
                + "<div class=\"scroll\"><table class=\"table\"><caption class=\"muted\">JPM &lt;kota&gt;</caption>"
                + "<thead><tr><th scope=\"col\">Periode</th><th scope=\"col\">JPM</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">Tw I</th><td>70,00</td></tr></tbody></table></div></details></figure>")
    }

    @Test func contrastFormula() throws {
        #expect(ChartColours.contrast("#000000", "#ffffff") == 21)
        #expect(ChartColours.contrast("#ffffff", "#ffffff") == 1)
        // #767676: 118/255 = 0,4627 → ((0,4627 + 0,055)/1,055)^2,4 = 0,1812; (1,05)/(0,2312) = 4,54.
        let grey = try #require(ChartColours.contrast("#767676", "#ffffff"))
        #expect(abs(grey - 4.54) < 0.01)
        #expect(ChartColours.contrast("767676", "#ffffff") == nil)
    }

    @Test(arguments: ChartColours.marks) func everyMarkColourKeeps3To1OnWhite(colour: String) throws {
        let ratio = try #require(ChartColours.contrast(colour, "#ffffff"))
        #expect(ratio >= 3, "\(colour): \(ratio)")
    }
}
