import Fluent
import KompetenCore
import Vapor

/// Plan pages: an employee's plans, one plan (items, workflow buttons), and the approval inbox
/// with bulk approval and outside learning waiting for verification.
enum PlansController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.plans.pathComponents, use: inbox)
        web.post(SiteURL.planBulkApprove.pathComponents, use: bulkApprove)
        web.get(SiteURL.employeePlans(.routeParameter).pathComponents, use: employeePlans)
        web.post(SiteURL.employeePlans(.routeParameter).pathComponents, use: create)
        web.get(SiteURL.plan(.routeParameter).pathComponents, use: show)
        web.post(SiteURL.planItems(.routeParameter).pathComponents, use: addItem)
        web.post(SiteURL.planItemDelete(.routeParameter, item: .routeParameter).pathComponents, use: removeItem)
        web.post(SiteURL.planTransition(.routeParameter).pathComponents, use: transition)
    }

    // MARK: An employee's plans

    static func employeePlans(req: Request) async throws -> Response {
        let actor = try req.actor
        let employee = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        let plans = try await PlanService.plans(of: employee.requireID(), actor: actor, on: req.db)
        let who = try await PlanService.planActor(actor, employee, on: req.db)
        let year = WITA.today(req.now).year
        let model = EmployeePlansModel(
            employee: employee, plans: plans, canCreate: who.isAuthor,
            suggestedYear: plans.contains { $0.year == year } ? year + 1 : year)
        return try await req.renderPage(
            "plans/employee", title: "Rencana Pengembangan — \(employee.name)",
            crumbs: [
                Crumb("Pegawai", .employees), Crumb(employee.name, .employee(employee.requireID())),
                Crumb("Rencana pengembangan"),
            ], model)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        let employeeID: UUID = try req.parameters.require("id")
        // Someone the actor may not write a plan for is a 403/404 before the form is even validated.
        try await AccessFirst.authorPlan(employeeID, actor, on: req.db)
        struct Posted: Content {
            var year: String?
            var fromTna: String?
        }
        let posted = try req.content.decode(Posted.self)
        do {
            guard let year = Int(posted.year ?? "") else {
                throw ValidationFailure(errors: [.init(field: "year", message: "Isi tahun rencana.")])
            }
            let plan = try await PlanService.create(
                employeeID: employeeID, PlanInput(year: year, items: nil, fromTna: posted.fromTna == "1"),
                actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Rencana \(year) dibuat sebagai draf.", to: req)
            return try req.redirect(to: SiteURL.plan(plan.requireID()).path)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.employeePlans(employeeID).path)
    }

    // MARK: One plan

    static func show(req: Request) async throws -> Response {
        try await render(req, planID: try req.parameters.require("id"), itemValues: .init(), errors: [])
    }

    static func render(_ req: Request, planID: UUID, itemValues: ItemFormValues, errors: [FieldError]) async throws
        -> Response
    {
        let actor = try req.actor
        let (plan, employee) = try await PlanService.find(planID, actor, on: req.db)
        let dto = try await PlanService.dto(plan, on: req.db)
        let who = try await PlanService.planActor(actor, employee, on: req.db)
        let canEdit = PlanWorkflow.canEditItems(plan.planStatus, by: who)
        let programmes =
            canEdit
            ? try await ProgrammeQueries.active(actor, on: req.db) : []
        let competencies =
            canEdit
            ? try await CompetencyQueries.inUse(actor, on: req.db) : []
        let enrolments = try await PlanQueries.enrolments(itemIDs: dto.items.map(\.id), on: req.db)
        let gap = try await GapEngine.employee(employee, on: req.db)
        let jp = try await JPQueries.status(employee, year: plan.year, on: req.db)
        let model = PlanPageModel(
            plan: plan, dto: dto, employee: employee, steps: PlanWorkflow.available(from: plan.planStatus, by: who),
            canEdit: canEdit, programmes: programmes, competencies: competencies, enrolments: enrolments,
            gap: gap, jp: jp, itemValues: itemValues, errors: errors)
        return try await req.renderPage(
            "plans/show", title: "Rencana Pengembangan \(plan.year) — \(employee.name)",
            crumbs: [
                Crumb("Pegawai", .employees), Crumb(employee.name, .employee(employee.requireID())),
                Crumb("Rencana", .employeePlans(employee.requireID())), Crumb(String(plan.year)),
            ],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct ItemFormValues: Content {
        var programId: String?, competencyCode: String?, title: String?, jp: String?, note: String?
        init() {}
        var input: PlanItemInput {
            PlanItemInput(
                programId: UUID(uuidString: programId ?? ""), competencyCode: competencyCode, title: title,
                jp: Int(jp ?? ""), note: note)
        }
    }

    static func addItem(req: Request) async throws -> Response {
        let planID: UUID = try req.parameters.require("id")
        try await AccessFirst.plan(planID, try req.actor, on: req.db) // access before the form is read
        let values = try req.content.decode(ItemFormValues.self)
        do {
            let item = try await PlanService.addItem(
                planID: planID, values.input, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Butir \(item.title) ditambahkan.", to: req)
            return req.redirect(to: SiteURL.plan(planID).path)
        } catch let failure as ValidationFailure {
            let errors = failure.errors.map {
                FieldError(field: $0.field.replacingOccurrences(of: "item.", with: ""), message: $0.message)
            }
            return try await render(req, planID: planID, itemValues: values, errors: errors)
        }
    }

    static func removeItem(req: Request) async throws -> Response {
        let planID: UUID = try req.parameters.require("id")
        try await PlanService.removeItem(
            planID: planID, itemID: try req.parameters.require("item"), actor: try req.actor, at: req.now, on: req.db)
        Flash.add(.success, "Butir dihapus dari rencana.", to: req)
        return req.redirect(to: SiteURL.plan(planID).path)
    }

    static func transition(req: Request) async throws -> Response {
        let planID: UUID = try req.parameters.require("id")
        struct Posted: Content {
            var to: String?
            var reason: String?
        }
        try await AccessFirst.plan(planID, try req.actor, on: req.db) // access before the form is read
        let posted = try req.content.decode(Posted.self)
        do {
            let plan = try await PlanService.transition(
                planID, to: posted.to ?? "", reason: posted.reason, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Status rencana sekarang: \(plan.planStatus.label).", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.plan(planID).path)
    }

    // MARK: Approval inbox

    static func inbox(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.approvalInbox(actor).require()
        let waiting = try await PlanService.inbox(actor, on: req.db)
        let totals = try await PlanItemTotals.load(waiting.map { try $0.0.requireID() }, on: req.db)
        let learning = try await LearningQueries.awaitingVerification(actor, on: req.db)
        let model = InboxModel(plans: waiting, totals: totals, learning: learning)
        return try await req.renderPage(
            "plans/inbox", title: "Persetujuan Rencana Pengembangan", crumbs: [Crumb("Persetujuan rencana")], model)
    }

    static func bulkApprove(req: Request) async throws -> Response {
        struct Posted: Content { var plan: [String]? }
        try AccessPolicy.mayApprovePlans(try req.actor).require() // access before the form is read
        let ids = (try req.content.decode(Posted.self).plan ?? []).compactMap(UUID.init(uuidString:))
        do {
            let n = try await PlanService.bulkApprove(ids, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "\(n) rencana disetujui.", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict || abort.status == .forbidden {
            Flash.add(.error, "Tidak ada rencana yang disetujui. " + abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.plans.path)
    }
}
