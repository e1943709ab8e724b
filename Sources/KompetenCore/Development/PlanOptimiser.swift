/// The budget-constrained annual development plan (PP 11/2017 Ps 207; SPEC §2): choose enrolments
/// that close the most weighted competency gap within the budget and seat capacities, while giving
/// every PNS the 20 JP they have a right to (Ps 203(4)) where the budget allows.
///
/// Exact optimisation is a knapsack with a concave objective (NP-hard), so this is a heuristic:
///   1. JP phase (`liftPNS`) — each PNS below 20 JP, furthest from the minimum first, gets the
///      cheapest programmes that close some of their gap (else the cheapest at all) until 20 JP.
///      If the budget or seats cannot bring them to 20 JP, their tentative enrolments are undone:
///      a partial lift spends money without meeting the right.
///   2. Gap phase (`fill`) — greedily add the enrolment with the most newly closed weighted gap per
///      rupiah, as a lazy greedy over a max-heap.
///   3. Local improvement (`improve`) — swap a chosen enrolment for an unchosen one when that closes
///      strictly more gap within budget and seats, without taking a PNS back below 20 JP; refill;
///      repeat until no swap helps or a fixed work budget is spent.
/// `upperBound` says how far from optimal the result can at most be. It ignores the 20 JP right, so
/// when the JP phase takes much of the budget the plan rightly stays far below it.
///
/// Deterministic: candidates and programmes are visited in id order and ties go to the smaller
/// ids. Ids are assumed unique. Cost for a city (7.000 candidates × 80 programmes): O(pairs log pairs)
/// for the gap phase, O(PNS below 20 JP × programmes) for the JP phase, and O(chosen × programmes)
/// per swap round; about 0,1–0,3 s in a release build.
public enum PlanOptimiser {
    /// Improvement below this is treated as none, so float noise cannot make swaps cycle.
    static let epsilon = 1e-9

    /// Seconds the solver may spend on one plan (both stages, or the city's bounds). The
    /// heuristic's plan is always there first, so hitting the limit only means a less improved
    /// plan and looser (still valid) bounds.
    public static let defaultTimeLimit = 1.5

    /// `prioritise20JP: false` skips the JP phase and the solver: the plan then chases gap alone.
    /// The app runs it beside the real plan to show what the 20 JP right costs.
    ///
    /// With a solver, instances of at most `PlanExact.maxPairs` useful pairs are solved as a MIP
    /// (lexicographic, warm-started from the heuristic, within `timeLimit`); larger ones keep the
    /// heuristic's plan and get bounds from `PlanLexBounds` (the solver then only bounds the head
    /// count on an aggregated model). A time-limited solve can end differently on a slower
    /// machine; the heuristic alone is deterministic.
    public static func plan(
        programmes: [PlanProgramme], candidates: [PlanCandidate],
        weights: [String: Double] = [:], budget: Int, prioritise20JP: Bool = true,
        solver: (any MIPSolver)? = CbcMIPSolver(), timeLimit: Double = defaultTimeLimit
    ) -> PlanResult {
        let clock = ContinuousClock()
        let began = clock.now
        func left() -> Double {
            let d = clock.now - began
            return max(0.05, timeLimit - (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
        }
        let inst = PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget)
        var state = PlanState(inst)
        if prioritise20JP { liftPNS(&state) }
        fill(&state)
        improve(&state)
        prune(&state)
        let gapAlone = upperBound(inst)
        var method = PlanMethod.heuristic
        var countBound: Int
        var gapBound: Double
        if prioritise20JP {
            if let solver, PlanFormulation.pairCount(inst) <= PlanExact.maxPairs {
                let exact = PlanExact.solve(inst, start: state, solver: solver, timeLimit: left() * 0.9)
                if PlanExact.reaching(exact.state) > PlanExact.reaching(state)
                    || exact.state.gapClosed > state.gapClosed + epsilon
                {
                    method = .solver
                }
                state = exact.state
                prune(&state)
                method = exact.optimal ? .optimal : method
                // The whole model's stage-1 bound is at least as tight as the aggregated one.
                countBound = min(exact.countBound, PlanLexBounds.count(inst, solver: nil, timeLimit: 0))
                gapBound = min(exact.gapBound, PlanLexBounds.gap(inst, reaching: PlanExact.reaching(state)))
            } else {
                countBound = PlanLexBounds.count(inst, solver: solver, timeLimit: left() * 0.5)
                gapBound = PlanLexBounds.gap(inst, reaching: PlanExact.reaching(state))
            }
        } else {
            // The comparison plan: cheap bounds only (λ = 0 of the Lagrangian is `upperBound`).
            countBound = PlanLexBounds.count(inst, solver: nil, timeLimit: 0)
            gapBound = gapAlone
        }
        let pns = inst.candidates.indices.filter { inst.candidates[$0].isPNS }
        let reaching = pns.filter { state.lifted($0) }.count
        let gapClosed = state.gapClosed
        return PlanResult(
            enrolments: state.pairs.map {
                PlanEnrolment(candidate: inst.candidates[$0.i].id, programme: inst.programmes[$0.p].id)
            },
            totalCost: state.cost,
            gapClosed: gapClosed,
            jpCoverage: pns.isEmpty ? 1 : Double(reaching) / Double(pns.count),
            employeesReaching20Jp: reaching,
            upperBound: gapAlone,
            // A valid bound is never below the plan itself; the max only absorbs float noise.
            bounds: PlanBounds(
                employeesReaching20Jp: max(reaching, countBound), gapClosed: max(gapClosed, min(gapBound, gapAlone))),
            method: method)
    }
}
