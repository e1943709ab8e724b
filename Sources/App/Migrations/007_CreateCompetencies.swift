import Fluent
import Foundation
import KompetenCore

struct CreateCompetencies: AsyncMigration {
    var name: String { "007_CreateCompetencies" }
    func prepare(on db: any Database) async throws {
        try await db.schema("competencies")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
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
        try await db.schema("competency_levels")
            .id()
            .field("competency_id", .uuid, .required, .references("competencies", .id, onDelete: .cascade))
            .field("level", .int, .required)
            .field("description", .string, .required)
            .field("indicators", .string, .required)
            .unique(on: "competency_id", "level")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("competency_levels").delete()
        try await db.schema("competencies").delete()
    }
}
