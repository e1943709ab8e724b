import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Changing one's own password (the page and the API): the current one checked under its own
/// throttle, then every other session and token of the user ended, in one transaction.
enum PasswordService {
    /// Field errors as `ValidationFailure`; `keepToken`: the API token the change came with.
    static func change(
        _ actor: Principal, _ input: PasswordController.ChangeInput, keepToken: UUID?, on req: Request
    ) async throws {
        guard let user = try await UserQueries.find(actor.userID, on: req.db), user.isActive else {
            throw Abort(.unauthorized, reason: "Sesi Anda telah berakhir. Silakan masuk kembali.")
        }
        let current = input.currentPassword ?? ""
        let new = input.newPassword ?? ""
        var errors: [FieldError] = []
        if current.isEmpty {
            errors.append(.init(field: "currentPassword", message: "Masukkan kata sandi saat ini."))
        } else {
            // Throttled like a login: a stolen session must not become a password-guessing oracle.
            let sql = try req.db.sql
            // Its own counter (not the login's): a client fumbling this form must not lock the
            // user's login from that address.
            let (key, rule) = ("pw:\(actor.userID.uuidString)", LoginThrottle.perUsernameAndAddress)
            if case .refused(let until) = try await LoginThrottleStore.reserve(key, rule, now: req.now, on: sql) {
                throw Abort(.tooManyRequests, reason: LoginThrottle.retryMessage(until: until, now: req.now))
            }
            if (try? await req.password.async.verify(current, created: user.passwordHash)) == true {
                try await LoginThrottleStore.release(key, rule, on: sql)
            } else {
                errors.append(.init(field: "currentPassword", message: "Kata sandi saat ini salah."))
            }
        }
        if let problem = Password.problem(new) {
            errors.append(.init(field: "newPassword", message: problem))
        } else if new == current {
            errors.append(
                .init(field: "newPassword", message: "Kata sandi baru harus berbeda dari kata sandi saat ini."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors: errors) }

        user.passwordHash = try await req.password.async.hash(new)
        user.mustChangePassword = false
        user.updatedAt = req.now
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await TokenService.deleteAll(of: actor.userID, except: keepToken, on: db)
            try await WebSessionDriver.endAll(of: actor.userID, on: db)
            try await AuditLog.record(
                .password, entity: "user", id: user.id, summary: "Mengganti kata sandi sendiri",
                actor: actor, instansiID: user.instansiID, at: req.now, on: db)
        }
    }
}
