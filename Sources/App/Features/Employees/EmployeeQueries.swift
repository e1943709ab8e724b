import Fluent
import KompetenCore
import Vapor

/// Which employee records a user may list, as one query builder.
enum EmployeeQueries {
    static func visible(_ actor: Principal, on db: any Database) async throws -> QueryBuilder<Employee> {
        var query = try Employee.scopedQuery(actor, on: db)
        switch try AccessPolicy.employeeListReach(actor).require() {
        case .all: break
        case .opd(let opd):
            let unitIDs = try await Unit.query(on: db).filter(\.$opdID == opd).all(\.$id)
            query = query.filter(\.$unitID ~~ unitIDs)
        case .team(let me): query = query.group(.or) { $0.filter(\.$supervisorID == me).filter(\.$id == me) }
        case .own(let me): query = query.filter(\.$id == me)
        }
        return query
    }

    /// A read rule about one employee (e.g. `AccessPolicy.readPerformance`): who they are, where
    /// they sit, who supervises them.
    typealias ReadRule = @Sendable (Principal, Placement, _ employeeID: UUID, _ supervisorID: UUID?) -> AccessDecision

    /// The employee rule for reading the record itself.
    static let readRecord: ReadRule = { actor, placement, id, supervisor in
        AccessPolicy.employee(actor, .read, placement, employeeID: id, supervisorID: supervisor)
    }

    /// The employees with these ids in the actor's instansi (no read rule: the caller applies one).
    static func employees(_ ids: Set<UUID>, for actor: Principal, on db: any Database) async throws -> [Employee] {
        try await Employee.scopedQuery(actor, on: db).filter(\.$id ~~ ids).all()
    }

    /// The names of these employees by id.
    static func names(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$id ~~ ids).all().map {
                try ($0.requireID(), $0.name)
            })
    }

    /// The first 200 holders of a position by name, before any read rule.
    static func holders(of positionID: UUID, on db: any Database) async throws -> [Employee] {
        try await Employee.query(on: db).filter(\.$positionID == positionID).sort(\.$name).limit(200).all()
    }

    /// `people` with everyone the actor may not read under `rule` left out: lists and downloads
    /// pass each row through the same rule as reading that person's page, so a list is never
    /// a way round it (an assessor lists every employee but downloads no SKP rating).
    static func readable(_ people: [Employee], by actor: Principal, rule: ReadRule, on db: any Database) async throws
        -> [Employee]
    {
        guard !people.isEmpty else { return [] }
        var opdOf: [UUID: UUID] = [:]
        for chunk in Array(Set(people.map(\.unitID))).chunked(500) {
            for unit in try await Unit.query(on: db).filter(\.$id ~~ Array(chunk)).all() {
                opdOf[try unit.requireID()] = unit.opdID
            }
        }
        return try people.filter { e in
            try rule(actor, Placement(instansiID: e.instansiID, opdID: opdOf[e.unitID]), e.requireID(), e.supervisorID)
                .isAllowed
        }
    }

    static func find(_ id: UUID?, for actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Employee
    {
        let employee = try await Employee.findScoped(id, actor, on: db, what: "Pegawai")
        let unit = try await Unit.find(employee.unitID, on: db)
        let decision = AccessPolicy.employee(
            actor, action, Placement(instansiID: employee.instansiID, opdID: unit?.opdID),
            employeeID: try employee.requireID(), supervisorID: employee.supervisorID)
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
            throw ValidationFailure(errors: [.init(field: field, message: "Pegawai dengan NIP \(nip) tidak ditemukan.")]
            )
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
