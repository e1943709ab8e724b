import Foundation
import SQLKit
import Vapor

/// Each serving instance keeps a lease row `serve:<instance>` alive in `job_leases` while it
/// runs, so a maintenance command that must not run under a live server (`kompeten restore`)
/// can see one on any database kind and from any machine. A killed server stops renewing and
/// its row expires after `ttl`; a clean shutdown removes it at once.
enum ServerPresence {
    static let prefix = "serve:"
    static let ttl: TimeInterval = 90
    static let renewEvery: TimeInterval = 30

    static func announce(_ instance: String, now: Date, on sql: any SQLDatabase) async throws {
        let expires = now.addingTimeInterval(ttl).timeIntervalSince1970
        try await sql.insert(into: JobLease.table)
            .columns("name", "holder", "expires_at")
            .values(SQLBind(prefix + instance), SQLBind(instance), SQLBind(expires))
            .onConflict(with: ["name"]) { $0.set(excludedValueOf: "expires_at") }
            .run()
    }

    static func withdraw(_ instance: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: JobLease.table).where("name", .equal, SQLBind(prefix + instance)).run()
    }

    /// The instances serving this database now (unexpired rows), with when each row expires.
    /// A database without the lease table has never been served.
    static func live(now: Date, on sql: any SQLDatabase) async throws -> [(instance: String, expiresAt: Date)] {
        struct Row: Decodable {
            let holder: String
            let expires_at: Double
        }
        let rows: [Row]
        do {
            rows = try await sql.select().columns("holder", "expires_at").from(JobLease.table)
                .where("name", .like, SQLBind(prefix + "%"))
                .where("expires_at", .greaterThan, SQLBind(now.timeIntervalSince1970))
                .all(decoding: Row.self)
        } catch  where !DatabaseOutage.isOutage(error) {
            return [] // no job_leases table yet: no server has ever started on this database
        }
        return rows.map { ($0.holder, Date(timeIntervalSince1970: $0.expires_at)) }
    }
}

/// Keeps this instance's presence row alive while it serves (not for commands, not in tests).
struct ServerPresenceLifecycle: LifecycleHandler {
    struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }

    func didBoot(_ app: Application) throws {
        guard app.environment != .testing, BootstrapOnServe.isServe(app) else { return }
        let instance = app.kompeten.instanceName
        app.storage[TaskKey.self] = Task { [app] in
            while !Task.isCancelled {
                do { try await ServerPresence.announce(instance, now: Date(), on: try app.db.sql) } catch {
                    app.logger.warning("server presence not renewed: database unavailable")
                }
                try? await Task.sleep(nanoseconds: UInt64(ServerPresence.renewEvery * 1_000_000_000))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        guard let task = app.storage[TaskKey.self] else { return }
        task.cancel()
        await task.value
        try? await ServerPresence.withdraw(app.kompeten.instanceName, on: try app.db.sql)
    }
}
