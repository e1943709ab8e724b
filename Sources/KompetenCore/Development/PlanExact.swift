/// The annual plan as a mixed-integer programme, solved lexicographically: first the most PNS at
/// 20 JP, then the most weighted gap among plans reaching that many.
///
/// Columns:
///   * x[i,p] ∈ {0,1} — candidate i in programme p, for the pairs that can matter: the seat exists,
///     the price fits the budget, a PPPK stays within 24 JP with p alone, and p either closes some of
///     i's gap or gives JP to a PNS below 20 (any other enrolment can be dropped from any plan
///     without changing either figure, so leaving it out loses no optimum);
///   * y[i] ∈ {0,1} — PNS i below 20 JP is brought to 20 JP: Σ_p min(jp_p, need_i) x[i,p] ≥ need_i y[i]
///     (capping JP at what is missing is valid and tightens the relaxation);
///   * z[s] ∈ [0, gap_s] — levels closed of gap slot s: z[s] ≤ Σ_p raise x[i,p] (never closed twice).
/// Rows: the budget, the seats of each programme, the 24 JP cap of each PPPK.
/// Stage 1 maximises Σ y; stage 2 adds Σ y ≥ r (r: the head count of the best plan known) and
/// maximises Σ weight_s z[s]. Both start from the heuristic's plan, and the solver's best bound
/// of each stage is the reported bound (never the heuristic's value).
struct PlanFormulation {
    let inst: PlanInstance
    private(set) var model = MIPModel()
    /// x columns: (candidate, programme, column).
    private(set) var x: [(i: Int, p: Int, col: Int)] = []
    /// y column per candidate who is a PNS below 20 JP and has some pair (nil otherwise).
    private(set) var y: [Int?]
    /// z columns: (gap slot, column).
    private(set) var z: [(s: Int, col: Int)] = []
    /// PNS already at 20 JP before the plan: they count whatever it does.
    let alreadyReached: Int

    init(_ inst: PlanInstance) {
        self.inst = inst
        y = Array(repeating: nil, count: inst.candidateCount)
        alreadyReached = inst.candidates.filter { $0.isPNS && $0.jpSoFar >= JPRule.minimumPNS }.count
    }

    static func need(_ inst: PlanInstance, _ i: Int) -> Int {
        inst.candidates[i].isPNS ? max(0, JPRule.minimumPNS - inst.candidates[i].jpSoFar) : 0
    }

    /// The pairs the model keeps (see the type's comment), without building anything.
    static func pairCount(_ inst: PlanInstance) -> Int {
        var n = 0
        for i in 0..<inst.candidateCount { for p in 0..<inst.programmeCount where keeps(inst, i, p) { n += 1 } }
        return n
    }

    @inline(__always)
    static func keeps(_ inst: PlanInstance, _ i: Int, _ p: Int) -> Bool {
        guard inst.programmes[p].capacity > 0, inst.cost(p) <= inst.budget, inst.jpAllowed(i, plannedJP: inst.jp(p))
        else { return false }
        return (need(inst, i) > 0 && inst.jp(p) > 0) || inst.standAlone(i, p) > 0
    }

    /// Builds columns and rows; the objective is set per stage.
    mutating func build() {
        let budgetCols = BudgetRow()
        var budget = budgetCols
        var seatRows = Array(repeating: (cols: [Int](), coefs: [Double]()), count: inst.programmeCount)
        var raisedBy: [Int: (cols: [Int], coefs: [Double])] = [:]
        for i in 0..<inst.candidateCount {
            var jpCols: [Int] = []
            var jpCoefs: [Double] = []
            var capCols: [Int] = []
            var capCoefs: [Double] = []
            let need = Self.need(inst, i)
            for p in 0..<inst.programmeCount where Self.keeps(inst, i, p) {
                let col = model.addColumn(objective: 0, upper: 1, integer: true)
                x.append((i, p, col))
                budget.cols.append(col)
                budget.coefs.append(Double(inst.cost(p)))
                seatRows[p].cols.append(col)
                seatRows[p].coefs.append(1)
                if need > 0 && inst.jp(p) > 0 {
                    jpCols.append(col)
                    jpCoefs.append(Double(min(inst.jp(p), need)))
                }
                if !inst.candidates[i].isPNS {
                    capCols.append(col)
                    capCoefs.append(Double(inst.jp(p)))
                }
                inst.forEachOverlap(i, p) { s, r in
                    raisedBy[s, default: ([], [])].cols.append(col)
                    raisedBy[s, default: ([], [])].coefs.append(Double(r))
                }
            }
            if !jpCols.isEmpty {
                let yc = model.addColumn(objective: 0, upper: 1, integer: true)
                y[i] = yc
                model.addRow(jpCols + [yc], jpCoefs + [-Double(need)], lower: 0)
            }
            if capCols.count > 1 {
                model.addRow(capCols, capCoefs, upper: Double(JPRule.maximumPPPK - inst.candidates[i].jpSoFar))
            }
        }
        for s in raisedBy.keys.sorted() {
            let g = inst.gaps[s]
            let zc = model.addColumn(objective: 0, upper: Double(g.levels), integer: false)
            z.append((s, zc))
            let r = raisedBy[s]!
            model.addRow(r.cols + [zc], r.coefs.map { -$0 } + [1], upper: 0)
        }
        if !budget.cols.isEmpty && budget.coefs.reduce(0, +) > Double(inst.budget) {
            model.addRow(budget.cols, budget.coefs, upper: Double(inst.budget))
        }
        for p in 0..<inst.programmeCount where seatRows[p].cols.count > inst.programmes[p].capacity {
            model.addRow(seatRows[p].cols, seatRows[p].coefs, upper: Double(inst.programmes[p].capacity))
        }
    }

    private struct BudgetRow {
        var cols: [Int] = []
        var coefs: [Double] = []
    }

    var countObjective: [Double] {
        var c = Array(repeating: 0.0, count: model.columnCount)
        for case let col? in y { c[col] = 1 }
        return c
    }

    var gapObjective: [Double] {
        var c = Array(repeating: 0.0, count: model.columnCount)
        for (s, col) in z { c[col] = inst.gaps[s].weight }
        return c
    }

    /// Σ y ≥ r − already: stage 2 keeps the head count of the plan it starts from.
    mutating func requireReaching(_ r: Int) {
        let cols = y.compactMap { $0 }
        guard !cols.isEmpty, r - alreadyReached > 0 else { return }
        model.addRow(cols, Array(repeating: 1, count: cols.count), lower: Double(r - alreadyReached))
    }

    /// The column values of a plan (a feasible start for the solver).
    func values(of state: PlanState) -> [Double] {
        var v = Array(repeating: 0.0, count: model.columnCount)
        for (i, p, col) in x where state.isChosen(i, p) { v[col] = 1 }
        for i in 0..<inst.candidateCount { if let col = y[i], state.lifted(i) { v[col] = 1 } }
        for (s, col) in z { v[col] = Double(min(inst.gaps[s].levels, state.raised[s])) }
        return v
    }

    /// The plan in the solver's values, rebuilt through `PlanState` so that every constraint is
    /// checked again in exact integers; nil if any is broken (tolerance trouble: keep the other plan).
    func plan(from values: [Double]) -> PlanState? {
        var state = PlanState(inst)
        for (i, p, col) in x where values[col] > 0.5 {
            guard state.canAdd(i, p) else { return nil }
            state.add(i, p)
        }
        return state
    }
}

/// What `PlanExact.solve` found.
struct PlanExactOutcome {
    var state: PlanState
    /// Valid upper bound on PNS at 20 JP (counting those already there) over all feasible plans.
    var countBound: Int
    /// Valid upper bound on the gap closed by any plan reaching at least `reachingFloor` PNS.
    var gapBound: Double
    var reachingFloor: Int
    /// Both stages proven optimal.
    var optimal: Bool
}

enum PlanExact {
    /// Instances with more pairs than this are not given to the solver whole (a city of 7.000 ×
    /// 80 has ~10⁵–10⁶): their bounds come from `PlanLexBounds` and their plan from the heuristic.
    static let maxPairs = 20_000

    /// Lexicographic solve starting from `start` (a feasible plan); returns the better of the
    /// start and what the solver found, with the solver's bounds. Stage 1 gets 35 % of the time
    /// limit, stage 2 the rest.
    static func solve(_ inst: PlanInstance, start: PlanState, solver: any MIPSolver, timeLimit: Double)
        -> PlanExactOutcome
    {
        let clock = ContinuousClock()
        let began = clock.now
        func elapsed() -> Double {
            let d = clock.now - began
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        var f = PlanFormulation(inst)
        f.build()
        // Stage 1: head count.
        f.setObjective(f.countObjective)
        // The head count is usually proven at the root; the gap stage needs the time.
        let s1 = solver.maximise(f.model, timeLimit: timeLimit * 0.35, start: f.values(of: start))
        var countBound = s1.bound.isFinite ? f.alreadyReached + Int((s1.bound + 1e-6).rounded(.down)) : Int.max
        var best = start
        if s1.status != .none, let p = f.plan(from: s1.values), reaching(p) > reaching(best) { best = p }
        // Stage 2: gap, keeping the head count.
        let floor = reaching(best)
        f.requireReaching(floor)
        f.setObjective(f.gapObjective)
        let s2 = solver.maximise(f.model, timeLimit: max(0.05, timeLimit - elapsed()), start: f.values(of: best))
        if s2.status != .none, let p = f.plan(from: s2.values),
            reaching(p) >= floor, p.gapClosed > best.gapClosed + PlanOptimiser.epsilon
        {
            best = p
        }
        countBound = max(countBound, reaching(best))
        // Solver tolerances: a bound a hair below the plan's own value is read as the plan's value.
        let gapBound = s2.bound.isFinite ? max(s2.bound + 1e-6 * (1 + abs(s2.bound)), best.gapClosed) : .infinity
        return PlanExactOutcome(
            state: best, countBound: countBound, gapBound: gapBound, reachingFloor: floor,
            optimal: s1.status == .optimal && s2.status == .optimal)
    }

    static func reaching(_ s: PlanState) -> Int {
        (0..<s.inst.candidateCount).filter { s.lifted($0) }.count
    }
}

extension PlanFormulation {
    mutating func setObjective(_ c: [Double]) { model.setObjective(c) }
}
