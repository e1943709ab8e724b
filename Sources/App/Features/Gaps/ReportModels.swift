import Foundation
import KompetenCore
import KompetenFormats

/// Orders competency codes as the dictionary does: manajerial (M.1…M.8), sosial kultural, teknis.
enum CompetencyOrder {
    static func sorted(_ codes: [String], groups: [String: String]) -> [String] {
        let rank = ["manajerial": 0, "sosial_kultural": 1, "teknis": 2]
        return codes.sorted { a, b in
            let (ga, gb) = (rank[groups[a] ?? "teknis"] ?? 3, rank[groups[b] ?? "teknis"] ?? 3)
            return ga != gb ? ga < gb : a.localizedStandardCompare(b) == .orderedAscending
        }
    }
}

/// The OPD heat map: rows are units, columns competencies, cells the mean shortfall of the
/// people assessed on it and the share of them below standard (GapTally: a surplus never hides a
/// shortfall, so levels 2 and 4 on a standard of 3 show 0,50 and 50 %, not a green 0).
struct HeatMapModel: Encodable {
    struct Cell: Encodable {
        let text: String
        let share: String
        let cssClass: String
        let href: String
        let title: String
    }
    struct Row: Encodable {
        let unit: String
        let href: String
        let employees: String
        let cells: [Cell]
    }
    let assessmentNeedsHref = SiteURL.assessmentNeeds.path
    let title: String
    let columns: [String]
    let rows: [Row]
    let export: [String: String]
    let table: Table

    enum CodingKeys: String, CodingKey { case title, columns, rows, export, assessmentNeedsHref }

    init(
        scope: ReportScope, computed: GapEngine.Computed, headcounts: [UUID: Int], competencies: [Competency],
        export: [String: String]
    ) {
        let groups = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0.group) })
        var people: [UUID: Int] = [:]
        for (unit, n) in headcounts { if let row = scope.rowUnit(of: unit) { people[row, default: 0] += n } }
        let cells = Dictionary(grouping: computed.cells) { scope.rowUnit(of: $0.unitID) }
        let summaries = scope.rowUnits.map { unit in
            (
                unit, GapSummary(persons: [], cells: cells[unit.id] ?? [], thresholds: computed.thresholds),
                people[unit.id] ?? 0
            )
        }
        let codes = CompetencyOrder.sorted(
            Array(Set(summaries.flatMap { $0.1.competencies.map(\.code) })), groups: groups)
        title = scope.base.map { "Peta kesenjangan: \($0.name)" } ?? "Peta kesenjangan seluruh instansi"
        columns = codes
        var tableRows: [[String]] = []
        rows = summaries.map { unit, summary, headcount in
            let lines = Dictionary(uniqueKeysWithValues: summary.competencies.map { ($0.code, $0.tally) })
            let cells = codes.map { code -> Cell in
                let line = lines[code]
                let text = line?.meanShortfall.map { IndonesianFormat.decimal($0) } ?? "—"
                let share = line?.shareBelow.map { IndonesianFormat.decimal($0 * 100, digits: 0) + " %" } ?? ""
                let title =
                    line.map { t in
                        "\(code): \(t.assessed) dinilai, \(t.withGap) di bawah standar, \(t.unassessed) belum dinilai"
                            + (t.meanSurplus.map {
                                $0 > 0
                                    ? "; rata-rata kelebihan \(IndonesianFormat.decimal($0)) (tidak mengurangi kekurangan)"
                                    : ""
                            } ?? "")
                    } ?? "\(code): tidak disyaratkan"
                return Cell(
                    text: text, share: share, cssClass: HeatScale.cssClass(meanGap: line?.meanShortfall),
                    href: SiteURL.gapList.path + "?competency=\(code)&unit=\(unit.id.uuidString)", title: title)
            }
            tableRows.append(
                [unit.code, unit.name, String(headcount)]
                    + codes.flatMap { code in
                        [
                            lines[code]?.meanShortfall.map { String(format: "%.2f", $0) } ?? "",
                            lines[code]?.shareBelow.map { String(format: "%.1f", $0 * 100) } ?? "",
                        ]
                    })
            return Row(
                unit: unit.name, href: SiteURL.heatMap.path + "?unit=\(unit.id.uuidString)",
                employees: IndonesianFormat.integer(headcount), cells: cells)
        }
        self.export = export
        table = Table(
            header: ["Kode Unit", "Unit", "Pegawai"]
                + codes.flatMap { ["Rata-rata kekurangan \($0)", "Di bawah standar \($0) (%)"] }, rows: tableRows)
    }
}

/// JPM distribution: a histogram for the scope and a table per unit.
struct DistributionModel: Encodable {
    struct Row: Encodable {
        let unit: String
        let href: String
        let employees: String
        let assessed: String
        let meanJpm: String
        let counts: [String]
    }
    let title: String
    let chart: String
    let categoryLabels: [String]
    let total: Row
    let rows: [Row]
    let note: String
    let export: [String: String]
    let table: Table

    enum CodingKeys: String, CodingKey { case title, chart, categoryLabels, total, rows, note, export }

    init(scope: ReportScope, computed: GapEngine.Computed, export: [String: String]) {
        let t = computed.thresholds
        title = scope.base.map { "Sebaran JPM: \($0.name)" } ?? "Sebaran JPM seluruh instansi"
        let jpms = computed.persons.filter { $0.category != nil && $0.category != .belumDinilai }
            .compactMap(\.jpm)
        let counts = Stats.histogram(jpms, edges: Stats.jpmBinEdges)
        let labels = Stats.binLabels(Stats.jpmBinEdges)
        let chartTitle =
            "Jumlah pegawai menurut JPM (\(IndonesianFormat.integer(jpms.count)) pegawai yang sudah dinilai)"
        chart = ChartFigure.html(
            id: "jpm-chart", caption: chartTitle,
            chart: BarChart.svg(
                bars: zip(labels, counts).map { BarChart.Bar(label: $0.0, value: $0.1) }, title: chartTitle),
            data: Table(
                header: ["JPM", "Pegawai"], rows: zip(labels, counts).map { [$0.0, IndonesianFormat.integer($0.1)] }))
        let keys = t.categories
        categoryLabels = keys.map(\.label)
        func row(_ name: String, _ href: String, _ s: GapSummary) -> Row {
            let byKey = Dictionary(uniqueKeysWithValues: s.categories.map { ($0.key, $0.count) })
            return Row(
                unit: name, href: href, employees: IndonesianFormat.integer(s.employees),
                assessed: IndonesianFormat.integer(s.assessed),
                meanJpm: s.meanJpm.map { IndonesianFormat.decimal($0) } ?? "—",
                counts: keys.map { IndonesianFormat.integer(byKey[$0] ?? 0) })
        }
        let grouped = Dictionary(grouping: computed.persons) { scope.rowUnit(of: $0.unitID) }
        let all = GapSummary(persons: computed.persons, cells: [], thresholds: t)
        total = row("Jumlah", "", all)
        var tableRows: [[String]] = []
        rows = scope.rowUnits.map { unit in
            let s = GapSummary(persons: grouped[unit.id] ?? [], cells: [], thresholds: t)
            let byKey = Dictionary(uniqueKeysWithValues: s.categories.map { ($0.key, $0.count) })
            tableRows.append(
                [
                    unit.code, unit.name, String(s.employees), String(s.assessed),
                    s.meanJpm.map { String(format: "%.2f", $0) } ?? "",
                ]
                    + keys.map { String(byKey[$0] ?? 0) })
            return row(unit.name, SiteURL.jpmDistribution.path + "?unit=\(unit.id.uuidString)", s)
        }
        note =
            "JPM = \(computed.formula.label); kategori menurut ambang \(t.purposeLabel). Rata-rata JPM dihitung dari pegawai yang sudah dinilai."
        self.export = export
        table = Table(
            header: ["Kode Unit", "Unit", "Pegawai", "Sudah dinilai", "Rata-rata JPM"] + categoryLabels, rows: tableRows
        )
    }
}

/// People whose level in one competency is below their position's standard.
struct GapListModel: Encodable {
    let filterAction = SiteURL.gapList.path
    struct Row: Encodable {
        let href: String
        let nip: String
        let name: String
        let unit: String
        let required: Int
        let actual: Int
        let gap: Int
    }
    let code: String
    let options: [FormModel.Option]
    let rows: [Row]
    let paging: PagingModel
    let unit: String
    let export: [String: String]
    let table: Table

    enum CodingKeys: String, CodingKey { case code, options, rows, paging, unit, export, filterAction }

    init(
        code: String, competencies: [Competency], shortfalls: [GapEngine.Shortfall], unitNames: [UUID: String],
        page: Int?, unitParam: String, export: [String: String]
    ) {
        self.code = code
        options = competencies.map {
            .init(value: $0.code, label: "\($0.code) — \($0.name)", selected: $0.code == code)
        }
        let all = shortfalls.map { s in
            Row(
                href: SiteURL.employee(s.id).path, nip: s.nip, name: s.name, unit: unitNames[s.unitID] ?? "—",
                required: s.required, actual: s.actual, gap: s.required - s.actual)
        }
        let request = PageRequest(page: page, per: 50)
        rows = Array(all.dropFirst(request.offset).prefix(request.per))
        paging = PagingModel(
            PageInfo(request, total: all.count), path: SiteURL.gapList.path,
            filters: [("competency", code), ("unit", unitParam)], noun: "pegawai")
        unit = unitParam
        self.export = export
        table = Table(
            header: ["NIP", "Nama", "Unit kerja", "Kompetensi", "Level standar", "Level hasil", "Kesenjangan"],
            rows: all.map { [$0.nip, $0.name, $0.unit, code, String($0.required), String($0.actual), String($0.gap)] })
    }
}
