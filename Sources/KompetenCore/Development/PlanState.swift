/// A partial plan while the optimiser builds it. Tracks, per candidate, how many levels of each
/// competency the chosen programmes raise together, so a gap is never closed twice: the value of
/// a candidate's enrolments is Σ_c weight_c × min(gap_c, Σ raises_c), whatever order they were added.
struct PlanState {
    let inst: PlanInstance
    private(set) var chosen: [[Bool]]       // [candidate][programme]
    private(set) var seats: [Int]           // enrolments per programme
    private(set) var cost = 0
    private(set) var plannedJP: [Int]       // JP added by the plan per candidate
    private(set) var raised: [[String: Int]]

    init(_ inst: PlanInstance) {
        self.inst = inst
        chosen = Array(repeating: Array(repeating: false, count: inst.programmes.count), count: inst.candidates.count)
        seats = Array(repeating: 0, count: inst.programmes.count)
        plannedJP = Array(repeating: 0, count: inst.candidates.count)
        raised = Array(repeating: [:], count: inst.candidates.count)
    }

    /// Change in candidate i's weighted gap closed if programme p's raises are added (sign +1)
    /// or taken away (sign −1). Only the part of each gap still open (or closed by p) counts.
    private func delta(_ i: Int, _ p: Int, sign: Int) -> Double {
        var v = 0.0
        for (code, r) in inst.programmes[p].raises where r > 0 {
            guard let g = inst.gaps[i][code] else { continue }
            let now = raised[i][code] ?? 0
            v += g.weight * Double(min(g.gap, now + sign * r) - min(g.gap, now))
        }
        return v
    }

    /// Weighted gap that enrolling candidate i in programme p would newly close.
    func gain(_ i: Int, _ p: Int) -> Double { delta(i, p, sign: 1) }
    /// Weighted gap that would reopen if the chosen enrolment (i, p) were dropped.
    func loss(_ i: Int, _ p: Int) -> Double { -delta(i, p, sign: -1) }

    func totalJP(_ i: Int) -> Int { inst.candidates[i].jpSoFar + plannedJP[i] }

    /// A PNS whose 20 JP right is met after the plan.
    func lifted(_ i: Int) -> Bool { inst.candidates[i].isPNS && totalJP(i) >= JPRule.minimumPNS }

    /// Every hard constraint: once per programme, a free seat, the budget, the PPPK cap.
    func canAdd(_ i: Int, _ p: Int) -> Bool {
        !chosen[i][p]
            && seats[p] < inst.programmes[p].capacity
            && cost + inst.cost(p) <= inst.budget
            && inst.jpAllowed(i, plannedJP: plannedJP[i] + inst.programmes[p].jp)
    }

    mutating func add(_ i: Int, _ p: Int) {
        precondition(!chosen[i][p])
        chosen[i][p] = true
        seats[p] += 1
        cost += inst.cost(p)
        plannedJP[i] += inst.programmes[p].jp
        for (code, r) in inst.programmes[p].raises where r > 0 { raised[i][code, default: 0] += r }
    }

    mutating func remove(_ i: Int, _ p: Int) {
        precondition(chosen[i][p])
        chosen[i][p] = false
        seats[p] -= 1
        cost -= inst.cost(p)
        plannedJP[i] -= inst.programmes[p].jp
        for (code, r) in inst.programmes[p].raises where r > 0 { raised[i][code, default: 0] -= r }
    }

    var gapClosed: Double {
        var v = 0.0
        for i in inst.gaps.indices {
            for (code, g) in inst.gaps[i] { v += g.weight * Double(min(g.gap, raised[i][code] ?? 0)) }
        }
        return v
    }

    /// Chosen pairs in id order (indices follow the sorted ids).
    var pairs: [(i: Int, p: Int)] {
        var out: [(i: Int, p: Int)] = []
        for i in chosen.indices { for p in chosen[i].indices where chosen[i][p] { out.append((i, p)) } }
        return out
    }
}
