import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// State changes that succeed once. A record read a moment ago may have been changed since by
/// another request (two clicks on "Batalkan", two tabs, a retrying client), so the change is made
/// by a conditional UPDATE that names the state it expects — `UPDATE … SET status = new WHERE
/// id = ? AND status = expected` — and only the request whose UPDATE changed the row goes on.
/// Call it inside the transaction that does the follow-up work (freeing a seat, crediting JP):
/// on PostgreSQL the second UPDATE waits for the first one's row lock and then finds the status
/// changed; SQLite runs one writer at a time.
enum StateTransition {
    /// True when this call moved the row from one of `expected` to `new`.
    static func claim(_ table: String, id: UUID, from expected: [String], to new: String, on db: any Database)
        async throws -> Bool
    {
        let sql = try db.sql
        let rows = try await sql.update(table)
            .set("status", to: SQLBind(new))
            .where("id", .equal, SQLBind(id))
            .where("status", .in, SQLBind.group(expected))
            .returning("id")
            .all()
        return rows.count == 1
    }

    /// As `claim`, but a lost race is a 409 with `reason` (the API's JSON error; the web pages
    /// turn it into a flash message).
    static func require(
        _ table: String, id: UUID, from expected: [String], to new: String, conflict reason: String,
        on db: any Database
    ) async throws {
        guard try await claim(table, id: id, from: expected, to: new, on: db) else {
            throw Abort(.conflict, reason: reason)
        }
    }

    /// Optimistic locking for edit forms: bumps `version` by one, and when the client said which
    /// version it edited, only if that is still the stored one. Returns the new version; nil:
    /// someone saved in between.
    static func bumpVersion(_ table: String, id: UUID, expected: Int?, on db: any Database) async throws -> Int? {
        let sql = try db.sql
        // NULL counts as 0: SQLite stores NULL for a row inserted without the column (its INSERT
        // has no DEFAULT keyword), PostgreSQL the column's default 0.
        let current = SQLFunction("COALESCE", args: SQLColumn("version"), SQLLiteral.numeric("0"))
        var update = sql.update(table)
            .set("version", to: SQLBinaryExpression(current, .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(id))
        if let expected { update = update.where(current, .equal, SQLBind(expected)) }
        guard let row = try await update.returning("version").first() else { return nil }
        return try row.integer("version")
    }

    /// As `bumpVersion`, but a stale save throws `StaleEdit` (409).
    static func requireVersion(_ table: String, id: UUID, expected: Int?, on db: any Database) async throws -> Int {
        guard let version = try await bumpVersion(table, id: id, expected: expected, on: db) else { throw StaleEdit() }
        return version
    }

    /// Runs a transaction again when SQLite refused it because another connection was writing
    /// (SQLITE_BUSY/LOCKED: with a shared cache SQLite does not wait for the lock). The rerun
    /// sees the other transaction's result, so a lost race ends in the conditional update's 409,
    /// not in a 503. PostgreSQL waits for row locks itself; its errors pass through.
    static func retryingLocks<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do { return try await body() } catch let error as SQLiteError
                where [.busy, .locked].contains(error.reason) && attempt < 40
            {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64.random(in: 1_000_000...15_000_000))
            }
        }
    }

    /// What a stale save answers (API 409; the web form is shown again with the typed values).
    static let staleReason =
        "Data ini sudah diubah oleh pengguna lain sejak formulir dibuka. Periksa isian Anda, lalu simpan lagi untuk menimpa perubahan itu, atau muat ulang halaman."
}

/// A save based on an outdated version of the record (409). The web forms catch it and show the
/// form again with what the user typed.
struct StaleEdit: AbortError {
    var status: HTTPResponseStatus { .conflict }
    var reason: String { StateTransition.staleReason }
}
