import Fluent
import Foundation
import KompetenCore

/// A complaint (pengaduan) a resident filed about one public service. The tracking code is the
/// resident's only key to it; the name and contact are optional, shown only to the handling unit
/// and BKPPD, and erased after the retention period (`personalErasedAt` says when).
final class Complaint: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "complaints"
    static var instansiKey: KeyPath<Complaint, FieldProperty<Complaint, UUID>> { \Complaint.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// The OPD that delivers the service (the service's unit's OPD), for scope and the figures.
    @Field(key: "opd_id") var opdID: UUID
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "text") var text: String
    @OptionalField(key: "name") var name: String?
    @OptionalField(key: "contact") var contact: String?
    /// `ComplaintStatus` raw value.
    @Field(key: "status") var status: String
    /// Filled the honeypot field: kept for the unit to look at, like a flagged SKM response.
    @Field(key: "flagged") var flagged: Bool
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "replied_at") var repliedAt: Date?
    @OptionalField(key: "first_reply_at") var firstReplyAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    /// A competency of the dictionary the complaint points at (e.g. M.5 Pelayanan Publik), so it
    /// can be read as a development signal for the delivering unit.
    @OptionalField(key: "competency_code") var competencyCode: String?
    @OptionalField(key: "personal_erased_at") var personalErasedAt: Date?
    /// Raised by every change: a transition or reply is a conditional update on it.
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var complaintStatus: ComplaintStatus { ComplaintStatus(rawValue: status) ?? .received }
    var placement: Placement { Placement(instansiID: instansiID, opdID: opdID) }
}
