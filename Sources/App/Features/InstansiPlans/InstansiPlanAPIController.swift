import Fluent
import KompetenCore
import Vapor

/// `/api/v1/development-plans`: the instansi's annual development plan (Ps 207), its items,
/// budget and ceilings, transitions, revisions and realisation.
enum InstansiPlanAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("development-plans", use: list)
        api.post("development-plans", use: create)
        api.get("development-plans", ":id", use: show)
        api.put("development-plans", ":id", "budget", use: budget)
        api.post("development-plans", ":id", "items", use: addItem)
        api.put("development-plans", ":id", "items", ":itemId", use: updateItem)
        api.delete("development-plans", ":id", "items", ":itemId", use: deleteItem)
        api.post("development-plans", ":id", "transition", use: transition)
        api.post("development-plans", ":id", "revisions", use: revise)
        api.get("development-plans", ":id", "revisions", ":number", use: revision)
        api.get("development-plans", ":id", "realisation", use: realisation)
        api.put("enrolments", ":id", "actual-cost", use: actualCost)
    }

    static func list(req: Request) async throws -> InstansiPlanListDTO {
        let instansiID = try await InstansiPlanService.listAccess(try req.actor, on: req.db)
        return InstansiPlanListDTO(
            items: try await InstansiPlanQueries.plans(instansiID, on: req.db).map(InstansiPlanSummaryDTO.init))
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.createInstansiPlan(actor).require()
        let input = try req.content.decode(InstansiPlanCreateInput.self)
        let plan = try await InstansiPlanService.create(input, actor: actor, at: req.now, on: req.db)
        let (_, who) = try await InstansiPlanService.find(plan.requireID(), actor, on: req.db)
        return try await InstansiPlanPage.dto(plan, who: who, on: req.db).encodeResponse(status: .created, for: req)
    }

    static func show(req: Request) async throws -> InstansiPlanDTO {
        let (plan, who) = try await InstansiPlanService.find(
            try req.parameters.require("id"), try req.actor, on: req.db)
        return try await InstansiPlanPage.dto(plan, who: who, on: req.db)
    }

    /// The plan again after a write, as the caller now sees it.
    private static func reloaded(_ req: Request, _ plan: InstansiPlan) async throws -> InstansiPlanDTO {
        let (fresh, who) = try await InstansiPlanService.find(plan.requireID(), try req.actor, on: req.db)
        return try await InstansiPlanPage.dto(fresh, who: who, on: req.db)
    }

    static func budget(req: Request) async throws -> InstansiPlanDTO {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(InstansiPlanBudgetInput.self)
        try await InstansiPlanService.setBudget(input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
        return try await reloaded(req, plan)
    }

    static func addItem(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        try InstansiPlanService.requireEditable(plan, who)
        let input = try req.content.decode(InstansiPlanItemInput.self)
        let item = try await InstansiPlanService.addItem(
            input, to: plan, who: who, actor: actor, at: req.now, on: req.db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: req.db)
        return try await item.dto(opdName: opds[item.opdID] ?? "—").encodeResponse(status: .created, for: req)
    }

    static func updateItem(req: Request) async throws -> InstansiPlanItemDTO {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let item = try await InstansiPlanService.findItem(try req.parameters.require("itemId"), of: plan, on: req.db)
        try InstansiPlanService.requireEditable(plan, who)
        let input = try req.content.decode(InstansiPlanItemInput.self)
        try await InstansiPlanService.updateItem(
            item, input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: req.db)
        return item.dto(opdName: opds[item.opdID] ?? "—")
    }

    static func deleteItem(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let item = try await InstansiPlanService.findItem(try req.parameters.require("itemId"), of: plan, on: req.db)
        try await InstansiPlanService.deleteItem(item, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
        return .noContent
    }

    static func transition(req: Request) async throws -> InstansiPlanDTO {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(InstansiPlanTransitionInput.self)
        try await InstansiPlanService.transition(input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
        return try await reloaded(req, plan)
    }

    static func revise(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(InstansiPlanRevisionInput.self)
        _ = try await InstansiPlanService.revise(input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
        return try await reloaded(req, plan).encodeResponse(status: .created, for: req)
    }

    /// The adopted version revision `number` replaced.
    static func revision(req: Request) async throws -> InstansiPlanDTO {
        let (plan, _) = try await InstansiPlanService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        let number: Int = try req.parameters.require("number")
        guard
            let r = try await InstansiPlanQueries.revisions(of: plan.requireID(), on: req.db).first(where: {
                $0.number == number
            })
        else { throw Abort(.notFound, reason: "Revisi \(number) tidak ditemukan.") }
        return try InstansiPlanPage.decodeSnapshot(r.snapshot)
    }

    static func realisation(req: Request) async throws -> RealisationDTO {
        let (plan, _) = try await InstansiPlanService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        return try await InstansiPlanPage.realisation(plan, on: req.db)
    }

    static func actualCost(req: Request) async throws -> EnrolmentDTO {
        let id: UUID = try req.parameters.require("id")
        try await AccessFirst.recordCompletion(id, try req.actor, on: req.db)
        let input = try req.content.decode(EnrolmentCostInput.self)
        return EnrolmentDTO(
            try await EnrolmentService.recordActualCost(
                id, input.actualCost, actor: try req.actor, at: req.now, on: req.db))
    }
}
