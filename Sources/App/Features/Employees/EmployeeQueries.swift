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
        try decision.require()
        return employee
    }
}

/// People type NIPs, not record ids: forms that point at an employee take a NIP.
enum EmployeeLookup {
    /// The id of the employee with this NIP in the actor's instansi; nil for an empty NIP;
    /// a validation error on `field` when nobody has it.
    static func id(nip raw: String?, field: String, _ actor: Principal, on db: any Database) async throws -> UUID? {
        let nip = (raw ?? "").filter { $0 != " " }
        guard !nip.isEmpty else { return nil }
        guard let e = try await Employee.scopedQuery(actor, on: db).filter(\.$nip == nip).first() else {
            throw ValidationFailure(errors: [.init(field: field, message: "Pegawai dengan NIP \(nip) tidak ditemukan.")])
        }
        return e.id
    }

    static func nip(of id: UUID?, on db: any Database) async throws -> String? {
        guard let id else { return nil }
        return try await Employee.find(id, on: db)?.nip
    }

    /// Errors the services report on an id field, shown on the NIP field the form has instead.
    static func renamed(_ errors: [FieldError], from: String, to: String) -> [FieldError] {
        errors.map { $0.field == from ? FieldError(field: to, message: $0.message) : $0 }
    }
}
