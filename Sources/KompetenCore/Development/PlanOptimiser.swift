/// The budget-constrained annual development plan (PP 11/2017 Ps 207; SPEC §2): choose enrolments
/// that close the most weighted competency gap within the budget and seat capacities, while giving
/// every PNS the 20 JP they have a right to (Ps 203(4)) where the budget allows.
///
/// Exact optimisation is a knapsack with a concave objective (NP-hard), so this is a heuristic:
///   1. JP phase — each PNS below 20 JP, furthest from the minimum first, gets the cheapest
///      programmes that close some of their gap (else the cheapest at all) until 20 JP. If the
///      budget or seats cannot bring them to 20 JP, their tentative enrolments are undone: a
///      partial lift spends money without meeting the right.
///   2. Gap phase — greedily add the enrolment with the most newly closed weighted gap per rupiah.
///   3. Local improvement — swap a chosen enrolment for an unchosen one when that closes strictly
///      more gap within budget and seats, without taking a PNS back below 20 JP; refill; repeat.
/// `upperBound` says how far from optimal the result can at most be.
///
/// Deterministic: candidates and programmes are visited in id order and ties go to the smaller
/// ids. Ids are assumed unique. Cost: O(pairs) per greedy step and O(chosen × pairs) per swap
/// round — fine for a city's plan (hundreds of candidates × tens of programmes).
public enum PlanOptimiser {
    /// Improvement below this is treated as none, so float noise cannot make swaps cycle.
    static let epsilon = 1e-9
    static let maxRounds = 1_000

    public static func plan(programmes: [PlanProgramme], candidates: [PlanCandidate],
                            weights: [String: Double] = [:], budget: Int) -> PlanResult {
        let inst = PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget)
        var state = PlanState(inst)
        liftPNS(&state)
        fill(&state)
        var rounds = 0
        while rounds < maxRounds, swapOnce(&state) {
            fill(&state)
            rounds += 1
        }
        let pns = inst.candidates.indices.filter { inst.candidates[$0].isPNS }
        let coverage = pns.isEmpty ? 1 : Double(pns.filter { state.lifted($0) }.count) / Double(pns.count)
        return PlanResult(
            enrolments: state.pairs.map { PlanEnrolment(candidate: inst.candidates[$0.i].id, programme: inst.programmes[$0.p].id) },
            totalCost: state.cost,
            gapClosed: state.gapClosed,
            jpCoverage: coverage,
            upperBound: upperBound(inst))
    }

    /// Phase 1: the 20 JP right.
    static func liftPNS(_ state: inout PlanState) {
        let inst = state.inst
        // Stable sort: equal JP keep id order.
        let needy = inst.candidates.indices
            .filter { inst.candidates[$0].isPNS && inst.candidates[$0].jpSoFar < JPRule.minimumPNS }
            .sorted { (inst.candidates[$0].jpSoFar, $0) < (inst.candidates[$1].jpSoFar, $1) }
        for i in needy {
            var trial = state
            while trial.totalJP(i) < JPRule.minimumPNS {
                let options = inst.programmes.indices.filter { inst.programmes[$0].jp > 0 && trial.canAdd(i, $0) }
                let useful = options.filter { trial.gain(i, $0) > epsilon }
                let pool = useful.isEmpty ? options : useful
                // Cheapest; among equally cheap the one closing more gap; then id.
                guard let p = pool.min(by: { (inst.cost($0), -trial.gain(i, $0), $0) < (inst.cost($1), -trial.gain(i, $1), $1) })
                else { break }
                trial.add(i, p)
            }
            if trial.totalJP(i) >= JPRule.minimumPNS { state = trial }
        }
    }

    /// Phase 2: best newly closed weighted gap per rupiah, until nothing affordable helps.
    static func fill(_ state: inout PlanState) {
        while let best = bestAddition(state) { state.add(best.i, best.p) }
    }

    static func bestAddition(_ state: PlanState) -> (i: Int, p: Int)? {
        var best: (i: Int, p: Int, ratio: Double, gain: Double)?
        for i in state.inst.candidates.indices {
            for p in state.inst.programmes.indices where state.canAdd(i, p) {
                let g = state.gain(i, p)
                guard g > epsilon else { continue }
                let c = state.inst.cost(p)
                let ratio = c == 0 ? Double.infinity : g / Double(c)
                // Strictly better only: earlier (smaller ids) wins ties.
                if let b = best, (ratio, g) <= (b.ratio, b.gain) { continue }
                best = (i, p, ratio, g)
            }
        }
        return best.map { ($0.i, $0.p) }
    }

    /// Phase 3: one improving swap, the one with the largest net gain; false when none exists.
    static func swapOnce(_ state: inout PlanState) -> Bool {
        for (i, p) in state.pairs {
            let loss = state.loss(i, p)
            let wasLifted = state.lifted(i)
            state.remove(i, p)
            var best: (j: Int, q: Int, net: Double)?
            for j in state.inst.candidates.indices {
                for q in state.inst.programmes.indices where !(j == i && q == p) && state.canAdd(j, q) {
                    // Keep the JP right that phase 1 secured.
                    if wasLifted {
                        let after = state.totalJP(i) + (j == i ? state.inst.programmes[q].jp : 0)
                        if after < JPRule.minimumPNS { continue }
                    }
                    let net = state.gain(j, q) - loss
                    guard net > epsilon else { continue }
                    if let b = best, net <= b.net { continue }
                    best = (j, q, net)
                }
            }
            if let b = best {
                state.add(b.j, b.q)
                return true
            }
            state.add(i, p)
        }
        return false
    }
}
