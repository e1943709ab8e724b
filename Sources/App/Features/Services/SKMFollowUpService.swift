import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Writing an SKM report: the follow-up table (rencana tindak lanjut) with the status of the
/// previous period's rows, and publishing or withdrawing the report. Who may: `AccessPolicy.
/// manageService` for the unit, checked by the caller before the body is read.
enum SKMFollowUpService {
    /// One row of the table as sent (web form or JSON).
    struct Row: Content {
        var element: String?
        var action: String?
        var due: String?
        var responsible: String?
        var status: String?
    }
    /// A new status for one of the previous period's rows.
    struct PreviousStatus: Content {
        var id: UUID?
        var status: String?
    }
    /// `PUT /api/v1/units/{id}/skm-report/follow-up`: `rows` replaces the table (nil leaves it
    /// as it is), `previous` updates statuses, `note` the free-text "Catatan" (nil: unchanged).
    struct Input: Content {
        var rows: [Row]?
        var previous: [PreviousStatus]?
        var note: String?
    }

    static let maxRows = 50
    static let maxAction = 1000
    static let maxResponsible = 200
    static let maxNote = 5000

    /// The checked table: every problem named by its JSON path (`rows[2].due`).
    static func validate(_ input: Input, previousIDs: Set<UUID>) throws -> [SKMReport.Action] {
        var v = FieldValidator()
        let rows = input.rows ?? []
        v.require(rows.count <= maxRows, field: "rows", "Paling banyak \(maxRows) baris rencana tindak lanjut.")
        var checked: [SKMReport.Action] = []
        for (i, row) in rows.enumerated() {
            let path = "rows[\(i)]"
            let element = (row.element ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            v.require(SKMElement.named(element) != nil, field: "\(path).element", "Pilih unsur U1–U9.")
            let action = (row.action ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(!action.isEmpty, field: "\(path).action", "Tuliskan kegiatan tindak lanjut.")
            v.require(
                action.count <= maxAction, field: "\(path).action", "Kegiatan paling panjang \(maxAction) karakter.")
            let due = SimpleDate(iso: (row.due ?? "").trimmingCharacters(in: .whitespaces))
            v.require(
                due.map { (2000...2100).contains($0.year) } ?? false, field: "\(path).due",
                "Waktu (tenggat) harus berformat YYYY-MM-DD (tahun 2000–2100).")
            let responsible = (row.responsible ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(!responsible.isEmpty, field: "\(path).responsible", "Tuliskan penanggung jawab (jabatan).")
            v.require(
                responsible.count <= maxResponsible, field: "\(path).responsible",
                "Penanggung jawab paling panjang \(maxResponsible) karakter.")
            let status = SKMFollowUpStatus(rawValue: row.status ?? SKMFollowUpStatus.planned.rawValue)
            v.require(status != nil, field: "\(path).status", statusMessage)
            if let due, let status {
                checked.append(
                    .init(
                        id: nil, element: element, action: action, due: due.iso, responsible: responsible,
                        status: status.rawValue))
            }
        }
        for (i, p) in (input.previous ?? []).enumerated() {
            v.require(
                p.id.map(previousIDs.contains) ?? false, field: "previous[\(i)].id",
                "Baris ini bukan rencana tindak lanjut periode sebelumnya.")
            v.require(
                SKMFollowUpStatus(rawValue: p.status ?? "") != nil, field: "previous[\(i)].status", statusMessage)
        }
        v.require((input.note ?? "").count <= maxNote, field: "note", "Catatan paling panjang 5.000 karakter.")
        try v.check()
        return checked
    }

    static let statusMessage = "Status: direncanakan, berjalan, selesai atau tidak_dilaksanakan."

    /// The whole table in one transaction: all rows or none, with one audit entry for the table
    /// and one per previous-period row whose status changed.
    static func save(
        _ input: Input, unit: Unit, period: SKMPeriod, actor: Principal, at now: Date, on db: any Database
    ) async throws {
        let unitID = try unit.requireID()
        let key = period.key
        let previous = period.previous
        let previousRows = try await SKMReportQueries.actions(
            unitID: unitID, from: previous.from, to: previous.to, on: db)
        let rows = try validate(input, previousIDs: Set(previousRows.compactMap(\.id)))
        try await ensureRecord(unit, key: key, on: db)
        try await db.transaction { db in
            // Two saves of the same table at once: the second waits here until the first has
            // committed, then replaces its rows (without this, on PostgreSQL both sets could stay).
            try await db.sql.update(SKMReportRecord.schema)
                .set("state", to: SQLColumn("state"))
                .where("unit_id", .equal, SQLBind(unitID))
                .where("period_from", .equal, SQLBind(key.from.iso))
                .where("period_to", .equal, SQLBind(key.to.iso))
                .run()
            if input.rows != nil {
                let before = try await SKMReportQueries.actions(unitID: unitID, from: key.from, to: key.to, on: db)
                try await SKMFollowUpAction.query(on: db).filter(\.$unitID == unitID)
                    .filter(\.$periodFrom == key.from.iso).filter(\.$periodTo == key.to.iso).delete()
                for (i, r) in rows.enumerated() {
                    try await SKMFollowUpAction(
                        r, position: i, instansiID: unit.instansiID, unitID: unitID, from: key.from, to: key.to,
                        by: actor.userID, at: now
                    ).create(on: db)
                }
                try await AuditLog.record(
                    .update, entity: "skm_follow_up_action", id: unitID,
                    summary: "Rencana tindak lanjut SKM \(unit.name) \(period.label): \(rows.count) baris",
                    before: before.map(SKMReport.action), after: rows, actor: actor, instansiID: unit.instansiID,
                    at: now, on: db)
            }
            for p in input.previous ?? [] {
                guard let id = p.id, let status = p.status, let row = previousRows.first(where: { $0.id == id }),
                    row.status != status
                else { continue }
                let was = row.status
                try await SKMFollowUpAction.query(on: db).filter(\.$id == id).set(\.$status, to: status)
                    .set(\.$updatedBy, to: actor.userID).set(\.$updatedAt, to: now).update()
                try await AuditLog.record(
                    .update, entity: "skm_follow_up_action", id: id,
                    summary: "Status tindak lanjut SKM \(unit.name) \(row.element) periode sebelumnya: \(status)",
                    before: ["status": was], after: ["status": status], actor: actor, instansiID: unit.instansiID,
                    at: now, on: db)
            }
            if let note = input.note {
                try await saveNote(
                    note.trimmingCharacters(in: .whitespacesAndNewlines), unit: unit, period: period, actor: actor,
                    at: now, on: db)
            }
        }
    }

    /// The free-text "Catatan" (the plan column of before the table), created or replaced with its
    /// audit entry; inside the caller's transaction.
    private static func saveNote(
        _ plan: String, unit: Unit, period: SKMPeriod, actor: Principal, at now: Date, on db: any Database
    ) async throws {
        let unitID = try unit.requireID()
        let key = period.key
        var found = try await SurveyQueries.followUp(unitID: unitID, period: key, on: db)
        if found == nil { found = try await SurveyQueries.followUp(unitID: unitID, period: period.dates, on: db) }
        let row = found ?? SKMFollowUp()
        guard row.id == nil || row.plan != plan else { return }
        let before = row.id == nil ? nil : ["plan": row.plan]
        if row.id == nil {
            row.id = UUID()
            row.instansiID = unit.instansiID
            row.unitID = unitID
            row.periodFrom = key.from.iso
            row.periodTo = key.to.iso
        }
        row.plan = plan
        row.updatedBy = actor.userID
        row.updatedAt = now
        try await row.save(on: db)
        try await AuditLog.record(
            before == nil ? .create : .update, entity: "skm_follow_up", id: row.id,
            summary: "Catatan rencana tindak lanjut SKM \(unit.name) \(period.label)",
            before: before, after: ["plan": plan], actor: actor, instansiID: unit.instansiID, at: now, on: db)
    }

    /// The report's row (state `draf` until published) exists before any race on it: inserting it
    /// twice is ignored, never an error.
    private static func ensureRecord(_ unit: Unit, key: ServicePeriod, on db: any Database) async throws {
        try await db.sql.insert(into: SKMReportRecord.schema)
            .columns("id", "instansi_id", "unit_id", "period_from", "period_to", "state")
            .values(
                SQLBind(UUID()), SQLBind(unit.instansiID), SQLBind(try unit.requireID()), SQLBind(key.from.iso),
                SQLBind(key.to.iso), SQLBind(SKMReportRecord.draft)
            )
            .ignoringConflicts(with: ["unit_id", "period_from", "period_to"]).run()
    }

    /// Publishes (`publish`) or withdraws the unit's report for the period. The state change is
    /// one conditional UPDATE (`… WHERE state = <the other one>`), so of two concurrent clicks
    /// exactly one changes it; the other, like publishing a published report, is a 409.
    /// `snapshot`: the report as the public will read it (`SKMReport`, no suggestion text).
    static func setPublished(
        _ publish: Bool, snapshot: SKMReport, unit: Unit, period: SKMPeriod, actor: Principal, at now: Date,
        on db: any Database
    ) async throws {
        let unitID = try unit.requireID()
        let key = period.key
        try await ensureRecord(unit, key: key, on: db)
        let from = publish ? SKMReportRecord.draft : SKMReportRecord.published
        let to = publish ? SKMReportRecord.published : SKMReportRecord.draft
        let json = publish ? String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self) : nil
        try await db.transaction { db in
            let changed = try await db.sql.update(SKMReportRecord.schema)
                .set("state", to: SQLBind(to))
                .where("unit_id", .equal, SQLBind(unitID))
                .where("period_from", .equal, SQLBind(key.from.iso))
                .where("period_to", .equal, SQLBind(key.to.iso))
                .where("state", .equal, SQLBind(from))
                .returning("id")
                .all()
            guard let row = changed.first else {
                throw Abort(
                    .conflict,
                    reason: publish
                        ? "Laporan SKM periode ini sudah diterbitkan." : "Laporan SKM periode ini belum diterbitkan.")
            }
            let id = try row.decode(column: "id", as: UUID.self)
            // This request won the change; the details follow through Fluent (its date storage).
            try await SKMReportRecord.query(on: db).filter(\.$id == id)
                .set(\.$snapshot, to: json).set(\.$publishedAt, to: publish ? now : nil)
                .set(\.$publishedBy, to: publish ? actor.userID : nil).update()
            try await AuditLog.record(
                .update, entity: "skm_report", id: id,
                summary: "\(publish ? "Menerbitkan" : "Menarik") laporan SKM \(unit.name) \(period.label)",
                before: ["state": from], after: ["state": to, "ikm": snapshot.ikm.map { "\($0)" } ?? ""], actor: actor,
                instansiID: unit.instansiID, at: now, on: db)
        }
    }
}
