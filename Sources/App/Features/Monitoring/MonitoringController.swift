import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/monitoring`: the step-3 dashboard for BKPPD (city) and each OPD's operator, its exports,
/// the overdue-evaluation list behind its figures, and BKPPD's "rebuild the history" button.
enum MonitoringController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.monitoring.pathComponents, use: page)
        web.post(SiteURL.monitoringRebuild.pathComponents, use: rebuild)
        web.get(SiteURL.monitoringOverdue.pathComponents, use: overdue)
    }

    struct Params: Content {
        var unit: String?
        /// The OPD drawn on the JPM trend beside the city line (city-wide only).
        var opd: String?
        var from: String?
        var to: String?
        var table: String?
        var kind: String?
        var page: Int?
    }

    /// From/to as `yyyy-mm-dd`; by default this year up to today.
    static func period(_ p: Params, today: SimpleDate) throws -> MonitoringReport.Period {
        var v = FieldValidator()
        let from =
            p.from.flatMap { $0.isEmpty ? nil : $0 }.map { SimpleDate(iso: $0) }
            ?? SimpleDate(year: today.year, month: 1, day: 1)
        let to = p.to.flatMap { $0.isEmpty ? nil : $0 }.map { SimpleDate(iso: $0) } ?? today
        if from == nil { v.add(field: "from", "Tanggal awal harus berformat yyyy-mm-dd.") }
        if to == nil { v.add(field: "to", "Tanggal akhir harus berformat yyyy-mm-dd.") }
        if let from, let to { v.require(from <= to, field: "from", "Tanggal awal harus sebelum tanggal akhir.") }
        try v.check()
        return .init(from: from!, to: to!)
    }

    /// The `opd` parameter: empty = the default (largest fall); otherwise one of the report's OPDs.
    static func chosenOPD(_ param: String?, in report: MonitoringReport) throws -> UUID? {
        guard let param, !param.isEmpty else { return nil }
        guard let id = UUID(uuidString: param), report.opds.contains(where: { $0.id == id }) else {
            throw ValidationFailure(errors: [
                .init(field: "opd", message: "OPD yang dipilih untuk grafik tidak ada dalam cakupan laporan ini.")
            ])
        }
        return id
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit, policy: AccessPolicy.monitoringScope)
        let today = WITA.today(req.now)
        let period = try period(params, today: today)
        let report = try await MonitoringReport.load(scope: scope, period: period, today: today, on: req.db)
        let chosen = try chosenOPD(params.opd, in: report)
        let unit = params.unit ?? ""
        let baseQuery = "from=\(period.from.iso)&to=\(period.to.iso)" + (unit.isEmpty ? "" : "&unit=\(unit)")
        var model = MonitoringPageModel(
            report: report, scope: scope, unitParam: unit, chosenOPD: chosen,
            canRebuild: AccessPolicy.annualPlan(try req.actor).isAllowed,
            baseQuery: baseQuery)
        model.planPanel = try await InstansiPlanPage.panel(year: period.to.year, actor: try req.actor, on: req.db)
        if let format = try Export.requested(req) {
            guard let table = model.tables[params.table ?? "programmes"] else {
                throw ValidationFailure(errors: [
                    .init(field: "table", message: "Tabel: opd, competencies, programmes atau providers.")
                ])
            }
            return try Export.response(
                table, filename: "pemantauan-\(params.table ?? "programmes")-\(period.from.iso)-\(period.to.iso)",
                format: format)
        }
        return try await req.renderPage(
            "monitoring/index", title: "Pemantauan dan Evaluasi", crumbs: [Crumb("Pemantauan")], model)
    }

    static func rebuild(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.annualPlan(actor))
        let n = try await MonitoringHistory.rebuild(
            instansiID: actor.instansiID!, today: WITA.today(req.now), at: req.now, on: req.db)
        try await AuditLog.record(
            .update, entity: "monitoring", id: nil, summary: "Menghitung ulang riwayat pemantauan (\(n) titik)",
            actor: actor, instansiID: actor.instansiID, at: req.now, on: req.db)
        Flash.add(.success, "Riwayat JPM dan kesenjangan dihitung ulang dari seluruh hasil penilaian.", to: req)
        return req.redirect(to: SiteURL.monitoring.path)
    }

    static func overdue(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit, policy: AccessPolicy.monitoringScope)
        guard let kind = MonitoringQueries.Overdue(rawValue: params.kind ?? "behaviour") else {
            throw ValidationFailure(errors: [
                .init(field: "kind", message: "Jenis: behaviour (L3 atasan) atau reaction (L1 peserta).")
            ])
        }
        let today = WITA.today(req.now)
        let schedule = try await SettingsQueries.evaluation(scope.instansiID, on: req.db).schedule
        let exporting = try Export.requested(req)
        let request =
            exporting != nil
            ? KompetenCore.PageRequest(page: 1, per: 20_000, maxPer: 20_000)
            : KompetenCore.PageRequest(page: params.page, per: 50)
        let (rows, total) = try await MonitoringQueries.overdueList(
            kind, instansiID: scope.instansiID, unitIDs: scope.unitIDs, today: today,
            schedule: schedule, page: request, on: req.db)
        let supervisors = try await EmployeeQueries.names(Set(rows.compactMap(\.supervisorID)), on: req.db)
        let names = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let model = OverdueListModel(
            kind: kind, rows: rows, supervisors: supervisors, unitNames: names, schedule: schedule,
            paging: PagingModel(
                PageInfo(request, total: total), path: "/monitoring/overdue",
                filters: [("kind", kind.rawValue), ("unit", params.unit)], noun: "evaluasi"),
            export: Export.links(req))
        if let exporting {
            return try Export.response(model.table, filename: "evaluasi-terlambat-\(kind.rawValue)", format: exporting)
        }
        return try await req.renderPage(
            "monitoring/overdue",
            title: kind == .behaviour ? "Evaluasi L3 Atasan yang Terlambat" : "Evaluasi L1 Peserta yang Terlambat",
            crumbs: [Crumb("Pemantauan", .monitoring), Crumb("Evaluasi terlambat")], model)
    }
}

struct OverdueListModel: Encodable {
    struct Row: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let supervisor: String
        let programme: String
        let completedOn: String
        let due: String
    }
    let rows: [Row]
    let paging: PagingModel
    let export: [String: String]
    let table: Table
    enum CodingKeys: String, CodingKey { case rows, paging, export }

    init(
        kind: MonitoringQueries.Overdue, rows list: [MonitoringQueries.OverdueRow], supervisors: [UUID: String],
        unitNames: [UUID: String],
        schedule: EvaluationSchedule, paging: PagingModel, export: [String: String]
    ) {
        let level: EvaluationLevel = kind == .behaviour ? .behaviour : .reaction
        rows = list.map { r in
            let done = SimpleDate(iso: r.completedOn)
            return Row(
                nip: r.nip, name: r.name, href: SiteURL.employee(r.employeeID).path, unit: unitNames[r.unitID] ?? "",
                supervisor: r.supervisorID.flatMap { supervisors[$0] } ?? "—", programme: r.programmeTitle,
                completedOn: done.map(IndonesianFormat.date) ?? r.completedOn,
                due: done.map { IndonesianFormat.date(schedule.due(level, completedOn: $0)) } ?? "")
        }
        self.paging = paging
        self.export = export
        table = Table(
            header: ["NIP", "Nama", "Unit", "Atasan langsung", "Program", "Selesai", "Batas evaluasi"],
            rows: rows.map { [$0.nip, $0.name, $0.unit, $0.supervisor, $0.programme, $0.completedOn, $0.due] })
    }
}
