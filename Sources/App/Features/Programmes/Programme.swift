import Fluent
import Foundation
import KompetenCore

/// A programme of the catalogue: what it raises, how long (JP), what it costs per participant.
final class Programme: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "programs"
    static var instansiKey: KeyPath<Programme, FieldProperty<Programme, UUID>> { \Programme.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "provider_id") var providerID: UUID
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "form") var form: String
    /// KL01…KL12 / NKL01…NKL13; nil for pendidikan.
    @OptionalField(key: "path") var path: String?
    @Field(key: "jp") var jp: Int
    /// Rupiah, whole.
    @Field(key: "cost_per_participant") var costPerParticipant: Int
    /// Seats per batch (the default for a new batch).
    @Field(key: "capacity") var capacity: Int
    /// Attendance (%) a participant needs to complete without a stated reason (migration 047).
    @Field(key: "min_attendance_percent") var minimumAttendance: Int
    @Field(key: "description") var description: String
    /// LAN's accreditation of the programme (migration 058): `A`, `B`, `C` or `belum`, with the
    /// certificate number and its expiry (ISO date; nil while not accredited).
    @Field(key: "lan_accreditation") var lanAccreditation: String
    @Field(key: "lan_accreditation_number") var lanAccreditationNumber: String
    @OptionalField(key: "lan_accreditation_until") var lanAccreditationUntil: String?
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// The mandatory training a completion fulfils (`MandatoryKind`, migration 055); nil for
    /// ordinary training.
    @OptionalField(key: "mandatory_kind") var mandatoryKind: String?

    /// A new programme starts at the default minimum; one read from the database replaces it
    /// (Fluent clears the input value on output), so an edit never rewrites it unasked.
    init() {
        minimumAttendance = CompletionRule.defaultMinimumAttendance
        lanAccreditation = Accreditation.belum.rawValue
        lanAccreditationNumber = ""
    }

    var developmentForm: DevelopmentForm { DevelopmentForm(rawValue: form) ?? .klasikal }
}

/// A competency the programme raises, and by how many levels.
final class ProgrammeCompetency: Model, @unchecked Sendable {
    static let schema = "program_competencies"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programmeID: UUID
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "level_gain") var levelGain: Int

    init() {}
    init(programmeID: UUID, competencyID: UUID, levelGain: Int) {
        id = UUID()
        self.programmeID = programmeID
        self.competencyID = competencyID
        self.levelGain = levelGain
    }
}

/// A batch (angkatan) of a programme: dates, seats, place or online.
final class Batch: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "batches"
    static var instansiKey: KeyPath<Batch, FieldProperty<Batch, UUID>> { \Batch.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "program_id") var programmeID: UUID
    @Field(key: "name") var name: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "place") var place: String
    @Field(key: "is_online") var isOnline: Bool
    /// Seats taken (enrolled or completed). Kept by a conditional UPDATE so two requests for the
    /// last seat cannot both succeed, on SQLite and on PostgreSQL alike.
    @Field(key: "seats_taken") var seatsTaken: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
