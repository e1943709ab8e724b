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

    /// `prioritise20JP: false` skips the JP phase: the plan then chases gap alone. The app runs it
    /// beside the real plan to show what the 20 JP right costs and how close the heuristic comes
    /// to the bound when nothing else is asked of it.
    public static func plan(programmes: [PlanProgramme], candidates: [PlanCandidate],
                            weights: [String: Double] = [:], budget: Int, prioritise20JP: Bool = true) -> PlanResult {
        let inst = PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget)
        var state = PlanState(inst)
        if prioritise20JP { liftPNS(&state) }
        fill(&state)
        improve(&state)
        let pns = inst.candidates.indices.filter { inst.candidates[$0].isPNS }
        let reaching = pns.filter { state.lifted($0) }.count
        return PlanResult(
            enrolments: state.pairs.map { PlanEnrolment(candidate: inst.candidates[$0.i].id, programme: inst.programmes[$0.p].id) },
            totalCost: state.cost,
            gapClosed: state.gapClosed,
            jpCoverage: pns.isEmpty ? 1 : Double(reaching) / Double(pns.count),
            employeesReaching20Jp: reaching,
            upperBound: upperBound(inst))
    }
}
