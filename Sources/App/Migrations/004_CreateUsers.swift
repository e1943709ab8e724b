import Fluent
import Foundation
import KompetenCore

struct CreateUsers: AsyncMigration {
    var name: String { "004_CreateUsers" }
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("instansi_id", .uuid, .references("instansi", .id))
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .references("units", .id))
            .field("employee_id", .uuid, .references("employees", .id))
            .field("is_active", .bool, .required)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "username")
            .create()
        try await db.schema("user_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("login_failures")
            .id()
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("login_failures").delete()
        try await db.schema("user_tokens").delete()
        try await db.schema("users").delete()
    }
}
