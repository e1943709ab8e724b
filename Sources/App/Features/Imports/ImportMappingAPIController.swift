import KompetenCore
import Vapor

/// `/api/v1/import-mappings`: the saved column mappings an import's `?mapping=` names.
enum ImportMappingAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("import-mappings", use: list)
        api.post("import-mappings", use: create)
        api.delete("import-mappings", ":id", use: remove)
    }

    /// The instansi's mappings of the kinds the caller may import (`?kind=` for one kind).
    static func list(req: Request) async throws -> [SavedImportMapping] {
        let actor = try req.actor
        try ImportMappingService.requireAnyKind(actor)
        var kinds = ImportsController.Kind.allCases.filter { $0.access(actor).isAllowed }
        if let raw = try? req.query.get(String.self, at: "kind") {
            let kind = try ImportMappingService.kind(raw)
            try kind.access(actor).require()
            kinds = [kind]
        }
        return try await ImportMappingQueries.list(kinds, actor, on: req.db)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try ImportMappingService.requireAnyKind(actor) // before the body is read
        let made = try await ImportMappingService.create(
            try req.content.decode(ImportMappingService.Input.self), actor: actor, at: req.now, on: req.db)
        return try await made.encodeResponse(status: .created, for: req)
    }

    static func remove(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        try ImportMappingService.requireAnyKind(actor)
        _ = try await ImportMappingService.delete(
            try req.parameters.require("id"), actor: actor, at: req.now, on: req.db)
        return .noContent
    }
}
