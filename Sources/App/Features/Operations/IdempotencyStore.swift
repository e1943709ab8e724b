import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// `Idempotency-Key` for POSTs that create something (a public survey response, an enrolment):
/// a client that lost the answer — a dropped connection, an app instance killed mid-request —
/// sends the same request with the same key again and gets the first answer back, with nothing
/// written twice. The key row and the work commit in one transaction, so a key is never stored
/// without its work, nor the work without its key.
enum IdempotencyStore {
    static let table = "idempotency_keys"
    static let header = "Idempotency-Key"
    /// Retries come within minutes; the housekeeping job drops keys after two days.
    static let keepFor: TimeInterval = 2 * 86_400

    struct Stored: Decodable {
        let status: Int
        let body: String
    }

    /// The request's key, or nil without one; a malformed key is a 422 naming the header.
    static func key(_ req: Request) throws -> String? {
        guard let key = req.headers.first(name: header) else { return nil }
        guard (1...100).contains(key.count),
            key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else {
            throw ValidationFailure(errors: [.init(field: header, message: "1–100 karakter: huruf, angka, - _ . :")])
        }
        return key
    }

    /// Runs `work` inside a transaction together with claiming `key` in `scope`, or replays the
    /// stored answer when the key was used before. `work` returns the status and JSON body.
    /// The stored answer for a key already used, or nil. Checked before anything is charged
    /// (the rate limit): a client recovering a lost answer must get it, not a 429.
    static func replay(_ req: Request, scope: String, key: String) async throws -> Response? {
        try await find(scope: scope, key: key, on: req.db).map(replay)
    }

    static func run(
        _ req: Request, scope: String, key: String,
        _ work: @escaping @Sendable (any Database) async throws -> (HTTPStatus, Data)
    ) async throws -> Response {
        if let stored = try await find(scope: scope, key: key, on: req.db) { return replay(stored) }
        let now = req.now.timeIntervalSince1970
        do {
            let (status, body) = try await req.db.transaction { db -> (HTTPStatus, Data) in
                let sql = try db.sql
                // Claim first: a concurrent twin blocks here (PostgreSQL) until we commit, then fails.
                try await sql.insert(into: table).columns("scope", "key", "status", "body", "created_at")
                    .values(SQLBind(scope), SQLBind(key), SQLBind(0), SQLBind(""), SQLBind(now)).run()
                let (status, body) = try await work(db)
                try await sql.update(table).set("status", to: SQLBind(Int(status.code))).set(
                    "body", to: SQLBind(String(decoding: body, as: UTF8.self))
                )
                .where("scope", .equal, SQLBind(scope)).where("key", .equal, SQLBind(key)).run()
                return (status, body)
            }
            let response = Response(status: status, body: .init(data: body))
            response.headers.contentType = .json
            return response
        } catch {
            // The twin won the race: answer what it answered.
            guard let db = error as? any DatabaseError, db.isConstraintFailure,
                let stored = try await find(scope: scope, key: key, on: req.db)
            else { throw error }
            return replay(stored)
        }
    }

    private static func find(scope: String, key: String, on db: any Database) async throws -> Stored? {
        try await db.sql.select().columns("status", "body").from(table)
            .where("scope", .equal, SQLBind(scope)).where("key", .equal, SQLBind(key)).first(decoding: Stored.self)
    }

    private static func replay(_ stored: Stored) -> Response {
        let response = Response(status: HTTPStatus(statusCode: stored.status), body: .init(string: stored.body))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return response
    }
}
