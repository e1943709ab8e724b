import Fluent
import KompetenCore
import Vapor

/// Admin pages for accounts: list, create, change role/unit/status, reset password.
enum UsersController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.users.pathComponents, use: index)
        web.get(SiteURL.userNew.pathComponents, use: newForm)
        web.post(SiteURL.users.pathComponents, use: create)
        web.get(SiteURL.userEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.userEdit(.routeParameter).pathComponents, use: update)
        web.post(SiteURL.userPassword(.routeParameter).pathComponents, use: resetPassword)
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let users = try await UserService.list(actor, on: req.db).sort(\.$username).all()
        let units = try await UnitQueries.units(Set(users.compactMap(\.unitID)), for: actor, on: req.db)
        let employees = try await EmployeeQueries.employees(Set(users.compactMap(\.employeeID)), for: actor, on: req.db)
        let model = UserListModel(users: users, units: units, employees: employees)
        return try await req.renderPage("users/index", title: "Pengguna", crumbs: [Crumb("Pengguna")], model)
    }

    static func newForm(req: Request) async throws -> Response {
        try await renderForm(req, values: UserFormValues(), userID: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .user).require() // access before the form is read
        let values = try req.content.decode(UserFormValues.self)
        do {
            let employeeID = try await EmployeeLookup.id(
                nip: values.employeeNip, field: "employeeNip", actor, on: req.db)
            let user = try await UserService.create(
                values.newUserInput(employeeID: employeeID), actor: actor, at: req.now, on: req.db,
                hasher: req.password.async)
            Flash.add(.success, "Pengguna \(user.username) berhasil dibuat.", to: req)
            return req.redirect(to: SiteURL.users.path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values: values.withoutPassword(), userID: nil, errors: failure.errors)
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let user = try await UserService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        return try await renderForm(
            req,
            values: UserFormValues(user, employeeNip: try await EmployeeLookup.nip(of: user.employeeID, on: req.db)),
            userID: user.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        _ = try await UserService.find(id, actor, on: req.db) // access to the account before the form is read
        let values = try req.content.decode(UserFormValues.self)
        do {
            let employeeID = try await EmployeeLookup.id(
                nip: values.employeeNip, field: "employeeNip", actor, on: req.db)
            let user = try await UserService.update(
                id, values.updateInput(employeeID: employeeID), actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan pengguna \(user.username) disimpan.", to: req)
            return req.redirect(to: SiteURL.users.path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values: values, userID: id, errors: failure.errors)
        }
    }

    static func resetPassword(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        struct Posted: Content {
            var password: String?
            var temporary: String?
        }
        let posted = try req.content.decode(Posted.self)
        let password = posted.password ?? ""
        do {
            let user = try await UserService.resetPassword(
                id, to: password, temporary: posted.temporary == "1",
                actor: actor, at: req.now, on: req.db, hasher: req.password.async)
            Flash.add(.success, "Kata sandi \(user.username) telah diatur ulang.", to: req)
            return req.redirect(to: SiteURL.users.path)
        } catch let failure as ValidationFailure {
            let user = try await UserService.find(id, actor, on: req.db)
            let values = UserFormValues(
                user, employeeNip: try await EmployeeLookup.nip(of: user.employeeID, on: req.db))
            return try await renderForm(req, values: values, userID: id, errors: failure.errors)
        }
    }

    private static func renderForm(_ req: Request, values: UserFormValues, userID: UUID?, errors: [FieldError])
        async throws -> Response
    {
        let actor = try req.actor
        let opds = try await UnitQueries.opdsByCode(actor, on: req.db)
        let providers = try await ProviderQueries.byName(actor, on: req.db)
        let model = UserFormModel(
            values: values, userID: userID, actor: actor, opds: opds, providers: providers, errors: errors)
        let title = userID == nil ? "Tambah Pengguna" : "Ubah Pengguna \(values.username ?? "")"
        return try await req.renderPage(
            "users/form", title: title, crumbs: [Crumb("Pengguna", .users), Crumb(title)],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
