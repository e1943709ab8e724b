import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

// `ParsedSVG` (the XMLParser wrapper) lives in LineChartTests.swift.
@Suite("TalentGridChart") struct TalentGridChartTests {
    private let counts = [9: 1234, 5: 1234, 1: 1234]
    private let hrefs = [9: "/talenta?kotak=9&opd=1", 1: "javascript:alert(1)", 5: " JavaScript:alert(1)"]

    @Test func boxesSitWhereTheRegulationPutsThem() throws {
        // 520 × 440: grid x 88…508 (cells 140 wide), y 8…368 (cells 120 high); rects inset by 2.
        let doc = try #require(
            ParsedSVG.parse(TalentGridChart.svg(counts: counts, hrefs: hrefs, title: "Peta talenta")))
        let labels = doc.all("text", class: "talent-label").map(\.text)
        #expect(
            labels == [
                "Kotak 6", "Kotak 8", "Kotak 9", "Kotak 3", "Kotak 5", "Kotak 7", "Kotak 1", "Kotak 2", "Kotak 4",
            ])
        let rects = Dictionary(uniqueKeysWithValues: zip(labels, doc.all("rect", class: "talent-box")))
        let nine = try #require(rects["Kotak 9"])
        let one = try #require(rects["Kotak 1"])
        let five = try #require(rects["Kotak 5"])
        #expect([nine.attributes["x"], nine.attributes["y"]] == ["370.0", "10.0"]) // top right
        #expect([one.attributes["x"], one.attributes["y"]] == ["90.0", "250.0"]) // bottom left
        #expect([five.attributes["x"], five.attributes["y"]] == ["230.0", "130.0"]) // centre
        #expect(nine.attributes["width"] == "136.0" && nine.attributes["height"] == "116.0")
        #expect(doc.all("text", class: "talent-row").map(\.text) == ["Tinggi", "Menengah", "Rendah"])
        #expect(
            doc.all("text", class: "talent-column").map(\.text) == [
                "Di bawahekspektasi", "Sesuaiekspektasi", "Di atasekspektasi",
            ])
        #expect(doc.all("text", class: "talent-axis").map(\.text) == ["Potensial", "Kinerja"])
    }

    @Test func countsSharesAndTitles() throws {
        let doc = try #require(ParsedSVG.parse(TalentGridChart.svg(counts: counts, hrefs: [:], title: "t")))
        // Row-major from the top: 6, 8, 9 / 3, 5, 7 / 1, 2, 4.
        #expect(
            doc.all("text", class: "talent-count").map(\.text) == [
                "0", "0", "1.234", "0", "1.234", "0", "1.234", "0", "0",
            ])
        #expect(
            doc.all("text", class: "talent-share").map(\.text)
                == ["0,0 %", "0,0 %", "33,3 %", "0,0 %", "33,3 %", "0,0 %", "33,3 %", "0,0 %", "0,0 %"])
        let cells = doc.all("g", class: "talent-cell")
        #expect(cells.count == 9)
        #expect(
            doc.all("title").contains {
                $0.text == "Kotak 9: kinerja di atas ekspektasi, potensial tinggi — 1.234 pegawai"
            })
        #expect(
            doc.all("title").contains {
                $0.text == "Kotak 3: kinerja di bawah ekspektasi, potensial menengah — 0 pegawai"
            })
        #expect(doc.all("desc").first?.text.hasPrefix("Jumlah pegawai 3.702. Kotak 9: 1.234 (33,3 %)") == true)
    }

    @Test func shadingFollowsTheShareAndTextStaysReadable() throws {
        // Largest box 10 → step 5; 5 → ⌈2,5⌉ = 3; 1 → ⌈0,5⌉ = 1; empty → 0 (grey). 16 in total.
        let doc = try #require(
            ParsedSVG.parse(TalentGridChart.svg(counts: [9: 10, 8: 5, 7: 1], hrefs: [:], title: "t")))
        let fills = doc.all("rect", class: "talent-box").map { $0.attributes["fill"] ?? "" }
        #expect(
            fills == [
                "#f9fafb", "#60a5fa", "#1e3a8a", "#f9fafb", "#f9fafb", "#eff6ff", "#f9fafb", "#f9fafb", "#f9fafb",
            ])
        let ink = doc.all("text", class: "talent-count").map { $0.attributes["fill"] ?? "" }
        #expect(ink[2] == "#ffffff" && ink[1] == "#101828" && ink[0] == "#101828")
        // 5/16, 10/16
        #expect(doc.all("text", class: "talent-share").map(\.text)[0...2] == ["0,0 %", "31,3 %", "62,5 %"])
    }

    @Test func hrefsOnlyForGivenBoxesAndUnsafeOnesDropped() throws {
        let svg = TalentGridChart.svg(counts: counts, hrefs: hrefs, title: "t")
        #expect(!svg.lowercased().contains("javascript"))
        #expect(svg.contains("href=\"/talenta?kotak=9&amp;opd=1\""))
        let doc = try #require(ParsedSVG.parse(svg))
        #expect(doc.all("a").map { $0.attributes["href"] } == ["/talenta?kotak=9&opd=1"])
        #expect(doc.all("a").first?.text.contains("Kotak 9") == true) // the whole cell is the link
    }

    @Test func successionPoolHasADistinctBorder() throws {
        let doc = try #require(ParsedSVG.parse(TalentGridChart.svg(counts: counts, hrefs: [:], title: "t")))
        let labels = doc.all("text", class: "talent-label").map(\.text)
        let pool = zip(labels, doc.all("rect", class: "talent-box")).filter { $0.1.attributes["stroke"] == "#b45309" }
            .map(\.0)
        #expect(pool == ["Kotak 8", "Kotak 9", "Kotak 7"])
        #expect(doc.all("g", class: "talent-pool").count == 3)
        #expect(doc.all("rect", class: "talent-key").count == 1)
        #expect(doc.elements.contains { $0.text == "Kelompok rencana suksesi (kotak 7, 8, 9)" })
        let none = try #require(
            ParsedSVG.parse(TalentGridChart.svg(counts: counts, hrefs: [:], title: "t", highlight: [])))
        #expect(none.all("rect").allSatisfy { $0.attributes["stroke"] != "#b45309" })
        #expect(none.all("rect", class: "talent-key").isEmpty)
    }

    @Test func emptyGridHasNoNaNAndIsWellFormed() throws {
        let svg = TalentGridChart.svg(counts: [:], hrefs: [:], title: "Kosong")
        #expect(!svg.contains("NaN") && !svg.contains("nan") && !svg.contains("inf"))
        let doc = try #require(ParsedSVG.parse(svg))
        #expect(doc.all("text", class: "talent-count").map(\.text) == Array(repeating: "0", count: 9))
        #expect(doc.all("text", class: "talent-share").map(\.text) == Array(repeating: "0 %", count: 9))
        #expect(doc.all("rect", class: "talent-box").allSatisfy { $0.attributes["fill"] == "#f9fafb" })
        // Negative counts are drawn as 0 rather than producing a negative share.
        let negative = TalentGridChart.svg(counts: [9: -5, 1: 2], hrefs: [:], title: "t")
        let neg = try #require(ParsedSVG.parse(negative))
        #expect(neg.all("text", class: "talent-count").map(\.text)[2] == "0") // box 9
        #expect(neg.all("text", class: "talent-share").map(\.text)[6] == "100,0 %") // box 1
    }

    @Test func accessibleCSPSafeAndDeterministic() throws {
        let svg = TalentGridChart.svg(counts: counts, hrefs: hrefs, title: "Talenta <OPD> & \"Dinas\"")
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<script"))
        let doc = try #require(ParsedSVG.parse(svg))
        #expect(doc.obeysCSP)
        let root = try #require(doc.elements.first)
        #expect(root.attributes["role"] == "img" && root.attributes["viewBox"] == "0 0 520.0 440.0")
        #expect(doc.all("title").first?.text == "Talenta <OPD> & \"Dinas\"")
        #expect(doc.all("title").first?.attributes["id"] == root.attributes["aria-labelledby"])
        #expect(svg == TalentGridChart.svg(counts: counts, hrefs: hrefs, title: "Talenta <OPD> & \"Dinas\""))
        #expect(svg != TalentGridChart.svg(counts: [9: 1], hrefs: hrefs, title: "Talenta <OPD> & \"Dinas\""))
    }
}
