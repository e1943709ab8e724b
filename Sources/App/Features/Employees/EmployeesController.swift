import Fluent
import KompetenCore
import Vapor

/// The employee list (search, filter, paging) and the basic employee page.
enum EmployeesController {
    static func register(_ web: any RoutesBuilder) {
        web.get("employees", use: index)
        web.get("employees", ":id", use: show)
    }

    struct ListQuery: Content { var q: String?; var unit: String?; var type: String?; var page: Int? }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        var query = try await EmployeeQueries.visible(actor, on: req.db)
        let q = params.q?.trimmingCharacters(in: .whitespaces) ?? ""
        if !q.isEmpty {
            let digits = q.filter { $0 != " " }
            query = query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$nip ~~ digits) }
        }
        var unitFilter: Unit?
        if let raw = params.unit, !raw.isEmpty {
            unitFilter = try await UnitService.find(UUID(uuidString: raw), for: actor, .read, on: req.db)
            let tree = try await UnitQueries.tree(instansiID: actor.instansiID!, on: req.db)
            query = query.filter(\.$unitID ~~ tree.subtree(of: unitFilter!.id!))
        }
        if let type = params.type, ["PNS", "PPPK"].contains(type) { query = query.filter(\.$employmentType == type) }
        let paging = PageRequest(page: params.page, per: 25)
        let total = try await query.count()
        let employees = try await query.sort(\.$name).range(paging.offset..<(paging.offset + paging.per)).all()
        let unitIDs = Set(employees.map(\.unitID))
        let units = try await Unit.query(on: req.db).filter(\.$id ~~ unitIDs).all()
        let model = EmployeeListModel(employees: employees, units: units, info: PageInfo(paging, total: total),
                                      q: q, unit: unitFilter, type: params.type ?? "")
        return try await req.renderPage("employees/index", title: "Pegawai", crumbs: [Crumb("Pegawai")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let employee = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        let unit = try await Unit.find(employee.unitID, on: req.db)
        let supervisor = try await employee.supervisorID.asyncMap { try await Employee.find($0, on: req.db) } ?? nil
        let model = EmployeeDetailModel(employee, unit: unit, supervisor: supervisor, showFullNIK: actor.role == .admin)
        return try await req.renderPage("employees/show", title: employee.name,
                                        crumbs: [Crumb("Pegawai", .employees), Crumb(employee.name)], model)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): return try await transform(value)
        case .none: return nil
        }
    }
}
