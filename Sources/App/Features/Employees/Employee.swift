import Fluent
import Foundation
import KompetenCore

/// A civil servant (ASN: PNS or PPPK). The basic record; positions and assessments attach to it.
final class Employee: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "employees"
    static var instansiKey: KeyPath<Employee, FieldProperty<Employee, UUID>> { \Employee.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "nip") var nip: String
    /// NIK is personal data: shown masked in lists and exports, in full to `admin` only.
    @OptionalField(key: "nik") var nik: String?
    @Field(key: "name") var name: String
    @Field(key: "sex") var sex: Int
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "employment_type") var employmentType: String
    @Field(key: "rank") var rank: String
    @OptionalField(key: "supervisor_id") var supervisorID: UUID?
    /// Talent potential: the mean counted level of the managerial and socio-cultural competencies
    /// (TalentPotential keeps it in step with the profile; nil before any such result).
    @OptionalField(key: "potential_score") var potentialScore: Double?
    /// Added by migration 009.
    @OptionalField(key: "position_id") var positionID: UUID?
    @Field(key: "is_active") var isActive: Bool
    /// TMT CPNS (`yyyy-mm-dd`, migration 055): set while the employee is a CPNS on probation
    /// (Latsar is due within it); cleared when they are appointed PNS. The NIP of a CPNS is
    /// already a PNS NIP, so CPNS is this date, not a third employment type.
    @OptionalField(key: "cpns_tmt") var cpnsTMT: String?
    /// TMT jabatan (`yyyy-mm-dd`, migration 055): the appointment to the position held, from
    /// which PKP/PKA/PKN II are due. Not the assignment row's date, which is when it was recorded.
    @OptionalField(key: "position_tmt") var positionTMT: String?
    /// Jabatan tujuan: the post the person is being prepared for (migration 061).
    @OptionalField(key: "target_position_id") var targetPositionID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Raised by every save through the form, the API or an import (migration 026): an edit form
    /// carries the version it showed, so a save over someone else's newer one is refused.
    @OptionalField(key: "version") var version: Int?

    init() {}
}
