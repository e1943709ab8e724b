import Fluent
import SQLKit

/// `023_AddTemporaryPasswords`: an admin may mark a password as temporary; it must be replaced
/// at the next login. Existing accounts are not affected (default false).
struct AddTemporaryPasswords: AsyncMigration {
    var name: String { "023_AddTemporaryPasswords" }

    func prepare(on db: any Database) async throws {
        // Nullable (NULL = false): Fluent writes NULL for the field when code creating a user
        // leaves it unset, and a NOT NULL column would refuse that.
        try await db.schema("users").field("must_change_password", .bool, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("must_change_password").update()
    }
}
