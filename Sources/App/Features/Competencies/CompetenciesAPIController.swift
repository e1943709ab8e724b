import Fluent
import KompetenCore
import Vapor

/// `/api/v1/competencies`: the dictionary.
enum CompetenciesAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("competencies", use: list)
        api.post("competencies", use: create)
        api.get("competencies", ":id", use: show)
    }

    struct ListQuery: Content {
        var group: String?
        var includeRetired: Bool?
    }

    static func list(req: Request) async throws -> [CompetencyDTO] {
        let actor = try req.actor
        try req.authorize(AccessPolicy.competencies(actor, .read))
        let params = try req.query.decode(ListQuery.self)
        if let group = params.group, CompetencyGroup(rawValue: group) == nil {
            throw ValidationFailure(errors: [
                .init(field: "group", message: "Kelompok harus teknis, manajerial atau sosial_kultural.")
            ])
        }
        let competencies = try await CompetencyQueries.list(
            actor, group: params.group, includeRetired: params.includeRetired == true, on: req.db)
        let levels = try await CompetencyService.levels(of: competencies.map { try $0.requireID() }, on: req.db)
        return try competencies.map { try CompetencyDTO($0, levels: levels[$0.requireID()] ?? []) }
    }

    static func show(req: Request) async throws -> CompetencyDTO {
        let c = try await CompetencyService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return try CompetencyDTO(
            c, levels: (try await CompetencyService.levels(of: [c.requireID()], on: req.db))[c.requireID()] ?? [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .competency).require() // access before the body is read
        let input = try req.content.decode(CompetencyInput.self)
        let c = try await CompetencyService.create(input, actor: actor, at: req.now, on: req.db)
        let dto = try CompetencyDTO(
            c, levels: (try await CompetencyService.levels(of: [c.requireID()], on: req.db))[c.requireID()] ?? [])
        return try await dto.encodeResponse(status: .created, for: req)
    }
}
