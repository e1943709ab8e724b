import Fluent
import KompetenCore
import Vapor

enum InstansiService {
    static func create(
        code rawCode: String, name rawName: String, adminUsername: String, adminPassword: String,
        competencies: CompetencySeed, actor: Principal?, at now: Date, on db: any Database,
        hasher: AsyncPasswordHasher
    ) async throws -> Instansi {
        let code = rawCode.trimmingCharacters(in: .whitespaces).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        let username = adminUsername.trimmingCharacters(in: .whitespaces).lowercased()
        var v = FieldValidator()
        v.require(
            code.count >= 2 && code.count <= 40
                && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") },
            field: "code", "Kode instansi 2–40 karakter: huruf kecil, angka, tanda hubung.")
        v.require(name.count >= 3, field: "name", "Nama instansi wajib diisi.")
        if let problem = Username.problem(username) { v.add(field: "adminUsername", problem) }
        if let problem = Password.problem(adminPassword) { v.add(field: "adminPassword", problem) }
        if try await Instansi.query(on: db).filter(\.$code == code).count() > 0 {
            v.add(field: "code", "Kode instansi sudah dipakai.")
        }
        if try await User.query(on: db).filter(\.$username == username).count() > 0 {
            v.add(field: "adminUsername", "Nama pengguna sudah dipakai.")
        }
        try v.check()
        let hash = try await hasher.hash(adminPassword)
        return try await db.transaction { db in
            let instansi = Instansi(id: UUID(), code: code, name: name, createdAt: now)
            try await instansi.create(on: db)
            let admin = User()
            admin.instansiID = instansi.id
            admin.username = username
            admin.passwordHash = hash
            admin.role = Role.admin.rawValue
            admin.isActive = true
            admin.createdAt = now
            admin.updatedAt = now
            try await admin.create(on: db)
            // Every instansi starts with the national competency dictionary.
            try await CompetencyService.seed(
                competencies, instansiID: instansi.requireID(), national: true, at: now, on: db)
            // …and the libur nasional and cuti bersama of the seeded years (BKPPD edits its copy).
            try await HolidayCalendar.seed(instansiID: instansi.requireID(), at: now, on: db)
            try await AuditLog.record(
                .create, entity: "instansi", id: instansi.id,
                summary: "Membuat instansi \(name) dengan admin \(username)",
                actor: actor, instansiID: instansi.id, at: now, on: db)
            return instansi
        }
    }
}
