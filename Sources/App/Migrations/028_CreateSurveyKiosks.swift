import Fluent
import SQLKit

/// Counter kiosks registered for a unit: a device many residents use one after another, which
/// sends the survey with its own key (only the key's hash is kept).
struct CreateSurveyKiosks: AsyncMigration {
    var name: String { "028_CreateSurveyKiosks" }
    func prepare(on db: any Database) async throws {
        try await db.schema("survey_kiosks")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("unit_id", .uuid, .required, .references("units", .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid)
            .unique(on: "key_hash")
            .create()
        try await db.sql.create(index: "idx_survey_kiosks_instansi_unit").on("survey_kiosks").column("instansi_id")
            .column("unit_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_survey_kiosks_instansi_unit").run()
        try await db.schema("survey_kiosks").delete()
    }
}
