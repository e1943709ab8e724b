import Fluent
import KompetenCore
import Vapor

/// Managing accounts (the instansi's admin only): create, change role/unit/active, reset password.
enum UserService {
    static func list(_ actor: Principal, on db: any Database) throws -> QueryBuilder<User> {
        try authorize(actor)
        return User.query(on: db).filter(\.$instansiID == actor.instansiID!)
    }

    static func find(_ id: UUID?, _ actor: Principal, on db: any Database) async throws -> User {
        try authorize(actor)
        guard let id,
            let user = try await User.query(on: db).filter(\.$id == id)
                .filter(\.$instansiID == actor.instansiID!).first()
        else {
            throw Abort(.notFound, reason: "Pengguna tidak ditemukan.")
        }
        return user
    }

    static func create(
        _ input: NewUserInput, actor: Principal, at now: Date, on db: any Database, hasher: AsyncPasswordHasher
    ) async throws -> User {
        try authorize(actor)
        let username = input.username
        var v = FieldValidator()
        if let problem = Username.problem(username) { v.add(field: "username", problem) }
        if let problem = Password.problem(input.password) { v.add(field: "password", problem) }
        if let problem = EmailAddress.problem(input.email) { v.add(field: "email", problem) }
        let role = Role(rawValue: input.role)
        try await checkBinding(
            role: role, unitId: input.unitId, employeeId: input.employeeId, providerId: input.providerId, actor: actor,
            on: db, into: &v)
        if v.isValid, try await User.query(on: db).filter(\.$username == username).count() > 0 {
            throw ValidationFailure(errors: [
                .init(field: "username", message: "Nama pengguna \(username) sudah dipakai.")
            ])
        }
        try v.check()
        let user = User()
        user.id = UUID()
        user.instansiID = actor.instansiID
        user.username = username
        user.passwordHash = try await hasher.hash(input.password)
        user.role = role!.rawValue
        user.unitID = role == .operator ? input.unitId : nil
        user.employeeID = [.employee, .supervisor].contains(role!) ? input.employeeId : nil
        user.providerID = role == .provider ? input.providerId : nil
        user.isActive = true
        user.mustChangePassword = input.temporary ?? false
        user.email = EmailAddress.normalised(input.email)
        if let digest = input.digestEnabled { user.digestEnabled = digest }
        user.createdAt = now
        user.updatedAt = now
        try await db.transaction { db in
            try await user.create(on: db)
            try await AuditLog.record(
                .create, entity: "user", id: user.id, summary: "Membuat pengguna \(username) (\(role!.label))",
                before: Optional<UserSnapshot>.none, after: UserSnapshot(user),
                actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
        return user
    }

    static func update(_ id: UUID, _ input: UserUpdateInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> User
    {
        let user = try await find(id, actor, on: db)
        let before = UserSnapshot(user)
        let roleText = input.role ?? user.role
        let role = Role(rawValue: roleText)
        let unitId = input.unitId ?? (role == .operator ? user.unitID : nil)
        let employeeId = input.employeeId ?? ([.employee, .supervisor].contains(role) ? user.employeeID : nil)
        let providerId = input.providerId ?? (role == .provider ? user.providerID : nil)
        var v = FieldValidator()
        if let problem = EmailAddress.problem(input.email) { v.add(field: "email", problem) }
        try await checkBinding(
            role: role, unitId: unitId, employeeId: employeeId, providerId: providerId, actor: actor, on: db, into: &v)
        if user.id == actor.userID {
            v.require(role == .admin, field: "role", "Anda tidak dapat mengubah peran akun Anda sendiri.")
            v.require(input.active != false, field: "active", "Anda tidak dapat menonaktifkan akun Anda sendiri.")
            // A temporary password on one's own account would lock this very session out.
            v.require(
                input.temporary != true, field: "temporary",
                "Kata sandi akun Anda sendiri tidak dapat dijadikan sementara.")
        }
        try v.check()
        user.role = role!.rawValue
        user.unitID = role == .operator ? unitId : nil
        user.employeeID = [.employee, .supervisor].contains(role!) ? employeeId : nil
        user.providerID = role == .provider ? providerId : nil
        if let active = input.active { user.isActive = active }
        if let temporary = input.temporary { user.mustChangePassword = temporary }
        if let email = input.email { user.email = EmailAddress.normalised(email) }
        if let digest = input.digestEnabled { user.digestEnabled = digest }
        user.updatedAt = now
        // A deactivated account or a new role: whoever holds a session or token of the old
        // state signs in again (the session of before a deactivation must not come back with
        // a reactivation).
        let endSessions = !user.isActive || before.role != user.role
        try await db.transaction { db in
            try await user.save(on: db)
            if endSessions { try await endSessionsAndTokens(of: id, on: db) }
            try await AuditLog.record(
                .update, entity: "user", id: user.id, summary: "Mengubah pengguna \(user.username)",
                before: before, after: UserSnapshot(user), actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
        return user
    }

    static func resetPassword(
        _ id: UUID, to password: String, temporary: Bool = false, actor: Principal, at now: Date, on db: any Database,
        hasher: AsyncPasswordHasher
    ) async throws -> User {
        let user = try await find(id, actor, on: db)
        // One's own password is changed with the current one (/akun/password): a session left
        // open must not be enough to take over the admin account.
        guard id != actor.userID else {
            throw Abort(
                .forbidden, reason: "Ganti kata sandi Anda sendiri di /akun/password (dengan kata sandi saat ini).")
        }
        if let problem = Password.problem(password) {
            throw ValidationFailure(errors: [.init(field: "password", message: problem)])
        }
        user.passwordHash = try await hasher.hash(password)
        user.mustChangePassword = temporary
        user.updatedAt = now
        try await db.transaction { db in
            try await user.save(on: db)
            // A reset ends every web session and API token of that user: whoever knew the old
            // password (or held a session made with it) is out.
            try await endSessionsAndTokens(of: id, on: db)
            try await AuditLog.record(
                .password, entity: "user", id: user.id, summary: "Mengatur ulang kata sandi \(user.username)",
                actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
        return user
    }

    /// Ends every web session and API token of a user.
    static func endSessionsAndTokens(of userID: UUID, on db: any Database) async throws {
        try await UserToken.query(on: db).filter(\.$userID == userID).delete()
        try await WebSessionDriver.endAll(of: userID, on: db)
    }

    private static func authorize(_ actor: Principal) throws {
        try AccessPolicy.manageUsers(actor).require()
    }

    /// An operator needs a unit; an employee or supervisor needs an employee record; a provider
    /// login needs its training institution; all in the admin's instansi.
    private static func checkBinding(
        role: Role?, unitId: UUID?, employeeId: UUID?, providerId: UUID?, actor: Principal, on db: any Database,
        into v: inout FieldValidator
    ) async throws {
        guard let role, AccessPolicy.assignableRoles(by: actor).contains(role) else {
            v.add(field: "role", "Peran tidak dikenal atau tidak boleh diberikan.")
            return
        }
        if role == .operator {
            if let unitId {
                let exists = try await Unit.scopedQuery(actor, on: db).filter(\.$id == unitId).count() > 0
                v.require(exists, field: "unitId", "Unit tidak ditemukan di instansi ini.")
            } else {
                v.add(field: "unitId", "Operator harus terikat pada satu OPD.")
            }
        }
        if role == .employee || role == .supervisor {
            if let employeeId {
                let exists = try await Employee.scopedQuery(actor, on: db).filter(\.$id == employeeId).count() > 0
                v.require(exists, field: "employeeId", "Data pegawai tidak ditemukan di instansi ini.")
            } else {
                v.add(field: "employeeId", "Akun \(role.label) harus terhubung ke data pegawai.")
            }
        }
        if role == .provider {
            if let providerId {
                let exists = try await Provider.scopedQuery(actor, on: db).filter(\.$id == providerId).count() > 0
                v.require(exists, field: "providerId", "Lembaga pelatihan tidak ditemukan di instansi ini.")
            } else {
                v.add(field: "providerId", "Akun lembaga pelatihan harus terhubung ke satu lembaga.")
            }
        }
    }
}
