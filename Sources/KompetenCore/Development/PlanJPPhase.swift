extension PlanOptimiser {
    /// Phase 1: the 20 JP right. Each PNS below 20 JP gets the cheapest useful programme, again
    /// and again until 20 JP; when they cannot get there, the enrolments tried for them are taken
    /// back out, leaving the plan exactly as it was.
    ///
    /// People are taken cheapest-to-lift first (their route priced on the empty plan; then lowest
    /// JP, then id): when the budget cannot reach everyone, it reaches as many as it can instead of
    /// running out on a few expensive routes. Someone with no route at all comes last.
    static func liftPNS(_ state: inout PlanState) {
        let inst = state.inst
        // Sorted once by (cost, index): the cheapest feasible programme is then the first one the
        // scan meets, and the scan can stop at the first price above the remaining budget.
        let byCost = inst.programmes.indices
            .filter { inst.jp($0) > 0 }
            .sorted { (inst.cost($0), $0) < (inst.cost($1), $1) }
        let needy = inst.candidates.indices
            .filter { inst.candidates[$0].isPNS && inst.candidates[$0].jpSoFar < JPRule.minimumPNS }
        var price: [Int: Int] = [:]
        for i in needy { price[i] = routeCost(&state, i, byCost) ?? Int.max }
        let ordered = needy.sorted {
            (price[$0]!, inst.candidates[$0].jpSoFar, $0) < (price[$1]!, inst.candidates[$1].jpSoFar, $1)
        }
        var tried: [Int] = []
        for i in ordered {
            tried.removeAll(keepingCapacity: true)
            while state.totalJP(i) < JPRule.minimumPNS, let p = nextLift(state, i, byCost) {
                state.add(i, p)
                tried.append(p)
            }
            if state.totalJP(i) < JPRule.minimumPNS {
                for p in tried.reversed() { state.remove(i, p) }
            }
        }
    }

    /// What lifting candidate i to 20 JP would cost on the current plan (nil: it cannot be done),
    /// by the same route the lift takes; the plan is left exactly as it was.
    static func routeCost(_ state: inout PlanState, _ i: Int, _ byCost: [Int]) -> Int? {
        let before = state.cost
        var tried: [Int] = []
        while state.totalJP(i) < JPRule.minimumPNS, let p = nextLift(state, i, byCost) {
            state.add(i, p)
            tried.append(p)
        }
        let reached = state.totalJP(i) >= JPRule.minimumPNS
        let cost = state.cost - before
        for p in tried.reversed() { state.remove(i, p) }
        return reached ? cost : nil
    }

    /// The programme that brings candidate i closer to 20 JP: the cheapest feasible one that closes
    /// some gap, among equally cheap the one closing most, then the smaller index; if none closes
    /// anything, the cheapest feasible one (same tie-breaks). Nil when nothing is feasible.
    static func nextLift(_ state: PlanState, _ i: Int, _ byCost: [Int]) -> Int? {
        var useful: (p: Int, cost: Int, gain: Double)?
        var any: (p: Int, cost: Int, gain: Double)?
        for p in byCost {
            let c = state.inst.cost(p)
            // Everything after this is dearer: out of budget, or dearer than the useful one found.
            if c > state.budgetLeft { break }
            if let u = useful, c > u.cost { break }
            guard state.canAdd(i, p) else { continue }
            let g = state.gain(i, p)
            if g > epsilon {
                if useful == nil || g > useful!.gain { useful = (p, c, g) }
            } else if useful == nil {
                if any == nil || (c == any!.cost && g > any!.gain) { any = (p, c, g) }
            }
        }
        return useful?.p ?? any?.p
    }
}
