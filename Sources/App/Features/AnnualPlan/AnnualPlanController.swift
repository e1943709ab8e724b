import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/development/annual-plan` and `POST /api/v1/plans/optimize[/adopt]`: BKPPD's budget-optimal
/// annual plan and its adoption.
enum AnnualPlanController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.annualPlan.pathComponents, use: page)
        web.post(SiteURL.annualPlanAdopt.pathComponents, use: adoptPage)
        api.post("plans", "optimize", use: optimize)
        api.post("plans", "optimize", "adopt", use: adopt)
    }

    struct ResultDTO: Content {
        struct Pair: Content {
            let employeeId: UUID
            let programId: UUID
        }
        let year: Int
        let budget: Int
        let enrolments: [Pair]
        let totalCost: Int
        let gapClosed: Double
        /// No plan within budget and seats can close more weighted gap (LP relaxation; it ignores
        /// the 20 JP right, which this plan serves first).
        let upperBound: Double
        let employeesReaching20Jp: Int
        let pnsCandidates: Int
        let jpCoverage: Double
        /// What the same optimiser does when it chases gap alone: how close the heuristic comes to
        /// the bound, and (gapOnly.gapClosed − gapClosed) what the 20 JP right costs in gap.
        let gapOnly: Comparison
        struct Comparison: Content {
            let gapClosed: Double
            let totalCost: Int
            let employeesReaching20Jp: Int
        }
        /// Bounds for the lexicographic objective (first PNS at 20 JP, then gap): no feasible plan
        /// brings more PNS to 20 JP than `employeesReaching20Jp`, and none reaching as many as this
        /// one closes more gap than `gapClosed`. From the solver's best bound and LP relaxations.
        let bounds: Bounds
        struct Bounds: Content {
            let employeesReaching20Jp: Int
            let gapClosed: Double
        }
        /// heuristic, solver (improved within the time limit) or optimal (proven for both figures).
        let method: String
    }

    static func dto(_ o: AnnualPlanService.Outcome) -> ResultDTO {
        ResultDTO(
            year: o.year, budget: o.budget,
            enrolments: o.result.enrolments.compactMap { e in
                guard let emp = UUID(uuidString: e.candidate), let prog = UUID(uuidString: e.programme) else {
                    return nil
                }
                return .init(employeeId: emp, programId: prog)
            },
            totalCost: o.result.totalCost, gapClosed: GapAnalysis.round2(o.result.gapClosed),
            upperBound: GapAnalysis.round2(o.result.upperBound),
            employeesReaching20Jp: o.result.employeesReaching20Jp, pnsCandidates: o.pnsCandidates,
            jpCoverage: GapAnalysis.round2(o.result.jpCoverage),
            gapOnly: .init(
                gapClosed: GapAnalysis.round2(o.gapOnly.gapClosed), totalCost: o.gapOnly.totalCost,
                employeesReaching20Jp: o.gapOnly.employeesReaching20Jp),
            // Two decimals like every figure here (the solver's bound carries a 10⁻⁶ tolerance that
            // rounding up would turn into a visible 0,01).
            bounds: .init(
                employeesReaching20Jp: o.result.bounds.employeesReaching20Jp,
                gapClosed: GapAnalysis.round2(o.result.bounds.gapClosed)),
            method: o.result.method.rawValue)
    }

    static func optimize(req: Request) async throws -> ResultDTO {
        try AccessPolicy.annualPlan(try req.actor).require() // access before the body is read
        let input = try req.content.decode(AnnualPlanService.Request.self)
        return dto(try await AnnualPlanService.run(input, actor: try req.actor, on: req.db))
    }

    static func adopt(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.annualPlan(actor).require() // access before the body is read
        let input = try req.content.decode(AnnualPlanService.Request.self)
        let outcome = try await AnnualPlanService.run(input, actor: actor, on: req.db)
        let adoption = try await AnnualPlanService.adopt(outcome, actor: actor, at: req.now, on: req.db)
        return try await adoption.encodeResponse(status: .created, for: req)
    }

    struct Params: Content {
        var year: String?
        var budget: String?
        var unit: String?
        var page: Int?
    }

    /// The form; with a budget in the query it also runs the optimiser and shows (or downloads) the plan.
    static func page(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.annualPlan(actor))
        let params = try req.query.decode(Params.self)
        let units = try await UnitQueries.opdsByName(actor, on: req.db)
        let defaultYear = WITA.today(req.now).year + 1
        var errors: [FieldError] = []
        var outcome: AnnualPlanService.Outcome?
        if let budgetText = params.budget, !budgetText.isEmpty {
            let budget = Int(budgetText.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: ""))
            let year = Int(params.year ?? "")
            if budget == nil {
                errors.append(.init(field: "budget", message: "Isi anggaran dalam rupiah, mis. 2.500.000.000."))
            }
            if year == nil { errors.append(.init(field: "year", message: "Isi tahun rencana.")) }
            if let budget, let year {
                do {
                    outcome = try await AnnualPlanService.run(
                        .init(year: year, budget: budget, unitId: params.unit.flatMap(UUID.init(uuidString:))),
                        actor: actor, on: req.db)
                } catch let failure as ValidationFailure { errors = failure.errors }
            }
        }
        if let outcome, let format = try Export.requested(req) {
            let tree = try await UnitQueries.tree(instansiID: actor.instansiID!, on: req.db)
            return try Export.response(
                AnnualPlanModel.table(outcome, tree: tree), filename: "rencana-tahunan-\(outcome.year)", format: format,
                sheet: "Rencana")
        }
        let tree = try await UnitQueries.tree(instansiID: actor.instansiID!, on: req.db)
        var model = AnnualPlanModel(
            params: params, defaultYear: defaultYear, units: units, outcome: outcome, tree: tree, errors: errors,
            page: PageRequest(page: params.page, per: 50), export: Export.links(req))
        // People whose levels are unknown bring no gap into the plan: they need an assessment first (h7).
        let unitID = params.unit.flatMap(UUID.init(uuidString:)).flatMap { tree.node($0) }?.id
        model.assessmentNeeded = IndonesianFormat.integer(
            try await AssessmentNeedsQueries.count(
                instansiID: actor.instansiID!,
                unitIDs: unitID.map { tree.subtree(of: $0) }, on: req.db))
        model.assessmentNeedsHref = SiteURL.assessmentNeeds.path + (unitID.map { "?unit=\($0.uuidString)" } ?? "")
        return try await req.renderPage(
            "development/annual-plan", title: "Rencana Tahunan Pengembangan Kompetensi",
            crumbs: [Crumb("Rencana tahunan optimal")], model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func adoptPage(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.annualPlan(actor).require() // access before the form is read
        struct Posted: Content {
            var year: String?
            var budget: String?
            var unit: String?
        }
        let posted = try req.content.decode(Posted.self)
        guard let year = Int(posted.year ?? ""), let budget = Int(posted.budget ?? "") else {
            throw Abort(.badRequest, reason: "Tahun dan anggaran wajib diisi.")
        }
        let outcome = try await AnnualPlanService.run(
            .init(year: year, budget: budget, unitId: posted.unit.flatMap(UUID.init(uuidString:))), actor: actor,
            on: req.db)
        let a = try await AnnualPlanService.adopt(outcome, actor: actor, at: req.now, on: req.db)
        Flash.add(
            .success,
            "Rencana tahunan \(year) diadopsi: \(a.plansCreated) rencana baru, \(a.itemsAdded) butir ditambahkan, \(a.skipped) rencana dilewati karena sudah diajukan atau disetujui. Rencana menunggu diajukan pegawai/operator dan disetujui atasan.",
            to: req)
        return req.redirect(to: SiteURL.plans.path)
    }
}

struct AnnualPlanModel: Encodable {
    let filterAction = SiteURL.annualPlan.path
    let adoptAction = SiteURL.annualPlanAdopt.path
    struct Summary: Encodable {
        let totalCost: String, budget: String, gapClosed: String, upperBound: String, ratio: String
        let gapOnly: String, gapOnlyRatio: String, gapOnlyReaching: String, priceOfRight: String
        let reaching: String, enrolments: String, candidates: String, seconds: String
        /// Plan ÷ bound for both lexicographic figures.
        let reachingBound: String, reachingRatio: String, gapBound: String, gapRatio: String, method: String
    }
    struct ProgrammeRow: Encodable {
        let code: String
        let title: String
        let href: String
        let participants: Int
        let cost: String
        let jp: Int
    }
    struct PairRow: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let programme: String
    }
    let year: String
    let budget: String
    let unitOptions: [FormModel.Option]
    let errors: [FieldError]
    let summary: Summary?
    let programmes: [ProgrammeRow]
    let pairs: [PairRow]
    let paging: PagingModel?
    let export: [String: String]
    let adoptUnit: String
    /// How many people in scope need an assessment (unknown levels: no gap in the plan).
    var assessmentNeeded = "0"
    var assessmentNeedsHref = SiteURL.assessmentNeeds.path

    static func methodLabel(_ m: PlanMethod) -> String {
        switch m {
        case .optimal: "optimal terbukti (solver MIP)"
        case .solver: "diperbaiki solver MIP dalam batas waktu, belum terbukti optimal"
        case .heuristic: "heuristik (batas dari relaksasi LP)"
        }
    }

    static func percent(_ x: Double, of bound: Double) -> String {
        bound > 0 ? IndonesianFormat.decimal(x / bound * 100, digits: 1) + " %" : "—"
    }

    static func table(_ o: AnnualPlanService.Outcome, tree: UnitTree<UUID>) -> Table {
        Table(
            header: ["NIP", "Nama", "Unit", "Kode program", "Program", "JP", "Biaya (Rp)"],
            rows: o.result.enrolments.compactMap { e in
                guard let emp = UUID(uuidString: e.candidate).flatMap({ o.employees[$0] }),
                    let p = UUID(uuidString: e.programme).flatMap({ o.programmes[$0] })
                else { return nil }
                return [
                    emp.nip, emp.name, tree.node(emp.unitID)?.name ?? "", p.code, p.title, String(p.jp),
                    String(p.costPerParticipant),
                ]
            })
    }

    init(
        params: AnnualPlanController.Params, defaultYear: Int, units: [Unit], outcome: AnnualPlanService.Outcome?,
        tree: UnitTree<UUID>,
        errors: [FieldError], page: KompetenCore.PageRequest, export: [String: String]
    ) {
        year = params.year ?? String(defaultYear)
        budget = params.budget ?? ""
        unitOptions = FormModel.options(
            units, selected: params.unit, value: { $0.id!.uuidString }, label: \.name, empty: "Seluruh instansi")
        self.errors = errors
        self.export = export
        adoptUnit = params.unit ?? ""
        guard let o = outcome else {
            summary = nil
            programmes = []
            pairs = []
            paging = nil
            return
        }
        let r = o.result
        summary = Summary(
            totalCost: IndonesianFormat.money(r.totalCost), budget: IndonesianFormat.money(o.budget),
            gapClosed: IndonesianFormat.decimal(r.gapClosed, digits: 1),
            upperBound: IndonesianFormat.decimal(r.upperBound, digits: 1),
            ratio: AnnualPlanModel.percent(r.gapClosed, of: r.upperBound),
            gapOnly: IndonesianFormat.decimal(o.gapOnly.gapClosed, digits: 1),
            gapOnlyRatio: AnnualPlanModel.percent(o.gapOnly.gapClosed, of: r.upperBound),
            gapOnlyReaching: IndonesianFormat.integer(o.gapOnly.employeesReaching20Jp),
            priceOfRight: IndonesianFormat.decimal(max(0, o.gapOnly.gapClosed - r.gapClosed), digits: 1),
            reaching:
                "\(IndonesianFormat.integer(r.employeesReaching20Jp)) dari \(IndonesianFormat.integer(o.pnsCandidates)) PNS",
            enrolments: IndonesianFormat.integer(r.enrolments.count),
            candidates: IndonesianFormat.integer(o.candidates), seconds: IndonesianFormat.decimal(o.seconds, digits: 2),
            reachingBound: IndonesianFormat.integer(r.bounds.employeesReaching20Jp),
            reachingRatio: AnnualPlanModel.percent(
                Double(r.employeesReaching20Jp), of: Double(r.bounds.employeesReaching20Jp)),
            gapBound: IndonesianFormat.decimal(r.bounds.gapClosed, digits: 1),
            gapRatio: AnnualPlanModel.percent(r.gapClosed, of: r.bounds.gapClosed),
            method: AnnualPlanModel.methodLabel(r.method))
        let byProgramme = Dictionary(grouping: r.enrolments, by: \.programme)
        programmes = byProgramme.compactMap { id, list -> ProgrammeRow? in
            guard let p = UUID(uuidString: id).flatMap({ o.programmes[$0] }) else { return nil }
            return ProgrammeRow(
                code: p.code, title: p.title, href: SiteURL.programme(p.id!).path, participants: list.count,
                cost: IndonesianFormat.money(list.count * p.costPerParticipant), jp: p.jp)
        }.sorted { ($1.participants, $0.code) < ($0.participants, $1.code) }
        pairs = r.enrolments.dropFirst(page.offset).prefix(page.per).compactMap { e in
            guard let emp = UUID(uuidString: e.candidate).flatMap({ o.employees[$0] }),
                let p = UUID(uuidString: e.programme).flatMap({ o.programmes[$0] })
            else { return nil }
            return PairRow(
                nip: emp.nip, name: emp.name, href: SiteURL.employee(emp.id).path,
                unit: tree.node(emp.unitID)?.name ?? "", programme: "\(p.code) \(p.title)")
        }
        paging = PagingModel(
            PageInfo(page, total: r.enrolments.count), path: SiteURL.annualPlan.path,
            filters: [("year", params.year), ("budget", params.budget), ("unit", params.unit)], noun: "pendaftaran")
    }
}
