import Fluent

/// Issue 18: the optional free-text suggestion (saran) of an SKM response.
struct AddSurveySuggestion: AsyncMigration {
    var name: String { "049_AddSurveySuggestion" }

    func prepare(on db: any Database) async throws {
        try await db.schema("survey_responses").field("suggestion", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("survey_responses").deleteField("suggestion").update()
    }
}
