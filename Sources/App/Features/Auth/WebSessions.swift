import Fluent
import Foundation
import SQLKit
import Vapor

/// Web sessions in our own table `web_sessions` instead of Fluent's: the row's id is the
/// SHA-256 of the cookie value (a database leak yields no usable cookie), and `user_id` is a
/// column, so "end every session of this user" (password reset, role change, deactivation)
/// and the hourly purge are one DELETE each.
///
/// Lifetimes are checked here, on read: idle (`KOMPETEN_SESSION_HOURS` since `seen_at`) and
/// absolute (`KOMPETEN_SESSION_MAX_HOURS` since `created_at`, however active). A session is
/// written only when its data changed, or to move `seen_at` on at most once a minute; and an
/// empty session (an anonymous visitor) is never stored.
struct WebSessionDriver: AsyncSessionDriver {
    static let table = "web_sessions"
    /// How stale `seen_at` may get before a request writes it again.
    static let seenResolution: TimeInterval = 60

    private struct Row: Decodable {
        let data: String
        let created_at: Double
        let seen_at: Double
    }
    private struct LoadedKey: StorageKey { typealias Value = (data: SessionData, seenAt: Double) }

    func createSession(_ data: SessionData, for req: Request) async throws -> SessionID {
        guard !data.snapshot.isEmpty else {
            // Nothing worth a row. The middleware still sets a cookie with the id returned:
            // give back the one the browser sent (or a random one that points nowhere).
            return SessionID(string: req.cookies[Self.cookieName]?.string ?? Self.newCookieValue())
        }
        let raw = Self.newCookieValue()
        let now = req.now.timeIntervalSince1970
        try await req.db.sql.insert(into: Self.table)
            .columns("id", "user_id", "data", "created_at", "seen_at")
            .values(
                SQLBind(Self.hash(raw)), SQLBind(data[SessionAuthMiddleware.userKey]), SQLBind(try Self.encode(data)),
                SQLBind(now), SQLBind(now)
            )
            .run()
        req.storage[LoadedKey.self] = (data, now)
        return SessionID(string: raw)
    }

    func readSession(_ sessionID: SessionID, for req: Request) async throws -> SessionData? {
        let id = Self.hash(sessionID.string)
        guard
            let row = try await req.db.sql.select().columns("data", "created_at", "seen_at").from(Self.table)
                .where("id", .equal, SQLBind(id)).first(decoding: Row.self)
        else { return nil }
        let config = req.application.kompeten.config
        let now = req.now.timeIntervalSince1970
        guard now - row.seen_at < config.sessionLifetime, now - row.created_at < config.sessionMaxLifetime else {
            try await req.db.sql.delete(from: Self.table).where("id", .equal, SQLBind(id)).run()
            return nil
        }
        let data = (try? JSONDecoder().decode(SessionData.self, from: Data(row.data.utf8))) ?? SessionData()
        req.storage[LoadedKey.self] = (data, row.seen_at)
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for req: Request) async throws -> SessionID {
        let now = req.now.timeIntervalSince1970
        if let loaded = req.storage[LoadedKey.self], loaded.data == data, now - loaded.seenAt < Self.seenResolution {
            return sessionID // unchanged and seen recently: no write
        }
        // An UPDATE, never an upsert: a session ended meanwhile (password reset) stays ended.
        try await req.db.sql.update(Self.table)
            .set("data", to: SQLBind(try Self.encode(data)))
            .set("user_id", to: SQLBind(data[SessionAuthMiddleware.userKey]))
            .set("seen_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(Self.hash(sessionID.string)))
            .run()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for req: Request) async throws {
        try await req.db.sql.delete(from: Self.table).where("id", .equal, SQLBind(Self.hash(sessionID.string))).run()
    }

    // MARK: Helpers

    static let cookieName = "kompeten_session"

    static func newCookieValue() -> String { [UInt8].random(count: 32).base64URLEncoded }
    static func hash(_ cookieValue: String) -> String { TokenHasher.hash(cookieValue) }
    static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }

    /// Ends every web session of a user (password reset or change, role change, deactivation).
    static func endAll(of userID: UUID, on db: any Database) async throws {
        try await db.sql.delete(from: table).where("user_id", .equal, SQLBind(userID.uuidString)).run()
    }

    /// Deletes sessions past their idle or absolute lifetime (hourly housekeeping).
    @discardableResult
    static func purge(now: Date, idle: TimeInterval, max: TimeInterval, on db: any Database) async throws -> Int {
        let t = now.timeIntervalSince1970
        return try await db.sql.delete(from: table)
            .where("seen_at", .lessThanOrEqual, SQLBind(t - idle)).orWhere(
                "created_at", .lessThanOrEqual, SQLBind(t - max)
            )
            .returning("id").all().count
    }

    static func count(on db: any Database) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
