import Foundation
import KompetenCore
import Vapor

/// An employee as the API shows it (no NIK: personal data stays in the admin's pages).
struct EmployeeDTO: Content {
    let id: UUID
    let nip: String
    let name: String
    let employmentType: String
    let rank: String
    let unitId: UUID
    let positionId: UUID?
    let supervisorId: UUID?
    let active: Bool
    /// Send it back in a PUT: a save over a newer version is a 409.
    let version: Int

    init(_ e: Employee) {
        id = e.id!
        nip = e.nip
        name = e.name
        employmentType = e.employmentType
        rank = e.rank
        unitId = e.unitID
        positionId = e.positionID
        supervisorId = e.supervisorID
        active = e.isActive
        version = e.version ?? 0
    }
}

struct EmployeeInput: Content {
    var nip: String
    var name: String
    var employmentType: String
    var rank: String
    var unitId: UUID
    var positionId: UUID?
    var supervisorId: UUID?
    var nik: String?
    var active: Bool?
    /// The version the client edited (from a GET); omitted: no check.
    var version: Int?
}

struct EmployeeSnapshot: Encodable {
    let nip: String, name: String, employmentType: String, rank: String, unitId: UUID, positionId: UUID?,
        supervisorId: UUID?, active: Bool
    init(_ e: Employee) {
        nip = e.nip
        name = e.name
        employmentType = e.employmentType
        rank = e.rank
        unitId = e.unitID
        positionId = e.positionID
        supervisorId = e.supervisorID
        active = e.isActive
    }
}
