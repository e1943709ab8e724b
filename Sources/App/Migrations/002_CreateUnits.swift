import Fluent
import Foundation
import KompetenCore

struct CreateUnits: AsyncMigration {
    var name: String { "002_CreateUnits" }
    func prepare(on db: any Database) async throws {
        try await db.schema("units")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("parent_id", .uuid, .references("units", .id))
            .field("opd_id", .uuid, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("units").delete() }
}
