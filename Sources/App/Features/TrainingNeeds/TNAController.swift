import Fluent
import KompetenCore
import Vapor

/// `/development/needs` and `GET /api/v1/tna`: the training-needs analysis of the city or an OPD.
enum TNAController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.needs.pathComponents, use: page)
        api.get("tna", use: list)
        AssessmentNeedsController.register(web, api: api)
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
        let view = params.view == "people" ? "people" : "plan"
        let paging = PageRequest(page: params.page, per: 50)
        let format = try Export.requested(req)
        let detail: TNAReport.Detail =
            view == "plan" ? .none : (format != nil ? .all : .page(paging.offset..<(paging.offset + paging.per)))
        let report = try await TNAReport.build(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, detail: detail, on: req.db)
        if let format {
            let table = view == "people" ? report.itemTable : report.planTable
            return try Export.response(
                table, filename: view == "people" ? "kebutuhan-pengembangan-\(year)" : "rencana-pengembangan-\(year)",
                format: format, sheet: view == "people" ? "Kebutuhan" : "Rencana")
        }
        let actor = try req.actor
        let units = try await UnitQueries.visible(actor, on: req.db).filter { $0.parentID == nil }
        var model = TNAPageModel(
            report: report, scope: scope, units: units, view: view, paging: paging, export: Export.links(req))
        // Unknown levels are no need: say how many people wait for an assessment instead.
        let unassessed = try await AssessmentNeedsQueries.count(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        model.assessmentNeeds = IndonesianFormat.integer(unassessed)
        model.assessmentNeedsHref =
            try SiteURL.assessmentNeeds.path + (scope.base.map { try "?unit=\($0.requireID().uuidString)" } ?? "")
        return try await req.renderPage(
            "development/needs", title: "Analisis Kebutuhan Pengembangan Kompetensi \(year)",
            crumbs: [Crumb("Analisis kebutuhan")], model)
    }

    struct APIQuery: Content {
        var unitId: UUID?
        var year: Int?
        var page: Int?
        var per: Int?
    }
    struct ItemDTO: Content {
        let employeeId: UUID
        let competencyCode: String
        let required: Int
        let actual: Int
        let gap: Int
        let programIds: [UUID]
    }
    struct ResponseDTO: Content {
        let year: Int
        let items: [ItemDTO]
        let metadata: PagedResponse<ItemDTO>.Metadata
    }

    static func list(req: Request) async throws -> ResponseDTO {
        let q = try req.query.decode(APIQuery.self)
        let paging = try APIPaging.parse(page: q.page, per: q.per, defaultPer: 500)
        let scope = try await ReportScope.resolve(
            req, unitParam: q.unitId?.uuidString, policy: AccessPolicy.developmentReportScope)
        let year = try ReportYear.resolve(q.year, req)
        let page = try await TNAQueries.needs(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, range: paging.offset..<(paging.offset + paging.per),
            on: req.db)
        let total = try await TNAQueries.count(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db).needs
        let catalogue = try await TNAQueries.catalogue(instansiID: scope.instansiID, on: req.db)
        let items = page.map { n in
            ItemDTO(
                employeeId: n.employeeID, competencyCode: n.competencyCode, required: n.required, actual: n.actual,
                gap: n.gap,
                programIds: catalogue.analysis.matches(competencyCode: n.competencyCode, gap: n.gap).compactMap(
                    UUID.init(uuidString:)))
        }
        return ResponseDTO(year: year, items: items, metadata: .init(page: paging.page, per: paging.per, total: total))
    }
}

struct TNAPageModel: Encodable {
    let filterAction = SiteURL.needs.path
    struct SummaryRow: Encodable {
        let code: String
        let name: String
        let people: String
        let totalGap: String
        let programme: String
        let programmeHref: String?
        let form: String
        let provider: String
        let providerName: String
        let schedule: String
        let budget: String
        let listHref: String
    }
    struct PersonRow: Encodable {
        let nip: String
        let name: String
        let href: String
        let code: String
        let required: Int
        let actual: String
        let gap: Int
        let programmes: String
    }
    let view: String
    let year: Int
    let scopeName: String
    let unitOptions: [FormModel.Option]
    let summary: [SummaryRow]
    let people: [PersonRow]
    let totalPeople: String
    let totalBudget: String
    let paging: PagingModel
    let export: [String: String]
    let planHref: String
    let peopleHref: String
    var assessmentNeeds = "0"
    var assessmentNeedsHref = SiteURL.assessmentNeeds.path

    init(
        report: TNAReport, scope: ReportScope, units: [Unit], view: String, paging page: KompetenCore.PageRequest,
        export: [String: String]
    ) {
        self.view = view
        year = report.year
        scopeName = scope.base?.name ?? "Seluruh instansi"
        unitOptions = FormModel.options(
            units, selected: scope.base?.id?.uuidString, value: { $0.id!.uuidString }, label: \.name,
            empty: "Seluruh instansi")
        let unitParam = scope.base.map { "&unit=\($0.id!.uuidString)" } ?? ""
        let lines = report.planLines
        summary = lines.map { l in
            SummaryRow(
                code: l.competencyCode, name: l.competencyName, people: IndonesianFormat.integer(l.people),
                totalGap: IndonesianFormat.integer(l.totalGap),
                programme: l.programme.map { "\($0.code) \($0.title)" } ?? "Belum ada program di katalog",
                programmeHref: l.programme.map { SiteURL.programme($0.id!).path },
                form: l.programme.map { p in
                    p.path.flatMap(DevelopmentPath.named).map { "\($0.code) \($0.name)" } ?? p.developmentForm.label
                } ?? "—",
                provider: l.provider?.code ?? "—", providerName: l.provider?.name ?? "", schedule: l.schedule,
                budget: IndonesianFormat.money(l.budget),
                listHref: SiteURL.programmes.path + "?competency=\(l.competencyCode)")
        }
        totalPeople = IndonesianFormat.integer(report.totalPeople)
        totalBudget = IndonesianFormat.money(lines.reduce(0) { $0 + $1.budget })
        people = report.needs.map { n in
            PersonRow(
                nip: n.nip, name: n.name, href: SiteURL.employee(n.employeeID).path, code: n.competencyCode,
                required: n.required,
                actual: String(n.actual), gap: n.gap,
                programmes: report.programmeIDs(for: n).prefix(3).compactMap { report.catalogue.programmes[$0]?.code }
                    .joined(separator: ", "))
        }
        paging = PagingModel(
            PageInfo(page, total: report.totalNeeds), path: SiteURL.needs.path,
            filters: [("unit", scope.base?.id?.uuidString), ("year", String(report.year)), ("view", view)],
            noun: "kebutuhan")
        self.export = export
        planHref = SiteURL.needs.path + "?year=\(report.year)" + unitParam
        peopleHref = SiteURL.needs.path + "?view=people&year=\(report.year)" + unitParam
    }
}
