import Fluent
import Foundation

struct CreateAuditEntries: AsyncMigration {
    var name: String { "005_CreateAuditEntries" }
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("instansi_id", .uuid)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("at", .datetime, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("summary", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_entries").delete() }
}
