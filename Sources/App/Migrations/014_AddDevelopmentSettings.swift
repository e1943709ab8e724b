import Fluent
import SQLKit

/// A provider login acts for one institution; the development rules become settings.
struct AddDevelopmentSettings: AsyncMigration {
    var name: String { "014_AddDevelopmentSettings" }
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("provider_id", .uuid, .references("providers", .id)).update()
        try await db.schema("instansi_settings").field("reassessment_months", .int, .required, .sql(.default(6)))
            .update()
        try await db.schema("instansi_settings").field("competency_weights", .string, .required, .sql(.default("{}")))
            .update()
        try await db.schema("instansi_settings").field("front_line_units", .string, .required, .sql(.default("")))
            .update()
        try await db.schema("instansi_settings").field("front_line_multiplier", .double, .required, .sql(.default(2.0)))
            .update()
    }
    func revert(on db: any Database) async throws {
        for field in ["front_line_multiplier", "front_line_units", "competency_weights", "reassessment_months"] {
            try await db.schema("instansi_settings").deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.schema("users").deleteField("provider_id").update()
    }
}
