import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Reads of the instansi plan: the plan with its items, ceilings and revisions, the PPK, the OPD
/// names, and the year's completed training aggregated in SQL for the realisation.
enum InstansiPlanQueries {
    /// The user the admin designated as PPK, if any.
    static func ppkUserID(_ instansiID: UUID, on db: any Database) async throws -> UUID? {
        let row = try await db.sql.select().column("user_id").from("instansi_ppk")
            .where("instansi_id", .equal, SQLBind(instansiID)).first()
        return try row?.decode(column: "user_id", as: UUID.self)
    }

    /// The OPDs (top-level units) of the instansi, id → name.
    static func opdNames(_ instansiID: UUID, on db: any Database) async throws -> [UUID: String] {
        let rows = try await db.sql.select().column("id").column("name").from(Unit.schema)
            .where("instansi_id", .equal, SQLBind(instansiID)).where(SQLColumn("id"), .equal, SQLColumn("opd_id"))
            .all()
        var names: [UUID: String] = [:]
        for r in rows {
            names[try r.decode(column: "id", as: UUID.self)] = try r.decode(column: "name", as: String.self)
        }
        return names
    }

    static func plans(_ instansiID: UUID, on db: any Database) async throws -> [InstansiPlan] {
        try await InstansiPlan.query(on: db).filter(\.$instansiID == instansiID).sort(\.$year, .descending).all()
    }

    static func items(of planID: UUID, on db: any Database) async throws -> [InstansiPlanItem] {
        try await InstansiPlanItem.query(on: db).filter(\.$planID == planID).sort(\.$quarter).sort(\.$title)
            .sort(\.$id).all()
    }

    /// The ceiling (pagu) per OPD.
    static func ceilings(of planID: UUID, on db: any Database) async throws -> [UUID: Int] {
        let rows = try await db.sql.select().column("opd_id").column("amount").from("instansi_plan_ceilings")
            .where("plan_id", .equal, SQLBind(planID)).all()
        var result: [UUID: Int] = [:]
        for r in rows { result[try r.decode(column: "opd_id", as: UUID.self)] = try r.integer("amount") }
        return result
    }

    static func revisions(of planID: UUID, on db: any Database) async throws -> [InstansiPlanRevision] {
        try await InstansiPlanRevision.query(on: db).filter(\.$planID == planID).sort(\.$number).all()
    }

    /// Completed enrolments of batches ending in `year`, grouped by programme, the participant's
    /// OPD and the batch's end date (the quarter is taken from that date here): a few rows per
    /// batch, never one per enrolment.
    static func realised(instansiID: UUID, year: Int, on db: any Database) async throws -> [RealisedActivity] {
        let rows = try await db.sql.select()
            .column(SQLColumn("program_id", table: "e"), as: "program_id")
            .column(SQLColumn("opd_id", table: "u"), as: "opd_id")
            .column(SQLColumn("end_date", table: "b"), as: "end_date")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("SUM", args: SQLColumn("jp", table: "p")), as: "jp")
            .column(
                SQLFunction(
                    "SUM",
                    args: SQLFunction("COALESCE", args: SQLColumn("actual_cost", table: "e"), SQLLiteral.numeric("0"))),
                as: "cost"
            )
            .from(SQLAlias(SQLIdentifier(Enrolment.schema), as: SQLIdentifier("e")))
            .join(
                SQLAlias(SQLIdentifier(Batch.schema), as: SQLIdentifier("b")), on: SQLColumn("id", table: "b"), .equal,
                SQLColumn("batch_id", table: "e")
            )
            .join(
                SQLAlias(SQLIdentifier(Programme.schema), as: SQLIdentifier("p")), on: SQLColumn("id", table: "p"),
                .equal, SQLColumn("program_id", table: "e")
            )
            .join(
                SQLAlias(SQLIdentifier(Employee.schema), as: SQLIdentifier("m")), on: SQLColumn("id", table: "m"),
                .equal, SQLColumn("employee_id", table: "e")
            )
            .join(
                SQLAlias(SQLIdentifier(Unit.schema), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal,
                SQLColumn("unit_id", table: "m")
            )
            .where(SQLColumn("instansi_id", table: "e"), .equal, SQLBind(instansiID))
            .where(SQLColumn("status", table: "e"), .equal, SQLBind(EnrolmentStatus.completed.rawValue))
            .where(SQLColumn("end_date", table: "b"), .greaterThanOrEqual, SQLBind(String(format: "%04d-01-01", year)))
            .where(SQLColumn("end_date", table: "b"), .lessThanOrEqual, SQLBind(String(format: "%04d-12-31", year)))
            .groupBy(SQLColumn("program_id", table: "e")).groupBy(SQLColumn("opd_id", table: "u"))
            .groupBy(SQLColumn("end_date", table: "b"))
            .all()
        // Merge the dates of one quarter.
        var merged: [String: RealisedActivity] = [:]
        for r in rows {
            let programme = try r.decode(column: "program_id", as: UUID.self)
            let opd = try r.decode(column: "opd_id", as: UUID.self)
            let quarter = InstansiPlanTotals.quarter(of: try r.decode(column: "end_date", as: String.self)) ?? 1
            let key = "\(programme)|\(opd)|\(quarter)"
            let old = merged[key]
            merged[key] = RealisedActivity(
                programmeID: programme, opdID: opd, quarter: quarter,
                participants: (old?.participants ?? 0) + (try r.integer("n")),
                jp: (old?.jp ?? 0) + (try r.integer("jp")),
                cost: (old?.cost ?? 0) + (try r.integer("cost")))
        }
        return merged.values.sorted {
            ($0.quarter, $0.programmeID.uuidString, $0.opdID.uuidString) < (
                $1.quarter, $1.programmeID.uuidString, $1.opdID.uuidString
            )
        }
    }

    /// Titles of programmes, id → title.
    static func programmeTitles(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: String] = [:]
        for p in try await Programme.query(on: db).filter(\.$id ~~ ids).all() { result[try p.requireID()] = p.title }
        return result
    }

    /// Active catalogue programmes for the item form, id → "code — title".
    static func programmeOptions(_ instansiID: UUID, on db: any Database) async throws -> [(UUID, String)] {
        try await Programme.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true)
            .sort(\.$title).all().map { (try $0.requireID(), "\($0.code) — \($0.title)") }
    }

    /// The designated PPK's username, for the page and the signature block.
    static func ppkLabel(_ id: UUID?, on db: any Database) async throws -> String {
        guard let id, let u = try await User.find(id, on: db) else { return "Belum ditunjuk" }
        return u.username
    }

    static func instansiName(_ id: UUID, on db: any Database) async throws -> String {
        try await Instansi.find(id, on: db)?.name ?? "—"
    }

}
