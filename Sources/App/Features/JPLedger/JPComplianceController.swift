import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/development/jp` and `GET /api/v1/jp/compliance`: the 20 JP right per OPD and city-wide,
/// and who is still below it.
enum JPComplianceController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.jpCompliance.pathComponents, use: page)
        api.get("jp", "compliance", use: summary)
    }

    struct Report {
        let year: Int
        let rows: [(name: String, unitID: UUID, c: JPQueries.OPDCompliance)]
        let total: JPQueries.OPDCompliance
        let below: [JPQueries.Person]
    }

    static func build(_ scope: ReportScope, year: Int, on db: any Database) async throws -> Report {
        let people = try await JPQueries.people(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, on: db)
        let byRow = JPQueries.compliance(people, opdOf: scope.rowUnit(of:))
        let names = Dictionary(uniqueKeysWithValues: scope.rowUnits.map { ($0.id, $0.name) })
        let rows = byRow.compactMap { c in names[c.opdID].map { (name: $0, unitID: c.opdID, c: c) } }.sorted {
            $0.name < $1.name
        }
        let total = JPQueries.OPDCompliance(
            opdID: scope.base?.id ?? scope.instansiID, pns: rows.reduce(0) { $0 + $1.c.pns },
            pnsMet: rows.reduce(0) { $0 + $1.c.pnsMet }, pppk: rows.reduce(0) { $0 + $1.c.pppk },
            pppkAboveCap: rows.reduce(0) { $0 + $1.c.pppkAboveCap }, totalJP: rows.reduce(0) { $0 + $1.c.totalJP })
        let below = people.filter { $0.kind == .pns && $0.jp < JPRule.minimumPNS }.sorted {
            ($0.jp, $0.name) < ($1.jp, $1.name)
        }
        return Report(year: year, rows: rows, total: total, below: below)
    }

    struct Params: Content {
        var unit: String?
        var year: Int?
        var view: String?
        var page: Int?
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: params.unit, policy: AccessPolicy.developmentReportScope)
        let year = try ReportYear.resolve(params.year, req)
        let report = try await build(scope, year: year, on: req.db)
        let units = scope.tree
        if let format = try Export.requested(req) {
            if params.view == "below" {
                let table = Table(
                    header: ["NIP", "Nama", "Unit", "JP \(year)", "Kekurangan"],
                    rows: report.below.map {
                        [
                            $0.nip, $0.name, units.node($0.unitID)?.name ?? "", String($0.jp),
                            String(JPRule.minimumPNS - $0.jp),
                        ]
                    })
                return try Export.response(
                    table, filename: "pns-di-bawah-20-jp-\(year)", format: format, sheet: "Di bawah 20 JP")
            }
            return try Export.response(
                JPPageModel.table(report), filename: "kepatuhan-20-jp-\(year)", format: format, sheet: "Kepatuhan")
        }
        let actor = try req.actor
        let topUnits = try await UnitQueries.visible(actor, on: req.db).filter { $0.parentID == nil }
        let model = JPPageModel(
            report: report, scope: scope, units: topUnits, tree: units, paging: PageRequest(page: params.page, per: 50),
            export: Export.links(req))
        return try await req.renderPage(
            "development/jp", title: "Kepatuhan Hak 20 JP — \(year)", crumbs: [Crumb("Kepatuhan 20 JP")], model)
    }

    struct RowDTO: Content {
        let unitId: UUID
        let name: String
        let pns: Int
        let pnsMet: Int
        let share: Double?
        let pppk: Int
        let pppkAboveCap: Int
    }
    struct SummaryDTO: Content {
        let year: Int
        let pns: Int
        let pnsMet: Int
        let share: Double?
        let units: [RowDTO]
    }
    struct APIQuery: Content {
        var unitId: UUID?
        var year: Int?
    }

    static func summary(req: Request) async throws -> SummaryDTO {
        let q = try req.query.decode(APIQuery.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: q.unitId?.uuidString, policy: AccessPolicy.developmentReportScope)
        let report = try await build(scope, year: try ReportYear.resolve(q.year, req), on: req.db)
        return SummaryDTO(
            year: report.year, pns: report.total.pns, pnsMet: report.total.pnsMet,
            share: report.total.share.map(GapAnalysis.round2),
            units: report.rows.map {
                RowDTO(
                    unitId: $0.unitID, name: $0.name, pns: $0.c.pns, pnsMet: $0.c.pnsMet,
                    share: $0.c.share.map(GapAnalysis.round2), pppk: $0.c.pppk, pppkAboveCap: $0.c.pppkAboveCap)
            })
    }
}

struct JPPageModel: Encodable {
    let filterAction = SiteURL.jpCompliance.path
    struct Row: Encodable {
        let name: String
        let href: String
        let pns: String
        let met: String
        let share: String
        let bar: Int
        let pppk: String
        let above: String
        let mean: String
    }
    struct Person: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let jp: Int
        let missing: Int
    }
    let year: Int
    let scopeName: String
    let unitOptions: [FormModel.Option]
    let rows: [Row]
    let total: Row
    let below: [Person]
    let paging: PagingModel
    let export: [String: String]
    let belowExport: [String: String]

    static func percent(_ share: Double?) -> String {
        share.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—"
    }

    static func row(_ name: String, _ href: String, _ c: JPQueries.OPDCompliance) -> Row {
        let n = c.pns + c.pppk
        let f = IndonesianFormat.integer
        return Row(
            name: name, href: href, pns: f(c.pns), met: f(c.pnsMet), share: percent(c.share),
            bar: Int(((c.share ?? 0) * 100).rounded()),
            pppk: f(c.pppk), above: f(c.pppkAboveCap),
            mean: n == 0 ? "—" : IndonesianFormat.decimal(Double(c.totalJP) / Double(n), digits: 1))
    }

    static func table(_ r: JPComplianceController.Report) -> Table {
        func line(_ name: String, _ c: JPQueries.OPDCompliance) -> [String] {
            let share: String = c.share.map { IndonesianFormat.decimal($0 * 100, digits: 1) } ?? ""
            return [name, String(c.pns), String(c.pnsMet), share, String(c.pppk), String(c.pppkAboveCap)]
        }
        let lines: [[String]] = r.rows.map { line($0.name, $0.c) } + [line("Jumlah", r.total)]
        return Table(header: ["Unit", "PNS", "PNS ≥ 20 JP", "Kepatuhan (%)", "PPPK", "PPPK > 24 JP"], rows: lines)
    }

    init(
        report: JPComplianceController.Report, scope: ReportScope, units: [Unit], tree: UnitTree<UUID>,
        paging page: KompetenCore.PageRequest, export: [String: String]
    ) {
        year = report.year
        scopeName = scope.base?.name ?? "Seluruh instansi"
        unitOptions = FormModel.options(
            units, selected: scope.base?.id?.uuidString, value: { $0.id!.uuidString }, label: \.name,
            empty: "Seluruh instansi")
        rows = report.rows.map {
            JPPageModel.row(
                $0.name, SiteURL.jpCompliance.path + "?unit=\($0.unitID.uuidString)&year=\(report.year)", $0.c)
        }
        total = JPPageModel.row("Jumlah", "", report.total)
        below = report.below.dropFirst(page.offset).prefix(page.per).map { p in
            Person(
                nip: p.nip, name: p.name, href: SiteURL.employee(p.id).path, unit: tree.node(p.unitID)?.name ?? "",
                jp: p.jp, missing: JPRule.minimumPNS - p.jp)
        }
        paging = PagingModel(
            PageInfo(page, total: report.below.count), path: SiteURL.jpCompliance.path,
            filters: [("unit", scope.base?.id?.uuidString), ("year", String(report.year))], noun: "PNS di bawah 20 JP")
        self.export = export
        let unitParam = scope.base.map { "&unit=\($0.id!.uuidString)" } ?? ""
        belowExport = [
            "csv": SiteURL.jpCompliance.path + "?view=below&format=csv&year=\(report.year)" + unitParam,
            "xlsx": SiteURL.jpCompliance.path + "?view=below&format=xlsx&year=\(report.year)" + unitParam,
        ]
    }
}
