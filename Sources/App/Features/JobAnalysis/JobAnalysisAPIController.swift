import Fluent
import KompetenCore
import Vapor

/// `/api/v1/positions/{id}/job-analysis` and `/api/v1/units/{id}/workload` (anjab and ABK).
enum JobAnalysisAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("positions", ":id", "job-analysis", use: show)
        api.put("positions", ":id", "job-analysis", use: update)
        api.get("units", ":id", "workload", use: workload)
    }

    static func show(req: Request) async throws -> JobAnalysisDTO {
        let p = try await PositionService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return try await JobAnalysisPage.dto(p, on: req.db)
    }

    static func update(req: Request) async throws -> JobAnalysisDTO {
        let actor = try req.actor
        // Access to the record first: a stranger's body is never validated.
        let p = try await PositionService.find(try req.parameters.require("id"), actor, .write, on: req.db)
        let input = try req.content.decode(JobAnalysisInput.self)
        let analysis = try input.parse(kind: p.positionKind)
        try await JobAnalysisService.save(
            analysis, for: p, expectedVersion: input.version, actor: actor, at: req.now, on: req.db)
        return try await JobAnalysisPage.dto(try await PositionService.find(p.id, actor, .read, on: req.db), on: req.db)
    }

    static func workload(req: Request) async throws -> WorkloadDTO {
        let actor = try req.actor
        let unit = try await UnitService.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        if case .failure(let denied) = AccessPolicy.reportScope(actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        let report = try await JobAnalysisPage.workload(of: unit, on: req.db)
        return try report.dto(unitID: unit.requireID())
    }
}

/// The reads the API and the pages share.
enum JobAnalysisPage {
    static func dto(_ p: Position, on db: any Database) async throws -> JobAnalysisDTO {
        let (analysis, record) = try await JobAnalysisQueries.analysis(of: p.requireID(), on: db)
        let hours = try await JobAnalysisQueries.effectiveHours(p.instansiID, on: db)
        let holders = try await JobAnalysisQueries.holderCount(p.requireID(), on: db)
        return try JobAnalysisDTO(p, analysis, record: record, effectiveHours: hours, holders: holders)
    }

    /// ABK of a unit with its sub-units.
    static func workload(of unit: Unit, on db: any Database) async throws -> WorkloadReport {
        let ids = try await GapEngine.subtree(of: unit, on: db)
        let names = Dictionary(
            uniqueKeysWithValues: try await UnitQueries.units(Set(ids), on: db).map { (try $0.requireID(), $0.name) })
        let (hours, lines) = try await JobAnalysisQueries.workload(
            instansiID: unit.instansiID, unitIDs: ids, unitNames: names, on: db)
        return WorkloadReport(effectiveHours: hours, lines: lines)
    }
}
