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
