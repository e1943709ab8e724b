import Fluent
import Foundation
import KompetenCore

/// An employee in a batch: enrolled (a seat), waitlisted, completed (certificate, JP credited) or cancelled.
final class Enrolment: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "enrolments"
    static var instansiKey: KeyPath<Enrolment, FieldProperty<Enrolment, UUID>> { \Enrolment.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "batch_id") var batchID: UUID
    @Field(key: "program_id") var programmeID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "attendance_percent") var attendancePercent: Int?
    @OptionalField(key: "certificate_number") var certificateNumber: String?
    @OptionalField(key: "certificate_file_id") var certificateFileID: UUID?
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "plan_item_id") var planItemID: UUID?
    /// What the place actually cost, Rupiah (the budget the instansi plan's realisation absorbs).
    @OptionalField(key: "actual_cost") var actualCost: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var enrolmentStatus: EnrolmentStatus { EnrolmentStatus(rawValue: status) ?? .enrolled }
}

/// One line of an employee's JP ledger: a completed enrolment or verified outside learning.
/// The year is that of the activity's end date (JPActivity's rule), fixed when credited.
final class JPCredit: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "jp_credits"
    static var instansiKey: KeyPath<JPCredit, FieldProperty<JPCredit, UUID>> { \JPCredit.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "jp") var jp: Int
    @Field(key: "end_date") var endDate: String
    /// `enrolment` or `learning`.
    @Field(key: "source") var source: String
    /// The enrolment or learning record: unique, so nothing is credited twice.
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "title") var title: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A re-assessment due for a competency a completed programme raised (default 6 months after).
final class ReassessmentDue: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "reassessment_dues"
    static var instansiKey: KeyPath<ReassessmentDue, FieldProperty<ReassessmentDue, UUID>> {
        \ReassessmentDue.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "closed_assessment_id") var closedAssessmentID: UUID?
    /// The current level just before the closing result, and that result: did the level rise?
    @OptionalField(key: "level_before") var levelBefore: Int?
    @OptionalField(key: "level_after") var levelAfter: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Learning outside the catalogue (a webinar, e-learning from elsewhere): its JP count only
/// after the supervisor verified the evidence.
final class LearningRecord: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "learning_records"
    static var instansiKey: KeyPath<LearningRecord, FieldProperty<LearningRecord, UUID>> { \LearningRecord.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "title") var title: String
    @Field(key: "path") var path: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "jp") var jp: Int
    @OptionalField(key: "evidence_id") var evidenceID: UUID?
    @Field(key: "status") var status: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    /// The mandatory training this outside learning fulfils once verified (migration 055).
    @OptionalField(key: "mandatory_kind") var mandatoryKind: String?

    init() {}

    var learningStatus: LearningStatus { LearningStatus(rawValue: status) ?? .submitted }
}
