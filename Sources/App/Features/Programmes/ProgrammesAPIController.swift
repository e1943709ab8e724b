import Fluent
import KompetenCore
import Vapor

/// `/api/v1/programs`: the catalogue and its batches.
enum ProgrammesAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("programs", use: list)
        api.post("programs", use: create)
        api.get("programs", ":id", use: show)
        api.put("programs", ":id", use: update)
        api.get("programs", ":id", "batches", use: batches)
        api.post("programs", ":id", "batches", use: createBatch)
    }

    struct ListQuery: Content {
        var page: Int?
        var per: Int?
        var providerId: UUID?
        var competencyCode: String?
        var form: String?
        var includeInactive: Bool?
    }

    static func list(req: Request) async throws -> PagedResponse<ProgrammeDTO> {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: params.page, per: params.per, defaultPer: 100)
        let query = try await ProgrammeQueries.filtered(
            actor, providerID: params.providerId, competencyCode: params.competencyCode,
            form: params.form, includeInactive: params.includeInactive == true, on: req.db)
        let total = try await query.count()
        let items = try await query.sort(\.$code).range(paging.offset..<(paging.offset + paging.per)).all()
        return PagedResponse(
            items: try await ProgrammeService.dtos(items, on: req.db),
            metadata: .init(page: paging.page, per: paging.per, total: total))
    }

    static func show(req: Request) async throws -> ProgrammeDTO {
        let p = try await ProgrammeService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return try await ProgrammeService.dtos([p], on: req.db)[0]
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .programme).require() // access before the body is read
        let p = try await ProgrammeService.create(
            try req.content.decode(ProgrammeInput.self), actor: actor, at: req.now, on: req.db)
        return try await ProgrammeService.dtos([p], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> ProgrammeDTO {
        let actor = try req.actor
        // Access to the record first: a stranger's body is never validated (no 422 naming fields).
        let found = try await ProgrammeService.find(try req.parameters.require("id"), actor, .write, on: req.db)
        let input = try req.content.decode(ProgrammeInput.self)
        let p = try await ProgrammeService.update(found.requireID(), input, actor: actor, at: req.now, on: req.db)
        return try await ProgrammeService.dtos([p], on: req.db)[0]
    }

    static func batches(req: Request) async throws -> [BatchDTO] {
        let p = try await ProgrammeService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return try await ProgrammeQueries.batches(of: p.requireID(), on: req.db).map(BatchDTO.init)
    }

    static func createBatch(req: Request) async throws -> Response {
        let actor = try req.actor
        // access before the body
        let programme = try await ProgrammeService.find(try req.parameters.require("id"), actor, .write, on: req.db)
        let input = try req.content.decode(BatchInput.self)
        let b = try await ProgrammeService.createBatch(
            programmeID: programme.requireID(), input, actor: actor, at: req.now, on: req.db)
        return try await BatchDTO(b).encodeResponse(status: .created, for: req)
    }
}
