import Fluent
import KompetenCore
import Vapor

/// The dictionary pages: list by group, one competency with its levels, the teknis form.
enum CompetenciesController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.competencies.pathComponents, use: index)
        web.get(SiteURL.competencyNew.pathComponents, use: newForm)
        web.post(SiteURL.competencies.pathComponents, use: create)
        web.get(SiteURL.competency(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.competencyEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.competencyEdit(.routeParameter).pathComponents, use: update)
        web.post(SiteURL.competencyRetire(.routeParameter).pathComponents, use: retire)
        web.post(SiteURL.competencyDelete(.routeParameter).pathComponents, use: delete)
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.competencies(actor, .read))
        let all = try await CompetencyQueries.list(actor, group: nil, includeRetired: true, on: req.db)
        let model = CompetencyListModel(all, canEdit: AccessPolicy.competencies(actor, .write).isAllowed)
        return try await req.renderPage(
            "competencies/index", title: "Kamus Kompetensi", crumbs: [Crumb("Kamus kompetensi")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let c = try await CompetencyService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        let levels = try (try await CompetencyService.levels(of: [c.requireID()], on: req.db))[c.requireID()] ?? []
        let used = try await CompetencyQueries.positionStandardCount(c.requireID(), on: req.db)
        let model = CompetencyDetailModel(
            c, levels: levels, usedInPositions: used, canEdit: AccessPolicy.competencies(actor, .write).isAllowed)
        return try await req.renderPage(
            "competencies/show", title: c.name, crumbs: [Crumb("Kamus kompetensi", .competencies), Crumb(c.code)], model
        )
    }

    static func newForm(req: Request) async throws -> Response {
        try req.authorize(AccessPolicy.competencies(try req.actor, .write))
        return try await renderForm(req, CompetencyFormValues(), id: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .competency).require() // access before the form is read
        let values = try req.content.decode(CompetencyFormValues.self)
        do {
            let c = try await CompetencyService.create(values.input, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Kompetensi \(c.code) \(c.name) ditambahkan.", to: req)
            return try req.redirect(to: SiteURL.competency(c.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: nil, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: nil, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let c = try await CompetencyService.find(try req.parameters.require("id"), try req.actor, .write, on: req.db)
        let levels = try (try await CompetencyService.levels(of: [c.requireID()], on: req.db))[c.requireID()] ?? []
        return try await renderForm(req, CompetencyFormValues(c, levels: levels), id: c.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        _ = try await CompetencyService.find(id, try req.actor, .write, on: req.db) // access before the form is read
        let values = try req.content.decode(CompetencyFormValues.self)
        do {
            let c = try await CompetencyService.update(id, values.input, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan kompetensi \(c.code) disimpan.", to: req)
            return req.redirect(to: SiteURL.competency(id).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: id, errors: failure.errors)
        }
    }

    static func retire(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        struct Posted: Content { var retired: String? }
        let retired = (try req.content.decode(Posted.self).retired ?? "1") == "1"
        let c = try await CompetencyService.retire(id, retired: retired, actor: try req.actor, at: req.now, on: req.db)
        Flash.add(
            .success, retired ? "Kompetensi \(c.code) dinonaktifkan." : "Kompetensi \(c.code) diaktifkan kembali.",
            to: req)
        return req.redirect(to: SiteURL.competency(id).path)
    }

    static func delete(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        do {
            try await CompetencyService.delete(id, actor: try req.actor, at: req.now, on: req.db)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
            return req.redirect(to: SiteURL.competency(id).path)
        }
        Flash.add(.success, "Kompetensi dihapus.", to: req)
        return req.redirect(to: SiteURL.competencies.path)
    }

    private static func renderForm(_ req: Request, _ values: CompetencyFormValues, id: UUID?, errors: [FieldError])
        async throws -> Response
    {
        let title = id == nil ? "Tambah Kompetensi Teknis" : "Ubah Kompetensi \(values.code ?? "")"
        return try await req.renderPage(
            "competencies/form", title: title, crumbs: [Crumb("Kamus kompetensi", .competencies), Crumb(title)],
            CompetencyFormModel(values, id: id, errors: errors), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
