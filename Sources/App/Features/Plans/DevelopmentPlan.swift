import Fluent
import Foundation
import KompetenCore

/// An employee's individual development plan for one year.
final class DevelopmentPlan: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "development_plans"
    static var instansiKey: KeyPath<DevelopmentPlan, FieldProperty<DevelopmentPlan, UUID>> {
        \DevelopmentPlan.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "rejection_reason") var rejectionReason: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var planStatus: PlanStatus { PlanStatus(rawValue: status) ?? .draft }
}

enum PlanItemSource: String, Codable, CaseIterable {
    case tna, employee, optimiser, `operator`

    var label: String {
        switch self {
        case .tna: "Analisis kebutuhan"
        case .employee: "Usulan pegawai"
        case .optimiser: "Rencana tahunan BKPPD"
        case .operator: "Usulan operator/BKPPD"
        }
    }
}

/// One activity of a plan: a catalogue programme, or a free-text activity (e.g. coaching by the head of unit).
final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @OptionalField(key: "program_id") var programmeID: UUID?
    @OptionalField(key: "competency_id") var competencyID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "jp") var jp: Int
    @Field(key: "estimated_cost") var estimatedCost: Int
    @Field(key: "source") var source: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
