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
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .provider).require() // access before the body is read
        let p = try await ProviderService.create(
            try req.content.decode(ProviderInput.self), actor: actor, at: req.now, on: req.db)
        return try await ProviderDTO(p).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> ProviderDTO {
        let actor = try req.actor
        // Access first (the rule, then the record), the body after.
        try AccessPolicy.providers(actor, .write).require()
        let p = try await ProviderService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(ProviderInput.self)
        return ProviderDTO(
            try await ProviderService.update(p.requireID(), input, actor: actor, at: req.now, on: req.db))
    }
}
