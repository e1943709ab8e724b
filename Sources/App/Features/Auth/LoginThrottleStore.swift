import Foundation
import KompetenCore
import SQLKit
import Vapor

/// The login throttle's counters (`login_attempts`), one row per key, shared by every app
/// instance on the database. Each change is a compare-and-swap on `version` (an UPDATE that
/// succeeds only if nobody changed the row since it was read, retried otherwise), so the rule
/// stays in `LoginThrottle` while two parallel guesses can never both take the last slot —
/// on SQLite and PostgreSQL alike.
enum LoginThrottleStore {
    static let table = "login_attempts"

    private struct Row: Decodable {
        let failures: Int
        let window_start: Double
        let last_at: Double
        let version: Int
    }

    /// Reserves a slot in `key`'s counter (see `LoginThrottle.reserve`).
    static func reserve(_ key: String, _ rule: LoginThrottle, now: Date, on sql: any SQLDatabase) async throws
        -> LoginThrottle.Decision
    {
        try await change(key, on: sql) { counter in
            let decision = rule.reserve(counter, now: now)
            if case .allowed(let next) = decision { return (next, decision) }
            return (nil, decision)
        }
    }

    /// Gives back a slot reserved for an attempt that was not a failure.
    static func release(_ key: String, _ rule: LoginThrottle, on sql: any SQLDatabase) async throws {
        try await change(key, on: sql) { counter in (counter.map(rule.release), ()) }
    }

    /// Forgets a counter (after a successful login).
    static func clear(_ key: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("key", .equal, SQLBind(key)).run()
    }

    /// Counters untouched for a day carry no information any more (hourly housekeeping).
    static func purge(before: Date, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("last_at", .lessThan, SQLBind(before.timeIntervalSince1970)).run()
    }

    /// Reads the counter, lets `transform` decide, and writes its new state only if the row is
    /// still the one read; retried from the read otherwise. `nil` from `transform` writes nothing.
    private static func change<R>(
        _ key: String, on sql: any SQLDatabase,
        _ transform: (LoginThrottle.Counter?) -> (LoginThrottle.Counter?, R)
    ) async throws -> R {
        for _ in 0..<200 {
            let row = try await sql.select().columns("failures", "window_start", "last_at", "version").from(table)
                .where("key", .equal, SQLBind(key)).first(decoding: Row.self)
            let current = row.map {
                LoginThrottle.Counter(
                    failures: $0.failures, windowStart: Date(timeIntervalSince1970: $0.window_start),
                    last: Date(timeIntervalSince1970: $0.last_at))
            }
            let (next, result) = transform(current)
            guard let next, next != current else { return result }
            let written: [any SQLRow]
            if let row {
                written = try await sql.update(table)
                    .set("failures", to: SQLBind(next.failures))
                    .set("window_start", to: SQLBind(next.windowStart.timeIntervalSince1970))
                    .set("last_at", to: SQLBind(next.last.timeIntervalSince1970))
                    .set("version", to: SQLBind(row.version + 1))
                    .where("key", .equal, SQLBind(key)).where("version", .equal, SQLBind(row.version))
                    .returning("key").all()
            } else {
                written = try await sql.insert(into: table)
                    .columns("key", "failures", "window_start", "last_at", "version")
                    .values(
                        SQLBind(key), SQLBind(next.failures), SQLBind(next.windowStart.timeIntervalSince1970),
                        SQLBind(next.last.timeIntervalSince1970), SQLBind(1)
                    )
                    .ignoringConflicts(with: ["key"])
                    .returning("key").all()
            }
            if !written.isEmpty { return result }
            await Task.yield()
        }
        // Hundreds of lost races in a row: something is hammering this key. Refusing is safe.
        throw Abort(.serviceUnavailable, reason: "Terlalu banyak percobaan masuk bersamaan. Coba lagi sebentar lagi.")
    }
}
