import Fluent
import Foundation
import KompetenCore

/// A public service of one unit (layanan publik) with its service standard (standar pelayanan).
/// Named `PublicService` so it never reads as a Vapor service.
final class PublicService: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "services"
    static var instansiKey: KeyPath<PublicService, FieldProperty<PublicService, UUID>> { \PublicService.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// Unique within the instansi, e.g. `DUKCAPIL-KTP`.
    @Field(key: "code") var code: String
    /// The public short link `/s/{shortCode}`: unique across instansi, lower case.
    @Field(key: "short_code") var shortCode: String
    @Field(key: "name") var name: String
    @Field(key: "standard_minutes") var standardMinutes: Int
    /// As the standard states it ("1 hari", "60 menit").
    @Field(key: "standard_text") var standardText: String
    /// Rupiah; adminduk services are free by law (UU 24/2013).
    @Field(key: "fee") var fee: Int
    /// One requirement per line.
    @Field(key: "requirements") var requirements: String
    @Field(key: "legal_basis") var legalBasis: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var requirementList: [String] {
        requirements.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A position whose holders deliver a service (the staff the public meets at the counter).
final class ServicePosition: Model, @unchecked Sendable {
    static let schema = "service_positions"
    @ID(key: .id) var id: UUID?
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "position_id") var positionID: UUID
    init() {}
    init(serviceID: UUID, positionID: UUID) {
        self.id = UUID()
        self.serviceID = serviceID
        self.positionID = positionID
    }
}

/// One month of one service: imported as a monthly report, or summarised from the month's
/// imported transactions (`source` = `transactions`). Reports read these rows only.
final class ServiceMonth: Model, @unchecked Sendable {
    static let schema = "service_months"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// `yyyy-mm`.
    @Field(key: "month") var month: String
    @Field(key: "received") var received: Int
    @Field(key: "completed") var completed: Int
    @Field(key: "on_time") var onTime: Int
    @OptionalField(key: "mean_minutes") var meanMinutes: Double?
    @OptionalField(key: "median_minutes") var medianMinutes: Double?
    @OptionalField(key: "p90_minutes") var p90Minutes: Double?
    @Field(key: "backlog") var backlog: Int
    /// Tickets received in the month, still open when the tickets were imported and already past
    /// the standard then: late, so they count against the on-time share. Nil (= 0) for months
    /// from a monthly report, whose on-time count the unit worked out itself. Added by 044.
    @OptionalField(key: "overdue_open") var overdueOpen: Int?
    /// Median and P90 in working days of the month's completed tickets (`WorkingCalendar`); nil
    /// for a monthly report. Added by 045.
    @OptionalField(key: "median_working_days") var medianWorkingDays: Double?
    @OptionalField(key: "p90_working_days") var p90WorkingDays: Double?
    /// `aggregate` or `transactions`.
    @Field(key: "source") var source: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// One ticket of one service: when it was received and completed.
final class ServiceTransaction: Model, @unchecked Sendable {
    static let schema = "service_transactions"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "ticket") var ticket: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "completed_at") var completedAt: Date?
    /// Whole minutes from received to completed; nil while open.
    @OptionalField(key: "minutes") var minutes: Int?
    /// `loket`, `daring` or `jemput_bola`.
    @Field(key: "channel") var channel: String
    init() {}
}

/// One SKM response (PermenPANRB 14/2017): the nine answers and the optional respondent profile.
/// A flagged response (`flag`) still counts until an operator rejects it (`status`).
final class SurveyResponse: Model, @unchecked Sendable {
    static let schema = "survey_responses"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// The service's unit, kept on the row so a unit's IKM is one indexed read.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "submitted_at") var submittedAt: Date
    /// The WITA date, `yyyy-mm-dd`: periods filter on it.
    @Field(key: "submitted_on") var submittedOn: String
    @OptionalField(key: "u1") var u1: Int?
    @OptionalField(key: "u2") var u2: Int?
    @OptionalField(key: "u3") var u3: Int?
    @OptionalField(key: "u4") var u4: Int?
    @OptionalField(key: "u5") var u5: Int?
    @OptionalField(key: "u6") var u6: Int?
    @OptionalField(key: "u7") var u7: Int?
    @OptionalField(key: "u8") var u8: Int?
    @OptionalField(key: "u9") var u9: Int?
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "age_band") var ageBand: String?
    @OptionalField(key: "education") var education: String?
    @OptionalField(key: "occupation") var occupation: String?
    /// The respondent's optional suggestion (saran): read by the unit, never published verbatim,
    /// erased with the profile after the retention period.
    @OptionalField(key: "suggestion") var suggestion: String?
    /// `daring` (public page), `kios` (counter kiosk), `kertas` (paper, entered by the operator).
    @Field(key: "channel") var channel: String
    /// A hash of the sender's address and browser: duplicate detection without keeping either.
    @OptionalField(key: "client_hash") var clientHash: String?
    /// `duplicate`, `repeat_sender` or `honeypot` (`SurveyFlag`); nil when nothing looked odd.
    @OptionalField(key: "flag") var flag: String?
    /// `counted` or `rejected`.
    @Field(key: "status") var status: String
    @OptionalField(key: "entered_by") var enteredBy: UUID?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    /// Why it was last rejected or restored (required for either).
    @OptionalField(key: "review_reason") var reviewReason: String?
    /// The registered counter kiosk that sent it (channel `kios`).
    @OptionalField(key: "kiosk_id") var kioskID: UUID?
    init() {}

    var answers: [Int?] { [u1, u2, u3, u4, u5, u6, u7, u8, u9] }

    /// Nine answers in U1…U9 order; nil = not answered (paper forms only).
    func setAnswers(_ a: [Int?]) {
        precondition(a.count == 9)
        u1 = a[0]
        u2 = a[1]
        u3 = a[2]
        u4 = a[3]
        u5 = a[4]
        u6 = a[5]
        u7 = a[6]
        u8 = a[7]
        u9 = a[8]
    }

    /// The stored `SurveyResponseStatus` raw values, for queries and writes.
    static let counted = SurveyResponseStatus.counted.rawValue
    static let rejected = SurveyResponseStatus.rejected.rawValue
}

/// The follow-up plan (rencana tindak lanjut) a unit writes into its SKM report for a period.
final class SKMFollowUp: Model, @unchecked Sendable {
    static let schema = "skm_follow_ups"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "plan") var plan: String
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// A counter kiosk of a unit. The key is shown once when registered; only its SHA-256 is kept.
final class SurveyKiosk: Model, @unchecked Sendable {
    static let schema = "survey_kiosks"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    /// The unit whose services it may send responses for (its own, or every service of the OPD
    /// when registered for the OPD itself).
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoked_by") var revokedBy: UUID?
    init() {}
}
