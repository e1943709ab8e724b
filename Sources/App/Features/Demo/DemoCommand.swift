import Fluent
import KompetenCore
import KompetenDemo
import NIOConcurrencyHelpers
import Vapor

/// `kompeten demo [--scale city|province]`: migrates, then loads the demo data into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "city (Kota Kupang, ~7.000 pegawai) atau province (23 instansi, ~100.000 pegawai)")
        var scale: String?
    }

    var help: String { "Memuat data demo Kota Kupang ke database kosong." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let scale = DemoScale(rawValue: signature.scale ?? "city") else {
            context.console.error("Skala tidak dikenal: \(signature.scale ?? ""). Gunakan city atau province.")
            throw Abort(.badRequest)
        }
        try await app.autoMigrate()
        let generated = try await Bootstrap.ensureAdmin(app)
        guard try await Bootstrap.isEmpty(app.db) else {
            context.console.error(
                "Database sudah berisi data organisasi; `kompeten demo` hanya mengisi database kosong.")
            throw Abort(.conflict)
        }
        // The bar's total is known once the organisations are generated (1 for the city, 23 for
        // the province); until then the console shows one line.
        let console = context.console
        let bar = NIOLockedValueBox<CommandProgress?>(nil)
        let summary: String
        do {
            summary = try await DemoLoader.load(
                app, scale: scale,
                generated: { n in
                    bar.withLockedValue {
                        $0 = CommandProgress(
                            console, title: "Memuat data demo (\(n) instansi)",
                            steps: n * DemoLoader.stepsPerInstansi)
                    }
                },
                progress: { step in bar.withLockedValue { $0 }?.begin(step) })
        } catch {
            bar.withLockedValue { $0 }?.fail()
            throw error
        }
        bar.withLockedValue { $0 }?.finish("Data demo dimuat: \(summary)")
        context.console.info(DemoLoader.loginHelp)
        Bootstrap.printLogin(app, generated: generated)
    }
}

/// `kompeten create-superadmin USERNAME`: the host's account that creates instansi.
/// The password comes from KOMPETEN_SUPERADMIN_PASSWORD or is generated and printed once.
struct SuperadminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
    }

    var help: String { "Membuat akun superadmin (pengelola instansi)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let username = signature.username.lowercased()
        if let problem = Username.problem(username) {
            context.console.error(problem)
            throw Abort(.badRequest)
        }
        guard try await User.query(on: app.db).filter(\.$username == username).count() == 0 else {
            context.console.error("Nama pengguna \(username) sudah dipakai.")
            throw Abort(.conflict)
        }
        let fromEnv = Environment.get("KOMPETEN_SUPERADMIN_PASSWORD")
        let password = fromEnv ?? Bootstrap.randomPassword()
        if let problem = Password.problem(password) {
            context.console.error(problem)
            throw Abort(.badRequest)
        }
        let user = User()
        user.username = username
        user.passwordHash = try await app.password.async.hash(password)
        user.role = Role.superadmin.rawValue
        user.isActive = true
        user.createdAt = app.kompeten.now
        user.updatedAt = app.kompeten.now
        try await user.create(on: app.db)
        context.console.info(
            fromEnv == nil ? "Superadmin \(username) dibuat. Kata sandi: \(password)" : "Superadmin \(username) dibuat."
        )
    }
}
