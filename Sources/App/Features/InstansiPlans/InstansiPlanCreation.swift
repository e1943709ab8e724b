import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Creating a plan: empty or from the optimiser, its pagu per OPD.
extension InstansiPlanService {
    /// A new plan of a year: empty, or with the optimiser's choice grouped into items per
    /// programme and OPD. 409 when the year already has one (one plan per instansi per year).
    static func create(_ input: InstansiPlanCreateInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> InstansiPlan
    {
        try AccessPolicy.createInstansiPlan(actor).require()
        let instansiID = actor.instansiID!
        let opds = try await InstansiPlanQueries.opdNames(instansiID, on: db)
        var v = FieldValidator()
        v.require((2000...2100).contains(input.year), field: "year", "Tahun 2000–2100.")
        v.require(
            ["optimiser", "empty"].contains(input.source ?? "empty"), field: "source", "Sumber: optimiser atau empty.")
        validateBudget(input.budget, ceilings: input.ceilings ?? [], opds: opds, into: &v)
        try v.check()
        if try await InstansiPlan.query(on: db).filter(\.$instansiID == instansiID).filter(\.$year == input.year)
            .first() != nil
        {
            throw Abort(
                .conflict, reason: "Rencana pengembangan tahun \(input.year) sudah ada (satu rencana per tahun).")
        }
        let plan = InstansiPlan()
        plan.id = UUID()
        plan.instansiID = instansiID
        plan.year = input.year
        plan.status = InstansiPlanStatus.draf.rawValue
        plan.revision = 0
        plan.budget = input.budget
        plan.createdAt = now
        plan.updatedAt = now
        var items: [InstansiPlanItem] = []
        if input.source == "optimiser" {
            let outcome = try await AnnualPlanService.run(
                .init(year: input.year, budget: input.budget, unitId: nil), actor: actor, on: db)
            items = try await itemsFromOptimiser(outcome, plan: plan, on: db, at: now)
        }
        let ceilings = input.ceilings ?? []
        let toWrite = items
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await plan.create(on: db)
                for chunk in toWrite.chunked(500) { try await Array(chunk).create(on: db) }
                try await replaceCeilings(of: plan.requireID(), with: ceilings, on: db)
                try await AuditLog.record(
                    .create, entity: "instansi_plan", id: plan.id,
                    summary:
                        "Membuat rencana pengembangan \(input.year) (\(input.source == "optimiser" ? "dari optimasi" : "kosong"), \(toWrite.count) butir, anggaran \(IndonesianFormat.money(input.budget)))",
                    before: Optional<String>.none, after: InstansiPlanSummaryDTO(plan), actor: actor,
                    instansiID: instansiID, at: now, on: db)
            }
        }
        return plan
    }

    /// The optimiser's enrolments as plan items: one per programme and OPD, its participants the
    /// employees chosen there, its cost their count × the programme's price, its quarter that of
    /// the programme's first batch starting in the year (Q1 when none is scheduled yet).
    static func itemsFromOptimiser(
        _ outcome: AnnualPlanService.Outcome, plan: InstansiPlan, on db: any Database, at now: Date
    ) async throws -> [InstansiPlanItem] {
        let opdOfUnit = try await unitOPDs(plan.instansiID, on: db)
        let firstBatch = try await firstBatchStart(instansiID: plan.instansiID, year: plan.year, on: db)
        let raised = try await ProgrammeCompetency.query(on: db).filter(
            \.$programmeID ~~ Set(outcome.programmes.keys)
        ).all()
        let competencyOf = Dictionary(raised.map { ($0.programmeID, $0.competencyID) }, uniquingKeysWith: { a, _ in a })
        var counts: [PairKey: Int] = [:]
        for e in outcome.result.enrolments {
            guard let pid = UUID(uuidString: e.programme), let eid = UUID(uuidString: e.candidate),
                let person = outcome.employees[eid], let opd = opdOfUnit[person.unitID]
            else { continue }
            counts[PairKey(programme: pid, opd: opd), default: 0] += 1
        }
        return try counts.keys.sorted {
            ($0.programme.uuidString, $0.opd.uuidString) < ($1.programme.uuidString, $1.opd.uuidString)
        }
        .compactMap { key in
            guard let p = outcome.programmes[key.programme], let n = counts[key] else { return nil }
            let item = InstansiPlanItem()
            item.id = UUID()
            item.instansiID = plan.instansiID
            item.planID = try plan.requireID()
            item.opdID = key.opd
            item.competencyID = competencyOf[key.programme]
            item.programmeID = key.programme
            item.providerID = p.providerID
            item.title = p.title
            item.form = p.form
            item.path = p.path ?? ""
            item.quarter = firstBatch[key.programme].flatMap(InstansiPlanTotals.quarter(of:)) ?? 1
            item.month = firstBatch[key.programme].flatMap { Int($0.split(separator: "-")[1]) }
            item.participants = n
            item.targetGroup = "Pegawai dengan kesenjangan kompetensi (hasil optimasi anggaran)"
            item.jp = p.jp
            item.cost = n * p.costPerParticipant
            item.createdAt = now
            return item
        }
    }

    struct PairKey: Hashable {
        let programme: UUID
        let opd: UUID
    }

    static func unitOPDs(_ instansiID: UUID, on db: any Database) async throws -> [UUID: UUID] {
        let rows = try await db.sql.select().column("id").column("opd_id").from(Unit.schema)
            .where("instansi_id", .equal, SQLBind(instansiID)).all()
        var result: [UUID: UUID] = [:]
        for r in rows {
            result[try r.decode(column: "id", as: UUID.self)] = try r.decode(column: "opd_id", as: UUID.self)
        }
        return result
    }

    static func firstBatchStart(instansiID: UUID, year: Int, on db: any Database) async throws -> [UUID: String] {
        let rows = try await db.sql.select().column("program_id").column(
            SQLFunction("MIN", args: SQLColumn("start_date")), as: "first"
        )
        .from(Batch.schema).where("instansi_id", .equal, SQLBind(instansiID))
        .where("start_date", .greaterThanOrEqual, SQLBind(String(format: "%04d-01-01", year)))
        .where("start_date", .lessThanOrEqual, SQLBind(String(format: "%04d-12-31", year)))
        .groupBy("program_id").all()
        var result: [UUID: String] = [:]
        for r in rows {
            result[try r.decode(column: "program_id", as: UUID.self)] = try r.decode(column: "first", as: String.self)
        }
        return result
    }

    static func replaceCeilings(of planID: UUID, with ceilings: [CeilingInput], on db: any Database) async throws {
        try await db.sql.delete(from: "instansi_plan_ceilings").where("plan_id", .equal, SQLBind(planID)).run()
        guard !ceilings.isEmpty else { return }
        var insert = try db.sql.insert(into: "instansi_plan_ceilings").columns("plan_id", "opd_id", "amount")
        for c in ceilings { insert = insert.values(SQLBind(planID), SQLBind(c.opdId), SQLBind(c.amount)) }
        try await insert.run()
    }
}
