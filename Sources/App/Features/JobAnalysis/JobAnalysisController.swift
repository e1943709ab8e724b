import Fluent
import KompetenCore
import Vapor

/// The informasi jabatan page of a position (printable), its edit form, and the ABK report.
enum JobAnalysisController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.positionJobAnalysis(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.positionJobAnalysisEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.positionJobAnalysisEdit(.routeParameter).pathComponents, use: update)
        web.get(SiteURL.workload.pathComponents, use: workload)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let p = try await PositionService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        let dto = try await JobAnalysisPage.dto(p, on: req.db)
        let unit = try await UnitQueries.find(p.unitID, on: req.db)
        let standard = try (try await PositionService.standards(of: [p.requireID()], on: req.db))[p.requireID()] ?? []
        let names = try await CompetencyQueries.visible(actor, on: req.db)
        let canEdit = AccessPolicy.position(actor, .write, try await PositionService.placement(p, on: req.db)).isAllowed
        let model = JobAnalysisPageModel(
            dto, unit: unit?.name ?? "—", standard: standard, competencies: names, canEdit: canEdit)
        return try await req.renderPage(
            "positions/anjab", title: "Informasi Jabatan: \(p.name)",
            crumbs: [
                Crumb("Jabatan", .positions), Crumb(p.code, .position(p.requireID())), Crumb("Informasi jabatan"),
            ],
            model)
    }

    static func editForm(req: Request) async throws -> Response {
        let p = try await PositionService.find(try req.parameters.require("id"), try req.actor, .write, on: req.db)
        let dto = try await JobAnalysisPage.dto(p, on: req.db)
        return try await render(req, p, JobAnalysisFormModel(dto), errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let actor = try req.actor
        // Access to the record first: a stranger's form is never validated.
        let p = try await PositionService.find(try req.parameters.require("id"), actor, .write, on: req.db)
        let form = try req.content.decode(JobAnalysisForm.self)
        do {
            let analysis = try form.parse(kind: p.positionKind)
            try await JobAnalysisService.save(
                analysis, for: p, expectedVersion: form.expectedVersion, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Analisis jabatan \(p.name) disimpan.", to: req)
            return try req.redirect(to: SiteURL.positionJobAnalysis(p.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await render(
                req, p, JobAnalysisFormModel(form, kind: p.positionKind, version: form.expectedVersion ?? 0),
                errors: failure.errors)
        }
    }

    private static func render(_ req: Request, _ p: Position, _ model: JobAnalysisFormModel, errors: [FieldError])
        async throws -> Response
    {
        var model = model
        model.action = try SiteURL.positionJobAnalysisEdit(p.requireID()).path
        model.cancelHref = try SiteURL.positionJobAnalysis(p.requireID()).path
        model.setErrors(errors)
        return try await req.renderPage(
            "positions/anjab-form", title: "Ubah Analisis Jabatan: \(p.name)",
            crumbs: [Crumb("Jabatan", .positions), Crumb(p.code, .position(p.requireID())), Crumb("Analisis jabatan")],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct WorkloadQuery: Content {
        var unit: String?
    }

    /// ABK: every position of the chosen unit (or the whole instansi for BKPPD) with needed
    /// staff against holders; CSV/XLSX with `format=`.
    static func workload(req: Request) async throws -> Response {
        let q = try req.query.decode(WorkloadQuery.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit)
        let names = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let (hours, lines) = try await JobAnalysisQueries.workload(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs ?? Array(names.keys), unitNames: names, on: req.db)
        let model = WorkloadPageModel(
            WorkloadReport(effectiveHours: hours, lines: lines), scopeName: scope.base?.name ?? "Seluruh instansi",
            unitOptions: ServiceFormat.unitOptions(scope, selected: q.unit ?? ""), export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "analisis-beban-kerja", format: format)
        }
        return try await req.renderPage(
            "reports/workload", title: "Analisis Beban Kerja (ABK)",
            crumbs: [Crumb("Laporan", .reports), Crumb("Analisis beban kerja")], model)
    }
}
