import FluentSQLiteDriver
import KompetenCore
import Foundation
import SQLKit
import Vapor

/// `kompeten backup FILE` and `kompeten restore FILE`.
///
/// SQLite: the backup is `VACUUM INTO`, an online, transactionally consistent copy taken while
/// the server keeps running (readers and writers carry on; the copy is one snapshot). Restore
/// checks the file first (a SQLite database that passes `integrity_check` and has Kompeten's
/// migration log), then replaces the database file atomically; stop the server before restoring.
/// PostgreSQL: the same commands call `pg_dump --format=custom` and `pg_restore --clean`
/// (DEPLOY.md shows the plain pg_dump alternative).
enum DatabaseBackup {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func backupSQLite(_ sql: any SQLDatabase, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Failure(description: "Berkas \(file) sudah ada; pilih nama lain (cadangan lama tidak ditimpa).")
        }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
    }

    /// Checks `file` and puts it in place of the database at `target`.
    static func restoreSQLite(from file: String, to target: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure(description: "Berkas \(file) tidak ada.") }
        try await verifySQLite(file)
        let directory = (target as NSString).deletingLastPathComponent
        let staging = (directory.isEmpty ? "." : directory) + "/.kompeten-restore-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: file, toPath: staging)
        // The old write-ahead log goes first: left beside the restored file (a crash between
        // the two steps), SQLite would replay it into the restored database.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        // rename(2) is atomic: the database is the old one or the new one, never half of each.
        guard rename(staging, target) == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            throw Failure(description: "Tidak dapat mengganti \(target) (errno \(errno)).")
        }
    }

    static func verifySQLite(_ file: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: file), logger: Logger(label: "restore"))
        defer { _ = connection.close() }
        let sql = connection.sql()
        struct Check: Decodable { let integrity_check: String }
        let check = try await sql.raw("PRAGMA integrity_check").first(decoding: Check.self)
        guard check?.integrity_check == "ok" else { throw Failure(description: "Berkas \(file) rusak: \(check?.integrity_check ?? "tidak terbaca").") }
        guard (try? await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("_fluent_migrations").first()) != nil else {
            throw Failure(description: "Berkas \(file) bukan cadangan Kompeten (tidak ada log migrasi).")
        }
    }

    /// Runs pg_dump/pg_restore with the connection from DATABASE_URL; the password goes through
    /// the environment (PGPASSWORD), never the command line, where `ps` would show it.
    static func postgres(_ tool: String, url: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var env = ProcessInfo.processInfo.environment
        if let password = url.password { env["PGPASSWORD"] = password }
        process.environment = env
        process.arguments = [tool, "--host", url.host ?? "127.0.0.1", "--port", String(url.port ?? 5432),
                             "--username", url.user ?? "postgres", "--dbname", String(url.path.dropFirst())] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(tool) gagal (kode \(process.terminationStatus)).") }
    }
}

struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "berkas cadangan yang dibuat (tidak boleh sudah ada)") var file: String
    }
    var help: String { "Membuat cadangan database yang konsisten (SQLite: saat server berjalan; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let started = Date()
        switch app.kompeten.config.database {
        case .sqliteFile, .sqliteMemory:
            try await DatabaseBackup.backupSQLite(app.db as! any SQLDatabase, to: signature.file)
        case .postgres(let url):
            guard !FileManager.default.fileExists(atPath: signature.file) else {
                throw DatabaseBackup.Failure(description: "Berkas \(signature.file) sudah ada; pilih nama lain.")
            }
            try DatabaseBackup.postgres("pg_dump", url: url, arguments: ["--format=custom", "--file", signature.file])
        }
        context.console.info("Cadangan dibuat: \(signature.file) (\(String(format: "%.1f", Date().timeIntervalSince(started))) detik)")
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "berkas cadangan dari `kompeten backup`") var file: String
    }
    var help: String { "Memulihkan database dari cadangan. Hentikan semua server Kompeten terlebih dahulu." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch app.kompeten.config.database {
        case .sqliteFile(let path):
            try await DatabaseBackup.restoreSQLite(from: signature.file, to: path)
        case .sqliteMemory:
            throw DatabaseBackup.Failure(description: "Database di memori tidak dapat dipulihkan.")
        case .postgres(let url):
            try DatabaseBackup.postgres("pg_restore", url: url, arguments: ["--clean", "--if-exists", "--no-owner", "--single-transaction", signature.file])
        }
        context.console.info("Database dipulihkan dari \(signature.file).")
    }
}
