import Fluent
import KompetenCore
import Vapor

/// The employee list (search, filter, paging) and the basic employee page.
enum EmployeesController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.employees.pathComponents, use: index)
        web.get(SiteURL.employeeNew.pathComponents, use: newForm)
        web.post(SiteURL.employees.pathComponents, use: create)
        web.get(SiteURL.employee(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.employeeEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.employeeEdit(.routeParameter).pathComponents, use: update)
    }

    struct ListQuery: Content {
        var q: String?
        var unit: String?
        var type: String?
        var page: Int?
    }

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
            query = try query.filter(\.$unitID ~~ tree.subtree(of: unitFilter!.requireID()))
        }
        switch params.type.flatMap(EmploymentStatus.init(rawValue:)) {
        case .cpns?: query = query.filter(\.$employmentType == "PNS").filter(\.$cpnsTMT != nil)
        case .pns?: query = query.filter(\.$employmentType == "PNS").filter(\.$cpnsTMT == nil)
        case .pppk?: query = query.filter(\.$employmentType == "PPPK")
        case nil: break
        }
        let paging = PageRequest(page: params.page, per: 25)
        let total = try await query.count()
        let employees = try await query.sort(\.$name).range(paging.offset..<(paging.offset + paging.per)).all()
        let unitIDs = Set(employees.map(\.unitID))
        let units = try await UnitQueries.units(unitIDs, on: req.db)
        let model = EmployeeListModel(
            employees: employees, units: units, info: PageInfo(paging, total: total),
            q: q, unit: unitFilter, type: params.type ?? "",
            canCreate: AccessPolicy.mayCreate(actor, .employee).isAllowed)
        return try await req.renderPage("employees/index", title: "Pegawai", crumbs: [Crumb("Pegawai")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let employee = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        return try await EmployeeProfilePage.render(req, employee, actor: actor)
    }

    static func newForm(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .employee).require()
        return try await renderForm(req, EmployeeFormValues(), id: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .employee).require() // access before the form is read
        let values = try req.content.decode(EmployeeFormValues.self)
        do {
            let supervisor = try await EmployeeLookup.id(
                nip: values.supervisorNip, field: "supervisorNip", try req.actor, on: req.db)
            let e = try await EmployeeService.create(
                try values.input(supervisorID: supervisor), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Pegawai \(e.name) ditambahkan.", to: req)
            return try req.redirect(to: SiteURL.employee(e.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: nil, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: nil, errors: [.init(field: "nip", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        return try await renderForm(
            req, EmployeeFormValues(e, supervisorNip: try await EmployeeLookup.nip(of: e.supervisorID, on: req.db)),
            id: e.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        // Access to the record first: a stranger's form is never validated or shown back.
        _ = try await EmployeeQueries.find(id, for: try req.actor, .write, on: req.db)
        let values = try req.content.decode(EmployeeFormValues.self)
        do {
            let supervisor = try await EmployeeLookup.id(
                nip: values.supervisorNip, field: "supervisorNip", try req.actor, on: req.db)
            let e = try await EmployeeService.update(
                id, try values.input(supervisorID: supervisor), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan data \(e.name) disimpan.", to: req)
            return req.redirect(to: SiteURL.employee(id).path)
        } catch let stale as StaleEdit {
            // What the user typed stays; the form now carries the stored version, so saving
            // again deliberately replaces the other change.
            var kept = values
            kept.version = String(
                try await EmployeeQueries.find(id, for: try req.actor, .write, on: req.db).version ?? 0)
            return try await renderForm(
                req, kept, id: id, errors: [.init(field: "version", message: stale.reason)], status: .conflict)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: id, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: id, errors: [.init(field: "nip", message: abort.reason)])
        }
    }

    private static func renderForm(
        _ req: Request, _ values: EmployeeFormValues, id: UUID?, errors: [FieldError], status: HTTPStatus? = nil
    ) async throws -> Response {
        let actor = try req.actor
        let units = try await UnitQueries.visible(actor, on: req.db)
        let positions = try await PositionQueries.visible(actor, on: req.db).sort(\.$code).all()
        let title = id == nil ? "Tambah Pegawai" : "Ubah Data Pegawai"
        return try await req.renderPage(
            "employees/form", title: title, crumbs: [Crumb("Pegawai", .employees), Crumb(title)],
            EmployeeFormModel(values, id: id, units: units, positions: positions, errors: errors),
            status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
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
