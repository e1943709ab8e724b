import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Reads on complaints: the handling list, one complaint, the public lookup and the figures.
enum ComplaintQueries {
    /// One complaint of the actor's instansi that the actor may handle (404 across instansi, 403
    /// for another OPD or a role that does not handle complaints).
    static func find(_ id: UUID?, for actor: Principal, on db: any Database) async throws -> Complaint {
        let c = try await Complaint.findScoped(id, actor, on: db, what: "Pengaduan")
        try AccessPolicy.handleComplaint(actor, c.placement).require()
        return c
    }

    /// A complaint by the code a resident typed, normalised first; nil when there is none.
    static func byTrackingCode(_ input: String, on db: any Database) async throws -> Complaint? {
        guard let code = TrackingCode.normalise(input) else { return nil }
        return try await Complaint.query(on: db).filter(\.$trackingCode == code).first()
    }

    struct Filter {
        var instansiID: UUID
        /// The units whose services count (a report scope's subtree); nil = the whole instansi.
        var unitIDs: [UUID]?
        var status: ComplaintStatus?
    }

    /// The complaints in scope, newest first, with the service each is about.
    static func list(_ f: Filter, on db: any Database) async throws -> [(complaint: Complaint, service: PublicService)]
    {
        var services = PublicService.query(on: db).filter(\.$instansiID == f.instansiID)
        if let units = f.unitIDs { services = services.filter(\.$unitID ~~ units) }
        let byID = Dictionary(uniqueKeysWithValues: try await services.all().map { (try $0.requireID(), $0) })
        var q = Complaint.query(on: db).filter(\.$instansiID == f.instansiID)
        if f.unitIDs != nil { q = q.filter(\.$serviceID ~~ Array(byID.keys)) }
        if let status = f.status { q = q.filter(\.$status == status.rawValue) }
        return try await q.sort(\.$receivedAt, .descending).all().compactMap { c in
            byID[c.serviceID].map { (c, $0) }
        }
    }

    /// Per OPD: complaints received in [from, to) and how fast they were closed.
    static func summaries(
        instansiID: UUID, from: Date, to: Date, targetDays: Int, calendar: WorkingCalendar, on db: any Database
    ) async throws -> [UUID: ComplaintTimeliness.Summary] {
        struct Row: Decodable {
            let opd_id: UUID
            let received_at: Date
            let closed_at: Date?
        }
        let rows = try await db.sql.select().column("opd_id").column("received_at").column("closed_at")
            .from(Complaint.schema)
            .where("instansi_id", .equal, SQLBind(instansiID))
            .where("received_at", .greaterThanOrEqual, SQLBind(from))
            .where("received_at", .lessThan, SQLBind(to))
            .all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.opd_id).mapValues { list in
            ComplaintTimeliness.summary(
                list.map {
                    .init(
                        received: WorkingCalendar.witaDay($0.received_at),
                        closed: $0.closed_at.map(WorkingCalendar.witaDay))
                }, targetDays: targetDays, calendar: calendar)
        }
    }

    /// The target and the working-day calendar the worklist counts days with.
    static func timing(_ instansiID: UUID, on db: any Database) async throws -> (
        targetDays: Int, calendar: WorkingCalendar
    ) {
        (
            try await settings(instansiID, on: db).targetDays,
            try await HolidayCalendar.calendar(instansiID: instansiID, on: db)
        )
    }

    /// What one complaint's page shows beside the complaint itself.
    static func context(of c: Complaint, on db: any Database) async throws -> (
        service: PublicService?, opd: Unit?, targetDays: Int, calendar: WorkingCalendar
    ) {
        let timing = try await timing(c.instansiID, on: db)
        return (
            try await PublicService.find(c.serviceID, on: db), try await Unit.find(c.opdID, on: db), timing.targetDays,
            timing.calendar
        )
    }

    /// The instansi's complaint settings (target working days, retention months).
    static func settings(_ instansiID: UUID, on db: any Database) async throws -> (targetDays: Int, retention: Int) {
        guard let s = try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first() else {
            return (ComplaintTimeliness.defaultTargetDays, ComplaintRetention.defaultMonths)
        }
        return (s.complaintTargetDays, s.complaintRetentionMonths)
    }
}

/// The complainant's name and contact are needed while the complaint is handled and a little
/// after (a follow-up question); the nightly job erases them `months` after closing (UU 27/2022).
/// The text, the reply and the dates stay: the unit's figures must not change.
enum ComplaintRetention {
    static let defaultMonths = 12

    @discardableResult
    static func apply(on db: any Database, now: Date) async throws -> Int {
        var erased = 0
        for instansi in try await Instansi.query(on: db).all() {
            let id = try instansi.requireID()
            let months = try await ComplaintQueries.settings(id, on: db).retention
            guard months > 0 else { continue } // 0 = kept (the setting says so explicitly)
            let cutoff = Calendar(identifier: .gregorian).date(byAdding: .month, value: -months, to: now) ?? now
            func stale() -> QueryBuilder<Complaint> {
                Complaint.query(on: db).filter(\.$instansiID == id).filter(\.$closedAt < cutoff)
                    .filter(\.$personalErasedAt == nil)
            }
            erased += try await stale().count()
            try await stale().set(\.$name, to: nil).set(\.$contact, to: nil).set(\.$personalErasedAt, to: now).update()
        }
        return erased
    }
}
