import Foundation
import KompetenCore
import Vapor

/// The SKM report of a unit for a period (`/skm`), in the sections of the PermenPANRB 14/2017
/// appendix (`SKMReport`), with the unit's follow-up table, publishing, printing ("Cetak") and
/// the download of its tables (CSV: the elements; XLSX: one sheet per table).
enum SKMReportController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.skmReport.pathComponents, use: page)
        web.post(SiteURL.skmFollowUp.pathComponents, use: saveFollowUp)
        web.post(SiteURL.skmPublish.pathComponents) { try await setPublished($0, true) }
        web.post(SiteURL.skmWithdraw.pathComponents) { try await setPublished($0, false) }
    }

    struct Query: Content {
        var unit: String?
        var from: String?
        var to: String?
    }

    static func page(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        let period = try SKMPeriod.parse(req)
        let report = try await SKMReportQueries.load(scope: scope, period: period, on: req.db)
        var model = SKMReportModel(
            report, instansi: try await SKMReportQueries.instansiName(scope.instansiID, on: req.db), isPublic: false)
        if let base = scope.base {
            model.canWrite = AccessPolicy.manageService(try req.actor, UnitService.placement(base)).isAllowed
            model.unitID = try base.requireID().uuidString
            if let record = try await SKMReportQueries.record(unitID: base.requireID(), period: period, on: req.db) {
                model.publicHref = try SiteURL.skmPublic(record.requireID()).path
            }
        }
        model.unitOptions = ServiceFormat.unitOptions(scope, selected: q.unit ?? "")
        model.csrf = req.csrfToken
        model.kind = period.kind?.rawValue ?? ""
        model.export = Export.links(req)
        model.presets = presets(today: WITA.today(req.now), unit: q.unit ?? "")
        let target = SurveyQueries.Target.units(instansiID: scope.instansiID, unitIDs: scope.unitIDs)
        model.saran = try await SurveyQueries.suggestions(target, from: period.from, to: period.to, on: req.db).map {
            .init(date: IndonesianFormat.date($0.date), service: $0.service, text: $0.text)
        }
        switch try Export.requested(req) {
        case .xlsx: return try Export.workbook(model.sheets, filename: "laporan-skm")
        case .csv: return try Export.response(model.table, filename: "laporan-skm", format: .csv)
        case nil:
            return try await req.renderPage(
                "services/skm", title: "Laporan Survei Kepuasan Masyarakat",
                crumbs: [Crumb("Layanan publik", .services), Crumb("Laporan SKM")], model)
        }
    }

    /// The usual SKM reporting periods (PermenPANRB 14/2017 asks for at least one survey a
    /// year; units report by quarter or semester): this and the previous month, quarter,
    /// semester and year, as links.
    static func presets(today: SimpleDate, unit: String) -> [SKMReportModel.Preset] {
        [ReportPeriod.month, .quarter, .semester, .year].flatMap { kind -> [SKMReportModel.Preset] in
            let current = kind.range(containing: today)
            let previous = kind.range(containing: current.from.adding(days: -1))
            return [previous, current].map { r in
                SKMReportModel.Preset(
                    label: kind.label(from: r.from),
                    href: "/skm?unit=\(unit)&kind=\(kind.rawValue)&from=\(r.from.iso)&to=\(min(r.to, today).iso)")
            }
        }
    }

    /// The form's rows come as `rows[0][element]`, …: a dictionary keyed by the row number.
    struct FollowUpForm: Content {
        var unit: String
        var from: String
        var to: String
        var kind: String?
        var plan: String?
        var rows: [String: SKMFollowUpService.Row]?
        var previous: [String: SKMFollowUpService.PreviousStatus]?
    }

    /// The unit named in a form, once the actor may manage its services (403 before any field
    /// is validated).
    static func managedUnit(_ req: Request, _ unit: String) async throws -> Unit {
        let actor = try req.actor
        guard let unitID = UUID(uuidString: unit) else { throw Abort(.badRequest, reason: "Unit tidak valid.") }
        let found = try await UnitService.find(unitID, for: actor, .read, on: req.db)
        try AccessPolicy.manageService(actor, UnitService.placement(found)).require()
        return found
    }

    /// The role first: a role that manages no service is refused before the form is read.
    static func requireRole(_ req: Request) throws {
        if case .failure(let denied) = AccessPolicy.serviceScope(try req.actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
    }

    static func saveFollowUp(req: Request) async throws -> Response {
        try requireRole(req)
        let form = try req.content.decode(FollowUpForm.self)
        let unit = try await managedUnit(req, form.unit)
        let period = try SKMPeriod.parse(from: form.from, to: form.to, kind: form.kind, today: WITA.today(req.now))
        func ordered<T>(_ d: [String: T]?) -> [T]? {
            d.map { $0.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map(\.value) }
        }
        // The form always shows a few empty rows for new actions: those are not rows.
        let rows = ordered(form.rows)?.filter { r in
            [r.action, r.due, r.responsible].contains { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        }
        try await SKMFollowUpService.save(
            .init(rows: rows, previous: ordered(form.previous), note: form.plan), unit: unit, period: period,
            actor: try req.actor, at: req.now, on: req.db)
        Flash.add(.success, "Rencana tindak lanjut disimpan.", to: req)
        return req.redirect(to: try reportPath(unit, period))
    }

    /// Back to the report the form was sent from.
    static func reportPath(_ unit: Unit, _ period: SKMPeriod) throws -> String {
        "/skm?unit=\(try unit.requireID())&kind=\(period.kind?.rawValue ?? "")&from=\(period.from.iso)&to=\(period.to.iso)"
    }

    struct PublishForm: Content {
        var unit: String
        var from: String
        var to: String
        var kind: String?
    }

    static func setPublished(_ req: Request, _ publish: Bool) async throws -> Response {
        try requireRole(req)
        let form = try req.content.decode(PublishForm.self)
        let unit = try await managedUnit(req, form.unit)
        let period = try SKMPeriod.parse(from: form.from, to: form.to, kind: form.kind, today: WITA.today(req.now))
        let scope = try await ReportScope.resolve(req, unitParam: form.unit, policy: AccessPolicy.serviceScope)
        let report = try await SKMReportQueries.load(scope: scope, period: period, on: req.db)
        try await SKMFollowUpService.setPublished(
            publish, snapshot: report.asPublished(at: req.now), unit: unit, period: period, actor: try req.actor,
            at: req.now, on: req.db)
        Flash.add(
            .success,
            publish
                ? "Laporan SKM diterbitkan di halaman transparansi." : "Laporan SKM ditarik dari halaman transparansi.",
            to: req)
        return req.redirect(to: try reportPath(unit, period))
    }
}
