import Foundation
import KompetenCore
import KompetenFormats

struct TalentPageModel: Encodable {
    let filterAction = SiteURL.talent.path
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct BoxRow: Encodable {
        let box: Int
        let name: String
        let count: String
        let share: String
        let recommendation: String
        let href: String
        let pool: Bool
    }
    struct PersonRow: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let position: String
        let potential: String
        let predicate: String
        let box: String
    }
    struct KeyRow: Encodable {
        let kind: String
        let positions: String
        let feeders: String
        /// The positions of that kind: each one's page links its successor list.
        var positionsHref = ""
        let candidates: String
        let href: String
    }

    let year: Int
    let scopeName: String
    let unitOptions: [Option]
    let yearOptions: [Option]
    let grid: String
    let boxes: [BoxRow]
    let placed: String
    let noPerformance: String
    let noAssessment: String
    let cutoffNote: String
    let keyRows: [KeyRow]
    let poolCount: String
    let poolHref: String
    /// The drill-down: one box or the succession pool.
    let listTitle: String?
    let people: [PersonRow]
    let paging: PagingModel?
    let export: [String: String]
    let table: Table

    enum CodingKeys: String, CodingKey {
        case year, scopeName, unitOptions, yearOptions, grid, boxes, placed, noPerformance, noAssessment, cutoffNote,
            keyRows, poolCount, poolHref, listTitle, people, paging, export, filterAction
    }

    /// `grid`: the counts; `pool`: the people of boxes 7–9; `listed`: the drill-down (box `box`,
    /// or the pool when `showPool`) or, for an export without either, everyone placed.
    init(
        scope: ReportScope, year: Int, years: [Int], grid g: TalentQueries.Grid,
        pool poolPeople: [TalentQueries.Person], listed: [TalentQueries.Person],
        positions: [UUID: TalentQueries.PositionInfo], keyPositions: [PositionKind: Int],
        markedPositions: [PositionKind: Int], cutoffs: PotentialCutoffs,
        box: Int?, showPool: Bool, page: Int?, unitParam: String, export: [String: String]
    ) {
        self.year = year
        scopeName = scope.base?.name ?? "Seluruh instansi"
        unitOptions =
            [Option(value: "", label: scope.base == nil ? "Seluruh instansi" : "—", selected: unitParam.isEmpty)]
            + scope.tree.roots.compactMap { scope.tree.node($0) }.map {
                Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == unitParam)
            }
        yearOptions = Set(years + [year]).sorted(by: >).map {
            Option(value: String($0), label: String($0), selected: $0 == year)
        }
        let base = SiteURL.talent.path + "?year=\(year)" + (unitParam.isEmpty ? "" : "&unit=\(unitParam)")
        let counts = g.boxes
        let placedCount = g.placed
        let hrefs = Dictionary(uniqueKeysWithValues: (1...9).map { ($0, base + "&box=\($0)#people") })
        let boxRows = (1...9).reversed().map { b in
            BoxRow(
                box: b, name: TalentBox.names[b] ?? "", count: IndonesianFormat.integer(counts[b] ?? 0),
                share: placedCount == 0
                    ? "—"
                    : IndonesianFormat.decimal(Double(counts[b] ?? 0) * 100 / Double(placedCount), digits: 1) + " %",
                recommendation: TalentBox.recommendations[b] ?? "", href: hrefs[b]!,
                pool: TalentBox.successionPool.contains(b))
        }
        boxes = boxRows
        let gridTitle = "Sebaran \(IndonesianFormat.integer(placedCount)) pegawai pada 9 kotak talenta, \(year)"
        grid = ChartFigure.html(
            id: "talent-grid", caption: gridTitle,
            chart: TalentGridChart.svg(counts: counts, hrefs: hrefs, title: gridTitle),
            data: Table(
                header: ["Kotak", "Nama", "Pegawai", "Porsi"],
                rows: boxRows.map { ["Kotak \($0.box)", $0.name, $0.count, $0.share] }))
        placed = IndonesianFormat.integer(placedCount)
        noPerformance = IndonesianFormat.integer(g.noPerformance)
        noAssessment = IndonesianFormat.integer(g.noAssessment)
        cutoffNote =
            PotentialScore.ruleText
            + " Tinggi ≥ \(IndonesianFormat.decimal(cutoffs.tinggi, digits: 2)), menengah ≥ \(IndonesianFormat.decimal(cutoffs.menengah, digits: 2)) (Pengaturan). Kinerja = predikat SKP \(year): Sangat Baik di atas ekspektasi, Baik sesuai ekspektasi, selain itu di bawah."

        // Succession: key positions in scope, and pool members in the kinds that feed them.
        let kindOf = positions.mapValues(\.kind)
        let namesOf = positions.mapValues(\.name)
        func candidates(from feeders: Set<PositionKind>) -> Int {
            poolPeople.filter { p in p.positionID.flatMap { kindOf[$0] ?? nil }.map(feeders.contains) ?? false }.count
        }
        var keyRows = TalentBox.keyPositionKinds.map { kind in
            let feeders = TalentBox.feederKinds(for: kind)
            let held = keyPositions[kind] ?? 0 // positions of that kind in the scope
            var row = KeyRow(
                kind: kind.label, positions: IndonesianFormat.integer(held),
                feeders: feeders.map(\.label).joined(separator: ", "),
                candidates: IndonesianFormat.integer(candidates(from: Set(feeders))), href: base + "&pool=1#people")
            row.positionsHref = SiteURL.positions.path + "?kind=\(kind.rawValue)"
            return row
        }
        // The positions BKPPD marked (a pengawas of a front office, a scarce fungsional): one row,
        // their candidates from the kinds that feed any of them.
        let markedKinds = PositionKind.allCases.filter { (markedPositions[$0] ?? 0) > 0 }
        if !markedKinds.isEmpty {
            let feeders = Set(markedKinds.flatMap { Succession.feederKinds(for: $0) })
            var row = KeyRow(
                kind: "Ditandai BKPPD (" + markedKinds.map(\.label).joined(separator: ", ") + ")",
                positions: IndonesianFormat.integer(markedPositions.values.reduce(0, +)),
                feeders: PositionKind.allCases.filter(feeders.contains).map(\.label).joined(separator: ", "),
                candidates: IndonesianFormat.integer(candidates(from: feeders)), href: base + "&pool=1#people")
            row.positionsHref = SiteURL.positions.path + "?key=1"
            keyRows.append(row)
        }
        self.keyRows = keyRows
        poolCount = IndonesianFormat.integer(poolPeople.count)
        poolHref = base + "&pool=1#people"

        let unitNames = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let chosen = listed
        if let box {
            listTitle = "Kotak \(box): \(TalentBox.names[box] ?? "")"
        } else if showPool {
            listTitle = "Kelompok rencana suksesi (kotak 7–9)"
        } else {
            listTitle = nil
        }
        func row(_ p: TalentQueries.Person) -> PersonRow {
            let kind = p.positionID.flatMap { kindOf[$0] ?? nil }
            return PersonRow(
                nip: p.nip, name: p.name, href: SiteURL.employee(p.id).path, unit: unitNames[p.unitID] ?? "",
                position: p.positionID.flatMap { namesOf[$0] }.map { "\($0)" + (kind.map { " (\($0.label))" } ?? "") }
                    ?? "—",
                potential: p.potentialScore.map {
                    IndonesianFormat.decimal($0, digits: 2) + " — " + cutoffs.level($0).rawValue
                } ?? "belum dinilai",
                predicate: p.predicate?.label ?? "—", box: p.box.map(String.init) ?? "—")
        }
        let request = KompetenCore.PageRequest(page: page, per: 50)
        if listTitle != nil {
            let info = PageInfo(request, total: chosen.count)
            people = chosen.dropFirst(request.offset).prefix(request.per).map(row)
            paging = PagingModel(
                info, path: SiteURL.talent.path,
                filters: [
                    ("year", String(year)), ("unit", unitParam), ("box", box.map(String.init)),
                    ("pool", showPool && box == nil ? "1" : nil),
                ], noun: "pegawai")
        } else {
            people = []
            paging = nil
        }
        self.export = export
        let exported = chosen
        table = Table(
            header: ["NIP", "Nama", "Unit", "Jabatan", "Potensial", "Predikat kinerja", "Kotak"],
            rows: exported.map(row).map {
                [$0.nip, $0.name, $0.unit, $0.position, $0.potential, $0.predicate, $0.box]
            })
    }
}
