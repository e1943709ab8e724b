import Fluent
import KompetenCore
import Vapor

/// `/api/v1/employees/{id}/plans`, `/api/v1/plans/{id}/…`.
enum PlansAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("employees", ":id", "plans", use: list)
        api.post("employees", ":id", "plans", use: create)
        api.get("plans", ":id", use: show)
        api.post("plans", ":id", "items", use: addItem)
        api.post("plans", ":id", "transition", use: transition)
    }

    static func list(req: Request) async throws -> [PlanDTO] {
        let plans = try await PlanService.plans(of: try req.parameters.require("id"), actor: try req.actor, on: req.db)
        return try await plans.asyncMap { try await PlanService.dto($0, on: req.db) }
    }

    static func create(req: Request) async throws -> Response {
        // access before the body
        try await AccessFirst.authorPlan(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(PlanInput.self)
        let plan = try await PlanService.create(
            employeeID: try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db)
        return try await PlanService.dto(plan, on: req.db).encodeResponse(status: .created, for: req)
    }

    static func show(req: Request) async throws -> PlanDTO {
        let (plan, _) = try await PlanService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        return try await PlanService.dto(plan, on: req.db)
    }

    static func addItem(req: Request) async throws -> Response {
        try await AccessFirst.plan(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(PlanItemInput.self)
        let item = try await PlanService.addItem(
            planID: try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db)
        return try await PlanService.itemDTOs([item], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    static func transition(req: Request) async throws -> PlanDTO {
        try await AccessFirst.plan(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(TransitionInput.self)
        let plan = try await PlanService.transition(
            try req.parameters.require("id"), to: input.to, reason: input.reason,
            actor: try req.actor, at: req.now, on: req.db)
        return try await PlanService.dto(plan, on: req.db)
    }
}
