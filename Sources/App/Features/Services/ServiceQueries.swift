import Fluent
import Foundation

/// The service catalogue's read side (the figures are `ServiceRecordQueries`, the surveys `SurveyQueries`).
enum ServiceQueries {
    /// Every service of the instansi, active or not.
    static func all(instansiID: UUID, on db: any Database) async throws -> [PublicService] {
        try await PublicService.query(on: db).filter(\.$instansiID == instansiID).all()
    }

    /// The instansi's active services by code.
    static func active(instansiID: UUID, on db: any Database) async throws -> [PublicService] {
        try await PublicService.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true)
            .sort(\.$code).all()
    }

    /// The active service behind a survey link (`/s/{code}`; the code is matched in lower case).
    static func active(shortCode: String, on db: any Database) async throws -> PublicService? {
        try await PublicService.query(on: db).filter(\.$shortCode == shortCode.lowercased())
            .filter(\.$isActive == true).first()
    }

    /// The active service with this id (the kiosks' API).
    static func active(id: UUID, on db: any Database) async throws -> PublicService? {
        try await PublicService.query(on: db).filter(\.$id == id).filter(\.$isActive == true).first()
    }

    /// The units that run the instansi's services and their OPDs, by name.
    static func servingUnits(instansiID: UUID, on db: any Database) async throws -> [Unit] {
        let services = try await all(instansiID: instansiID, on: db)
        let serviceUnits = try await UnitQueries.units(Set(services.map(\.unitID)), on: db)
        let ids = try Set(serviceUnits.flatMap { try [$0.requireID(), $0.opdID] })
        return try await Unit.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    /// The service ↔ position links of these services.
    static func positionLinks(serviceIDs: [UUID], on db: any Database) async throws -> [ServicePosition] {
        try await ServicePosition.query(on: db).filter(\.$serviceID ~~ serviceIDs).all()
    }

    /// The positions linked to a service, by name.
    static func positions(of serviceID: UUID, on db: any Database) async throws -> [Position] {
        try await Position.query(on: db).filter(\.$id ~~ (try await ServiceCatalogue.positionIDs(serviceID, on: db)))
            .sort(\.$name).all()
    }

    /// The codes of the positions linked to a service, in no particular order.
    static func positionCodes(of serviceID: UUID, on db: any Database) async throws -> [String] {
        try await Position.query(on: db).filter(\.$id ~~ (try await ServiceCatalogue.positionIDs(serviceID, on: db)))
            .all(\.$code)
    }

    /// The instansi's positions with these codes (the service form names its positions by code).
    static func positions(instansiID: UUID, codes: [String], on db: any Database) async throws -> [Position] {
        try await Position.query(on: db).filter(\.$instansiID == instansiID).filter(\.$code ~~ codes).all()
    }
}
