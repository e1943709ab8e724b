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
        var source: String?
    }

    /// `standar_jabatan`, `jabatan_tujuan`, `kinerja`, `pelatihan_wajib`; empty or absent: all.
    static func source(_ raw: String?, field: String) throws -> NeedSource? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let s = NeedSource(rawValue: raw) else {
            throw ValidationFailure(errors: [
                .init(
                    field: field, message: "Sumber harus standar_jabatan, jabatan_tujuan, kinerja atau pelatihan_wajib."
                )
            ])
        }
        return s
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: params.unit, policy: AccessPolicy.developmentReportScope)
        let year = try ReportYear.resolve(params.year, req)
        let source = try source(params.source, field: "source")
        let view = params.view == "people" || source != nil ? "people" : "plan"
        let paging = PageRequest(page: params.page, per: 50)
        let format = try Export.requested(req)
        let gaps = source == nil || source == .standarJabatan
        let detail: TNAReport.Detail =
            view == "plan" || !gaps
            ? .none : (format != nil ? .all : .page(paging.offset..<(paging.offset + paging.per)))
        var report = try await TNAReport.build(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, today: WITA.today(req.now),
            detail: detail, on: req.db)
        report.source = source
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
        var source: String?
    }
    /// A competency gap (`standar_jabatan`: competency, levels, programmes) or a need of another
    /// source (`subject` says what: the SKP predicate, the mandatory training and its deadline).
    struct ItemDTO: Content {
        let employeeId: UUID
        let source: NeedSource
        let competencyCode: String?
        let required: Int?
        let actual: Int?
        let gap: Int?
        let programIds: [UUID]?
        let subject: String?
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
        let source = try source(q.source, field: "source")
        // Competency gaps first (paged in SQL), then the other sources (few, read whole): one
        // range over both.
        let range = paging.offset..<(paging.offset + paging.per)
        let gaps = source == nil || source == .standarJabatan
        let gapTotal =
            gaps
            ? try await TNAQueries.count(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db).needs : 0
        let others = try await TNASourceQueries.needs(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, planYear: year, today: WITA.today(req.now), on: req.db
        ).filter { source == nil || $0.need.source == source }
        let gapRange = range.clamped(to: 0..<gapTotal)
        let page =
            gapRange.isEmpty
            ? []
            : try await TNAQueries.needs(
                instansiID: scope.instansiID, unitIDs: scope.unitIDs, range: gapRange, on: req.db)
        let catalogue = try await TNAQueries.catalogue(instansiID: scope.instansiID, on: req.db)
        var items = page.map { n in
            ItemDTO(
                employeeId: n.employeeID, source: .standarJabatan, competencyCode: n.competencyCode,
                required: n.required, actual: n.actual, gap: n.gap,
                programIds: catalogue.analysis.matches(competencyCode: n.competencyCode, gap: n.gap).compactMap(
                    UUID.init(uuidString:)), subject: nil)
        }
        let otherRange = (range.lowerBound - gapTotal)..<(range.upperBound - gapTotal)
        items += others.indices.clamped(to: otherRange).map { i in
            ItemDTO(
                employeeId: others[i].employeeID, source: others[i].need.source, competencyCode: nil, required: nil,
                actual: nil, gap: nil, programIds: nil, subject: others[i].need.subject)
        }
        return ResponseDTO(
            year: year, items: items,
            metadata: .init(page: paging.page, per: paging.per, total: gapTotal + others.count))
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
    struct SourceRow: Encodable {
        let label: String
        let count: String
        let href: String?
    }
    struct SourcedRow: Encodable {
        let nip: String
        let name: String
        let href: String
        let source: String
        let subject: String
    }
    /// Needs per source (PP 11/2017 Ps 206), each linking to its filtered list.
    let sources: [SourceRow]
    let sourceOptions: [FormModel.Option]
    let showGaps: Bool
    let sourced: [SourcedRow]

    init(
        report: TNAReport, scope: ReportScope, units: [Unit], view: String, paging page: KompetenCore.PageRequest,
        export: [String: String]
    ) {
        self.view = view
        year = report.year
        let unitQuery = scope.base.map { "&unit=\($0.id!.uuidString)" } ?? ""
        sources = report.sourceTotals.map { t in
            SourceRow(
                label: t.source.label,
                count: t.count.map(IndonesianFormat.integer) ?? "belum dihitung",
                href: t.count == nil
                    ? nil
                    : SiteURL.needs.path + "?view=people&year=\(report.year)&source=\(t.source.rawValue)" + unitQuery)
        }
        sourceOptions = FormModel.options(
            NeedSource.allCases, selected: report.source?.rawValue, value: \.rawValue, label: \.label,
            empty: "Semua sumber")
        showGaps = report.showsCompetencyGaps
        sourced = report.sourcedShown.map { r in
            SourcedRow(
                nip: r.nip, name: r.name, href: SiteURL.employee(r.employeeID).path, source: r.need.source.label,
                subject: r.need.subject)
        }
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
            filters: [
                ("unit", scope.base?.id?.uuidString), ("year", String(report.year)), ("view", view),
                ("source", report.source?.rawValue),
            ],
            noun: "kebutuhan")
        self.export = export
        planHref = SiteURL.needs.path + "?year=\(report.year)" + unitParam
        peopleHref = SiteURL.needs.path + "?view=people&year=\(report.year)" + unitParam
    }
}
