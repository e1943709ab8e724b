extension PlanOptimiser {
    /// An upper bound on the weighted gap any feasible plan can close: the LP relaxation of a
    /// knapsack that ignores the JP phase.
    ///
    /// Why it is valid, for any feasible plan S:
    ///   * Each pair (candidate, programme) is valued alone: v = Σ_c w_c × min(gap_c, raises_c), with
    ///     w_c the candidate's effective weight (own override, else global, else 1) — the same
    ///     weights the plan's `gapClosed` uses, or the bound would bound a different objective.
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
    public static func upperBound(
        programmes: [PlanProgramme], candidates: [PlanCandidate],
        weights: [String: Double] = [:], budget: Int
    ) -> Double {
        upperBound(PlanInstance(programmes: programmes, candidates: candidates, weights: weights, budget: budget))
    }

    static func upperBound(_ inst: PlanInstance) -> Double {
        var free = 0.0
        var items: [(value: Double, cost: Int)] = []
        var values: [Double] = []
        for p in inst.programmes.indices {
            let prog = inst.programmes[p]
            let cost = inst.cost(p)
            guard prog.capacity > 0, cost <= inst.budget else { continue }
            values.removeAll(keepingCapacity: true)
            for i in inst.candidates.indices where inst.jpAllowed(i, plannedJP: prog.jp) {
                let v = inst.standAlone(i, p)
                if v > 0 { values.append(v) }
            }
            values.sort(by: >)
            let top = values.prefix(prog.capacity)
            if cost == 0 { free += top.reduce(0, +) } else { items += top.map { ($0, cost) } }
        }
        // Equal ratios give the same total whatever their order, so no tie-break is needed.
        items.sort { $0.value * Double($1.cost) > $1.value * Double($0.cost) }
        var room = Double(inst.budget)
        var bound = free
        for item in items {
            let c = Double(item.cost)
            if c <= room {
                bound += item.value
                room -= c
            } else {
                bound += item.value * room / c
                break
            }
        }
        return bound
    }
}
