import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/impact` and `GET /api/v1/units/{id}/impact`: competency beside service, before/after a
/// training wave (`from`–`to`; by default the last complete half-year).
enum ImpactController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get("impact", use: page)
        api.get("units", ":id", "impact", use: apiImpact)
    }

    static func wave(_ req: Request) throws -> ServicePeriod {
        let q = try req.query.decode(ServicePeriod.Query.self)
        let today = WITA.today(req.now)
        let defaultFrom = today.month >= 7 ? SimpleDate(year: today.year, month: 1, day: 1)! : SimpleDate(year: today.year - 1, month: 7, day: 1)!
        let defaultTo = today.month >= 7 ? SimpleDate(year: today.year, month: 6, day: 30)! : SimpleDate(year: today.year - 1, month: 12, day: 31)!
        let api = req.url.path.hasPrefix("/api/")
        func given(_ text: String?) -> String? { api ? text : text.flatMap { $0.isEmpty ? nil : $0 } }
        let period = try ServicePeriod.parse(from: given(q.from) ?? defaultFrom.iso, to: given(q.to) ?? defaultTo.iso, today: today)
        guard period.to < today else { throw ValidationFailure(errors: [.init(field: "to", message: "Gelombang pelatihan harus sudah berakhir sebelum hari ini agar ada masa sesudahnya.")]) }
        return period
    }

    struct PageQuery: Content { var unit: String?; var from: String?; var to: String? }

    static func page(req: Request) async throws -> Response {
        let q = try req.query.decode(PageQuery.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        let period = try wave(req)
        let report = try await ImpactService.report(instansiID: scope.instansiID, tree: scope.tree, from: period.from, to: period.to, today: WITA.today(req.now), on: req.db)
        let visible = scope.base.map { b in report.rows.filter { $0.opdID == scope.tree.topLevel(of: b.id!) } } ?? report.rows
        let model = ImpactPageModel(report, rows: visible, scopeName: scope.base?.name ?? "Seluruh instansi", unitOptions: ServiceFormat.unitOptions(scope, selected: q.unit ?? ""),
                                    from: period.from.iso, to: period.to.iso, export: Export.links(req))
        if let format = try Export.requested(req) { return try Export.response(model.table, filename: "kompetensi-layanan", format: format) }
        return try await req.renderPage("services/impact", title: "Kompetensi dan Kinerja Layanan", crumbs: [Crumb("Layanan publik", .services), Crumb("Kompetensi & layanan")], model)
    }

    struct SideDTO: Content {
        let from: String, to: String
        let respondents: Int; let ikm: Double?; let grade: String?; let u6: Double?; let onTimeShare: Double?; let p90Minutes: Double?; let volume: Int
        init(_ w: ImpactService.Window, _ s: ImpactService.ServiceSide) {
            from = w.from.iso; to = w.to.iso; respondents = s.respondents; ikm = s.ikm; grade = s.grade
            u6 = s.u6.map { ($0 * 1000).rounded() / 1000 }; onTimeShare = s.onTimeShare.map { ($0 * 10000).rounded() / 10000 }
            p90Minutes = s.p90Minutes.map { ($0 * 10).rounded() / 10 }; volume = s.volume
        }
    }
    struct CompetencyDTO: Content {
        /// `meanJPM` over the `assessed` staff; `unassessed` have a standard and no result (not 0).
        let staff: Int; let trained: Int; let trainedShare: Double; let meanJPM: Double?; let assessed: Int; let unassessed: Int
        let jpmBefore: Double?; let jpmAfter: Double?
        let publicServiceGap: Double?; let meanJP: Double?
    }
    struct ComparisonDTO: Content {
        struct N: Content { let treated: Int; let control: Int }
        let outcome: String
        let n: N
        let treatedChange: Double?; let controlChange: Double?; let estimate: Double?; let lower95: Double?; let upper95: Double?
        init(_ c: ImpactService.Comparison) {
            func r(_ x: Double?) -> Double? { x.map { ($0 * 100).rounded() / 100 } }
            outcome = c.outcome; n = N(treated: c.estimate?.treatedCount ?? 0, control: c.estimate?.controlCount ?? 0)
            treatedChange = r(c.estimate?.treatedChange); controlChange = r(c.estimate?.controlChange); estimate = r(c.estimate?.estimate)
            lower95 = r(c.estimate?.lower95); upper95 = r(c.estimate?.upper95)
        }
    }
    struct ImpactDTO: Content {
        let unitId: UUID
        let wave: ServicePeriod.Query
        let group: String
        let services: Int
        let competency: CompetencyDTO
        let before: SideDTO
        let after: SideDTO
        let comparisons: [ComparisonDTO]
        let caveat: String
    }

    static func apiImpact(req: Request) async throws -> ImpactDTO {
        let id: UUID = try req.parameters.require("id")
        let scope = try await ReportScope.resolve(req, unitParam: id.uuidString, policy: AccessPolicy.serviceScope)
        let period = try wave(req)
        let report = try await ImpactService.report(instansiID: scope.instansiID, tree: scope.tree, from: period.from, to: period.to, today: WITA.today(req.now), on: req.db)
        let opd = scope.tree.topLevel(of: id)
        let row = report.rows.first { $0.opdID == opd }
        let r2: (Double?) -> Double? = { $0.map { ($0 * 100).rounded() / 100 } }
        return ImpactDTO(unitId: opd, wave: .init(from: period.from.iso, to: period.to.iso), group: row?.group ?? "no_services", services: row?.services ?? 0,
                         competency: CompetencyDTO(staff: row?.staff ?? 0, trained: row?.trained ?? 0, trainedShare: r2(row?.trainedShare) ?? 0,
                                                   meanJPM: r2(row?.meanJPM), assessed: row?.assessed ?? 0, unassessed: row?.unassessed ?? 0, jpmBefore: r2(row?.jpmBefore), jpmAfter: r2(row?.jpmAfter),
                                                   publicServiceGap: r2(row?.publicServiceGap), meanJP: r2(row?.meanJP)),
                         before: SideDTO(report.before, row?.before ?? .init()), after: SideDTO(report.after, row?.after ?? .init()),
                         comparisons: [ComparisonDTO(report.onTime), ComparisonDTO(report.ikm)], caveat: ImpactService.caveat)
    }
}

struct ImpactPageModel: Encodable {
    struct Row: Encodable {
        let name: String; let group: String; let services: String; let staff: String; let trained: String
        let jpm: String; let unassessed: String; let jpmChange: String; let gap: String; let jp: String
        let ikmBefore: String; let ikmAfter: String; let u6Before: String; let u6After: String
        let onTimeBefore: String; let onTimeAfter: String; let p90Before: String; let p90After: String
    }
    struct Comparison: Encodable { let outcome: String; let n: String; let treated: String; let control: String; let estimate: String; let interval: String }
    let scopeName: String
    let unitOptions: [FormModel.Option]
    let from: String
    let to: String
    let windows: String
    let rows: [Row]
    let comparisons: [Comparison]
    let caveat: String
    let rule: String
    let export: [String: String]

    init(_ r: ImpactService.Report, rows list: [ImpactService.UnitRow], scopeName: String, unitOptions: [FormModel.Option], from: String, to: String, export: [String: String]) {
        self.scopeName = scopeName; self.unitOptions = unitOptions; self.from = from; self.to = to; self.export = export
        windows = "Sebelum: \(IndonesianFormat.date(r.before.from)) – \(IndonesianFormat.date(r.before.to)); gelombang pelatihan: \(IndonesianFormat.date(r.wave.from)) – \(IndonesianFormat.date(r.wave.to)); sesudah: \(IndonesianFormat.date(r.after.from)) – \(IndonesianFormat.date(r.after.to))."
        func d(_ x: Double?, _ digits: Int = 2) -> String { x.map { IndonesianFormat.decimal($0, digits: digits) } ?? "—" }
        rows = list.map { u in
            Row(name: u.name, group: u.group == "trained" ? "terlatih" : u.group == "control" ? "pembanding" : "—", services: String(u.services),
                staff: IndonesianFormat.integer(u.staff), trained: ServiceFormat.share(u.staff == 0 ? nil : u.trainedShare),
                jpm: d(u.meanJPM, 1), unassessed: IndonesianFormat.integer(u.unassessed), jpmChange: u.jpmBefore != nil && u.jpmAfter != nil ? IndonesianFormat.decimal(u.jpmAfter! - u.jpmBefore!, digits: 1) : "—",
                gap: d(u.publicServiceGap), jp: d(u.meanJP, 1),
                ikmBefore: d(u.before.ikm), ikmAfter: d(u.after.ikm), u6Before: d(u.before.u6, 3), u6After: d(u.after.u6, 3),
                onTimeBefore: ServiceFormat.share(u.before.onTimeShare), onTimeAfter: ServiceFormat.share(u.after.onTimeShare),
                p90Before: ServiceFormat.minutes(u.before.p90Minutes), p90After: ServiceFormat.minutes(u.after.p90Minutes))
        }
        comparisons = [(r.onTime, "Porsi tepat waktu (poin persen)"), (r.ikm, "IKM (poin)")].map { c, label in
            let e = c.estimate
            return Comparison(outcome: label, n: e.map { "\($0.treatedCount) layanan terlatih, \($0.controlCount) pembanding" } ?? "belum cukup data",
                              treated: d(e?.treatedChange), control: d(e?.controlChange), estimate: d(e?.estimate),
                              interval: e?.lower95 != nil ? "\(d(e?.lower95)) s.d. \(d(e?.upper95))" : "— (n terlalu kecil)")
        }
        caveat = ImpactService.caveat
        rule = "OPD terlatih: ≥ 50 % pegawai pelaksana layanannya menyelesaikan pelatihan pelayanan publik (program yang menaikkan kompetensi Pelayanan Publik, M.5) dalam gelombang; pembanding: < 25 %; di antaranya tidak dibandingkan. IKM layanan masuk perbandingan bila responden ≥ 10 sebelum dan sesudah."
    }

    var table: Table {
        Table(header: ["OPD", "Kelompok", "Layanan", "Pegawai pelaksana", "Terlatih", "JPM", "JPM belum dinilai", "Perubahan JPM", "Gap Pelayanan Publik", "JP", "IKM sebelum", "IKM sesudah",
                       "U6 sebelum", "U6 sesudah", "Tepat waktu sebelum", "Tepat waktu sesudah", "P90 sebelum", "P90 sesudah"],
              rows: rows.map { [$0.name, $0.group, $0.services, $0.staff, $0.trained, $0.jpm, $0.unassessed, $0.jpmChange, $0.gap, $0.jp, $0.ikmBefore, $0.ikmAfter,
                                $0.u6Before, $0.u6After, $0.onTimeBefore, $0.onTimeAfter, $0.p90Before, $0.p90After] })
    }
}
