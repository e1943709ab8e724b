import Fluent
import SQLKit

/// A response's review (who, when, why it was rejected or restored) and the kiosk that sent it.
struct AddSurveyResponseReview: AsyncMigration {
    var name: String { "029_AddSurveyResponseReview" }
    func prepare(on db: any Database) async throws {
        // One column per ALTER: SQLite adds one at a time.
        try await db.schema("survey_responses").field("kiosk_id", .uuid).update()
        try await db.schema("survey_responses").field("reviewed_at", .datetime).update()
        try await db.schema("survey_responses").field("review_reason", .string).update()
        // The hourly erasure of old sender hashes reads by time.
        try await db.sql.create(index: "idx_survey_submitted_at").on("survey_responses").column("submitted_at").run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_survey_submitted_at").run()
        try await db.schema("survey_responses").deleteField("review_reason").update()
        try await db.schema("survey_responses").deleteField("reviewed_at").update()
        try await db.schema("survey_responses").deleteField("kiosk_id").update()
    }
}
