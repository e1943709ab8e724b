import Fluent
import KompetenCore
import Vapor

/// The budget-optimal annual plan: reads the city's gaps, JP so far, the catalogue and the seats
/// of the year, asks `PlanOptimiser`, and — when BKPPD adopts it — writes the plan items.
enum AnnualPlanService {
    struct Request: Content {
        var year: Int
        var budget: Int
        var unitId: UUID?
    }

    struct Outcome: Sendable {
        let year: Int
        let budget: Int
        let result: PlanResult
        /// The same optimiser without the 20 JP priority, for comparison only (never adopted).
        let gapOnly: PlanResult
        let candidates: Int
        let pnsCandidates: Int
        let programmes: [UUID: Programme]
        let employees: [UUID: JPQueries.Person]
        let seconds: Double
    }

    static let maxBudget = 1_000_000_000_000

    static func validate(_ r: Request) throws {
        var v = FieldValidator()
        v.require((2000...2100).contains(r.year), field: "year", "Tahun 2000–2100.")
        v.require((0...maxBudget).contains(r.budget), field: "budget", "Anggaran Rp 0 – Rp 1 triliun.")
        try v.check()
    }

    /// Who may be planned for: the whole instansi or the unit's subtree (BKPPD only).
    static func scope(_ r: Request, actor: Principal, on db: any Database) async throws -> (
        instansiID: UUID, unitIDs: [UUID]?, tree: UnitTree<UUID>
    ) {
        try AccessPolicy.annualPlan(actor).require()
        let instansiID = actor.instansiID!
        let tree = try await UnitQueries.tree(instansiID: instansiID, on: db)
        guard let unitID = r.unitId else { return (instansiID, nil, tree) }
        let unit = try await Unit.findScoped(unitID, actor, on: db, what: "Unit")
        return try (instansiID, tree.subtree(of: unit.requireID()), tree)
    }

    static func run(_ r: Request, actor: Principal, on db: any Database) async throws -> Outcome {
        try validate(r)
        let (instansiID, unitIDs, tree) = try await scope(r, actor: actor, on: db)
        let settings = try await SettingsQueries.development(instansiID, on: db)
        let people = try await JPQueries.people(instansiID: instansiID, unitIDs: unitIDs, year: r.year, on: db)
        let needs = try await TNAQueries.gaps(instansiID: instansiID, unitIDs: unitIDs, on: db)
        let codes = try await GapEngine.competencyCodes(instansiID, on: db)
        let open = try await openJP(instansiID: instansiID, year: r.year, on: db)
        var gaps: [UUID: [String: Int]] = [:]
        for n in needs { if let code = codes[n.competencyID] { gaps[n.employeeID, default: [:]][code] = n.gap } }

        // Front line: every kecamatan and kelurahan, and the units BKPPD lists (with their sub-units).
        var frontLine = Set(
            tree.flattened().map(\.0).filter { $0.kind == .kecamatan || $0.kind == .kelurahan }.map(\.id))
        for (node, _) in tree.flattened() where settings.frontLineUnitCodes.contains(node.code) {
            frontLine.formUnion(tree.subtree(of: node.id))
        }
        let publicService = DevelopmentSettings.publicServiceCode
        let frontWeight = (settings.weights[publicService] ?? 1) * settings.frontLineMultiplier

        let candidates = people.map { p in
            PlanCandidate(
                id: p.id.uuidString, isPNS: p.kind == .pns, jpSoFar: p.jp + (open[p.id] ?? 0), gaps: gaps[p.id] ?? [:],
                weights: frontLine.contains(p.unitID) ? [publicService: frontWeight] : [:])
        }
        let catalogue = try await TNAQueries.catalogue(instansiID: instansiID, on: db)
        let seats = try await seatsInYear(instansiID: instansiID, year: r.year, on: db)
        let programmes = try catalogue.programmes.values.map { p in
            try PlanProgramme(
                id: p.requireID().uuidString, costPerParticipant: p.costPerParticipant,
                capacity: seats[p.requireID()] ?? p.capacity, jp: p.jp,
                raises: Dictionary(
                    (catalogue.raises[p.requireID()] ?? []).map { ($0.competencyCode, $0.levelGain) },
                    uniquingKeysWith: max))
        }
        let started = Date()
        let result = PlanOptimiser.plan(
            programmes: programmes, candidates: candidates, weights: settings.weights, budget: r.budget)
        let gapOnly = PlanOptimiser.plan(
            programmes: programmes, candidates: candidates, weights: settings.weights, budget: r.budget,
            prioritise20JP: false)
        return Outcome(
            year: r.year, budget: r.budget, result: result, gapOnly: gapOnly, candidates: candidates.count,
            pnsCandidates: candidates.filter(\.isPNS).count, programmes: catalogue.programmes,
            employees: Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) }),
            seconds: Date().timeIntervalSince(started))
    }

    /// JP of open enrolments (not yet completed) ending in the year, per employee: they count
    /// toward the 20 JP already, so the plan does not buy them twice.
    static func openJP(instansiID: UUID, year: Int, on db: any Database) async throws -> [UUID: Int] {
        let batches = try await Batch.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$endDate >= String(format: "%04d-01-01", year)).filter(
                \.$endDate <= String(format: "%04d-12-31", year)
            ).all()
        guard !batches.isEmpty else { return [:] }
        let programmes = try await Programme.query(on: db).filter(\.$id ~~ Set(batches.map(\.programmeID))).all()
        let jp = try Dictionary(uniqueKeysWithValues: programmes.map { try ($0.requireID(), $0.jp) })
        var result: [UUID: Int] = [:]
        for chunk in batches.map({ $0.id! }).chunked(500) {
            let open = try await Enrolment.query(on: db).filter(\.$batchID ~~ Array(chunk)).filter(
                \.$status == EnrolmentStatus.enrolled.rawValue
            ).all()
            for e in open { result[e.employeeID, default: 0] += jp[e.programmeID] ?? 0 }
        }
        return result
    }

    /// Free seats per programme in batches starting in the year; a programme with no batch that
    /// year offers one batch of its usual capacity (BKPPD schedules it once the plan is adopted).
    static func seatsInYear(instansiID: UUID, year: Int, on db: any Database) async throws -> [UUID: Int] {
        let batches = try await Batch.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$startDate >= String(format: "%04d-01-01", year)).filter(
                \.$startDate <= String(format: "%04d-12-31", year)
            ).all()
        var seats: [UUID: Int] = [:]
        for b in batches { seats[b.programmeID, default: 0] += max(0, b.capacity - b.seatsTaken) }
        return seats
    }

    struct Adoption: Content {
        let plansCreated: Int
        let itemsAdded: Int
        let skipped: Int
    }

    /// Writes the plan: a draft plan per employee for the year (or the existing draft), one item
    /// per chosen programme not already in it. Plans already submitted or approved are left as
    /// they are and counted as skipped. One transaction.
    static func adopt(_ outcome: Outcome, actor: Principal, at now: Date, on db: any Database) async throws -> Adoption
    {
        // Plans are adopted for the year under way or the next one; anything else is a typo that
        // would write thousands of plans into the wrong year.
        let thisYear = WITA.today(now).year
        guard outcome.year == thisYear || outcome.year == thisYear + 1 else {
            throw ValidationFailure(errors: [
                .init(
                    field: "year",
                    message: "Rencana tahunan hanya dapat diadopsi untuk tahun \(thisYear) atau \(thisYear + 1).")
            ])
        }
        let byEmployee = Dictionary(grouping: outcome.result.enrolments, by: \.candidate)
        let employeeIDs = byEmployee.keys.compactMap(UUID.init(uuidString:))
        var existing: [UUID: DevelopmentPlan] = [:]
        for chunk in employeeIDs.chunked(500) {
            for p in try await DevelopmentPlan.query(on: db).filter(\.$employeeID ~~ Array(chunk)).filter(
                \.$year == outcome.year
            ).all() {
                existing[p.employeeID] = p
            }
        }
        var existingItems: [UUID: Set<UUID>] = [:]
        let draftIDs = try existing.values.filter { $0.planStatus == .draft }.map { try $0.requireID() }
        for chunk in draftIDs.chunked(500) {
            for i in try await PlanItem.query(on: db).filter(\.$planID ~~ Array(chunk)).all() {
                if let p = i.programmeID { existingItems[i.planID, default: []].insert(p) }
            }
        }
        var created = 0
        var added = 0
        var skipped = 0
        var newPlans: [DevelopmentPlan] = []
        var items: [PlanItem] = []
        for employeeID in employeeIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            let plan: DevelopmentPlan
            if let p = existing[employeeID] {
                guard p.planStatus == .draft else {
                    skipped += 1
                    continue
                }
                plan = p
            } else {
                plan = DevelopmentPlan()
                plan.id = UUID()
                plan.instansiID = actor.instansiID!
                plan.employeeID = employeeID
                plan.year = outcome.year
                plan.status = PlanStatus.draft.rawValue
                plan.createdAt = now
                plan.updatedAt = now
                newPlans.append(plan)
                created += 1
            }
            for e in byEmployee[employeeID.uuidString] ?? [] {
                guard let pid = UUID(uuidString: e.programme), let p = outcome.programmes[pid],
                    !(existingItems[try plan.requireID()]?.contains(pid) ?? false)
                else { continue }
                let item = PlanItem()
                item.id = UUID()
                item.planID = try plan.requireID()
                item.programmeID = pid
                item.title = p.title
                item.jp = p.jp
                item.estimatedCost = p.costPerParticipant
                item.source = PlanItemSource.optimiser.rawValue
                item.note = "Rencana tahunan \(outcome.year) (anggaran \(IndonesianFormat.money(outcome.budget)))"
                item.createdAt = now
                items.append(item)
                added += 1
            }
        }
        let adoption = Adoption(plansCreated: created, itemsAdded: added, skipped: skipped)
        let (plansToWrite, itemsToWrite) = (newPlans, items)
        try await db.transaction { db in
            for chunk in plansToWrite.chunked(500) { try await Array(chunk).create(on: db) }
            for chunk in itemsToWrite.chunked(500) { try await Array(chunk).create(on: db) }
            try await AuditLog.record(
                .create, entity: "annual-plan", id: nil,
                summary:
                    "Mengadopsi rencana tahunan \(outcome.year): \(adoption.plansCreated) rencana baru, \(adoption.itemsAdded) butir, \(adoption.skipped) rencana dilewati (sudah diajukan/disetujui)",
                before: Optional<Adoption>.none, after: adoption, actor: actor, instansiID: actor.instansiID, at: now,
                on: db)
        }
        return adoption
    }
}
