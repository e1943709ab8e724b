import Foundation
import KompetenCore
import Vapor

/// `/api/v1/units/{id}/skm-report…`: the SKM report as JSON (the same `SKMReport` the page
/// shows), its follow-up table, publishing and withdrawing. Read access as the page
/// (`AccessPolicy.serviceScope`); writes as `AccessPolicy.manageService`, decided before the
/// period or the body is read.
enum SKMReportAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("units", ":id", "skm-report", use: show)
        api.put("units", ":id", "skm-report", "follow-up", use: saveFollowUp)
        api.post("units", ":id", "skm-report", "publish") { try await setPublished($0, true) }
        api.post("units", ":id", "skm-report", "withdraw") { try await setPublished($0, false) }
    }

    static func show(req: Request) async throws -> SKMReport {
        let id: UUID = try req.parameters.require("id")
        let scope = try await ReportScope.resolve(req, unitParam: id.uuidString, policy: AccessPolicy.serviceScope)
        return try await SKMReportQueries.load(scope: scope, period: try SKMPeriod.parse(req), on: req.db)
    }

    /// The unit of the path, once the actor may manage its services.
    static func managedUnit(_ req: Request) async throws -> Unit {
        let actor = try req.actor
        let unit = try await UnitService.find(
            try req.parameters.require("id", as: UUID.self), for: actor, .read, on: req.db)
        try AccessPolicy.manageService(actor, UnitService.placement(unit)).require()
        return unit
    }

    static func saveFollowUp(req: Request) async throws -> SKMReport {
        let unit = try await managedUnit(req)
        let period = try SKMPeriod.parse(req)
        let input = try req.content.decode(SKMFollowUpService.Input.self)
        try await SKMFollowUpService.save(
            input, unit: unit, period: period, actor: try req.actor, at: req.now, on: req.db)
        return try await show(req: req)
    }

    static func setPublished(_ req: Request, _ publish: Bool) async throws -> SKMReport {
        let unit = try await managedUnit(req)
        let period = try SKMPeriod.parse(req)
        let scope = try await ReportScope.resolve(
            req, unitParam: try unit.requireID().uuidString, policy: AccessPolicy.serviceScope)
        let report = try await SKMReportQueries.load(scope: scope, period: period, on: req.db)
        try await SKMFollowUpService.setPublished(
            publish, snapshot: report.asPublished(at: req.now), unit: unit, period: period, actor: try req.actor,
            at: req.now, on: req.db)
        return try await SKMReportQueries.load(scope: scope, period: period, on: req.db)
    }
}
