import Fluent
import KompetenCore
import Vapor

/// Individual development plans: drafting, items from the needs analysis or proposed, and the
/// approval workflow (rules in `PlanWorkflow`), every change in the audit log.
enum PlanService {
    /// How the actor stands to the plan's employee, for the workflow rule.
    static func planActor(_ actor: Principal, _ employee: Employee, on db: any Database) async throws -> PlanActor {
        planActor(actor, employee, opd: try await Unit.find(employee.unitID, on: db)?.opdID)
    }

    static func planActor(_ actor: Principal, _ employee: Employee, opd: UUID?) -> PlanActor {
        PlanActor(actor, employeeID: employee.id, supervisorID: employee.supervisorID, opdID: opd)
    }

    static func find(_ id: UUID?, _ actor: Principal, on db: any Database) async throws -> (DevelopmentPlan, Employee) {
        let plan = try await DevelopmentPlan.findScoped(id, actor, on: db, what: "Rencana pengembangan")
        let employee = try await EmployeeQueries.find(plan.employeeID, for: actor, .read, on: db)
        return (plan, employee)
    }

    static func plans(of employeeID: UUID, actor: Principal, on db: any Database) async throws -> [DevelopmentPlan] {
        _ = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        return try await DevelopmentPlan.scopedQuery(actor, on: db).filter(\.$employeeID == employeeID).sort(
            \.$year, .descending
        ).all()
    }

    static func create(employeeID: UUID, _ input: PlanInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> DevelopmentPlan
    {
        let employee = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        let who = try await planActor(actor, employee, on: db)
        guard who.isAuthor else {
            throw Abort(.forbidden, reason: "Rencana disusun oleh pegawai sendiri, operator OPD-nya, atau Admin BKPPD.")
        }
        guard (2000...2100).contains(input.year) else {
            throw ValidationFailure(errors: [.init(field: "year", message: "Tahun 2000–2100.")])
        }
        if try await DevelopmentPlan.query(on: db).filter(\.$employeeID == employeeID).filter(\.$year == input.year)
            .count() > 0
        {
            throw Abort(.conflict, reason: "Rencana pengembangan \(employee.name) tahun \(input.year) sudah ada.")
        }
        let source: PlanItemSource = who.isOwner ? .employee : .operator
        var drafted = try await (input.items ?? []).enumerated().asyncMap { i, item in
            try await newItem(item, source: source, field: "items.\(i)", actor: actor, at: now, on: db)
        }
        if input.fromTna == true {
            drafted += try await tnaItems(
                for: employee, skipping: Set(drafted.compactMap(\.programmeID)), at: now, on: db)
        }
        let items = drafted
        let plan = DevelopmentPlan()
        plan.id = UUID()
        plan.instansiID = employee.instansiID
        plan.employeeID = employeeID
        plan.year = input.year
        plan.status = PlanStatus.draft.rawValue
        plan.createdAt = now
        plan.updatedAt = now
        return try await db.transaction { db in
            try await plan.create(on: db)
            for item in items { item.planID = try plan.requireID() }
            if !items.isEmpty { try await items.create(on: db) }
            try await AuditLog.record(
                .create, entity: "plan", id: plan.id,
                summary: "Membuat rencana pengembangan \(input.year) untuk \(employee.nip) \(employee.name)",
                before: Optional<PlanDTO>.none, after: try await dto(plan, on: db), actor: actor,
                instansiID: plan.instansiID, at: now, on: db)
            return plan
        }
    }

    /// A new (unsaved) item: a catalogue programme, or a free-text activity with its JP.
    static func newItem(
        _ input: PlanItemInput, source: PlanItemSource, field: String, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> PlanItem {
        let item = PlanItem()
        item.id = UUID()
        item.source = source.rawValue
        item.createdAt = now
        item.note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var v = FieldValidator()
        v.require(TextRules.fits(item.note, 0...1000), field: "\(field).note", "Catatan paling panjang 1.000 karakter.")
        if let code = input.competencyCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            if let c = try await Competency.scopedQuery(actor, on: db).filter(\.$code == code).first() {
                item.competencyID = c.id
            } else {
                v.add(field: "\(field).competencyCode", "Kompetensi \(code) tidak ada di kamus.")
            }
        }
        if let programmeID = input.programId {
            if let p = try await Programme.scopedQuery(actor, on: db).filter(\.$id == programmeID).first(), p.isActive {
                item.programmeID = p.id
                item.title = p.title
                item.jp = p.jp
                item.estimatedCost = p.costPerParticipant
            } else {
                v.add(field: "\(field).programId", "Program tidak ada di katalog (atau nonaktif).")
            }
        } else {
            let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(
                TextRules.fits(title, 3...300), field: "\(field).title",
                "Pilih program dari katalog, atau tulis judul kegiatan (3–300 karakter).")
            v.require((0...200).contains(input.jp ?? 0), field: "\(field).jp", "JP 0–200.")
            item.title = title
            item.jp = input.jp ?? 0
            item.estimatedCost = 0
        }
        try v.check()
        return item
    }

    /// One item per competency below standard, with the programme the needs analysis ranks first
    /// (closing the whole gap, cheapest); a programme is proposed once even if it raises several.
    static func tnaItems(for employee: Employee, skipping: Set<UUID>, at now: Date, on db: any Database) async throws
        -> [PlanItem]
    {
        let needs = try await TNAQueries.needs(
            instansiID: employee.instansiID, unitIDs: nil, employeeID: employee.id, on: db)
        let catalogue = try await TNAQueries.catalogue(instansiID: employee.instansiID, on: db)
        var used = skipping
        var items: [PlanItem] = []
        for need in needs {
            let ids = catalogue.analysis.matches(competencyCode: need.competencyCode, gap: need.gap)
            guard let first = ids.compactMap({ UUID(uuidString: $0) }).first(where: { !used.contains($0) }),
                let p = catalogue.programmes[first]
            else { continue }
            used.insert(first)
            let item = PlanItem()
            item.id = UUID()
            item.programmeID = first
            item.competencyID = need.competencyID
            item.title = p.title
            item.jp = p.jp
            item.estimatedCost = p.costPerParticipant
            item.source = PlanItemSource.tna.rawValue
            item.note = "Kesenjangan \(need.competencyCode): \(need.gap) level"
            item.createdAt = now
            items.append(item)
        }
        return items
    }

    static func addItem(planID: UUID, _ input: PlanItemInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> PlanItem
    {
        let (plan, employee) = try await find(planID, actor, on: db)
        let who = try await planActor(actor, employee, on: db)
        guard PlanWorkflow.canEditItems(plan.planStatus, by: who) else {
            throw Abort(
                .conflict,
                reason: plan.planStatus == .draft
                    ? "Peran Anda tidak dapat mengubah rencana ini."
                    : "Butir rencana hanya dapat diubah selama rencana berstatus Draf (sekarang: \(plan.planStatus.label))."
            )
        }
        let item = try await newItem(
            input, source: who.isOwner ? .employee : .operator, field: "item", actor: actor, at: now, on: db)
        item.planID = planID
        return try await db.transaction { db in
            try await item.create(on: db)
            plan.updatedAt = now
            try await plan.save(on: db)
            try await AuditLog.record(
                .update, entity: "plan", id: plan.id,
                summary: "Menambah butir \(item.title) ke rencana \(plan.year) \(employee.nip)",
                before: Optional<PlanItemDTO>.none, after: try await itemDTOs([item], on: db).first, actor: actor,
                instansiID: plan.instansiID, at: now, on: db)
            return item
        }
    }

    static func removeItem(planID: UUID, itemID: UUID, actor: Principal, at now: Date, on db: any Database) async throws
    {
        let (plan, employee) = try await find(planID, actor, on: db)
        guard PlanWorkflow.canEditItems(plan.planStatus, by: try await planActor(actor, employee, on: db)) else {
            throw Abort(
                .conflict, reason: "Butir rencana hanya dapat diubah oleh penyusunnya selama rencana berstatus Draf.")
        }
        guard let item = try await PlanItem.query(on: db).filter(\.$id == itemID).filter(\.$planID == planID).first()
        else {
            throw Abort(.notFound, reason: "Butir rencana tidak ditemukan.")
        }
        let before = try await itemDTOs([item], on: db).first
        try await db.transaction { db in
            try await item.delete(on: db)
            try await AuditLog.record(
                .update, entity: "plan", id: plan.id,
                summary: "Menghapus butir \(item.title) dari rencana \(plan.year) \(employee.nip)",
                before: before, after: Optional<PlanItemDTO>.none, actor: actor, instansiID: plan.instansiID, at: now,
                on: db)
        }
    }

    /// One step of the workflow. A step the state or the role does not allow is a conflict (409);
    /// a rejection without a reason is a field error (422).
    static func transition(
        _ planID: UUID, to target: String, reason: String?, actor: Principal, at now: Date, on db: any Database
    ) async throws -> DevelopmentPlan {
        let (plan, employee) = try await find(planID, actor, on: db)
        let who = try await planActor(actor, employee, on: db)
        let read = plan.status
        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                plan.status = read // a rerun after a lock conflict starts from what was read
                try await step(plan, employee, by: who, to: target, reason: reason, actor: actor, at: now, on: db)
                return plan
            }
        }
    }

    private static func step(
        _ plan: DevelopmentPlan, _ employee: Employee, by who: PlanActor, to target: String, reason: String?,
        actor: Principal, at now: Date, on db: any Database
    ) async throws {
        guard let to = PlanStatus(rawValue: target) else {
            throw ValidationFailure(errors: [
                .init(
                    field: "to",
                    message: "Status tujuan harus salah satu dari: "
                        + PlanStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            ])
        }
        let from = plan.planStatus
        switch PlanWorkflow.check(from: from, to: to, by: who, reason: reason) {
        case .success: break
        case .failure(.reasonRequired):
            throw ValidationFailure(errors: [.init(field: "reason", message: PlanRefusal.reasonRequired.message)])
        case .failure(let refusal): throw Abort(.conflict, reason: refusal.message)
        }
        if to == .submitted, try await PlanItem.query(on: db).filter(\.$planID == plan.requireID()).count() == 0 {
            throw Abort(.conflict, reason: "Rencana tanpa butir tidak dapat diajukan.")
        }
        let why = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // The step was checked against the status read before; it is made only if the plan is
        // still in that status, so two approvals (or an approval and a rejection) sent together
        // do not both happen.
        try await StateTransition.require(
            DevelopmentPlan.schema, id: plan.requireID(), from: [from.rawValue], to: to.rawValue,
            conflict:
                "Rencana ini sudah diubah oleh permintaan lain (sekarang bukan lagi \(from.label)). Muat ulang halaman.",
            on: db)
        plan.status = to.rawValue
        plan.updatedAt = now
        if to == .rejected {
            plan.rejectionReason = why
        } else if to == .draft || to == .submitted {
            plan.rejectionReason = nil
        }
        try await plan.save(on: db)
        struct Step: Encodable {
            let status: String
            let reason: String?
        }
        try await AuditLog.record(
            .update, entity: "plan", id: plan.id,
            summary: "Rencana \(plan.year) \(employee.nip) \(employee.name): \(from.label) → \(to.label)"
                + (why.isEmpty ? "" : " (\(why))"),
            before: Step(status: from.rawValue, reason: nil),
            after: Step(status: to.rawValue, reason: why.isEmpty ? nil : why),
            actor: actor, instansiID: plan.instansiID, at: now, on: db)
    }

    /// A supervisor (or BKPPD) approves many plans at once: all or none, so a refused plan
    /// leaves every other one as it was and the page says which one.
    static func bulkApprove(_ planIDs: [UUID], actor: Principal, at now: Date, on db: any Database) async throws -> Int
    {
        guard !planIDs.isEmpty else {
            throw ValidationFailure(errors: [.init(field: "plans", message: "Pilih minimal satu rencana.")])
        }
        // Plans, their employees and those employees' OPDs in three reads, however many are ticked.
        let ids = Array(Set(planIDs))
        let plans = try await DevelopmentPlan.scopedQuery(actor, on: db).filter(\.$id ~~ ids).sort(\.$id).all()
        guard plans.count == ids.count else { throw Abort(.notFound, reason: "Rencana pengembangan tidak ditemukan.") }
        let employees = Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$id ~~ plans.map(\.employeeID)).all().map {
                try ($0.requireID(), $0)
            })
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(
                \.$id ~~ Array(Set(employees.values.map(\.unitID)))
            ).all().map { try ($0.requireID(), $0.opdID) })
        let read = try Dictionary(uniqueKeysWithValues: plans.map { try ($0.requireID(), $0.status) })
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                for plan in plans { plan.status = read[try plan.requireID()]! } // a rerun starts from what was read
                for plan in plans {
                    guard let employee = employees[plan.employeeID] else {
                        throw Abort(.notFound, reason: "Pegawai tidak ditemukan.")
                    }
                    let opd = opdOf[employee.unitID] ?? nil
                    try AccessPolicy.employee(
                        actor, .read, Placement(instansiID: employee.instansiID, opdID: opd),
                        employeeID: employee.requireID(), supervisorID: employee.supervisorID
                    ).require()
                    let target: PlanStatus = plan.planStatus == .submitted ? .approvedSupervisor : .approved
                    do {
                        try await step(
                            plan, employee, by: planActor(actor, employee, opd: opd), to: target.rawValue, reason: nil,
                            actor: actor, at: now, on: db)
                    } catch let abort as any AbortError {
                        throw Abort(abort.status, reason: "\(employee.name): \(abort.reason)")
                    }
                }
            }
        }
        return plans.count
    }

    /// Plans waiting for this actor's decision: a supervisor's subordinates' submitted plans;
    /// for BKPPD, plans approved by supervisors and submitted plans of people without one.
    static func inbox(_ actor: Principal, on db: any Database) async throws -> [(DevelopmentPlan, Employee)] {
        var plans: [DevelopmentPlan] = []
        var employees: [Employee] = []
        switch AccessPolicy.approvalQueue(actor) {
        case .bkppd:
            plans = try await DevelopmentPlan.scopedQuery(actor, on: db)
                .filter(\.$status ~~ [PlanStatus.approvedSupervisor.rawValue, PlanStatus.submitted.rawValue]).sort(
                    \.$updatedAt
                ).limit(2000).all()
            employees = try await Employee.query(on: db).filter(\.$id ~~ plans.map(\.employeeID)).all()
            let byID = try Dictionary(uniqueKeysWithValues: employees.map { try ($0.requireID(), $0) })
            plans = plans.filter { $0.planStatus == .approvedSupervisor || byID[$0.employeeID]?.supervisorID == nil }
        case .nothing: return []
        case .subordinates(let me):
            employees = try await Employee.scopedQuery(actor, on: db).filter(\.$supervisorID == me).all()
            plans = try await DevelopmentPlan.scopedQuery(actor, on: db).filter(
                \.$employeeID ~~ employees.map { try $0.requireID() }
            )
            .filter(\.$status == PlanStatus.submitted.rawValue).sort(\.$updatedAt).all()
        }
        let byID = try Dictionary(uniqueKeysWithValues: employees.map { try ($0.requireID(), $0) })
        return plans.compactMap { p in byID[p.employeeID].map { (p, $0) } }
    }

    static func itemDTOs(_ items: [PlanItem], on db: any Database) async throws -> [PlanItemDTO] {
        let codes = try await PositionService.codesByID(Set(items.compactMap(\.competencyID)), on: db)
        return try items.map { i in
            try PlanItemDTO(
                id: i.requireID(), programId: i.programmeID, competencyCode: i.competencyID.flatMap { codes[$0] },
                title: i.title, jp: i.jp,
                estimatedCost: i.estimatedCost, source: i.source, note: i.note)
        }
    }

    static func dto(_ plan: DevelopmentPlan, on db: any Database) async throws -> PlanDTO {
        let items = try await PlanItem.query(on: db).filter(\.$planID == plan.requireID()).sort(\.$createdAt).sort(
            \.$title
        ).all()
        let dtos = try await itemDTOs(items, on: db)
        return try PlanDTO(
            id: plan.requireID(), employeeId: plan.employeeID, year: plan.year, status: plan.status,
            rejectionReason: plan.rejectionReason,
            items: dtos, totalJp: dtos.reduce(0) { $0 + $1.jp }, totalCost: dtos.reduce(0) { $0 + $1.estimatedCost })
    }
}
