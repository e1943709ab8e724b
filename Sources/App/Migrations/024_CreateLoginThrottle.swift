import Fluent
import SQLKit

/// `024_CreateLoginThrottle`: counters updated by compare-and-swap (`LoginThrottleStore`)
/// replace the list of failures in `login_failures`, which could not be counted atomically.
struct CreateLoginThrottle: AsyncMigration {
    var name: String { "024_CreateLoginThrottle" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.create(table: "login_attempts")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("failures", type: .int, .notNull)
            .column("window_start", type: .float64, .notNull)
            .column("last_at", type: .float64, .notNull)
            .column("version", type: .int, .notNull)
            .run()
        try await sql.create(index: "idx_login_attempts_last").on("login_attempts").column("last_at").run()
        try await db.schema("login_failures").delete()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql
        // As 004 and 006 made it.
        try await db.schema("login_failures")
            .id()
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await sql.create(index: "idx_login_failures_username_at").on("login_failures").column("username").column(
            "at"
        ).run()
        try await sql.create(index: "idx_login_failures_address_at").on("login_failures").column("address").column("at")
            .run()
        try await sql.drop(index: "idx_login_attempts_last").run()
        try await sql.drop(table: "login_attempts").run()
    }
}
