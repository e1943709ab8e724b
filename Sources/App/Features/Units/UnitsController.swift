import Fluent
import KompetenCore
import Vapor

/// The organisation pages: the tree, one unit, and the unit form.
enum UnitsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.units.pathComponents, use: index)
        web.get(SiteURL.unitNew(parent: nil).pathComponents, use: newForm)
        web.post(SiteURL.units.pathComponents, use: create)
        web.get(SiteURL.unit(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.unitEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.unitEdit(.routeParameter).pathComponents, use: update)
        web.post(SiteURL.unitDelete(.routeParameter).pathComponents, use: delete)
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let units = try await UnitQueries.visible(actor, on: req.db)
        let counts = try await UnitQueries.employeeCounts(instansiID: actor.instansiID!, on: req.db)
        let model = UnitTreeModel(
            units: units, counts: counts,
            canCreateTopLevel: AccessPolicy.createUnit(actor, under: nil).isAllowed)
        return try await req.renderPage(
            "units/index", title: "Struktur Organisasi", crumbs: [Crumb("Organisasi")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitService.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        let tree = try await UnitQueries.tree(instansiID: unit.instansiID, on: req.db)
        let counts = try await UnitQueries.employeeCounts(instansiID: unit.instansiID, on: req.db)
        var model = UnitDetailModel(unit: unit, tree: tree, counts: counts, actor: actor)
        if case .success(let forced) = AccessPolicy.reportScope(actor), forced == nil || forced == unit.opdID {
            model.formation = .init(
                try await JobAnalysisPage.workload(of: unit, on: req.db), unitID: try unit.requireID())
        }
        let crumbs =
            try [Crumb("Organisasi", .units)]
            + tree.ancestors(of: unit.requireID()).compactMap { id in
                tree.node(id).map { Crumb($0.name, .unit(id)) }
            } + [Crumb(unit.name)]
        return try await req.renderPage("units/show", title: unit.name, crumbs: crumbs, model)
    }

    struct NewQuery: Content { var parent: UUID? }

    static func newForm(req: Request) async throws -> Response {
        let actor = try req.actor
        let parentID = try req.query.decode(NewQuery.self).parent
        let parent = try await parentID.asyncMap { try await UnitService.find($0, for: actor, .read, on: req.db) }
        try req.authorize(AccessPolicy.createUnit(actor, under: parent.map(UnitService.placement)))
        let input = UnitInput(
            code: "", name: "", kind: parentID == nil ? UnitKind.opd.rawValue : UnitKind.bidang.rawValue,
            parentId: parentID)
        return try await renderForm(req, actor: actor, input: input, unitID: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .unit).require() // access before the form is read
        let input = try UnitForm.decode(req)
        do {
            let unit = try await UnitService.create(input, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Unit \(unit.name) berhasil dibuat.", to: req)
            return try req.redirect(to: SiteURL.unit(unit.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, actor: actor, input: input, unitID: nil, errors: failure.errors)
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitService.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let input = UnitInput(code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentID)
        return try await renderForm(req, actor: actor, input: input, unitID: unit.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        // access to the record before the form is read
        _ = try await UnitService.find(id, for: actor, .write, on: req.db)
        let input = try UnitForm.decode(req)
        do {
            let unit = try await UnitService.update(id, input, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan unit \(unit.name) disimpan.", to: req)
            return req.redirect(to: SiteURL.unit(id).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, actor: actor, input: input, unitID: id, errors: failure.errors)
        }
    }

    static func delete(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        let unit = try await UnitService.find(id, for: actor, .write, on: req.db)
        do {
            try await UnitService.delete(id, actor: actor, at: req.now, on: req.db)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
            return req.redirect(to: SiteURL.unit(id).path)
        }
        Flash.add(.success, "Unit \(unit.name) dihapus.", to: req)
        return req.redirect(to: unit.parentID.map { SiteURL.unit($0).path } ?? SiteURL.units.path)
    }

    private static func renderForm(
        _ req: Request, actor: Principal, input: UnitInput, unitID: UUID?, errors: [FieldError]
    ) async throws -> Response {
        let parents = try await UnitQueries.visible(actor, on: req.db).filter {
            $0.id != unitID && $0.unitKind != .kelurahan
        }
        let form = UnitForm(input: input, unitID: unitID, parents: parents, errors: errors)
        let title = unitID == nil ? "Tambah Unit" : "Ubah Unit"
        return try await req.renderPage(
            "units/form", title: title, crumbs: [Crumb("Organisasi", .units), Crumb(title)],
            form, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
