import Fluent
import Foundation
import KompetenCore
import KompetenDemo
import Vapor

/// The demo logins, one or two per role, documented in the README.
enum DemoAccounts {
    static func create(
        org: DemoInstansi, instansiID: UUID, index: Int, written: DemoLoader.Written,
        passwordHash: String, now: Date, on db: any Database
    ) async throws {
        func account(
            _ username: String, _ role: Role, unit: UUID? = nil, employee: UUID? = nil, instansi: UUID? = instansiID
        ) async throws {
            guard try await User.query(on: db).filter(\.$username == username).count() == 0 else { return }
            let user = User()
            user.instansiID = instansi
            user.username = username
            user.passwordHash = passwordHash
            user.role = role.rawValue
            user.unitID = unit
            user.employeeID = employee
            user.isActive = true
            user.createdAt = now
            user.updatedAt = now
            try await user.create(on: db)
        }
        guard index == 0 else {
            // Each further organisation of the province scale gets its own admin.
            try await account("admin.\(org.code)", .admin)
            return
        }
        let topUnits = org.units.filter { $0.parentCode == nil }
        let dukcapil = topUnits.first { $0.name.contains("Kependudukan") } ?? topUnits[0]
        let bkppd = topUnits.first { $0.name.contains("Kepegawaian") } ?? topUnits[min(1, topUnits.count - 1)]
        let dukcapilHead = written.heads[dukcapil.code]
        let staff = written.employees.first { $0.0.unitCode == dukcapil.code && $0.1 != dukcapilHead && $0.0.isActive }?
            .1

        try await account("superadmin", .superadmin, instansi: nil)
        try await account("operator.dukcapil", .operator, unit: written.unitIDs[dukcapil.code])
        try await account("operator.bkppd", .operator, unit: written.unitIDs[bkppd.code])
        try await account("atasan.dukcapil", .supervisor, employee: dukcapilHead)
        try await account("pegawai.dukcapil", .employee, employee: staff)
        try await account("asesor", .assessor)
        try await account("lpk.bpsdmd", .provider)
    }

    /// The city's logins that get an example address for the daily digest. The demo configures
    /// no SMTP server, so nothing is sent; `kompeten digest --dry-run` with a host set shows
    /// what atasan.dukcapil (plans waiting, a PKA deadline) would receive.
    static let addressed = [
        "admin", "operator.dukcapil", "operator.bkppd", "atasan.dukcapil", "pegawai.dukcapil", "asesor", "sekda",
    ]

    static func giveAddresses(on db: any Database) async throws {
        for name in addressed {
            try await User.query(on: db).filter(\.$username == name).filter(\.$email == nil)
                .set(\.$email, to: "\(name)@kupangkota.go.id").update()
        }
    }
}
