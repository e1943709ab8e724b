import Fluent
import Foundation
import SQLKit

/// Migration 026: the audit log's `changes` column, and the version counters that let edit forms
/// notice a save made by someone else since the form was opened.
struct AddAuditChangesAndVersions: AsyncMigration {
    var name: String { "026_AuditChangesAndVersions" }
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries").field("changes", .string).update()
        // Nullable (read as 0): Fluent inserts a model that leaves a field unset with DEFAULT, which
        // SQLite renders as NULL — a NOT NULL column would refuse every such insert.
        try await db.schema("employees").field("version", .int, .sql(.default(0))).update()
        try await db.schema("positions").field("version", .int, .sql(.default(0))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("positions").deleteField("version").update()
        try await db.schema("employees").deleteField("version").update()
        try await db.schema("audit_entries").deleteField("changes").update()
    }
}
