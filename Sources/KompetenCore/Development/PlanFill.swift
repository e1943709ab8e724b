extension PlanOptimiser {
    /// Phase 2: repeatedly add the feasible enrolment with the most newly closed weighted gap per
    /// rupiah (then most gap, then smaller candidate, then smaller programme), until nothing
    /// affordable helps.
    ///
    /// A lazy greedy: the heap holds every pair's gain as last computed. While the plan only grows,
    /// a pair's gain can only fall (its candidate's gaps close — the objective is submodular, and
    /// weights are never negative), so a stored gain is an upper bound of the true one. Hence when
    /// the popped pair, re-evaluated, still outranks the next stored entry, it outranks every pair's
    /// true value and is exactly the pair a full scan would pick; otherwise it goes back in with
    /// its new gain. Only the popped candidate's pairs ever need re-evaluating, instead of all
    /// candidates × programmes per step.
    ///
    /// Infeasibility is also permanent while the plan only grows (seats fill, the budget shrinks,
    /// JP only rise, a chosen pair stays chosen), so an infeasible popped pair is simply dropped.
    static func fill(_ state: inout PlanState) {
        let inst = state.inst
        var entries: [PlanHeap.Entry] = []
        for i in 0..<inst.candidateCount {
            for p in 0..<inst.programmeCount { seed(state, i, p, into: &entries) }
        }
        _ = greedy(&state, PlanHeap(entries))
    }

    /// The same fill right after a swap, on a plan that was full before it (nothing addable).
    /// The swap dropped an enrolment of candidate `swappedOut`, so only three kinds of pair can
    /// have become addable: that candidate's (their gains and JP room grew), and pairs of
    /// programmes with a free seat whose price now fits the budget left. Every other pair is as
    /// blocked as before — its candidate's gains did not grow and its seat or price still does not
    /// fit — so seeding just these gives exactly the full fill's result at a fraction of the scan.
    /// Returns the candidates enrolled and the number of pairs looked at.
    static func refill(_ state: inout PlanState, after swappedOut: Int) -> (enrolled: [Int], work: Int) {
        let inst = state.inst
        var entries: [PlanHeap.Entry] = []
        var work = inst.programmeCount
        for p in 0..<inst.programmeCount { seed(state, swappedOut, p, into: &entries) }
        for p in 0..<inst.programmeCount
        where state.seats[p] < inst.programmes[p].capacity && inst.cost(p) <= state.budgetLeft {
            work += inst.candidateCount
            for i in 0..<inst.candidateCount where i != swappedOut { seed(state, i, p, into: &entries) }
        }
        return (greedy(&state, PlanHeap(entries)), work)
    }

    @inline(__always)
    private static func seed(_ state: PlanState, _ i: Int, _ p: Int, into entries: inout [PlanHeap.Entry]) {
        guard state.canAdd(i, p) else { return }
        let g = state.gain(i, p)
        if g > epsilon { entries.append(PlanHeap.Entry(gain: g, cost: state.inst.cost(p), i: i, p: p)) }
    }

    /// The lazy greedy loop proper; returns the candidates enrolled, in order.
    private static func greedy(_ state: inout PlanState, _ start: PlanHeap) -> [Int] {
        var heap = start
        var enrolled: [Int] = []
        while let e = heap.pop() {
            guard state.canAdd(e.i, e.p) else { continue }
            let fresh = state.gain(e.i, e.p)
            guard fresh > epsilon else { continue }
            let current = fresh == e.gain ? e : PlanHeap.Entry(gain: fresh, cost: state.inst.cost(e.p), i: e.i, p: e.p)
            if let next = heap.top, next.outranks(current) {
                heap.push(current)
            } else {
                state.add(e.i, e.p)
                enrolled.append(e.i)
            }
        }
        return enrolled
    }
}
