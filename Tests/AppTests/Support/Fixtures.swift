import Fluent
import Foundation
import KompetenCore
import Vapor

@testable import App

/// A small world for request tests: two instansi; in the first, OPD A (with a bidang), OPD B,
/// a kecamatan with a kelurahan; employees; one user per role.
struct World {
    static let password = "Rahasia-Test-123"

    var instansi: Instansi, otherInstansi: Instansi
    var opdA: Unit, bidangA: Unit, opdB: Unit, kecamatan: Unit, kelurahan: Unit, otherOPD: Unit
    var headA: Employee, staffA: Employee, staffB: Employee, otherEmployee: Employee
    var users: [String: User] = [:]

    static func make(on app: Application) async throws -> World {
        let db = app.db
        let a = Instansi(id: UUID(), code: "kota-kupang", name: "Pemerintah Kota Kupang", createdAt: testNow)
        let b = Instansi(id: UUID(), code: "kab-kupang", name: "Pemerintah Kabupaten Kupang", createdAt: testNow)
        try await a.create(on: db)
        try await b.create(on: db)
        let dictionary = try CompetencyService.nationalSeed(app)
        try await CompetencyService.seed(dictionary, instansiID: a.id!, national: true, at: testNow, on: db)
        try await CompetencyService.seed(dictionary, instansiID: b.id!, national: true, at: testNow, on: db)
        let opdA = try await unit(a, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", .opd, nil, db)
        let bidangA = try await unit(a, "DUKCAPIL.B1", "Bidang Pelayanan Pendaftaran Penduduk", .bidang, opdA, db)
        let opdB = try await unit(a, "DINKES", "Dinas Kesehatan", .opd, nil, db)
        let kec = try await unit(a, "KEC.ALAK", "Kecamatan Alak", .kecamatan, nil, db)
        let kel = try await unit(a, "KEC.ALAK.NAIONI", "Kelurahan Naioni", .kelurahan, kec, db)
        let other = try await unit(b, "DUKCAPIL", "Dinas Dukcapil Kabupaten Kupang", .opd, nil, db)
        let head = try await employee(a, opdA, "198503122010011002", "Yohanes Benu", nil, db)
        let staff = try await employee(a, bidangA, "199001012015032005", "Maria Fanggidae", head.id, db)
        let staffB = try await employee(a, opdB, "198807072012122003", "Debora Ndun", nil, db)
        let otherE = try await employee(b, other, "197912122005011001", "Marthen Manafe", nil, db)
        var world = World(
            instansi: a, otherInstansi: b, opdA: opdA, bidangA: bidangA, opdB: opdB, kecamatan: kec,
            kelurahan: kel, otherOPD: other, headA: head, staffA: staff, staffB: staffB, otherEmployee: otherE)
        let hash = try await app.password.async.hash(password)
        func user(_ name: String, _ role: Role, _ inst: Instansi?, unit: Unit? = nil, employee: Employee? = nil)
            async throws
        {
            let u = User()
            u.instansiID = inst?.id
            u.username = name
            u.passwordHash = hash
            u.role = role.rawValue
            u.unitID = unit?.id
            u.employeeID = employee?.id
            u.isActive = true
            u.createdAt = testNow
            u.updatedAt = testNow
            try await u.create(on: db)
            world.users[name] = u
        }
        try await user("admin", .admin, a)
        try await user("operator.a", .operator, a, unit: opdA)
        try await user("operator.b", .operator, a, unit: opdB)
        try await user("atasan", .supervisor, a, employee: head)
        try await user("pegawai", .employee, a, employee: staff)
        try await user("asesor", .assessor, a)
        try await user("lpk", .provider, a)
        try await user("admin.lain", .admin, b)
        try await user("superadmin", .superadmin, nil)
        return world
    }

    private static func unit(
        _ i: Instansi, _ code: String, _ name: String, _ kind: UnitKind, _ parent: Unit?, _ db: any Database
    ) async throws -> Unit {
        let u = Unit()
        let id = UUID()
        u.id = id
        u.instansiID = i.id!
        u.code = code
        u.name = name
        u.kind = kind.rawValue
        u.parentID = parent?.id
        u.opdID = parent?.opdID ?? id
        u.createdAt = testNow
        u.updatedAt = testNow
        try await u.create(on: db)
        return u
    }

    private static func employee(
        _ i: Instansi, _ unit: Unit, _ nip: String, _ name: String, _ supervisor: UUID?, _ db: any Database
    ) async throws -> Employee {
        let parsed = try NIP.parse(nip).get()
        let e = Employee()
        e.id = UUID()
        e.instansiID = i.id!
        e.unitID = unit.id!
        e.nip = nip
        e.nik = "5371011203850001"
        e.name = name
        e.sex = parsed.sex.rawValue
        e.birthDate = parsed.birthDate.iso
        e.employmentType = parsed.kind.rawValue
        e.rank = "III/a"
        e.supervisorID = supervisor
        e.isActive = true
        e.createdAt = testNow
        e.updatedAt = testNow
        try await e.create(on: db)
        return e
    }
}
