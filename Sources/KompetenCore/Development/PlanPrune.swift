extension PlanOptimiser {
    /// Drops enrolments that change neither figure: no gap would reopen and no PNS would fall
    /// below 20 JP. Both objectives ignore cost, so the solver (and the JP phase's routes) may
    /// leave such enrolments in; they only spend money. Dearest first, then by index.
    static func prune(_ state: inout PlanState) {
        let inst = state.inst
        let order = state.pairs.sorted { (inst.cost($1.p), $0.i, $0.p) < (inst.cost($0.p), $1.i, $1.p) }
        for (i, p) in order {
            guard state.loss(i, p) <= epsilon else { continue }
            if state.lifted(i) && state.totalJP(i) - inst.jp(p) < JPRule.minimumPNS { continue }
            state.remove(i, p)
        }
    }
}
