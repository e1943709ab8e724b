import Fluent
import KompetenCore
import Vapor

/// Which employee records a user may list, as one query builder.
enum EmployeeQueries {
    static func visible(_ actor: Principal, on db: any Database) async throws -> QueryBuilder<Employee> {
        var query = try Employee.scopedQuery(actor, on: db)
        switch actor.role {
        case .admin, .assessor:
            break
        case .operator:
            guard let opd = actor.opdID else { throw Abort(.forbidden, reason: "Akun operator belum terikat pada OPD.") }
            let unitIDs = try await Unit.query(on: db).filter(\.$opdID == opd).all(\.$id)
            query = query.filter(\.$unitID ~~ unitIDs)
        case .supervisor:
            guard let me = actor.employeeID else { throw Abort(.forbidden, reason: "Akun atasan belum terhubung ke data pegawai.") }
            query = query.group(.or) { $0.filter(\.$supervisorID == me).filter(\.$id == me) }
        case .employee:
            guard let me = actor.employeeID else { throw Abort(.forbidden, reason: "Akun pegawai belum terhubung ke data pegawai.") }
            query = query.filter(\.$id == me)
        case .superadmin, .provider:
            throw Abort(.forbidden, reason: "Peran Anda tidak memiliki akses ke data pegawai.")
        }
        return query
    }

    static func find(_ id: UUID?, for actor: Principal, _ action: AccessAction, on db: any Database) async throws -> Employee {
        let employee = try await Employee.findScoped(id, actor, on: db, what: "Pegawai")
        let unit = try await Unit.find(employee.unitID, on: db)
        let decision = AccessPolicy.employee(actor, action, Placement(instansiID: employee.instansiID, opdID: unit?.opdID),
                                             employeeID: employee.id!, supervisorID: employee.supervisorID)
        if case .deny(let reason) = decision { throw Abort(.forbidden, reason: reason) }
        return employee
    }
}
