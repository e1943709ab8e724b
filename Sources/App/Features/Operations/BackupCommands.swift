import FluentSQLiteDriver
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// `kompeten backup FILE` and `kompeten restore FILE`.
///
/// SQLite: the backup is `VACUUM INTO`, an online, transactionally consistent copy taken while
/// the server keeps running (readers and writers carry on; the copy is one snapshot). Restore
/// checks the file first (a SQLite database that passes `integrity_check` and has Kompeten's
/// migration log), then replaces the database file atomically. Restore refuses while a server
/// still uses the database (`ServerPresence`). Backups leave out sessions and API tokens
/// (`secretTables`) and are readable by their owner only (mode 0600).
/// PostgreSQL: the same commands call `pg_dump --format=custom` and `pg_restore --clean`
/// (DEPLOY.md shows the plain pg_dump alternative).
enum DatabaseBackup {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Tables a backup leaves empty: live sign-ins (web sessions, API tokens) and the login
    /// throttle's addresses. A backup copied to another machine must not let its reader sign in
    /// as anyone, and a restored database starts with everyone signed out.
    static let secretTables = [
        "web_sessions", "_fluent_sessions", UserToken.schema, LoginFailure.schema, "login_attempts",
    ]

    static func backupSQLite(_ sql: any SQLDatabase, to file: String) async throws {
        // The file is made here, empty and readable by its owner only (0600), before SQLite
        // writes into it: VACUUM INTO keeps an existing empty file's mode, so the copy is never
        // readable by others, not even for a moment. O_EXCL: an old backup is never overwritten.
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw Failure(description: "Berkas \(file) sudah ada; pilih nama lain (cadangan lama tidak ditimpa).")
            }
            throw Failure(description: "Tidak dapat membuat \(file) (errno \(errno)).")
        }
        close(fd)
        do {
            try await sql.raw("VACUUM INTO \(bind: file)").run()
            try await stripSecrets(fromSQLite: file)
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            throw error
        }
    }

    /// Empties `secretTables` in the copy; `secure_delete` overwrites the freed pages, so the
    /// session rows are gone from the file's bytes too, not only from its tables.
    static func stripSecrets(fromSQLite file: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: file), logger: Logger(label: "backup"))
        defer { _ = connection.close() }
        let sql = connection.sql()
        struct Table: Decodable { let name: String }
        let present = Set(
            try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all(decoding: Table.self).map(
                \.name))
        try await sql.raw("PRAGMA secure_delete = ON").run()
        for table in secretTables where present.contains(table) {
            try await sql.delete(from: table).run()
        }
        // The live server's presence row would make a restore of this file look "in use".
        if present.contains(JobLease.table) {
            try await sql.delete(from: JobLease.table).where("name", .like, SQLBind(ServerPresence.prefix + "%")).run()
        }
    }

    /// The maintenance commands that replace the database refuse while any server uses it.
    static func refuseWhileServed(now: Date, on sql: any SQLDatabase) async throws {
        let live = try await ServerPresence.live(now: now, on: sql)
        guard let last = live.map({ $0.expiresAt }).max() else { return }
        let wait = Int(last.timeIntervalSince(now).rounded(.up))
        throw Failure(
            description:
                "Server Kompeten masih berjalan pada database ini (\(live.map { $0.instance }.joined(separator: ", "))). "
                + "Hentikan semua server terlebih dahulu; bila server berhenti mendadak, tanda kehadirannya habis dalam \(wait) detik."
        )
    }

    /// Checks `file` and puts it in place of the database at `target`.
    static func restoreSQLite(from file: String, to target: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw Failure(description: "Berkas \(file) tidak ada.")
        }
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
        guard check?.integrity_check == "ok" else {
            throw Failure(description: "Berkas \(file) rusak: \(check?.integrity_check ?? "tidak terbaca").")
        }
        guard
            (try? await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                "_fluent_migrations"
            ).first()) != nil
        else {
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
        process.arguments =
            [
                tool, "--host", url.host ?? "127.0.0.1", "--port", String(url.port ?? 5432),
                "--username", url.user ?? "postgres", "--dbname", String(url.path.dropFirst()),
            ] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) gagal (kode \(process.terminationStatus)).")
        }
    }
}

struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "berkas cadangan yang dibuat (tidak boleh sudah ada)") var file: String
    }
    var help: String { "Membuat cadangan database yang konsisten (SQLite: saat server berjalan; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let progress = CommandProgress(context.console, title: "Membuat cadangan", steps: 1)
        progress.begin(signature.file)
        switch app.kompeten.config.database {
        case .sqliteFile, .sqliteMemory:
            try await DatabaseBackup.backupSQLite(try app.db.sql, to: signature.file)
        case .postgres(let url):
            // Made empty with mode 0600 first: pg_dump writes into it and keeps the mode.
            let fd = open(signature.file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else {
                throw DatabaseBackup.Failure(
                    description: "Berkas \(signature.file) sudah ada atau tidak dapat dibuat; pilih nama lain.")
            }
            close(fd)
            let skipped = DatabaseBackup.secretTables.flatMap { ["--exclude-table-data", $0] }
            do {
                try DatabaseBackup.postgres(
                    "pg_dump", url: url, arguments: ["--format=custom", "--file", signature.file] + skipped)
            } catch {
                try? FileManager.default.removeItem(atPath: signature.file)
                throw error
            }
        }
        progress.finish("Cadangan dibuat: \(signature.file)")
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "berkas cadangan dari `kompeten backup`") var file: String
    }
    var help: String { "Memulihkan database dari cadangan. Hentikan semua server Kompeten terlebih dahulu." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseBackup.refuseWhileServed(now: Date(), on: try app.db.sql)
        let progress = CommandProgress(context.console, title: "Memulihkan database", steps: 1)
        progress.begin(signature.file)
        switch app.kompeten.config.database {
        case .sqliteFile(let path):
            try await DatabaseBackup.restoreSQLite(from: signature.file, to: path)
        case .sqliteMemory:
            throw DatabaseBackup.Failure(description: "Database di memori tidak dapat dipulihkan.")
        case .postgres(let url):
            try DatabaseBackup.postgres(
                "pg_restore", url: url,
                arguments: ["--clean", "--if-exists", "--no-owner", "--single-transaction", signature.file])
        }
        progress.finish("Database dipulihkan dari \(signature.file)")
    }
}
