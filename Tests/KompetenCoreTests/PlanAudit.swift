@testable import KompetenCore

/// Checks for plans too large for `PlanCheck` (whose helpers compare every enrolment with every
/// candidate): the same rules and the same value, recomputed from scratch in one pass with
/// dictionaries, independent of the optimiser's bookkeeping.
enum PlanAudit {
    struct Report {
        /// Nil when feasible, else the broken rule.
        var violation: String?
        var cost = 0
        var value = 0.0
        /// PNS at ≥ 20 JP after the plan.
        var reaching20Jp = 0
    }

    static func audit(
        _ r: PlanResult, programmes: [PlanProgramme], candidates: [PlanCandidate],
        weights: [String: Double], budget: Int
    ) -> Report {
        var report = Report()
        let progs = Dictionary(uniqueKeysWithValues: programmes.map { ($0.id, $0) })
        var seats: [String: Int] = [:]
        var jp: [String: Int] = [:]
        var raised: [String: [String: Int]] = [:]
        var seen = Set<PlanEnrolment>()
        for e in r.enrolments {
            guard let p = progs[e.programme] else {
                report.violation = "unknown programme \(e.programme)"
                return report
            }
            if !seen.insert(e).inserted {
                report.violation = "twice \(e.candidate) \(e.programme)"
                return report
            }
            report.cost += p.costPerParticipant
            seats[p.id, default: 0] += 1
            if seats[p.id]! > p.capacity {
                report.violation = "capacity \(p.id)"
                return report
            }
            jp[e.candidate, default: 0] += p.jp
            for (k, l) in p.raises where l > 0 { raised[e.candidate, default: [:]][k, default: 0] += l }
        }
        if report.cost > budget {
            report.violation = "budget"
            return report
        }
        let ids = Set(candidates.map(\.id))
        if let stranger = jp.keys.first(where: { !ids.contains($0) }) {
            report.violation = "unknown candidate \(stranger)"
            return report
        }
        for c in candidates {
            let planned = jp[c.id] ?? 0
            if !c.isPNS, planned > 0, c.jpSoFar + planned > JPRule.maximumPPPK {
                report.violation = "PPPK \(c.id) at \(c.jpSoFar + planned) JP"
                return report
            }
            if c.isPNS, c.jpSoFar + planned >= JPRule.minimumPNS { report.reaching20Jp += 1 }
            for (k, g) in c.gaps where g > 0 {
                report.value += (c.weights[k] ?? weights[k] ?? 1) * Double(min(g, raised[c.id]?[k] ?? 0))
            }
        }
        return report
    }

    /// An upper bound on the gap closed by any plan that keeps the JP phase's enrolments J: the
    /// gap J closes, plus the LP knapsack over the budget and seats J leaves, each further pair
    /// valued at its gain on top of J. Valid because gains on top of J over-count (the value is
    /// submodular). It measures the gap phase alone: the JP phase decides how much money and
    /// which seats are left, which the plain `upperBound` (that ignores the 20 JP right) does not
    /// know about.
    static func boundKeepingJPPhase(
        programmes: [PlanProgramme], candidates: [PlanCandidate],
        weights: [String: Double], budget: Int
    ) -> (jpPhaseGap: Double, bound: Double) {
        let inst = PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget)
        var state = PlanState(inst)
        PlanOptimiser.liftPNS(&state)
        var free = 0.0
        var items: [(value: Double, cost: Int)] = []
        for p in 0..<inst.programmeCount {
            let room = inst.programmes[p].capacity - state.seats[p]
            guard room > 0, inst.cost(p) <= state.budgetLeft else { continue }
            let values = (0..<inst.candidateCount)
                .filter { !state.isChosen($0, p) && inst.jpAllowed($0, plannedJP: state.plannedJP[$0] + inst.jp(p)) }
                .map { state.gain($0, p) }
                .filter { $0 > 0 }
                .sorted(by: >)
                .prefix(room)
            if inst.cost(p) == 0 { free += values.reduce(0, +) } else { items += values.map { ($0, inst.cost(p)) } }
        }
        items.sort { $0.value * Double($1.cost) > $1.value * Double($0.cost) }
        var left = Double(state.budgetLeft)
        let jpPhaseGap = state.gapClosed
        var bound = jpPhaseGap + free
        for item in items {
            let c = Double(item.cost)
            if c <= left {
                bound += item.value
                left -= c
            } else {
                bound += item.value * left / c
                break
            }
        }
        return (jpPhaseGap, bound)
    }
}
