import Fluent
import KompetenCore
import Vapor

/// `/api/v1/providers`: training institutions.
enum ProvidersAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("providers", use: list)
        api.post("providers", use: create)
        api.get("providers", ":id", use: show)
        api.put("providers", ":id", use: update)
    }

    static func list(req: Request) async throws -> [ProviderDTO] {
        try await ProviderService.list(try req.actor, on: req.db).map(ProviderDTO.init)
    }

    static func show(req: Request) async throws -> ProviderDTO {
        ProviderDTO(try await ProviderService.find(try req.parameters.require("id"), try req.actor, on: req.db))
    }

    static func create(req: Request) async throws -> Response {
        let p = try await ProviderService.create(try req.content.decode(ProviderInput.self), actor: try req.actor, at: req.now, on: req.db)
        return try await ProviderDTO(p).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> ProviderDTO {
        let input = try req.content.decode(ProviderInput.self)
        return ProviderDTO(try await ProviderService.update(try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db))
    }
}
