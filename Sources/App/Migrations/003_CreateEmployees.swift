import Fluent
import Foundation
import KompetenCore

struct CreateEmployees: AsyncMigration {
    var name: String { "003_CreateEmployees" }
    func prepare(on db: any Database) async throws {
        try await db.schema("employees")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("nip", .string, .required)
            .field("nik", .string)
            .field("name", .string, .required)
            .field("sex", .int, .required)
            .field("birth_date", .string, .required)
            .field("employment_type", .string, .required)
            .field("rank", .string, .required)
            .field("supervisor_id", .uuid, .references("employees", .id))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "nip")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("employees").delete() }
}
