import Fluent
import SQLKit

/// `022_CreateWebSessions`: the table above; Fluent's `_fluent_sessions` is dropped (its rows
/// are anonymous visits and sessions that cannot be mapped to users; everyone signs in again).
struct CreateWebSessions: AsyncMigration {
    var name: String { "022_CreateWebSessions" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.create(table: WebSessionDriver.table)
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text)
            .column("data", type: .text, .notNull)
            .column("created_at", type: .float64, .notNull)
            .column("seen_at", type: .float64, .notNull)
            .run()
        try await sql.create(index: "idx_web_sessions_user").on(WebSessionDriver.table).column("user_id").run()
        try await sql.create(index: "idx_web_sessions_seen").on(WebSessionDriver.table).column("seen_at").run()
        try await SessionRecord.migration.revert(on: db).get()
    }

    func revert(on db: any Database) async throws {
        try await SessionRecord.migration.prepare(on: db).get()
        let sql = try db.sql
        try await sql.drop(index: "idx_web_sessions_seen").run()
        try await sql.drop(index: "idx_web_sessions_user").run()
        try await sql.drop(table: WebSessionDriver.table).run()
    }
}

/// `023_AddTemporaryPasswords`: an admin may mark a password as temporary; it must be replaced
/// at the next login. Existing accounts are not affected (default false).
struct AddTemporaryPasswords: AsyncMigration {
    var name: String { "023_AddTemporaryPasswords" }

    func prepare(on db: any Database) async throws {
        // Nullable (NULL = false): Fluent writes NULL for the field when code creating a user
        // leaves it unset, and a NOT NULL column would refuse that.
        try await db.schema(User.schema).field("must_change_password", .bool, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("must_change_password").update()
    }
}

/// `024_CreateLoginThrottle`: counters updated by compare-and-swap (`LoginThrottleStore`)
/// replace the list of failures in `login_failures`, which could not be counted atomically.
struct CreateLoginThrottle: AsyncMigration {
    var name: String { "024_CreateLoginThrottle" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.create(table: LoginThrottleStore.table)
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("failures", type: .int, .notNull)
            .column("window_start", type: .float64, .notNull)
            .column("last_at", type: .float64, .notNull)
            .column("version", type: .int, .notNull)
            .run()
        try await sql.create(index: "idx_login_attempts_last").on(LoginThrottleStore.table).column("last_at").run()
        try await db.schema(LoginFailure.schema).delete()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql
        // As 004 and 006 made it.
        try await db.schema(LoginFailure.schema)
            .id()
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await sql.create(index: "idx_login_failures_username_at").on(LoginFailure.schema).column("username").column("at").run()
        try await sql.create(index: "idx_login_failures_address_at").on(LoginFailure.schema).column("address").column("at").run()
        try await sql.drop(index: "idx_login_attempts_last").run()
        try await sql.drop(table: LoginThrottleStore.table).run()
    }
}
