import Fluent
import Foundation
import KompetenCore

/// One row of a unit's rencana tindak lanjut for an SKM period (migration 051). The period is
/// `SKMReportPeriod.key`, so a running quarter's plan stays the quarter's plan.
final class SKMFollowUpAction: Model, @unchecked Sendable {
    static let schema = "skm_follow_up_actions"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    /// The row's place in the table (0-based), as the unit ordered it.
    @Field(key: "position") var position: Int
    /// `U1`…`U9`.
    @Field(key: "element") var element: String
    @Field(key: "action") var action: String
    /// `yyyy-mm-dd`.
    @Field(key: "due") var due: String
    /// The position (jabatan) in charge, as the unit writes it.
    @Field(key: "responsible") var responsible: String
    /// `SKMFollowUpStatus` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    /// Row `position` of the unit's table for the period key `from`…`to`.
    init(
        _ row: SKMReport.Action, position: Int, instansiID: UUID, unitID: UUID, from: SimpleDate, to: SimpleDate,
        by user: UUID?, at now: Date
    ) {
        id = UUID()
        self.instansiID = instansiID
        self.unitID = unitID
        periodFrom = from.iso
        periodTo = to.iso
        self.position = position
        element = row.element
        action = row.action
        due = row.due
        responsible = row.responsible
        status = row.status
        updatedBy = user
        updatedAt = now
    }
}

/// The published state of a unit's SKM report for a period, and what the public reads: a
/// snapshot of the report (JSON of `SKMReport`, no suggestion text) taken when it was published,
/// so a published figure never changes afterwards (an Ombudsman reviewer compares it with the
/// printed report). Withdrawing keeps the row (`draf`) and drops the snapshot.
final class SKMReportRecord: Model, @unchecked Sendable {
    static let schema = "skm_reports"
    static let draft = "draf"
    static let published = "terbit"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "state") var state: String
    @OptionalField(key: "snapshot") var snapshot: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: UUID?
    init() {}
}
