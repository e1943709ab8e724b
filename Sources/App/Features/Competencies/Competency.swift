import Fluent
import Foundation
import KompetenCore

/// A competency of the dictionary (kamus kompetensi): the national manajerial and sosial
/// kultural ones (seeded into every instansi) and the teknis ones the instansi defines.
final class Competency: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "competencies"
    static var instansiKey: KeyPath<Competency, FieldProperty<Competency, UUID>> { \Competency.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "group") var group: String
    @Field(key: "definition") var definition: String
    /// The field (bidang urusan) of a teknis competency, e.g. administrasi kependudukan.
    @OptionalField(key: "field") var field: String?
    @Field(key: "is_national") var isNational: Bool
    /// A competency in use is never deleted, only retired: history keeps pointing at it.
    @OptionalField(key: "retired_at") var retiredAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var competencyGroup: CompetencyGroup { CompetencyGroup(rawValue: group) ?? .teknis }
}

/// One of the five levels of a competency, with its behavioural indicators.
final class CompetencyLevel: Model, @unchecked Sendable {
    static let schema = "competency_levels"

    @ID(key: .id) var id: UUID?
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "level") var level: Int
    @Field(key: "description") var description: String
    /// JSON array of strings.
    @Field(key: "indicators") var indicatorsJSON: String

    init() {}

    var indicators: [String] {
        get { (try? JSONDecoder().decode([String].self, from: Data(indicatorsJSON.utf8))) ?? [] }
        set { indicatorsJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}

struct CreateCompetencies: AsyncMigration {
    var name: String { "007_CreateCompetencies" }
    func prepare(on db: any Database) async throws {
        try await db.schema(Competency.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("group", .string, .required)
            .field("definition", .string, .required)
            .field("field", .string)
            .field("is_national", .bool, .required)
            .field("retired_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .create()
        try await db.schema(CompetencyLevel.schema)
            .id()
            .field("competency_id", .uuid, .required, .references(Competency.schema, .id, onDelete: .cascade))
            .field("level", .int, .required)
            .field("description", .string, .required)
            .field("indicators", .string, .required)
            .unique(on: "competency_id", "level")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(CompetencyLevel.schema).delete()
        try await db.schema(Competency.schema).delete()
    }
}
