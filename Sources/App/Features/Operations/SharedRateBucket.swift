import Foundation
import KompetenCore
import SQLKit
import Vapor

/// The survey rate limit shared by every instance on one PostgreSQL: the same token bucket as
/// `SurveyRateLimiter` (capacity `perMinute`, refilled at `perMinute` per minute), kept in a row
/// per sender and updated by one atomic statement, so two instances cannot both spend the
/// last token. On SQLite (one instance by nature) the in-memory limiter does the same job
/// without a write per response.
enum SharedRateBucket {
    static let table = "rate_buckets"

    static func admit(bucket: String, perMinute: Int, now: Date, on sql: any SQLDatabase) async throws -> RateDecision {
        guard perMinute > 0 else { return .allowed }
        let capacity = Double(perMinute)
        let rate = capacity / 60
        let t = now.timeIntervalSince1970
        // LEAST(capacity, tokens + (now - updated_at) × rate): the bucket as refilled by now.
        let refilled = SQLFunction(
            "LEAST", args: SQLBind(capacity),
            SQLBinaryExpression(
                SQLColumn("tokens", table: table), .add,
                SQLBinaryExpression(
                    SQLGroupExpression(
                        SQLBinaryExpression(SQLBind(t), .subtract, SQLColumn("updated_at", table: table))), .multiply,
                    SQLBind(rate))))
        let taken = try await sql.insert(into: table)
            .columns("bucket", "tokens", "updated_at")
            .values(SQLBind(bucket), SQLBind(capacity - 1), SQLBind(t))
            .onConflict(with: ["bucket"]) {
                $0.set("tokens", to: SQLBinaryExpression(refilled, .subtract, SQLBind(1.0)))
                    .set("updated_at", to: SQLBind(t))
                    .where(refilled, .greaterThanOrEqual, SQLBind(1 - 1e-9))
            }
            .returning("tokens")
            .all()
        if !taken.isEmpty { return .allowed }
        struct Row: Decodable {
            let tokens: Double
            let updated_at: Double
        }
        let row = try await sql.select().columns("tokens", "updated_at").from(table).where(
            "bucket", .equal, SQLBind(bucket)
        ).first(decoding: Row.self)
        let now = min(capacity, (row?.tokens ?? 0) + (t - (row?.updated_at ?? t)) * rate)
        return .limited(retryAfterSeconds: max(1, Int(((1 - now) / rate).rounded(.up))))
    }
}

/// Secrets shared by every instance (drawn once, kept in the database): the survey sender
/// hash must be the same on every instance, or a repeat sent to another instance would pass.
actor ClusterSecret {
    static let table = "cluster_secrets"
    private var cache: [String: String] = [:]

    func value(_ name: String, on sql: any SQLDatabase) async throws -> String {
        if let v = cache[name] { return v }
        try await sql.insert(into: Self.table).columns("name", "value")
            .values(SQLBind(name), SQLBind([UInt8].random(count: 24).base64)).ignoringConflicts(with: ["name"]).run()
        struct Row: Decodable { let value: String }
        guard
            let v = try await sql.select().column("value").from(Self.table).where("name", .equal, SQLBind(name)).first(
                decoding: Row.self)?.value
        else {
            throw Abort(.serviceUnavailable, reason: "Rahasia klaster tidak dapat dibaca.")
        }
        cache[name] = v
        return v
    }
}

extension Application.Kompeten {
    struct ClusterSecretKey: StorageKey { typealias Value = ClusterSecret }
    /// Created in `configure`.
    var clusterSecret: ClusterSecret { app.storage[ClusterSecretKey.self] ?? ClusterSecret() }
}

extension Request {
    /// The rate-limit decision for a public survey response from this sender.
    func admitSurveyResponse() async throws -> RateDecision {
        let gate = application.kompeten.surveyGate
        guard gate.perMinute > 0 else { return .allowed }
        guard case .postgres = application.kompeten.config.database else {
            return gate.admit(surveyClientAddress, at: now)
        }
        // The limit is part of the key: changing the setting starts everyone with a full bucket,
        // as a new in-memory limiter would.
        let bucket = "survey:\(gate.perMinute):" + (try await surveySenderHash(userAgent: ""))
        return try await SharedRateBucket.admit(bucket: bucket, perMinute: gate.perMinute, now: now, on: try db.sql)
    }

    /// The salted sender hash (address /64 and browser) the duplicate check and rate limit use.
    func surveySenderHash(userAgent: String) async throws -> String {
        let salt = try await application.kompeten.clusterSecret.value("survey-salt", on: try db.sql)
        return SurveyService.clientHash(address: surveyClientAddress, userAgent: userAgent, salt: salt)
    }
}
