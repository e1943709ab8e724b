import Fluent
import SQLKit

/// `022_CreateWebSessions`: the table above; Fluent's `_fluent_sessions` is dropped (its rows
/// are anonymous visits and sessions that cannot be mapped to users; everyone signs in again).
struct CreateWebSessions: AsyncMigration {
    var name: String { "022_CreateWebSessions" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.create(table: "web_sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text)
            .column("data", type: .text, .notNull)
            .column("created_at", type: .float64, .notNull)
            .column("seen_at", type: .float64, .notNull)
            .run()
        try await sql.create(index: "idx_web_sessions_user").on("web_sessions").column("user_id").run()
        try await sql.create(index: "idx_web_sessions_seen").on("web_sessions").column("seen_at").run()
        try await SessionRecord.migration.revert(on: db).get()
    }

    func revert(on db: any Database) async throws {
        try await SessionRecord.migration.prepare(on: db).get()
        let sql = try db.sql
        try await sql.drop(index: "idx_web_sessions_seen").run()
        try await sql.drop(index: "idx_web_sessions_user").run()
        try await sql.drop(table: "web_sessions").run()
    }
}
