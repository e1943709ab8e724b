import Fluent
import Foundation
import KompetenCore

/// The annual development plan of an instansi (Ps 207), one per year. Not `DevelopmentPlan`,
/// which is one employee's individual plan.
final class InstansiPlan: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "instansi_plans"
    static var instansiKey: KeyPath<InstansiPlan, FieldProperty<InstansiPlan, UUID>> { \InstansiPlan.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "status") var status: String
    /// 0 for the first version; N after the N-th revision was opened.
    @Field(key: "revision") var revision: Int
    @Field(key: "budget") var budget: Int
    @OptionalField(key: "decree_number") var decreeNumber: String?
    @OptionalField(key: "decree_date") var decreeDate: String?
    @OptionalField(key: "adopted_by") var adoptedBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var planStatus: InstansiPlanStatus { InstansiPlanStatus(rawValue: status) ?? .draf }
}

/// One activity of the plan: who (an OPD and a number of people), what (competency, programme,
/// form, path, provider), when (quarter, optionally month) and at what cost.
final class InstansiPlanItem: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "instansi_plan_items"
    static var instansiKey: KeyPath<InstansiPlanItem, FieldProperty<InstansiPlanItem, UUID>> {
        \InstansiPlanItem.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "opd_id") var opdID: UUID
    @OptionalField(key: "competency_id") var competencyID: UUID?
    @OptionalField(key: "program_id") var programmeID: UUID?
    @OptionalField(key: "provider_id") var providerID: UUID?
    @Field(key: "title") var title: String
    /// `DevelopmentForm`: klasikal, nonklasikal or pendidikan (the plan's totals per jalur).
    @Field(key: "form") var form: String
    /// The finer path code of the catalogue (KL03, NKL01…); empty for pendidikan.
    @Field(key: "path") var path: String
    @Field(key: "quarter") var quarter: Int
    @OptionalField(key: "month") var month: Int?
    @Field(key: "participants") var participants: Int
    /// Who the places are for, in words ("JF Perawat Ahli Pertama", "pejabat pengawas baru").
    @Field(key: "target_group") var targetGroup: String
    /// JP per participant.
    @Field(key: "jp") var jp: Int
    /// Total cost of the item, Rupiah.
    @Field(key: "cost") var cost: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var line: InstansiPlanLine {
        InstansiPlanLine(
            opdID: opdID, form: DevelopmentForm(rawValue: form) ?? .klasikal, quarter: quarter,
            participants: participants, jp: jp, cost: cost, programmeID: programmeID)
    }
}

/// Revision N of a plan: why it was opened, and the adopted version it replaced (JSON).
final class InstansiPlanRevision: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "instansi_plan_revisions"
    static var instansiKey: KeyPath<InstansiPlanRevision, FieldProperty<InstansiPlanRevision, UUID>> {
        \InstansiPlanRevision.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "reason") var reason: String
    @Field(key: "snapshot") var snapshot: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
