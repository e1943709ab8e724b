extension PlanOptimiser {
    /// Work units (one pair's feasibility check plus gain) the swap phase may spend, at most about
    /// 0,5 s in a release build; a 7.000 × 80 city plan has needed up to ~60 % of it to finish. Counting work rather than time keeps the result deterministic;
    /// a round is only started when its worst case still fits (see `improve`).
    static let maxSwapWork = 100_000_000
    static let maxRounds = 1_000

    /// Phase 3: improving swaps, each followed by a refill, until no swap improves the plan, the
    /// round limit is hit, or the next round's worst case no longer fits in the work budget (a
    /// round is never cut off halfway, so where a budget would run out inside it cannot matter).
    ///
    /// The swaps rescue the greedy from the "cheap enrolment blocks the valuable one" trap, and
    /// trade an enrolment the JP phase chose for its price for one that closes more gap at a price
    /// the budget still allows. Each round costs O(chosen × programmes) plus what the swap touched:
    /// the refill and the table of best additions are updated, not rebuilt. Expects a full plan
    /// (right after `fill`): `refill` relies on nothing having been addable before a swap.
    static func improve(_ state: inout PlanState) {
        let inst = state.inst
        let pairCount = inst.candidateCount * inst.programmeCount
        // Worst case of a round: every chosen pair tried (its row plus one pass over the
        // programmes), a refill that scans every pair, a table update that rescans every programme.
        func worstCase() -> Int { 2 * state.count * inst.programmeCount + 2 * pairCount }
        guard pairCount + worstCase() <= maxSwapWork else { return }
        var work = pairCount
        var best = BestAdditions(state)
        var rounds = 0
        while rounds < maxRounds, work + worstCase() <= maxSwapWork {
            guard let swap = swapOnce(&state, best, work: &work) else { return }
            let refilled = refill(&state, after: swap.out)
            work += refilled.work
            work += best.update(state, rows: [swap.out, swap.in] + refilled.enrolled)
            rounds += 1
        }
    }

    /// One improving swap: for the first chosen enrolment (in id order) that can be traded for a
    /// strictly better unchosen one, make the trade with the largest net gain (ties: smaller
    /// candidate, then smaller programme). Returns the candidates whose enrolment was dropped
    /// and added, or nil when no swap improves the plan.
    static func swapOnce(_ state: inout PlanState, _ best: BestAdditions, work: inout Int) -> (out: Int, in: Int)? {
        let inst = state.inst
        for (i, p) in state.pairs {
            work += 2 * inst.programmeCount
            let loss = state.loss(i, p)
            let wasLifted = state.lifted(i)
            state.remove(i, p)
            // Keep the JP right that phase 1 secured: if dropping p takes i below 20 JP, only a
            // replacement for i itself that brings them back can be considered.
            let onlySelf = wasLifted && state.totalJP(i) < JPRule.minimumPNS
            var choice: (j: Int, q: Int, net: Double)?
            func consider(_ j: Int, _ q: Int, _ gain: Double) {
                let net = gain - loss
                guard net > epsilon else { return }
                if let c = choice, net < c.net || (net == c.net && (c.j, c.q) < (j, q)) { return }
                choice = (j, q, net)
            }
            // Candidate i's own gains changed with the removal: re-evaluate the row.
            for q in 0..<inst.programmeCount where q != p && state.canAdd(i, q) {
                if onlySelf && state.totalJP(i) + inst.jp(q) < JPRule.minimumPNS { continue }
                consider(i, q, state.gain(i, q))
            }
            // Everyone else's gains did not change; only the freed seat and money did.
            if !onlySelf {
                for q in 0..<inst.programmeCount
                where state.seats[q] < inst.programmes[q].capacity && inst.cost(q) <= state.budgetLeft {
                    if let e = best.top(q, excluding: i) { consider(e.j, q, e.gain) }
                }
            }
            if let c = choice {
                state.add(c.j, c.q)
                return (i, c.j)
            }
            state.add(i, p)
        }
        return nil
    }
}
