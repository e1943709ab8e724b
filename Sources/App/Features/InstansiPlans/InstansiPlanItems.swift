import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// The items of a draft plan: checked against the instansi, added, changed and deleted.
extension InstansiPlanService {
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
}
