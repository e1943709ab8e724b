import Fluent
import KompetenCore
import Vapor

/// `/api/v1/units`: the organisation tree as JSON.
enum UnitsAPIController {
    static func register(_ api: any RoutesBuilder) {
        let units = api.grouped("units")
        units.get(use: list)
        units.post(use: create)
        units.get(":id", use: show)
        units.put(":id", use: update)
        units.delete(":id", use: delete)
    }

    struct ListQuery: Content {
        var page: Int?
        var per: Int?
        var parentId: UUID?
        var q: String?
    }

    static func list(req: Request) async throws -> PagedResponse<UnitDTO> {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: params.page, per: params.per)
        if let q = params.q, q.unicodeScalars.count > 100 {
            throw ValidationFailure(errors: [
                .init(field: "q", message: "Kata kunci pencarian paling panjang 100 karakter.")
            ])
        }
        let (units, total) = try await UnitQueries.page(
            actor, parentID: params.parentId, search: params.q?.trimmingCharacters(in: .whitespaces),
            range: paging.offset..<(paging.offset + paging.per), on: req.db)
        return PagedResponse(
            items: units.map(UnitDTO.init), metadata: .init(page: paging.page, per: paging.per, total: total))
    }

    static func show(req: Request) async throws -> UnitDTO {
        UnitDTO(try await UnitService.find(try req.parameters.require("id"), for: try req.actor, .read, on: req.db))
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .unit).require() // access before the body: no 422 for who may create nothing
        let input = try req.content.decode(UnitInput.self)
        let unit = try await UnitService.create(input, actor: actor, at: req.now, on: req.db)
        return try await UnitDTO(unit).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> UnitDTO {
        let actor = try req.actor
        // Access to the record first: a stranger's body is never validated (no 422 naming fields).
        let unit = try await UnitService.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let input = try req.content.decode(UnitInput.self)
        return UnitDTO(try await UnitService.update(unit.requireID(), input, actor: actor, at: req.now, on: req.db))
    }

    static func delete(req: Request) async throws -> HTTPStatus {
        try await UnitService.delete(try req.parameters.require("id"), actor: try req.actor, at: req.now, on: req.db)
        return .noContent
    }
}
