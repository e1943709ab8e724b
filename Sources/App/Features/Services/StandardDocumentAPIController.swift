import Foundation
import KompetenCore
import Vapor

/// The full standar pelayanan over the API: `GET/PUT /api/v1/services/{id}/standard` and
/// `GET …/standard/versions`. Reading: whoever may read the service; writing: whoever may
/// change its time standard (`AccessPolicy.changeServiceStandard`), checked before the body is read.
enum StandardDocumentAPIController {
    static func register(api: any RoutesBuilder) {
        api.get("services", ":id", "standard", use: show)
        api.put("services", ":id", "standard", use: update)
        api.get("services", ":id", "standard", "versions", use: versions)
    }

    static func show(req: Request) async throws -> StandardDocumentDTO {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        return try await dto(s, req)
    }

    static func versions(req: Request) async throws -> [StandardVersionDTO] {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        return StandardVersionDTO.list(
            try await ServiceStandardDocumentQueries.versions(s.requireID(), on: req.db), today: WITA.today(req.now))
    }

    static func update(req: Request) async throws -> StandardDocumentDTO {
        // Authorise first (manageService), then read the body, then the date rule.
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let input = try req.content.decode(StandardDocumentInput.self)
        let saved = try await StandardDocumentSave.run(input, s, unit: unit, req)
        return try await dto(s, req, version: saved.version)
    }

    private static func dto(_ s: PublicService, _ req: Request, version: Int? = nil) async throws
        -> StandardDocumentDTO
    {
        guard
            let state = try await ServiceStandardDocumentQueries.state(
                s, today: WITA.today(req.now), version: version, on: req.db)
        else { throw Abort(.notFound, reason: "Layanan ini belum memiliki standar pelayanan.") }
        return StandardDocumentDTO(state, serviceID: try s.requireID())
    }
}

/// Parse, the backdating rule, write: shared by the API and the form.
enum StandardDocumentSave {
    @discardableResult
    static func run(_ input: StandardDocumentInput, _ s: PublicService, unit: Unit, _ req: Request) async throws
        -> ServiceStandardDocument
    {
        let today = WITA.today(req.now)
        let dictionary = try await ServiceStandardDocumentQueries.dictionary(s.instansiID, on: req.db)
        let (from, content) = try input.parse(today: today, knownCodes: dictionary.active)
        try req.authorize(
            AccessPolicy.changeServiceStandard(
                try req.actor, ServiceCatalogue.placement(s, unit: unit), effectiveFrom: from, today: today))
        return try await ServiceStandardDocuments.save(
            s, content, effectiveFrom: from, actor: try req.actor, at: req.now, on: req.db)
    }
}
