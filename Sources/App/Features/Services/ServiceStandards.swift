import Fluent
import Foundation
import KompetenCore

/// Loading and changing the effective-dated standard history of services. Which standard is in
/// force when is `StandardHistory`'s rule; this file only reads and writes the rows.
enum ServiceStandards {
    /// The history of each service (empty for a service without rows).
    static func histories(_ serviceIDs: [UUID], on db: any Database) async throws -> [UUID: StandardHistory] {
        try await rowsByService(serviceIDs, on: db).mapValues { StandardHistory($0.compactMap(\.historyEntry)) }
    }

    private static func rowsByService(_ serviceIDs: [UUID], on db: any Database) async throws -> [UUID:
        [ServiceStandardEntry]]
    {
        var rows: [ServiceStandardEntry] = []
        for chunk in serviceIDs.chunked(500) {
            rows += try await ServiceStandardEntry.query(on: db).filter(\.$serviceID ~~ Array(chunk)).all()
        }
        return Dictionary(grouping: rows, by: \.serviceID)
    }

    static func history(_ serviceID: UUID, on db: any Database) async throws -> StandardHistory {
        try await histories([serviceID], on: db)[serviceID] ?? StandardHistory([])
    }

    /// The rows of one service, newest first (the page and the API list).
    static func rows(_ serviceID: UUID, on db: any Database) async throws -> [ServiceStandardEntry] {
        try await ServiceStandardEntry.query(on: db).filter(\.$serviceID == serviceID).sort(
            \.$effectiveFrom, .descending
        ).all()
    }

    /// The row in force on `date` for each service (`StandardHistory.entry(on:)` decides which).
    static func current(_ serviceIDs: [UUID], on date: SimpleDate, db: any Database) async throws -> [UUID:
        ServiceStandardEntry]
    {
        try await rowsByService(serviceIDs, on: db).compactMapValues { list in
            guard let from = StandardHistory(list.compactMap(\.historyEntry)).entry(on: date)?.effectiveFrom.iso else {
                return nil
            }
            return list.first { $0.effectiveFrom == from }
        }
    }

    /// The first row of a new (or migrated) service: in force from `StandardHistory.beginning`.
    static func firstRow(for s: PublicService, standard: StandardTime, text: String?, at now: Date, by userID: UUID?)
        -> ServiceStandardEntry
    {
        let row = ServiceStandardEntry()
        row.id = UUID()
        row.instansiID = s.instansiID
        row.serviceID = s.id!
        row.effectiveFrom = StandardHistory.beginning.iso
        row.value = standard.value
        row.unit = standard.unit.rawValue
        let wording = (text ?? "").trimmingCharacters(in: .whitespaces)
        row.text = wording.isEmpty ? standard.label : wording
        row.createdAt = now
        row.createdBy = userID
        return row
    }

    /// Adds (or, for the same date, replaces) the standard from `effectiveFrom` on, in one
    /// transaction with its audit entry, the old columns and the ticket months it judges again.
    /// The caller has checked access (`AccessPolicy.changeServiceStandard`).
    static func set(
        _ s: PublicService, _ input: StandardInput.Parsed, actor: Principal, at now: Date, on db: any Database
    ) async throws -> ServiceStandardEntry {
        try await db.transaction { db in
            let existing = try await ServiceStandardEntry.query(on: db).filter(\.$serviceID == s.requireID())
                .filter(\.$effectiveFrom == input.effectiveFrom.iso).first()
            let before = existing.map(StandardSnapshot.init)
            let row = existing ?? ServiceStandardEntry()
            if existing == nil {
                row.id = UUID()
                row.instansiID = s.instansiID
                row.serviceID = try s.requireID()
                row.effectiveFrom = input.effectiveFrom.iso
            }
            row.value = input.standard.value
            row.unit = input.standard.unit.rawValue
            row.text = input.text
            row.createdAt = now
            row.createdBy = actor.userID
            try await row.save(on: db)
            // The old columns follow the standard in force today, for a previous release still running.
            if let current = try await current([try s.requireID()], on: WorkingCalendar.witaDay(now), db: db)[
                try s.requireID()], let standard = current.standard
            {
                s.standardMinutes = standard.minutes
                s.standardText = current.text
                s.updatedAt = now
                try await s.save(on: db)
            }
            try await AuditLog.record(
                existing == nil ? .create : .update, entity: "service_standard", id: row.id,
                summary:
                    "Standar waktu layanan \(s.code): \(row.text) mulai \(IndonesianFormat.date(input.effectiveFrom))",
                before: before, after: StandardSnapshot(row), actor: actor, instansiID: s.instansiID, at: now, on: db)
            try await ServiceMonthRebuild.run(
                serviceIDs: [s.requireID()], fromMonth: ServiceRecordQueries.monthKey(input.effectiveFrom),
                throughMonth: nil,
                instansiID: s.instansiID, on: db)
            return row
        }
    }
}

/// A history row in the audit log.
struct StandardSnapshot: Codable {
    let serviceID: UUID, effectiveFrom: String, value: Int, unit: String, text: String
    init(_ r: ServiceStandardEntry) {
        serviceID = r.serviceID
        effectiveFrom = r.effectiveFrom
        value = r.value
        unit = r.unit
        text = r.text
    }
}
