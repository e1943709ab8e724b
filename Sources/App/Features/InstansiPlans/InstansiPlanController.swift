import Fluent
import KompetenCore
import Vapor

/// The pages of the instansi plan (Ps 207): the list by year, a plan with its items and actions,
/// its printable form (A4 landscape) and XLSX, and plan vs realisation.
enum InstansiPlanController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.instansiPlans.pathComponents, use: list)
        web.post(SiteURL.instansiPlans.pathComponents, use: create)
        web.post(SiteURL.instansiPlanPPK.pathComponents, use: designate)
        web.get(SiteURL.instansiPlan(.routeParameter).pathComponents, use: show)
        web.post(SiteURL.instansiPlanItems(.routeParameter).pathComponents, use: addItem)
        web.post(SiteURL.instansiPlanItemDelete(.routeParameter, item: .routeParameter).pathComponents, use: deleteItem)
        web.get(SiteURL.instansiPlanItemEdit(.routeParameter, item: .routeParameter).pathComponents, use: editItem)
        web.post(SiteURL.instansiPlanItemEdit(.routeParameter, item: .routeParameter).pathComponents, use: updateItem)
        web.post(SiteURL.instansiPlanBudget(.routeParameter).pathComponents, use: budget)
        web.post(SiteURL.instansiPlanTransition(.routeParameter).pathComponents, use: transition)
        web.post(SiteURL.instansiPlanRevisions(.routeParameter).pathComponents, use: revise)
        web.get(SiteURL.instansiPlanPrint(.routeParameter).pathComponents, use: printable)
        web.get(SiteURL.instansiPlanRealisation(.routeParameter).pathComponents, use: realisation)
    }

    static let crumbs = [Crumb("Pengembangan"), Crumb("Rencana instansi", .instansiPlans)]

    static func list(req: Request) async throws -> Response {
        try await renderList(req, form: InstansiPlanCreateForm(), errors: [])
    }

    private static func renderList(_ req: Request, form: InstansiPlanCreateForm, errors: [FieldError]) async throws
        -> Response
    {
        let actor = try req.actor
        let instansiID = try await InstansiPlanService.listAccess(actor, on: req.db)
        let plans = try await InstansiPlanQueries.plans(instansiID, on: req.db).map(InstansiPlanSummaryDTO.init)
        let ppk = try await InstansiPlanQueries.ppkUserID(instansiID, on: req.db)
        let canDesignate = AccessPolicy.designatePPK(actor).isAllowed
        let candidates = canDesignate ? try await InstansiPlanPPK.candidates(instansiID, on: req.db) : []
        let ppkName = try await InstansiPlanQueries.ppkLabel(ppk, on: req.db)
        var options: [InstansiPlanListModel.Option] = []
        if canDesignate {
            options.append(.init(value: "", label: "— belum ditunjuk —", selected: ppk == nil))
            for c in candidates {
                options.append(.init(value: c.id.uuidString, label: c.label, selected: c.id == ppk))
            }
        }
        let model = InstansiPlanListModel(
            plans, canCreate: AccessPolicy.createInstansiPlan(actor).isAllowed, ppk: ppkName, ppkOptions: options,
            year: form.year ?? String(WITA.today(req.now).year + 1), budget: form.budget ?? "",
            source: form.source ?? "optimiser", errors: errors)
        return try await req.renderPage(
            "development/instansi-plans", title: "Rencana Pengembangan Kompetensi Instansi",
            crumbs: [Crumb("Pengembangan"), Crumb("Rencana instansi")],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.createInstansiPlan(actor).require()
        let form = try req.content.decode(InstansiPlanCreateForm.self)
        do {
            var v = FieldValidator()
            let year = InstansiPlanItemForm.number(form.year)
            let budget = InstansiPlanItemForm.number(form.budget)
            v.require(year != nil, field: "year", "Tahun harus angka.")
            v.require(budget != nil, field: "budget", "Anggaran harus angka Rupiah tanpa desimal.")
            try v.check()
            let plan = try await InstansiPlanService.create(
                .init(year: year!, budget: budget!, source: form.source, ceilings: nil), actor: actor, at: req.now,
                on: req.db)
            Flash.add(.success, "Rencana pengembangan tahun \(plan.year) dibuat sebagai draf.", to: req)
            return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await renderList(req, form: form, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderList(req, form: form, errors: [.init(field: "year", message: abort.reason)])
        }
    }

    static func designate(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.designatePPK(actor).require()
        struct Posted: Content { var userId: String? }
        let posted = try req.content.decode(Posted.self)
        try await flashing(req) {
            let raw = (posted.userId ?? "").trimmingCharacters(in: .whitespaces)
            guard raw.isEmpty || UUID(uuidString: raw) != nil else {
                throw ValidationFailure(errors: [.init(field: "userId", message: "Pilih pengguna dari daftar.")])
            }
            let id = UUID(uuidString: raw)
            try await InstansiPlanPPK.designate(id, actor: actor, at: req.now, on: req.db)
            return id == nil ? "Penunjukan PPK dihapus." : "PPK penetap rencana ditunjuk."
        }
        return req.redirect(to: SiteURL.instansiPlans.path)
    }

    static func show(req: Request) async throws -> Response {
        let (plan, who) = try await InstansiPlanService.find(
            try req.parameters.require("id"), try req.actor, on: req.db)
        return try await renderDetail(req, plan, who, form: InstansiPlanItemForm(), errors: [])
    }

    private static func renderDetail(
        _ req: Request, _ plan: InstansiPlan, _ who: InstansiPlanActor, form: InstansiPlanItemForm,
        errors: [FieldError], decreeError: String? = nil, budget: BudgetTyped? = nil
    ) async throws -> Response {
        let d = try await InstansiPlanPage.dto(plan, who: who, on: req.db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: req.db).sorted { $0.value < $1.value }
            .map { ($0.key, $0.value) }
        let editable = (try? InstansiPlanWorkflow.canEdit(plan.planStatus, by: who).get()) != nil
        var formModel: FormModel?
        if editable {
            let programmes = try await InstansiPlanQueries.programmeOptions(plan.instansiID, on: req.db)
            formModel = form.model(
                action: SiteURL.instansiPlanItems(d.id).path, cancel: SiteURL.instansiPlan(d.id).path, opds: opds,
                programmes: programmes, errors: errors)
        }
        let canRevise = (try? InstansiPlanWorkflow.canRevise(plan.planStatus, by: who, reason: "x").get()) != nil
        let model = InstansiPlanDetailModel(
            d, instansi: try await InstansiPlanQueries.instansiName(plan.instansiID, on: req.db), canRevise: canRevise,
            form: formModel,
            opds: opds, decreeError: decreeError, budget: budget,
            ppkName: try await InstansiPlanQueries.ppkLabel(
                try await InstansiPlanQueries.ppkUserID(plan.instansiID, on: req.db), on: req.db))
        return try await req.renderPage(
            "development/instansi-plan", title: model.title, crumbs: crumbs + [Crumb(String(plan.year))], model,
            status: errors.isEmpty && decreeError == nil && budget == nil ? .ok : .unprocessableEntity)
    }

    static func addItem(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        if let refused = try refusedEdit(req, plan, who) { return refused }
        let form = try req.content.decode(InstansiPlanItemForm.self)
        do {
            let input = try form.parse()
            _ = try await InstansiPlanService.addItem(input, to: plan, who: who, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Butir \"\(input.title)\" ditambahkan.", to: req)
        } catch let failure as ValidationFailure {
            return try await renderDetail(req, plan, who, form: form, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    static func deleteItem(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let item = try await InstansiPlanService.findItem(try req.parameters.require("item"), of: plan, on: req.db)
        try await flashing(req) {
            try await InstansiPlanService.deleteItem(item, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
            return "Butir \"\(item.title)\" dihapus."
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    static func editItem(req: Request) async throws -> Response {
        let (plan, who) = try await InstansiPlanService.find(
            try req.parameters.require("id"), try req.actor, on: req.db)
        let item = try await InstansiPlanService.findItem(try req.parameters.require("item"), of: plan, on: req.db)
        if let refused = try refusedEdit(req, plan, who) { return refused }
        return try await renderItem(req, plan, item, form: InstansiPlanItemForm(item), errors: [])
    }

    static func updateItem(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let item = try await InstansiPlanService.findItem(try req.parameters.require("item"), of: plan, on: req.db)
        if let refused = try refusedEdit(req, plan, who) { return refused }
        let form = try req.content.decode(InstansiPlanItemForm.self)
        do {
            let input = try form.parse()
            try await InstansiPlanService.updateItem(
                item, input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Butir \"\(input.title)\" disimpan.", to: req)
        } catch let failure as ValidationFailure {
            return try await renderItem(req, plan, item, form: form, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    /// The edit form of one item, with what was typed after an error (422).
    private static func renderItem(
        _ req: Request, _ plan: InstansiPlan, _ item: InstansiPlanItem, form: InstansiPlanItemForm,
        errors: [FieldError]
    ) async throws -> Response {
        let planID = try plan.requireID()
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: req.db).sorted { $0.value < $1.value }
            .map { ($0.key, $0.value) }
        struct Model: Encodable { let form: FormModel }
        let model = Model(
            form: form.model(
                action: SiteURL.instansiPlanItemEdit(planID, item: try item.requireID()).path,
                cancel: SiteURL.instansiPlan(planID).path, opds: opds,
                programmes: try await InstansiPlanQueries.programmeOptions(plan.instansiID, on: req.db), errors: errors,
                submitLabel: "Simpan butir"))
        return try await req.renderPage(
            "development/instansi-plan-item", title: "Ubah Butir Rencana \(plan.year)",
            crumbs: crumbs + [Crumb(String(plan.year), .instansiPlan(planID)), Crumb("Ubah butir")], model,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The budget and the ceiling per OPD: fields `budget` and `ceiling_<opdId>` (blank = none).
    static func budget(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        if let refused = try refusedEdit(req, plan, who) { return refused }
        let fields = try req.content.decode([String: String].self)
        do {
            var v = FieldValidator()
            let budget = InstansiPlanItemForm.number(fields["budget"])
            v.require(budget != nil, field: "budget", "Anggaran harus angka Rupiah tanpa desimal.")
            var ceilings: [CeilingInput] = []
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) where key.hasPrefix("ceiling_") {
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty,
                    let opd = UUID(uuidString: String(key.dropFirst("ceiling_".count)))
                else { continue }
                guard let amount = InstansiPlanItemForm.number(value) else {
                    v.add(field: key, "Pagu harus angka Rupiah tanpa desimal.")
                    continue
                }
                ceilings.append(.init(opdId: opd, amount: amount))
            }
            try v.check()
            try await InstansiPlanService.setBudget(
                .init(budget: budget!, ceilings: ceilings), plan: plan, who: who, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Anggaran dan pagu OPD disimpan.", to: req)
        } catch let failure as ValidationFailure {
            return try await renderDetail(
                req, plan, who, form: InstansiPlanItemForm(), errors: [],
                budget: BudgetTyped(fields: fields, error: failure.errors.map(\.message).joined(separator: " ")))
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    static func transition(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(InstansiPlanTransitionInput.self)
        do {
            try await InstansiPlanService.transition(input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
            let to = InstansiPlanStatus(rawValue: input.to)?.label ?? input.to
            Flash.add(.success, "Status rencana sekarang: \(to).", to: req)
        } catch let failure as ValidationFailure {
            return try await renderDetail(
                req, plan, who, form: InstansiPlanItemForm(), errors: [],
                decreeError: failure.errors.map(\.message).joined(separator: " "))
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    static func revise(req: Request) async throws -> Response {
        let actor = try req.actor
        let (plan, who) = try await InstansiPlanService.find(try req.parameters.require("id"), actor, on: req.db)
        let input = try req.content.decode(InstansiPlanRevisionInput.self)
        try await flashing(req) {
            let n = try await InstansiPlanService.revise(
                input, plan: plan, who: who, actor: actor, at: req.now, on: req.db)
            return "Revisi \(n) dibuka; rencana kembali menjadi draf. Versi yang ditetapkan tetap tersimpan."
        }
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    /// Before a form is read: a plan the user may not edit (not a draft, or not BKPPD) sends them
    /// back to it with the reason; nil when they may.
    private static func refusedEdit(_ req: Request, _ plan: InstansiPlan, _ who: InstansiPlanActor) throws -> Response?
    {
        guard case .failure(let refusal) = InstansiPlanWorkflow.canEdit(plan.planStatus, by: who) else { return nil }
        Flash.add(.error, refusal.message, to: req)
        return try req.redirect(to: SiteURL.instansiPlan(plan.requireID()).path)
    }

    /// Runs a form's write whose page is shown again after a redirect: the success message, or
    /// what was refused (a field problem, a 409), becomes the flash message there.
    private static func flashing(_ req: Request, _ write: () async throws -> String) async throws {
        do {
            Flash.add(.success, try await write(), to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
    }

    struct PrintQuery: Content {
        var revision: Int?
    }

    /// The printable plan (A4 landscape), or an earlier adopted version with `revision=N`;
    /// `format=xlsx` downloads it.
    static func printable(req: Request) async throws -> Response {
        let (plan, who) = try await InstansiPlanService.find(
            try req.parameters.require("id"), try req.actor, on: req.db)
        let q = try req.query.decode(PrintQuery.self)
        var d = try await InstansiPlanPage.dto(plan, who: who, on: req.db)
        var isSnapshot = false
        if let n = q.revision {
            guard
                let r = try await InstansiPlanQueries.revisions(of: plan.requireID(), on: req.db).first(where: {
                    $0.number == n
                })
            else { throw Abort(.notFound, reason: "Revisi \(n) tidak ditemukan.") }
            d = try InstansiPlanPage.decodeSnapshot(r.snapshot)
            isSnapshot = true
        }
        if let format = try Export.requested(req) {
            return try Export.response(
                InstansiPlanDetailModel.table(d), filename: "rencana-pengembangan-\(plan.year)", format: format,
                sheet: "Rencana \(plan.year)")
        }
        let model = InstansiPlanDetailModel(
            d, instansi: try await InstansiPlanQueries.instansiName(plan.instansiID, on: req.db), canRevise: false,
            form: nil, opds: [],
            isSnapshot: isSnapshot,
            ppkName: try await InstansiPlanQueries.ppkLabel(
                try await InstansiPlanQueries.ppkUserID(plan.instansiID, on: req.db), on: req.db))
        return try await req.renderPage(
            "development/instansi-plan-print", title: model.title,
            crumbs: crumbs + [Crumb(String(plan.year), .instansiPlan(plan.requireID())), Crumb("Cetak")], model)
    }

    static func realisation(req: Request) async throws -> Response {
        let (plan, _) = try await InstansiPlanService.find(try req.parameters.require("id"), try req.actor, on: req.db)
        let r = try await InstansiPlanPage.realisation(plan, on: req.db)
        if try Export.requested(req) != nil {
            return try Export.workbook(
                InstansiPlanRealisationModel.sheets(r), filename: "realisasi-rencana-pengembangan-\(plan.year)")
        }
        let model = InstansiPlanRealisationModel(r, planID: try plan.requireID())
        return try await req.renderPage(
            "development/instansi-plan-realisation", title: "Realisasi Rencana Pengembangan \(plan.year)",
            crumbs: crumbs + [Crumb(String(plan.year), .instansiPlan(plan.requireID())), Crumb("Realisasi")], model)
    }
}
