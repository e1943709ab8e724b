import Fluent
import KompetenCore
import Vapor

/// Position pages: list, detail with standard, form, copy standard, bulk edit by kind.
enum PositionsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.positions.pathComponents, use: index)
        web.get(SiteURL.positionNew(unit: nil).pathComponents, use: newForm)
        web.post(SiteURL.positions.pathComponents, use: create)
        web.get(SiteURL.positionBulk.pathComponents, use: bulkForm)
        web.post(SiteURL.positionBulk.pathComponents, use: bulkApply)
        web.get(SiteURL.position(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.positionEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.positionEdit(.routeParameter).pathComponents, use: update)
        web.post(SiteURL.positionCopy(.routeParameter).pathComponents, use: copy)
    }

    struct ListQuery: Content {
        var q: String?
        var unit: String?
        var kind: String?
        /// "1": key positions only (the talent page's link).
        var key: String?
        var page: Int?
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        var query = try await PositionQueries.visible(actor, on: req.db)
        let q = params.q?.trimmingCharacters(in: .whitespaces) ?? ""
        if !q.isEmpty { query = query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$code ~~ q.uppercased()) } }
        if let kind = params.kind, PositionKind(rawValue: kind) != nil { query = query.filter(\.$kind == kind) }
        if let raw = params.unit, let unitID = UUID(uuidString: raw) { query = query.filter(\.$unitID == unitID) }
        let keyOnly = params.key == "1"
        if keyOnly { query = PositionQueries.keyOnly(query) }
        let paging = PageRequest(page: params.page, per: 25)
        let total = try await query.count()
        let positions = try await query.sort(\.$code).range(paging.offset..<(paging.offset + paging.per)).all()
        let units = try await UnitQueries.units(Set(positions.map(\.unitID)), on: req.db)
        let model = PositionListModel(
            positions: positions, units: units, info: PageInfo(paging, total: total), q: q,
            kind: params.kind ?? "", unit: params.unit ?? "", keyOnly: keyOnly,
            can: PositionListCapabilities(actor))
        return try await req.renderPage("positions/index", title: "Jabatan", crumbs: [Crumb("Jabatan")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let p = try await PositionService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        let unit = try await UnitQueries.find(p.unitID, on: req.db)
        let standard = try (try await PositionService.standards(of: [p.requireID()], on: req.db))[p.requireID()] ?? []
        let names = try await CompetencyQueries.visible(actor, on: req.db)
        // Holders are people: only those the employee rule lets this reader see (a pegawai sees
        // the position and its standard, and among its holders only themself).
        let holders = try await EmployeeQueries.readable(
            try await EmployeeQueries.holders(of: p.requireID(), on: req.db),
            by: actor, rule: EmployeeQueries.readRecord, on: req.db)
        let canEdit = AccessPolicy.position(actor, .write, try await PositionService.placement(p, on: req.db)).isAllowed
        var model = PositionDetailModel(
            p, unit: unit, standard: standard, competencies: names, holders: holders, canEdit: canEdit)
        if case .success = AccessPolicy.monitoringScope(actor) {
            model.successorsHref = SiteURL.positionSuccessors(try p.requireID()).path
        }
        return try await req.renderPage(
            "positions/show", title: p.name, crumbs: [Crumb("Jabatan", .positions), Crumb(p.code)], model)
    }

    struct NewQuery: Content { var unit: UUID? }

    static func newForm(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .position).require()
        let unitID = try req.query.decode(NewQuery.self).unit
        return try await renderForm(req, PositionFormValues(unitID: unitID), id: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .position).require() // access before the form is read
        let values = try req.content.decode(PositionFormValues.self)
        do {
            let p = try await PositionService.create(try values.input(), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Jabatan \(p.name) dibuat.", to: req)
            return try req.redirect(to: SiteURL.position(p.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: nil, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: nil, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let p = try await PositionService.find(try req.parameters.require("id"), try req.actor, .write, on: req.db)
        let standard = try (try await PositionService.standards(of: [p.requireID()], on: req.db))[p.requireID()] ?? []
        return try await renderForm(req, PositionFormValues(p, standard: standard), id: p.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        // Access to the record first: a stranger's form is never validated or shown back.
        _ = try await PositionService.find(id, try req.actor, .write, on: req.db)
        let values = try req.content.decode(PositionFormValues.self)
        do {
            let p = try await PositionService.update(
                id, try values.input(), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan jabatan \(p.name) disimpan.", to: req)
            return req.redirect(to: SiteURL.position(id).path)
        } catch let stale as StaleEdit {
            // What the user typed (standard included) stays; the form now carries the stored
            // version, so saving again deliberately replaces the other change.
            var kept = values
            kept.version = String(try await PositionService.find(id, try req.actor, .write, on: req.db).version ?? 0)
            return try await renderForm(
                req, kept, id: id, errors: [.init(field: "version", message: stale.reason)], status: .conflict)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: id, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: id, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    static func copy(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        struct Posted: Content { var sourceCode: String? }
        // The target first, with the write rule: another instansi's position is a 404, another
        // OPD's a 403, before the source code in the form is looked at.
        _ = try await PositionService.find(id, actor, .write, on: req.db)
        let code = UnitRules.normaliseCode(try req.content.decode(Posted.self).sourceCode ?? "")
        guard let source = try await PositionQueries.find(code: code, actor, on: req.db) else {
            Flash.add(.error, "Jabatan sumber dengan kode \(code) tidak ditemukan.", to: req)
            return req.redirect(to: SiteURL.position(id).path)
        }
        _ = try await PositionService.copyStandard(
            from: source.requireID(), to: id, actor: actor, at: req.now, on: req.db)
        Flash.add(.success, "Standar kompetensi disalin dari \(source.code) \(source.name).", to: req)
        return req.redirect(to: SiteURL.position(id).path)
    }

    static func bulkForm(req: Request) async throws -> Response {
        let actor = try req.actor
        let scope = try AccessPolicy.bulkStandardScope(actor).require()
        let competencies = try await CompetencyQueries.inUse(actor, on: req.db)
        return try await req.renderPage(
            "positions/bulk", title: "Ubah Standar Massal",
            crumbs: [Crumb("Jabatan", .positions), Crumb("Ubah standar massal")],
            BulkStandardModel(
                competencies: competencies,
                scopeNote: scope == nil ? "Semua jabatan di instansi." : "Hanya jabatan di OPD Anda."))
    }

    static func bulkApply(req: Request) async throws -> Response {
        struct Posted: Content {
            var kind: String?
            var competency: String?
            var level: Int?
        }
        try AccessPolicy.bulkStandardScope(try req.actor).require() // access before the form is read
        let posted = try req.content.decode(Posted.self)
        guard let kind = PositionKind(rawValue: posted.kind ?? "") else {
            Flash.add(.error, "Pilih jenis jabatan.", to: req)
            return req.redirect(to: SiteURL.positionBulk.path)
        }
        do {
            let n = try await PositionService.bulkSet(
                kind: kind, competencyCode: posted.competency ?? "", level: posted.level ?? -1,
                actor: try req.actor, at: req.now, on: req.db)
            Flash.add(
                .success,
                "Standar \(posted.competency ?? "") diubah pada \(IndonesianFormat.integer(n)) jabatan \(kind.label).",
                to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        }
        return req.redirect(to: SiteURL.positionBulk.path)
    }

    private static func renderForm(
        _ req: Request, _ values: PositionFormValues, id: UUID?, errors: [FieldError], status: HTTPStatus? = nil
    ) async throws -> Response {
        let actor = try req.actor
        let units = try await UnitQueries.visible(actor, on: req.db)
        let competencies = try await CompetencyQueries.inUse(actor, on: req.db)
        let title = id == nil ? "Tambah Jabatan" : "Ubah Jabatan"
        let model = PositionFormModel(values, id: id, units: units, competencies: competencies, errors: errors)
        return try await req.renderPage(
            "positions/form", title: title, crumbs: [Crumb("Jabatan", .positions), Crumb(title)],
            model, status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }
}
