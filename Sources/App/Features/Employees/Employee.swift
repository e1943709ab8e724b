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
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Raised by every save through the form, the API or an import (migration 026): an edit form
    /// carries the version it showed, so a save over someone else's newer one is refused.
    @OptionalField(key: "version") var version: Int?

    init() {}
}

struct CreateEmployees: AsyncMigration {
    var name: String { "003_CreateEmployees" }
    func prepare(on db: any Database) async throws {
        try await db.schema(Employee.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("nip", .string, .required)
            .field("nik", .string)
            .field("name", .string, .required)
            .field("sex", .int, .required)
            .field("birth_date", .string, .required)
            .field("employment_type", .string, .required)
            .field("rank", .string, .required)
            .field("supervisor_id", .uuid, .references(Employee.schema, .id))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "nip")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Employee.schema).delete() }
}
