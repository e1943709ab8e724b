import Fluent
import Foundation

struct CreateInstansi: AsyncMigration {
    var name: String { "001_CreateInstansi" }
    func prepare(on db: any Database) async throws {
        try await db.schema("instansi")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("instansi").delete() }
}
