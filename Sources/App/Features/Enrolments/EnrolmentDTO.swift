import Foundation
import Vapor

struct EnrolmentInput: Content {
    var employeeId: UUID
    /// When the batch is full: true puts the employee on the waiting list, otherwise 409.
    var waitlist: Bool?
    var planItemId: UUID?
}

struct CompletionInput: Content {
    var certificateNumber: String
    /// Needed unless attendance was recorded before.
    var attendancePercent: Int?
    /// Why a participant under the programme's minimum attendance still completes.
    var reason: String? = nil
}

struct AttendanceInput: Content {
    var attendancePercent: Int
}

struct EnrolmentDTO: Content, Equatable {
    let id: UUID
    let batchId: UUID
    let programId: UUID
    let employeeId: UUID
    let status: String
    let attendancePercent: Int?
    let certificateNumber: String?
    let completedOn: String?
    let actualCost: Int?

    init(_ e: Enrolment) {
        id = e.id!
        batchId = e.batchID
        programId = e.programmeID
        employeeId = e.employeeID
        status = e.status
        attendancePercent = e.attendancePercent
        certificateNumber = e.certificateNumber
        completedOn = e.completedOn
        actualCost = e.actualCost
    }
}

struct JPDTO: Content, Equatable {
    let year: Int
    let jp: Int
    /// 20 for a PNS (the right); 0 for a PPPK, who has no minimum but a cap.
    let minimum: Int
    /// 24 for a PPPK; nil for a PNS.
    let maximum: Int?
    let met: Bool
    let status: String
}

struct LearningInput: Content {
    var title: String
    var path: String
    var organiser: String
    var startDate: String
    var endDate: String
    var jp: Int
    /// `latsar`, `pkp`, `pka` or `pkn2` when this learning fulfils a mandatory training (e.g. a
    /// PKA followed at another instansi's BPSDM); counted once the supervisor verified it.
    var mandatoryKind: String? = nil
}

struct LearningDTO: Content, Equatable {
    let id: UUID
    let employeeId: UUID
    let title: String
    let path: String
    let organiser: String
    let startDate: String
    let endDate: String
    let jp: Int
    let status: String
    let reason: String?
    let mandatoryKind: String?

    init(_ l: LearningRecord) {
        id = l.id!
        employeeId = l.employeeID
        title = l.title
        path = l.path
        organiser = l.organiser
        startDate = l.startDate
        endDate = l.endDate
        jp = l.jp
        status = l.status
        reason = l.reason
        mandatoryKind = l.mandatoryKind
    }
}
