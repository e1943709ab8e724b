import Fluent
import Foundation
import KompetenCore

struct CreatePositions: AsyncMigration {
    var name: String { "008_CreatePositions" }
    func prepare(on db: any Database) async throws {
        try await db.schema("positions")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("duties", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .create()
        try await db.schema("position_standards")
            .id()
            .field("position_id", .uuid, .required, .references("positions", .id, onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references("competencies", .id))
            .field("required_level", .int, .required)
            .unique(on: "position_id", "competency_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("position_standards").delete()
        try await db.schema("positions").delete()
    }
}
