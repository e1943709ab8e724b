extension PlanOptimiser {
    /// An upper bound on the weighted gap any feasible plan can close: the LP relaxation of a
    /// knapsack that ignores the JP phase.
    ///
    /// Why it is valid, for any feasible plan S:
    ///   * Each pair (candidate, programme) is valued alone: v = Σ_c w_c × min(gap_c, raises_c).
    ///     Because min(g, a + b) ≤ min(g, a) + min(g, b), a candidate's gap closed by several
    ///     enrolments is at most the sum of their stand-alone values — dropping the no-double-closing
    ///     rule can only over-count.
    ///   * Per programme only the `capacity` most valuable pairs are kept. All pairs of one programme
    ///     cost the same, so S's pairs of that programme can be exchanged for as many of the top ones
    ///     at equal cost and no less value.
    ///   * Pairs no plan can contain (PPPK pushed past 24 JP by that programme alone, cost above the
    ///     budget) are left out; the JP phase and the PPPK cap across several programmes are ignored.
    ///   * Taking items fractionally in value-per-rupiah order is the optimum of the LP relaxation of
    ///     the remaining 0/1 knapsack, which is at least its integer optimum.
    /// Hence Σ_S gap ≤ Σ_S v ≤ integer knapsack ≤ this bound.
    public static func upperBound(programmes: [PlanProgramme], candidates: [PlanCandidate],
                                  weights: [String: Double] = [:], budget: Int) -> Double {
        upperBound(PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget))
    }

    static func upperBound(_ inst: PlanInstance) -> Double {
        var free = 0.0
        var items: [(value: Double, cost: Int)] = []
        for p in inst.programmes.indices {
            let prog = inst.programmes[p]
            let cost = inst.cost(p)
            guard prog.capacity > 0, cost <= inst.budget else { continue }
            let values = inst.candidates.indices
                .filter { inst.jpAllowed($0, plannedJP: prog.jp) }
                .map { inst.standAlone($0, p) }
                .filter { $0 > 0 }
                .sorted(by: >)
                .prefix(prog.capacity)
            if cost == 0 { free += values.reduce(0, +) } else { items += values.map { ($0, cost) } }
        }
        // Equal ratios give the same total whatever their order, so no tie-break is needed.
        items.sort { $0.value * Double($1.cost) > $1.value * Double($0.cost) }
        var room = Double(inst.budget)
        var bound = free
        for item in items {
            let c = Double(item.cost)
            if c <= room { bound += item.value; room -= c } else { bound += item.value * room / c; break }
        }
        return bound
    }
}
