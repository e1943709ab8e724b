import Fluent
import KompetenCore
import Vapor

/// `/api/v1/positions`: positions with their competency standards.
enum PositionsAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("positions", use: list)
        api.post("positions", use: create)
        api.get("positions", ":id", use: show)
        api.put("positions", ":id", use: update)
    }

    struct ListQuery: Content {
        var page: Int?
        var per: Int?
        var unitId: UUID?
        var kind: String?
        /// true: key positions only (JPT, administrator and those BKPPD marked).
        var key: Bool?
    }

    static func list(req: Request) async throws -> PagedResponse<PositionDTO> {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: params.page, per: params.per)
        var query = try await PositionQueries.visible(actor, on: req.db)
        if let unit = params.unitId { query = query.filter(\.$unitID == unit) }
        if let kind = params.kind {
            guard PositionKind(rawValue: kind) != nil else {
                throw ValidationFailure(errors: [.init(field: "kind", message: "Jenis jabatan tidak dikenal.")])
            }
            query = query.filter(\.$kind == kind)
        }
        if params.key == true { query = PositionQueries.keyOnly(query) }
        let total = try await query.count()
        let positions = try await query.sort(\.$code).range(paging.offset..<(paging.offset + paging.per)).all()
        let standards = try await PositionService.standards(of: positions.map { try $0.requireID() }, on: req.db)
        let items = try positions.map { p in
            try PositionDTO(
                id: p.requireID(), code: p.code, name: p.name, kind: p.positionKind, unitId: p.unitID,
                summary: p.summary,
                duties: p.dutyList, standards: standards[p.requireID()] ?? [], version: p.version ?? 0,
                keyPosition: p.isKey)
        }
        return PagedResponse(items: items, metadata: .init(page: paging.page, per: paging.per, total: total))
    }

    static func show(req: Request) async throws -> PositionDTO {
        let p = try await PositionService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return try await PositionService.dto(p, on: req.db)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .position).require() // access before the body is read
        let input = try req.content.decode(PositionInput.self)
        let p = try await PositionService.create(input, actor: actor, at: req.now, on: req.db)
        return try await PositionService.dto(p, on: req.db).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> PositionDTO {
        let actor = try req.actor
        // Access to the record first: a stranger's body is never validated (no 422 naming fields).
        let found = try await PositionService.find(try req.parameters.require("id"), actor, .write, on: req.db)
        let input = try req.content.decode(PositionInput.self)
        let p = try await PositionService.update(found.requireID(), input, actor: actor, at: req.now, on: req.db)
        return try await PositionService.dto(p, on: req.db)
    }
}
