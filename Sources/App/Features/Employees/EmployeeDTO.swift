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
    /// TMT CPNS while the employee is a CPNS (`employmentType` is then `CPNS`).
    let cpnsTmt: String?
    /// TMT jabatan: the appointment to the position held.
    let positionTmt: String?

    init(_ e: Employee) {
        id = e.id!
        nip = e.nip
        name = e.name
        employmentType =
            EmploymentStatus.of(employmentType: e.employmentType, cpnsStart: e.cpnsTMT)?.rawValue
            ?? e.employmentType
        cpnsTmt = e.cpnsTMT
        positionTmt = e.positionTMT
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
    /// TMT jabatan `yyyy-mm-dd`; omitted keeps the stored one while the position stays, "" clears it.
    var positionTmt: String?
}

struct EmployeeSnapshot: Encodable {
    let nip: String, name: String, employmentType: String, rank: String, unitId: UUID, positionId: UUID?,
        supervisorId: UUID?, active: Bool
    let cpnsTmt: String?, positionTmt: String?
    init(_ e: Employee) {
        cpnsTmt = e.cpnsTMT
        positionTmt = e.positionTMT
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
