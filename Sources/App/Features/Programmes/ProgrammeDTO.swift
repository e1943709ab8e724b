import Foundation
import KompetenCore
import Vapor

struct RaiseDTO: Content, Equatable {
    let competencyCode: String
    let levelGain: Int
}

struct ProgrammeInput: Content {
    var code: String
    var title: String
    var form: String
    var path: String?
    var providerId: UUID
    var competencies: [RaiseDTO]
    var jp: Int
    var costPerParticipant: Int
    var capacity: Int
    var description: String?
    var active: Bool?
    /// Attendance (%) needed to complete without a reason; default 90.
    var minimumAttendance: Int? = nil
    /// The mandatory training a completion fulfils: `latsar`, `pkp`, `pka`, `pkn2`; omitted or
    /// null for ordinary training.
    var mandatoryKind: String? = nil
    /// LAN's programme accreditation: `A`, `B`, `C` or `belum`; left out on an update = unchanged.
    var lanAccreditation: String? = nil
    var lanAccreditationNumber: String? = nil
    /// ISO date the accreditation holds until (inclusive).
    var lanAccreditationUntil: String? = nil
}

struct ProgrammeDTO: Content, Equatable {
    let id: UUID
    let code: String
    let title: String
    let form: String
    let path: String?
    let providerId: UUID
    let competencies: [RaiseDTO]
    let jp: Int
    let costPerParticipant: Int
    let capacity: Int
    let description: String
    let active: Bool
    let minimumAttendance: Int
    let mandatoryKind: String?
    let lanAccreditation: String
    let lanAccreditationNumber: String
    let lanAccreditationUntil: String?

    init(_ p: Programme, raises: [RaiseDTO]) {
        id = p.id!
        code = p.code
        title = p.title
        form = p.form
        path = p.path
        providerId = p.providerID
        competencies = raises
        jp = p.jp
        costPerParticipant = p.costPerParticipant
        capacity = p.capacity
        description = p.description
        active = p.isActive
        minimumAttendance = p.minimumAttendance
        mandatoryKind = p.mandatoryKind
        lanAccreditation = p.lanAccreditation
        lanAccreditationNumber = p.lanAccreditationNumber
        lanAccreditationUntil = p.lanAccreditationUntil
    }
}

struct BatchInput: Content {
    var name: String
    var startDate: String
    var endDate: String
    var capacity: Int?
    var place: String?
    var online: Bool?
}

struct BatchDTO: Content, Equatable {
    let id: UUID
    let programId: UUID
    let name: String
    let startDate: String
    let endDate: String
    let capacity: Int
    let place: String
    let online: Bool
    let seatsTaken: Int

    init(_ b: Batch) {
        id = b.id!
        programId = b.programmeID
        name = b.name
        startDate = b.startDate
        endDate = b.endDate
        capacity = b.capacity
        place = b.place
        online = b.isOnline
        seatsTaken = b.seatsTaken
    }
}
