import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/impact` and `GET /api/v1/units/{id}/impact`: competency beside service, before/after a
/// training wave (`from`–`to`; by default the last complete half-year).
enum ImpactController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.impact.pathComponents, use: page)
        api.get("units", ":id", "impact", use: apiImpact)
    }

    static func wave(_ req: Request) throws -> ServicePeriod {
        let q = try req.query.decode(ServicePeriod.Query.self)
        let today = WITA.today(req.now)
        let defaultFrom =
            today.month >= 7
            ? SimpleDate(year: today.year, month: 1, day: 1)! : SimpleDate(year: today.year - 1, month: 7, day: 1)!
        let defaultTo =
            today.month >= 7
            ? SimpleDate(year: today.year, month: 6, day: 30)! : SimpleDate(year: today.year - 1, month: 12, day: 31)!
        let api = req.url.path.hasPrefix("/api/")
        func given(_ text: String?) -> String? { api ? text : text.flatMap { $0.isEmpty ? nil : $0 } }
        let period = try ServicePeriod.parse(
            from: given(q.from) ?? defaultFrom.iso, to: given(q.to) ?? defaultTo.iso, today: today)
        guard period.to < today else {
            throw ValidationFailure(errors: [
                .init(
                    field: "to",
                    message: "Gelombang pelatihan harus sudah berakhir sebelum hari ini agar ada masa sesudahnya.")
            ])
        }
        return period
    }

    struct PageQuery: Content {
        var unit: String?
        var from: String?
        var to: String?
    }

    static func page(req: Request) async throws -> Response {
        let q = try req.query.decode(PageQuery.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        let period = try wave(req)
        let report = try await ImpactService.report(
            instansiID: scope.instansiID, tree: scope.tree, from: period.from, to: period.to,
            today: WITA.today(req.now), on: req.db)
        let visible =
            scope.base.map { b in report.rows.filter { $0.opdID == scope.tree.topLevel(of: b.id!) } } ?? report.rows
        let model = ImpactPageModel(
            report, rows: visible, scopeName: scope.base?.name ?? "Seluruh instansi",
            unitOptions: ServiceFormat.unitOptions(scope, selected: q.unit ?? ""),
            from: period.from.iso, to: period.to.iso, export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "kompetensi-layanan", format: format)
        }
        return try await req.renderPage(
            "services/impact", title: "Kompetensi dan Kinerja Layanan",
            crumbs: [Crumb("Layanan publik", .services), Crumb("Kompetensi & layanan")], model)
    }

    static func apiImpact(req: Request) async throws -> ImpactDTO.Impact {
        let id: UUID = try req.parameters.require("id")
        let scope = try await ReportScope.resolve(req, unitParam: id.uuidString, policy: AccessPolicy.serviceScope)
        let period = try wave(req)
        let report = try await ImpactService.report(
            instansiID: scope.instansiID, tree: scope.tree, from: period.from, to: period.to,
            today: WITA.today(req.now), on: req.db)
        let opd = scope.tree.topLevel(of: id)
        let row = report.rows.first { $0.opdID == opd }
        let r2: (Double?) -> Double? = { $0.map { ($0 * 100).rounded() / 100 } }
        return ImpactDTO.Impact(
            unitId: opd, wave: .init(from: period.from.iso, to: period.to.iso),
            group: row?.group.rawValue ?? "no_services", services: row?.services ?? 0,
            competency: ImpactDTO.Competency(
                staff: row?.staff ?? 0, trained: row?.trained ?? 0, trainedShare: r2(row?.trainedShare) ?? 0,
                meanJPM: r2(row?.meanJPM), assessed: row?.assessed ?? 0, unassessed: row?.unassessed ?? 0,
                jpmBefore: r2(row?.jpmBefore), jpmAfter: r2(row?.jpmAfter),
                publicServiceGap: r2(row?.publicServiceGap), meanJP: r2(row?.meanJP)),
            before: ImpactDTO.Side(report.before, row?.before ?? .init()),
            after: ImpactDTO.Side(report.after, row?.after ?? .init()),
            comparisons: [report.onTime, report.ikm].map { ImpactDTO.Comparison($0, earlier: report.earlier) },
            caveat: ImpactService.caveat)
    }
}
