import Foundation
import SQLKit

/// A named lease in the database: whoever holds an unexpired lease may do the work it guards
/// (run a scheduled job, load the demo, migrate). Several instances race for it with one
/// statement each, so exactly one wins; a holder that dies simply lets it expire.
enum JobLease {
    static let table = "job_leases"

    /// Idempotent: every instance calls it on start, before anything else touches the database.
    static func createTable(on sql: any SQLDatabase) async throws {
        func create() async throws {
            try await sql.create(table: table).ifNotExists()
                .column("name", type: .text, .primaryKey(autoIncrement: false))
                .column("holder", type: .text, .notNull)
                .column("expires_at", type: .float64, .notNull)
                .run()
        }
        do { try await create() } catch {
            // Two PostgreSQL sessions creating the same table at the same instant: one fails on
            // the catalogue's unique index even with IF NOT EXISTS. The second try sees it.
            try await Task.sleep(nanoseconds: 300_000_000)
            try await create()
        }
    }

    /// Takes the lease until `now + ttl` if it is free or expired. Not even its own holder takes
    /// it again while it runs: two tasks of one instance must not both hold it.
    static func acquire(_ name: String, holder: String, ttl: TimeInterval, now: Date, on sql: any SQLDatabase)
        async throws -> Bool
    {
        let expires = now.addingTimeInterval(ttl).timeIntervalSince1970
        let inserted = try await sql.insert(into: table)
            .columns("name", "holder", "expires_at")
            .values(SQLBind(name), SQLBind(holder), SQLBind(expires))
            .ignoringConflicts(with: ["name"])
            .returning("name")
            .all()
        if !inserted.isEmpty { return true }
        let taken = try await sql.update(table)
            .set("holder", to: SQLBind(holder))
            .set("expires_at", to: SQLBind(expires))
            .where("name", .equal, SQLBind(name))
            .where("expires_at", .lessThan, SQLBind(now.timeIntervalSince1970))
            .returning("name")
            .all()
        return !taken.isEmpty
    }

    /// Gives the lease back early (only if this holder still has it).
    static func release(_ name: String, holder: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("name", .equal, SQLBind(name)).where("holder", .equal, SQLBind(holder))
            .run()
    }

    /// Waits (polling) until the lease is ours, then runs `work` and releases it. Used where every
    /// instance must wait its turn, e.g. first-start bootstrap, rather than skip.
    static func withLease<T>(
        _ name: String, holder: String, ttl: TimeInterval, pollEvery: TimeInterval = 1,
        on sql: any SQLDatabase, _ work: () async throws -> T
    ) async throws -> T {
        while try await !acquire(name, holder: holder, ttl: ttl, now: Date(), on: sql) {
            try await Task.sleep(nanoseconds: UInt64(pollEvery * 1_000_000_000))
        }
        do {
            let result = try await work()
            try? await release(name, holder: holder, on: sql)
            return result
        } catch {
            try? await release(name, holder: holder, on: sql)
            throw error
        }
    }
}
