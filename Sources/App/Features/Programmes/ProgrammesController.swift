import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// The catalogue pages: filterable list, a programme with its batches, the programme form,
/// scheduling a batch.
enum ProgrammesController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.programmes.pathComponents, use: index)
        web.get(SiteURL.programmeNew.pathComponents, use: newForm)
        web.post(SiteURL.programmes.pathComponents, use: create)
        web.get(SiteURL.programme(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.programmeEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.programmeEdit(.routeParameter).pathComponents, use: update)
        web.post(SiteURL.programmeBatches(.routeParameter).pathComponents, use: createBatch)
    }

    struct ListParams: Content {
        var q: String?
        var competency: String?
        var form: String?
        var provider: String?
        var page: Int?
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let params = try req.query.decode(ListParams.self)
        let providerID = params.provider.flatMap(UUID.init(uuidString:))
        let form = DevelopmentForm(rawValue: params.form ?? "")?.rawValue
        var query = try await ProgrammeQueries.filtered(
            actor, providerID: providerID, competencyCode: params.competency, form: form,
            includeInactive: AccessPolicy.seesInactiveProgrammes(actor), on: req.db)
        let q = (params.q ?? "").trimmingCharacters(in: .whitespaces)
        if !q.isEmpty {
            query = query.group(.or) {
                $0.filter(\.$title ~~ String(q.prefix(100))).filter(\.$code ~~ String(q.prefix(100)))
            }
        }
        let providers = try await ProviderService.list(actor, on: req.db)
        let providerNames = try Dictionary(uniqueKeysWithValues: providers.map { try ($0.requireID(), $0.name) })
        if let format = try Export.requested(req) {
            let all = try await query.sort(\.$code).all()
            let dtos = try await ProgrammeService.dtos(all, on: req.db)
            let table = Table(
                header: [
                    "Kode", "Judul", "Bentuk", "Jalur", "Penyelenggara", "Kompetensi (kenaikan level)", "JP",
                    "Biaya per peserta (Rp)", "Kapasitas per angkatan", "Aktif", "Akreditasi program (LAN)",
                    "Nomor akreditasi program", "Akreditasi berlaku sampai",
                ],
                rows: dtos.map { d in
                    [
                        d.code, d.title, d.form, d.path ?? "", providerNames[d.providerId] ?? "",
                        d.competencies.map { "\($0.competencyCode)+\($0.levelGain)" }.joined(separator: "; "),
                        String(d.jp), String(d.costPerParticipant), String(d.capacity), d.active ? "ya" : "tidak",
                        d.lanAccreditation, d.lanAccreditationNumber, d.lanAccreditationUntil ?? "",
                    ]
                })
            return try Export.response(table, filename: "katalog-program", format: format, sheet: "Katalog")
        }
        let paging = PageRequest(page: params.page, per: 25)
        let total = try await query.count()
        let page = try await query.sort(\.$code).range(paging.offset..<(paging.offset + paging.per)).all()
        let dtos = try await ProgrammeService.dtos(page, on: req.db)
        let competencies = try await CompetencyQueries.inUse(actor, on: req.db)
        let providerCodes = try Dictionary(uniqueKeysWithValues: providers.map { try ($0.requireID(), $0.code) })
        let model = CatalogueModel(
            dtos: dtos, providerNames: providerNames, providerCodes: providerCodes, providers: providers,
            competencies: competencies, params: params,
            paging: PagingModel(
                PageInfo(paging, total: total), path: SiteURL.programmes.path,
                filters: [
                    ("q", params.q), ("competency", params.competency), ("form", params.form),
                    ("provider", params.provider),
                ], noun: "program"),
            export: Export.links(req),
            canCreate: AccessPolicy.mayCreate(actor, .programme).isAllowed)
        return try await req.renderPage(
            "programmes/index", title: actor.role == .provider ? "Program Kami" : "Katalog Program",
            crumbs: [Crumb("Katalog program")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let p = try await ProgrammeService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        return try await renderShow(req, p, batchValues: BatchFormValues(capacity: String(p.capacity)), errors: [])
    }

    static func renderShow(_ req: Request, _ p: Programme, batchValues: BatchFormValues, errors: [FieldError])
        async throws -> Response
    {
        let actor = try req.actor
        let dto = try await ProgrammeService.dtos([p], on: req.db)[0]
        let provider = try await ProgrammeQueries.provider(of: p, on: req.db)
        let names = try await CompetencyNames.byCode(actor, on: req.db)
        let batches = try await ProgrammeQueries.batches(of: p.requireID(), on: req.db)
        let waitCounts = try await ProgrammeQueries.waitlistCounts(
            batchIDs: batches.map { try $0.requireID() }, on: req.db)
        let can = ProgrammeCapabilities(actor, providerID: p.providerID)
        // Flagged for those who read the provider's agreements, as on the provider's page.
        let uncovered =
            AccessPolicy.agreements(actor, .read, providerID: p.providerID).isAllowed
            ? Set(
                try await AgreementQueries.uncoveredBatches(
                    actor, providerID: p.providerID, programmeID: p.requireID(), on: req.db
                ).map(\.batchID)) : []
        var model = ProgrammeDetailModel(
            dto, provider: provider, names: names, batches: batches, waiting: waitCounts, uncovered: uncovered,
            today: WITA.today(req.now), can: can,
            batchForm: can.edit ? batchValues.form(programmeID: try p.requireID(), errors: errors) : nil)
        // Effectiveness for those who may see evaluations (BKPPD, the provider, an OPD for its own people).
        if let units = try await EffectivenessQueries.visibleScope(actor, providerID: p.providerID, on: req.db) {
            let tally = try await EffectivenessQueries.byProgramme(
                .init(instansiID: p.instansiID, unitIDs: units, programmeID: p.requireID()), on: req.db)[p.requireID()]
            model.effectiveness = ProgrammeEffectivenessModel(tally ?? EffectivenessTally(), scoped: units != nil)
        }
        return try await req.renderPage(
            "programmes/show", title: p.title, crumbs: [Crumb("Katalog program", .programmes), Crumb(p.code)],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func createBatch(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        _ = try await ProgrammeService.find(id, actor, .write, on: req.db) // access before the form is read
        let values = try req.content.decode(BatchFormValues.self)
        do {
            let b = try await ProgrammeService.createBatch(
                programmeID: id, values.input, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "\(b.name) dijadwalkan.", to: req)
            return try req.redirect(to: SiteURL.batch(b.requireID()).path)
        } catch let failure as ValidationFailure {
            let p = try await ProgrammeService.find(id, actor, .write, on: req.db)
            return try await renderShow(req, p, batchValues: values, errors: failure.errors)
        }
    }

    static func newForm(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .programme).require()
        var values = ProgrammeFormValues()
        values.providerId = actor.providerID?.uuidString
        return try await renderForm(req, values, id: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .programme).require() // access before the form is read
        let values = try req.content.decode(ProgrammeFormValues.self)
        do {
            let p = try await ProgrammeService.create(try values.input(), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Program \(p.code) ditambahkan ke katalog.", to: req)
            return try req.redirect(to: SiteURL.programme(p.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: nil, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: nil, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let p = try await ProgrammeService.find(try req.parameters.require("id"), try req.actor, .write, on: req.db)
        return try await renderForm(
            req, ProgrammeFormValues(try await ProgrammeService.dtos([p], on: req.db)[0]), id: p.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        // Access to the record first: a stranger's form is never validated or shown back.
        _ = try await ProgrammeService.find(id, try req.actor, .write, on: req.db)
        let values = try req.content.decode(ProgrammeFormValues.self)
        do {
            let p = try await ProgrammeService.update(
                id, try values.input(), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan program \(p.code) disimpan.", to: req)
            return req.redirect(to: SiteURL.programme(id).path)
        } catch let failure as ValidationFailure {
            return try await renderForm(req, values, id: id, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderForm(req, values, id: id, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    private static func renderForm(_ req: Request, _ v: ProgrammeFormValues, id: UUID?, errors: [FieldError])
        async throws -> Response
    {
        let actor = try req.actor
        let providers = try await ProviderService.list(actor, on: req.db)
        let title = id == nil ? "Tambah Program" : "Ubah Program \(v.code ?? "")"
        let form = v.form(
            action: id.map { SiteURL.programmeEdit($0).path } ?? SiteURL.programmes.path,
            cancel: id.map { SiteURL.programme($0).path } ?? SiteURL.programmes.path, providers: providers,
            errors: errors)
        return try await req.renderPage(
            "common/form", title: title, crumbs: [Crumb("Katalog program", .programmes), Crumb(title)],
            FormPage(form: form, intro: "1 JP = 45 menit. Bentuk dan jalur mengikuti Peraturan LAN 10/2018."),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
