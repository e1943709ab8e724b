import Fluent
import KompetenCore
import SQLKit
import Vapor

/// First start of an empty database: the first instansi and its `admin` account.
enum Bootstrap {
    static let firstInstansiCode = "kota-kupang"

    /// Creates the instansi and admin when no user exists yet. Returns the generated password
    /// when one was made (to be printed once), nil otherwise.
    @discardableResult
    static func ensureAdmin(_ app: Application) async throws -> String? {
        let db = app.db
        guard try await User.query(on: db).count() == 0 else { return nil }
        let config = app.kompeten.config
        let now = app.kompeten.now
        let generated = config.adminPassword == nil ? randomPassword() : nil
        let password = config.adminPassword ?? generated!
        let hash = try await app.password.async.hash(password)
        let dictionary = try CompetencyService.nationalSeed(app)
        try await db.transaction { db in
            let existing = try await Instansi.query(on: db).filter(\.$code == firstInstansiCode).first()
            let instansi =
                existing ?? Instansi(id: UUID(), code: firstInstansiCode, name: config.instansiName, createdAt: now)
            if existing == nil {
                try await instansi.create(on: db)
                try await CompetencyService.seed(
                    dictionary, instansiID: instansi.requireID(), national: true, at: now, on: db)
                try await HolidayCalendar.seed(instansiID: instansi.requireID(), at: now, on: db)
            }
            let admin = User()
            admin.instansiID = instansi.id
            admin.username = "admin"
            admin.passwordHash = hash
            admin.role = Role.admin.rawValue
            admin.isActive = true
            admin.createdAt = now
            admin.updatedAt = now
            try await admin.create(on: db)
            try await AuditLog.record(
                .create, entity: "user", id: admin.id,
                summary: "Akun admin pertama dibuat saat aplikasi pertama kali dijalankan",
                actor: nil, instansiID: instansi.id, at: now, on: db)
        }
        return generated
    }

    /// True when the database holds no organisation data (units or employees) yet.
    static func isEmpty(_ db: any Database) async throws -> Bool {
        let units = try await Unit.query(on: db).count()
        let employees = try await Employee.query(on: db).count()
        return units == 0 && employees == 0
    }

    /// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }

    static func printLogin(_ app: Application, generated: String?) {
        let config = app.kompeten.config
        var lines = ["", "==> Kompeten: database \(config.database)"]
        if let generated {
            lines.append("==> Akun admin dibuat. Masuk dengan  admin / \(generated)")
            lines.append("    (kata sandi ini hanya ditampilkan sekali; simpan baik-baik)")
        } else if config.adminPassword != nil {
            lines.append("==> Masuk dengan pengguna 'admin' dan kata sandi dari KOMPETEN_ADMIN_PASSWORD.")
        }
        print(lines.joined(separator: "\n"))
    }
}

/// `kompeten serve` migrates the database, creates the first admin, and (with KOMPETEN_DEMO=1)
/// loads the demo data, before the server starts listening.
/// With several instances starting at once on one PostgreSQL, a database lease lets exactly one
/// migrate and load; the others wait for it and then find the work done.
struct BootstrapOnServe: LifecycleHandler {
    static func isServe(_ app: Application) -> Bool {
        let command = app.environment.arguments.dropFirst().first ?? "serve"
        return command == "serve" || command.hasPrefix("-")
    }

    func willBootAsync(_ app: Application) async throws {
        guard Self.isServe(app) else { return }
        let sql = try app.db.sql
        if case .sqliteFile = app.kompeten.config.database {
            // Write-ahead logging: readers never wait for a writer, and a commit is one append and
            // one flush of the log instead of a rewritten journal. Kept in the file once set.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await JobLease.createTable(on: sql)
        let generated = try await JobLease.withLease("bootstrap", holder: app.kompeten.instanceName, ttl: 900, on: sql)
        {
            try await app.autoMigrate()
            let generated = try await Bootstrap.ensureAdmin(app)
            if app.kompeten.config.loadDemo, try await Bootstrap.isEmpty(app.db) {
                let summary = try await DemoLoader.load(app, scale: .city)
                print("==> Data demo Kota Kupang dimuat: \(summary)")
                print(DemoLoader.loginHelp)
            }
            return generated
        }
        Bootstrap.printLogin(app, generated: generated)
    }
}
