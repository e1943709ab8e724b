import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 19, "charts that can be read": the monitoring page's JPM trend is the city line, one
/// chosen OPD and the middle half of the OPDs, then one small chart per OPD ordered by change;
/// every chart on the main report pages has its numbers as a table under it.
@Suite("Charts: readable trend and table alternatives")
struct ChartPagesTests {
    /// The three OPDs of the test world, one assessed person each, so an OPD's mean is its value
    /// and the city mean is the plain mean of the three:
    /// DUKCAPIL 80 → 75 → 70 (−10), DINKES 60 → 62 → 66 (+6), KEC. ALAK 70 → 69 → 68 (−2).
    /// City: 70, 206/3 = 68,67, 68. Percentiles of three values: P25 = x₀ + (x₁ − x₀)/2,
    /// P75 = x₁ + (x₂ − x₁)/2: 65 / 75, 65,5 / 72, 67 / 69.
    static let dates = ["2026-03-31", "2026-06-30", "2026-09-30"]

    static func seed(_ world: World, on db: any Database) async throws {
        let series: [(Unit, [Double])] = [
            (world.opdA, [80, 75, 70]), (world.opdB, [60, 62, 66]), (world.kecamatan, [70, 69, 68]),
        ]
        for (unit, values) in series {
            for (date, v) in zip(dates, values) {
                let p = MonitoringPoint()
                p.instansiID = world.instansi.id!
                p.asOf = date
                p.opdID = unit.id!
                p.people = 1
                p.assessed = 1
                p.jpmSum = v
                p.computedAt = testNow
                try await p.create(on: db)
            }
        }
    }

    /// The HTML from `start` up to the first `end` after it ("" when either is missing).
    static func section(_ html: String, from start: String, to end: String) -> String {
        guard let a = html.range(of: start), let b = html.range(of: end, range: a.upperBound..<html.endIndex) else {
            return ""
        }
        return String(html[a.lowerBound..<b.upperBound])
    }

    @Test func monitoringShowsCityChosenOPDBandAndSmallMultiples() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await Self.seed(world, on: app.db)
            let web = try await WebClient.login(app, "admin")
            let html = try await web.get("/monitoring").body.string

            // The picker: a GET form with every OPD, the largest fall (DUKCAPIL) chosen by default.
            let picker = Self.section(
                html,
                from: "<form method=\"get\" action=\"/monitoring\" class=\"filters no-print\" id=\"trend-picker\">",
                to: "</form>")
            #expect(picker.contains("<select id=\"trend-opd\" name=\"opd\">"))
            #expect(
                picker.contains(
                    "<option value=\"\(world.opdA.id!.uuidString)\" selected>Dinas Kependudukan dan Pencatatan Sipil</option>"
                ))
            #expect(picker.contains("<option value=\"\(world.opdB.id!.uuidString)\">Dinas Kesehatan</option>"))
            #expect(picker.contains("<option value=\"\(world.kecamatan.id!.uuidString)\">Kecamatan Alak</option>"))

            let trend = Self.section(html, from: "<figure class=\"chart\" id=\"jpm-trend\">", to: "</figure>")
            #expect(trend.contains("class=\"band-area\""))
            #expect(trend.contains("class=\"band-chosen-label\""))
            #expect(!trend.contains("line-legend"))
            #expect(trend.contains("<summary>Tabel data</summary>"))
            // Table rows: date, city, the chosen OPD, P25, P75.
            #expect(trend.contains("<td>70,00</td><td>80,00</td><td>65,00</td><td>75,00</td>"))
            #expect(trend.contains("<td>68,67</td><td>75,00</td><td>65,50</td><td>72,00</td>"))
            #expect(trend.contains("<td>68,00</td><td>70,00</td><td>67,00</td><td>69,00</td>"))

            // Small multiples: DUKCAPIL −10, KEC. ALAK −2, DINKES +6.
            let multiples = Self.section(html, from: "<figure class=\"chart\" id=\"jpm-multiples\">", to: "</figure>")
            let names = multiples.components(separatedBy: "<span class=\"sm-name\">").dropFirst().map {
                $0.components(separatedBy: "</span>")[0]
            }
            #expect(names.count == 3)
            #expect(names.map { $0.contains("Kependudukan") } == [true, false, false])
            #expect(names.map { $0.contains("Kecamatan Alak") } == [false, true, false])
            #expect(names.map { $0.contains("Dinas Kesehatan") } == [false, false, true])
            let changes = multiples.components(separatedBy: "<span class=\"sm-change\">").dropFirst().map {
                $0.components(separatedBy: "</span>")[0]
            }
            #expect(changes == ["−10,00", "−2,00", "+6,00"])
            #expect(multiples.contains("<td>80,00</td><td>75,00</td><td>70,00</td><td>−10,00</td>"))

            // Another OPD picked: its line and its column.
            let picked = try await web.get("/monitoring?opd=\(world.opdB.id!.uuidString)").body.string
            #expect(picked.contains("<option value=\"\(world.opdB.id!.uuidString)\" selected>Dinas Kesehatan</option>"))
            #expect(picked.contains("<td>70,00</td><td>60,00</td><td>65,00</td><td>75,00</td>"))
            // Nonsense is refused with a message, not a 500.
            let bad = try await web.get("/monitoring?opd=bukan-uuid")
            #expect((400..<500).contains(Int(bad.status.code)))
            #expect(bad.body.string.contains("OPD yang dipilih untuk grafik tidak ada dalam cakupan laporan ini."))
        }
    }

    /// Figures that hold a role="img" SVG but no table alternative after it, plus a count of such
    /// SVGs outside any figure.
    static func chartsWithoutTable(_ html: String) -> [String] {
        var problems: [String] = []
        var inFigures = 0
        for part in html.components(separatedBy: "<figure").dropFirst() {
            let figure = part.components(separatedBy: "</figure>")[0]
            let images = figure.components(separatedBy: "<svg").dropFirst().filter {
                $0.prefix { $0 != ">" }.contains("role=\"img\"")
            }.count
            guard images > 0 else { continue }
            inFigures += images
            let afterLast = figure.components(separatedBy: "</svg>").last ?? ""
            if !afterLast.contains("<details class=\"chart-data\"><summary>Tabel data</summary>")
                || !afterLast.contains("<table")
            {
                problems.append(String(figure.prefix(80)))
            }
            if !figure.contains("<figcaption") { problems.append("no caption: " + String(figure.prefix(80))) }
        }
        let all = html.components(separatedBy: "<svg").dropFirst().filter {
            $0.prefix { $0 != ">" }.contains("role=\"img\"")
        }.count
        if all != inFigures { problems.append("\(all - inFigures) chart(s) outside a figure") }
        return problems
    }

    @Test func everyChartOnTheReportPagesHasItsTable() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await Self.seed(world, on: app.db)
            let web = try await WebClient.login(app, "admin")
            let pages = [
                SiteURL.monitoring.path, SiteURL.jpmDistribution.path, SiteURL.heatMap.path,
                SiteURL.talent.path + "?year=2025", SiteURL.skmReport.path, SiteURL.impact.path,
                SiteURL.employee(world.staffA.id!).path,
            ]
            var charts = 0
            for path in pages {
                let response = try await web.get(path)
                #expect(response.status == .ok, "\(path)")
                let html = response.body.string
                #expect(Self.chartsWithoutTable(html).isEmpty, "\(path): \(Self.chartsWithoutTable(html))")
                charts += html.components(separatedBy: "role=\"img\"").count - 1
            }
            let transparency = try await WebClient(app).get(SiteURL.transparency.path).body.string
            #expect(Self.chartsWithoutTable(transparency).isEmpty)
            #expect(transparency.contains("<figure class=\"chart\" id=\"transparency-chart\">"))
            #expect(!transparency.contains("line-legend"))
            // Monitoring: the trend and three small charts; JPM distribution and talent: one each.
            #expect(charts >= 6)
        }
    }
}
