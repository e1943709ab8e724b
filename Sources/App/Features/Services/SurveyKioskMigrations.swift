import Fluent
import SQLKit

/// Counter kiosks registered for a unit: a device many residents use one after another, which
/// sends the survey with its own key (only the key's hash is kept).
struct CreateSurveyKiosks: AsyncMigration {
    var name: String { "028_CreateSurveyKiosks" }
    func prepare(on db: any Database) async throws {
        try await db.schema(SurveyKiosk.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid)
            .unique(on: "key_hash")
            .create()
        try await db.sql.create(index: "idx_survey_kiosks_instansi_unit").on(SurveyKiosk.schema).column("instansi_id").column("unit_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_survey_kiosks_instansi_unit").run()
        try await db.schema(SurveyKiosk.schema).delete()
    }
}

/// A response's review (who, when, why it was rejected or restored) and the kiosk that sent it.
struct AddSurveyResponseReview: AsyncMigration {
    var name: String { "029_AddSurveyResponseReview" }
    func prepare(on db: any Database) async throws {
        // One column per ALTER: SQLite adds one at a time.
        try await db.schema(SurveyResponse.schema).field("kiosk_id", .uuid).update()
        try await db.schema(SurveyResponse.schema).field("reviewed_at", .datetime).update()
        try await db.schema(SurveyResponse.schema).field("review_reason", .string).update()
        // The hourly erasure of old sender hashes reads by time.
        try await db.sql.create(index: "idx_survey_submitted_at").on(SurveyResponse.schema).column("submitted_at").run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_survey_submitted_at").run()
        try await db.schema(SurveyResponse.schema).deleteField("review_reason").update()
        try await db.schema(SurveyResponse.schema).deleteField("reviewed_at").update()
        try await db.schema(SurveyResponse.schema).deleteField("kiosk_id").update()
    }
}
