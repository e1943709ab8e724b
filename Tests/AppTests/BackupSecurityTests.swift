import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Backups hold every employee's personal data: readable by their owner only, without the
/// sign-ins that were live when they were taken, and a restore never pulls the database from
/// under a running server.
@Suite("Backups: file mode, no sessions or tokens, no restore under a live server")
struct BackupSecurityTests {
    static func withFileApp(_ dbPath: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            var config = try AppConfig.fromEnvironment([:])
            config.database = .sqliteFile(dbPath)
            app.logger.logLevel = .warning
            try await configure(app, config: config)
            app.kompeten.clock = { testNow }
            try await app.autoMigrate()
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kompeten-bk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Rows in every secret table present in the SQLite file at `path`.
    static func secretRows(_ path: String) async throws -> [String: Int] {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "t"))
        defer { _ = connection.close() }
        let sql = connection.sql()
        struct Table: Decodable { let name: String }
        struct N: Decodable { let n: Int }
        let present = Set(
            try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all(decoding: Table.self).map(
                \.name))
        var out: [String: Int] = [:]
        for table in DatabaseBackup.secretTables where present.contains(table) {
            out[table] =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(
                    decoding: N.self)?.n ?? 0
        }
        return out
    }

    @Test func backupIsOwnerOnlyAndHoldsNoSessionsOrTokens() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let live = dir + "/live.sqlite"
        let backup = dir + "/cadangan.sqlite"
        let previousMask = umask(0o022) // the usual umask: a plain create would give 0644
        defer { umask(previousMask) }
        try await Self.withFileApp(live) { app in
            _ = try await World.make(on: app)
            _ = try await WebClient.login(app, "admin")
            _ = try await APIClient.login(app, "operator.a")
            _ = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/auth/token", json: ["username": "admin", "password": "salah-sekali"])
            try await DatabaseBackup.backupSQLite(try app.db.sql, to: backup)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // The live database did hold a session and a token: the empty backup tables mean
        // something.
        let before = try await Self.secretRows(live)
        #expect(before[UserToken.schema] == 1)
        #expect(before.filter { $0.key.contains("session") }.values.reduce(0, +) >= 1)
        let after = try await Self.secretRows(backup)
        #expect(!after.isEmpty && after.values.allSatisfy { $0 == 0 }, "\(after)")
        // secure_delete: no token hash is left in the file's bytes either.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        let tokenHashes = try await Self.tokenHashes(live)
        #expect(!tokenHashes.isEmpty)
        for hash in tokenHashes { #expect(bytes.range(of: Data(hash.utf8)) == nil) }
    }

    static func tokenHashes(_ path: String) async throws -> [String] {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "t"))
        defer { _ = connection.close() }
        struct Row: Decodable { let token_hash: String }
        return try await connection.sql().select().column("token_hash").from(UserToken.schema).all(decoding: Row.self)
            .map(\.token_hash)
    }

    @Test func restoreIsRefusedWhileAServerIsPresent() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let live = dir + "/live.sqlite"
        let backup = dir + "/cadangan.sqlite"
        try await Self.withFileApp(live) { app in
            let sql = try app.db.sql
            _ = try await World.make(on: app)
            try await JobLease.createTable(on: sql)
            // No server: allowed.
            try await DatabaseBackup.refuseWhileServed(now: testNow, on: sql)
            try await ServerPresence.announce("web-1", now: testNow, on: sql)
            try await DatabaseBackup.backupSQLite(sql, to: backup)
            await #expect(throws: DatabaseBackup.Failure.self) {
                try await DatabaseBackup.refuseWhileServed(now: testNow.addingTimeInterval(60), on: sql)
            }
            // A server killed without a goodbye stops renewing: after the lease time it no longer counts.
            try await DatabaseBackup.refuseWhileServed(now: testNow.addingTimeInterval(ServerPresence.ttl + 1), on: sql)
            // A clean shutdown withdraws at once.
            try await ServerPresence.announce("web-1", now: testNow, on: sql)
            try await ServerPresence.withdraw("web-1", on: sql)
            try await DatabaseBackup.refuseWhileServed(now: testNow, on: sql)
        }
        // The backup does not carry the server's presence along.
        let connection = try await SQLiteConnection.open(storage: .file(path: backup), logger: Logger(label: "t"))
        defer { _ = connection.close() }
        struct Row: Decodable { let name: String }
        let rows = try await connection.sql().select().column("name").from(JobLease.table).all(decoding: Row.self)
        #expect(rows.isEmpty)
    }

    /// The restore command itself runs the check (not only the helper).
    @Test func restoreCommandRefusesUnderALiveServer() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let live = dir + "/live.sqlite"
        let backup = dir + "/cadangan.sqlite"
        try await Self.withFileApp(live) { app in
            let sql = try app.db.sql
            _ = try await World.make(on: app)
            try await JobLease.createTable(on: sql)
            try await DatabaseBackup.backupSQLite(sql, to: backup)
            try await ServerPresence.announce("web-1", now: Date(), on: sql)
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["restore", backup]))
            context.application = app
            var thrown: (any Error)?
            do { try await RestoreCommand().run(using: &context) } catch { thrown = error }
            #expect(thrown is DatabaseBackup.Failure, "\(String(describing: thrown))")
        }
    }
}
