import Fluent
import Foundation
import KompetenCore

struct CreateInstansiSettings: AsyncMigration {
    var name: String { "011_CreateInstansiSettings" }
    func prepare(on db: any Database) async throws {
        try await db.schema("instansi_settings")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("jpm_formula", .string, .required)
            .field("jpm_purpose", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("instansi_settings").delete() }
}
