import Foundation
import KompetenCore
import Vapor

/// A complaint as the handling unit and BKPPD see it (API). The name and contact are here because
/// only those who may handle the complaint can read this.
struct ComplaintDTO: Content {
    let id: UUID
    let trackingCode: String
    let serviceId: UUID
    let serviceName: String
    let opdId: UUID
    let text: String
    let name: String?
    let contact: String?
    let status: ComplaintStatus
    let flagged: Bool
    let receivedAt: Date
    let reply: String?
    let repliedAt: Date?
    let firstReplyAt: Date?
    let closedAt: Date?
    let rejectReason: String?
    let competencyCode: String?
    let personalErased: Bool
    let version: Int

    init(_ c: Complaint, service: PublicService?) throws {
        id = try c.requireID()
        trackingCode = c.trackingCode
        serviceId = c.serviceID
        serviceName = service?.name ?? ""
        opdId = c.opdID
        text = c.text
        name = c.name
        contact = c.contact
        status = c.complaintStatus
        flagged = c.flagged
        receivedAt = c.receivedAt
        reply = c.reply
        repliedAt = c.repliedAt
        firstReplyAt = c.firstReplyAt
        closedAt = c.closedAt
        rejectReason = c.rejectReason
        competencyCode = c.competencyCode
        personalErased = c.personalErasedAt != nil
        version = c.version
    }
}

/// What anyone holding the tracking code may read: the status, the dates and the unit's answer.
/// Nothing personal, not even the complainant's own name (a code can be overheard or photographed).
struct PublicComplaintDTO: Content {
    let trackingCode: String
    let service: String
    let status: ComplaintStatus
    let statusLabel: String
    let receivedAt: Date
    let reply: String?
    let repliedAt: Date?
    let closedAt: Date?
    let rejectReason: String?

    init(_ c: Complaint, service: PublicService?) {
        trackingCode = c.trackingCode
        self.service = service?.name ?? ""
        status = c.complaintStatus
        statusLabel = c.complaintStatus.label
        receivedAt = c.receivedAt
        reply = c.reply
        repliedAt = c.repliedAt
        closedAt = c.closedAt
        rejectReason = c.rejectReason
    }
}

struct ComplaintInput: Content {
    var text: String?
    var name: String?
    var contact: String?
}

struct ComplaintReplyInput: Content {
    var text: String?
    var competencyCode: String?
}

struct ComplaintTransitionInput: Content {
    var to: String?
    var reason: String?
}
