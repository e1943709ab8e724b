import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Writes of the instansi plan (Ps 207). Every write checks the plan's status with a conditional
/// UPDATE inside its transaction, so a transition and an edit, or two clicks, cannot both win.
enum InstansiPlanService {
    /// The plan, for a caller allowed to read it (403 otherwise; 404 for another instansi's).
    static func find(_ id: UUID, _ actor: Principal, on db: any Database) async throws -> (
        InstansiPlan, InstansiPlanActor
    ) {
        let plan = try await InstansiPlan.findScoped(id, actor, on: db, what: "Rencana pengembangan")
        let ppk = try await InstansiPlanQueries.ppkUserID(plan.instansiID, on: db)
        try AccessPolicy.instansiPlan(actor, instansiID: plan.instansiID, ppkUserID: ppk).require()
        return (plan, InstansiPlanActor(actor, instansiID: plan.instansiID, ppkUserID: ppk))
    }

    /// Read access to the instansi's plans as a whole (the list, creating).
    static func listAccess(_ actor: Principal, on db: any Database) async throws -> UUID {
        guard let instansiID = actor.instansiID else {
            throw Abort(.forbidden, reason: "Akun ini tidak terikat pada instansi mana pun.")
        }
        let ppk = try await InstansiPlanQueries.ppkUserID(instansiID, on: db)
        try AccessPolicy.instansiPlan(actor, instansiID: instansiID, ppkUserID: ppk).require()
        return instansiID
    }

    static func validateBudget(
        _ budget: Int, ceilings: [CeilingInput], opds: [UUID: String], into v: inout FieldValidator
    ) {
        v.require(
            (0...AnnualPlanService.maxBudget).contains(budget), field: "budget", "Anggaran Rp 0 – Rp 1 triliun.")
        for (i, c) in ceilings.enumerated() {
            v.require(opds[c.opdId] != nil, field: "ceilings[\(i)].opdId", "OPD tidak ditemukan di instansi ini.")
            v.require(
                (0...AnnualPlanService.maxBudget).contains(c.amount), field: "ceilings[\(i)].amount",
                "Pagu Rp 0 – Rp 1 triliun.")
        }
        v.require(
            Set(ceilings.map(\.opdId)).count == ceilings.count, field: "ceilings", "Setiap OPD hanya satu pagu.")
        v.require(
            ceilings.reduce(0) { $0 + $1.amount } <= budget, field: "ceilings",
            "Jumlah pagu OPD melebihi anggaran rencana.")
    }

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

    /// Inside a transaction: the plan must still be a draft (the conditional UPDATE also takes
    /// the row's lock, so a concurrent transition waits for this edit or the edit sees it).
    static func claimDraft(_ plan: InstansiPlan, now: Date, on db: any Database) async throws {
        let rows = try await db.sql.update(InstansiPlan.schema).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(try plan.requireID()))
            .where("status", .equal, SQLBind(InstansiPlanStatus.draf.rawValue)).returning("id").all()
        guard rows.count == 1 else {
            throw Abort(.conflict, reason: "Rencana tidak lagi berstatus draf; muat ulang halaman.")
        }
    }

    static func requireEditable(_ plan: InstansiPlan, _ who: InstansiPlanActor) throws {
        if case .failure(let r) = InstansiPlanWorkflow.canEdit(plan.planStatus, by: who) {
            throw Abort(.conflict, reason: r.message)
        }
    }

    /// Checks an item's fields against the instansi (OPD, programme, provider, competency exist).
    static func checkReferences(_ input: InstansiPlanItemInput, instansiID: UUID, on db: any Database) async throws {
        try input.validate()
        var v = FieldValidator()
        let opds = try await InstansiPlanQueries.opdNames(instansiID, on: db)
        v.require(opds[input.opdId] != nil, field: "opdId", "OPD tidak ditemukan di instansi ini.")
        if let id = input.programId {
            let found = try await Programme.query(on: db).filter(\.$id == id).filter(\.$instansiID == instansiID)
                .count()
            v.require(found == 1, field: "programId", "Program tidak ditemukan di katalog instansi ini.")
        }
        if let id = input.providerId {
            let found = try await Provider.query(on: db).filter(\.$id == id).filter(\.$instansiID == instansiID).count()
            v.require(found == 1, field: "providerId", "Lembaga pelatihan tidak ditemukan.")
        }
        if let id = input.competencyId {
            let found = try await Competency.query(on: db).filter(\.$id == id).filter(\.$instansiID == instansiID)
                .count()
            v.require(found == 1, field: "competencyId", "Kompetensi tidak ditemukan.")
        }
        try v.check()
    }

    static func take(_ input: InstansiPlanItemInput, into item: InstansiPlanItem) {
        item.opdID = input.opdId
        item.title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        item.form = input.form
        item.path = input.path ?? ""
        item.quarter = input.quarter
        item.month = input.month
        item.participants = input.participants
        item.targetGroup = (input.targetGroup ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        item.jp = input.jp
        item.cost = input.cost
        item.competencyID = input.competencyId
        item.programmeID = input.programId
        item.providerID = input.providerId
    }

    static func addItem(
        _ input: InstansiPlanItemInput, to plan: InstansiPlan, who: InstansiPlanActor, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> InstansiPlanItem {
        try requireEditable(plan, who)
        try await checkReferences(input, instansiID: plan.instansiID, on: db)
        let item = InstansiPlanItem()
        item.id = UUID()
        item.instansiID = plan.instansiID
        item.planID = try plan.requireID()
        item.createdAt = now
        take(input, into: item)
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claimDraft(plan, now: now, on: db)
                try await item.create(on: db)
                try await AuditLog.record(
                    .create, entity: "instansi_plan_item", id: item.id,
                    summary: "Menambah butir rencana \(plan.year): \(item.title)", before: Optional<String>.none,
                    after: item.dto(opdName: ""), actor: actor, instansiID: plan.instansiID, at: now, on: db)
            }
        }
        return item
    }

    static func findItem(_ itemID: UUID, of plan: InstansiPlan, on db: any Database) async throws -> InstansiPlanItem {
        guard
            let item = try await InstansiPlanItem.query(on: db).filter(\.$id == itemID)
                .filter(\.$planID == plan.requireID()).first()
        else { throw Abort(.notFound, reason: "Butir rencana tidak ditemukan.") }
        return item
    }

    static func updateItem(
        _ item: InstansiPlanItem, _ input: InstansiPlanItemInput, plan: InstansiPlan, who: InstansiPlanActor,
        actor: Principal, at now: Date, on db: any Database
    ) async throws {
        try requireEditable(plan, who)
        try await checkReferences(input, instansiID: plan.instansiID, on: db)
        let before = item.dto(opdName: "")
        take(input, into: item)
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claimDraft(plan, now: now, on: db)
                try await item.save(on: db)
                try await AuditLog.record(
                    .update, entity: "instansi_plan_item", id: item.id,
                    summary: "Mengubah butir rencana \(plan.year): \(item.title)", before: before,
                    after: item.dto(opdName: ""), actor: actor, instansiID: plan.instansiID, at: now, on: db)
            }
        }
    }

    static func deleteItem(
        _ item: InstansiPlanItem, plan: InstansiPlan, who: InstansiPlanActor, actor: Principal, at now: Date,
        on db: any Database
    ) async throws {
        try requireEditable(plan, who)
        let before = item.dto(opdName: "")
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claimDraft(plan, now: now, on: db)
                try await item.delete(on: db)
                try await AuditLog.record(
                    .delete, entity: "instansi_plan_item", id: item.id,
                    summary: "Menghapus butir rencana \(plan.year): \(item.title)", before: before,
                    after: Optional<String>.none, actor: actor, instansiID: plan.instansiID, at: now, on: db)
            }
        }
    }

    static func setBudget(
        _ input: InstansiPlanBudgetInput, plan: InstansiPlan, who: InstansiPlanActor, actor: Principal, at now: Date,
        on db: any Database
    ) async throws {
        try requireEditable(plan, who)
        var v = FieldValidator()
        validateBudget(
            input.budget, ceilings: input.ceilings,
            opds: try await InstansiPlanQueries.opdNames(plan.instansiID, on: db), into: &v)
        try v.check()
        let before = plan.budget
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claimDraft(plan, now: now, on: db)
                try await db.sql.update(InstansiPlan.schema).set("budget", to: SQLBind(input.budget))
                    .where("id", .equal, SQLBind(try plan.requireID())).run()
                try await replaceCeilings(of: plan.requireID(), with: input.ceilings, on: db)
                try await AuditLog.record(
                    .update, entity: "instansi_plan", id: plan.id,
                    summary:
                        "Mengubah anggaran rencana \(plan.year): \(IndonesianFormat.money(before)) → \(IndonesianFormat.money(input.budget)), \(input.ceilings.count) pagu OPD",
                    before: Optional<String>.none, after: input.ceilings, actor: actor, instansiID: plan.instansiID,
                    at: now, on: db)
            }
        }
        plan.budget = input.budget
    }

    /// One step of the workflow. Role and state refusals are 409 (the issue); a missing decree
    /// number is a 422 naming the field. The status moves by a conditional UPDATE: of two
    /// concurrent clicks, one wins and the other gets 409.
    static func transition(
        _ input: InstansiPlanTransitionInput, plan: InstansiPlan, who: InstansiPlanActor, actor: Principal,
        at now: Date, on db: any Database
    ) async throws {
        guard let to = InstansiPlanStatus(rawValue: input.to) else {
            throw ValidationFailure(errors: [
                .init(field: "to", message: "Status tujuan: draf, diusulkan atau ditetapkan.")
            ])
        }
        let from = plan.planStatus
        let decree = input.decreeNumber?.trimmingCharacters(in: .whitespacesAndNewlines)
        var date = WITA.today(now).iso
        if to == .ditetapkan, let d = input.decreeDate, !d.isEmpty {
            guard let parsed = SimpleDate(iso: d) else {
                throw ValidationFailure(errors: [.init(field: "decreeDate", message: "Tanggal keputusan: yyyy-mm-dd.")])
            }
            date = parsed.iso
        }
        let decreeDate = date
        if to == .ditetapkan, !TextRules.fits(decree ?? "", 0...100) {
            throw ValidationFailure(errors: [
                .init(field: "decreeNumber", message: "Nomor keputusan paling banyak 100 karakter.")
            ])
        }
        let items = try await InstansiPlanQueries.items(of: plan.requireID(), on: db)
        let ceilings = try await InstansiPlanQueries.ceilings(of: plan.requireID(), on: db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: db)
        let over = InstansiPlanTotals.overCeiling(items.map(\.line), ceilings: ceilings).map { opds[$0] ?? "?" }
            .sorted()
        switch InstansiPlanWorkflow.check(from: from, to: to, by: who, decreeNumber: decree, overCeiling: over) {
        case .success: break
        case .failure(.decreeRequired):
            throw ValidationFailure(errors: [
                .init(field: "decreeNumber", message: InstansiPlanRefusal.decreeRequired.message)
            ])
        case .failure(let r): throw Abort(.conflict, reason: r.message)
        }
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await StateTransition.require(
                    InstansiPlan.schema, id: plan.requireID(), from: [from.rawValue], to: to.rawValue,
                    conflict: "Status rencana sudah diubah oleh pengguna lain; muat ulang halaman.", on: db)
                var update = try db.sql.update(InstansiPlan.schema).set("updated_at", to: SQLBind(now))
                if to == .ditetapkan {
                    update = update.set("decree_number", to: SQLBind(decree)).set(
                        "decree_date", to: SQLBind(decreeDate)
                    )
                    .set("adopted_by", to: SQLBind(actor.userID))
                }
                try await update.where("id", .equal, SQLBind(plan.requireID())).run()
                let summary: String
                switch to {
                case .diusulkan: summary = "Mengusulkan rencana pengembangan \(plan.year) ke PPK"
                case .draf: summary = "Mengembalikan rencana pengembangan \(plan.year) ke draf"
                case .ditetapkan:
                    summary =
                        "Menetapkan rencana pengembangan \(plan.year) dengan keputusan \(decree ?? "") tanggal \(decreeDate)"
                        + (who.role == .admin ? " (Admin BKPPD yang ditunjuk sebagai PPK)" : " (PPK)")
                }
                try await AuditLog.record(
                    .update, entity: "instansi_plan", id: plan.id, summary: summary, before: from.rawValue,
                    after: to.rawValue, actor: actor, instansiID: plan.instansiID, at: now, on: db)
            }
        }
        // The caller's copy follows the stored row (the demo takes two steps with one object).
        plan.status = to.rawValue
        plan.updatedAt = now
        if to == .ditetapkan {
            plan.decreeNumber = decree
            plan.decreeDate = decreeDate
            plan.adoptedBy = actor.userID
        }
    }

    /// Opens revision N+1 of an adopted plan: the adopted version is kept as a snapshot, the
    /// plan goes back to draf with the decree cleared (the revision gets its own decree).
    static func revise(
        _ input: InstansiPlanRevisionInput, plan: InstansiPlan, who: InstansiPlanActor, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> Int {
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        switch InstansiPlanWorkflow.canRevise(plan.planStatus, by: who, reason: reason) {
        case .success: break
        case .failure(.reasonRequired):
            throw ValidationFailure(errors: [
                .init(field: "reason", message: InstansiPlanRefusal.reasonRequired.message)
            ])
        case .failure(let r): throw Abort(.conflict, reason: r.message)
        }
        guard TextRules.fits(reason, 1...2000) else {
            throw ValidationFailure(errors: [
                .init(field: "reason", message: "Alasan revisi paling banyak 2.000 karakter.")
            ])
        }
        let snapshot = try await InstansiPlanPage.snapshot(plan, on: db)
        let number = plan.revision + 1
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await StateTransition.require(
                    InstansiPlan.schema, id: plan.requireID(), from: [InstansiPlanStatus.ditetapkan.rawValue],
                    to: InstansiPlanStatus.draf.rawValue,
                    conflict: "Revisi sudah dibuka oleh pengguna lain; muat ulang halaman.", on: db)
                try await db.sql.update(InstansiPlan.schema).set("revision", to: SQLBind(number))
                    .set("decree_number", to: SQLLiteral.null).set("decree_date", to: SQLLiteral.null)
                    .set("adopted_by", to: SQLLiteral.null).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(plan.requireID())).run()
                let r = InstansiPlanRevision()
                r.id = UUID()
                r.instansiID = plan.instansiID
                r.planID = try plan.requireID()
                r.number = number
                r.reason = reason
                r.snapshot = snapshot
                r.createdBy = actor.userID
                r.createdAt = now
                try await r.create(on: db)
                try await AuditLog.record(
                    .create, entity: "instansi_plan_revision", id: r.id,
                    summary: "Membuka revisi \(number) rencana pengembangan \(plan.year): \(reason)",
                    before: Optional<String>.none, after: Optional<String>.none, actor: actor,
                    instansiID: plan.instansiID, at: now, on: db)
            }
        }
        plan.status = InstansiPlanStatus.draf.rawValue
        plan.revision = number
        plan.decreeNumber = nil
        plan.decreeDate = nil
        plan.adoptedBy = nil
        return number
    }
}

extension InstansiPlanItem {
    func dto(opdName: String) -> InstansiPlanItemDTO {
        InstansiPlanItemDTO(
            id: id!, opdId: opdID, opdName: opdName, title: title, form: form, path: path.isEmpty ? nil : path,
            quarter: quarter, month: month, participants: participants, targetGroup: targetGroup, jp: jp, cost: cost,
            competencyId: competencyID, programId: programmeID, providerId: providerID)
    }
}

extension InstansiPlanSummaryDTO {
    init(_ p: InstansiPlan) {
        self.init(
            id: p.id!, year: p.year, status: p.status, revision: p.revision, budget: p.budget,
            decreeNumber: p.decreeNumber, decreeDate: p.decreeDate)
    }
}
