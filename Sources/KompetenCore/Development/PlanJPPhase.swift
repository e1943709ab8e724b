extension PlanOptimiser {
    /// Phase 1: the 20 JP right, which comes first in the objective (PP 11/2017 Ps 203(4)): as
    /// many PNS as possible at 20 JP, then as much gap as possible. Each PNS below 20 JP gets the
    /// cheapest set of programmes that takes them to 20 JP (`cheapestRoute`); among equally cheap
    /// routes the one closing most gap.
    ///
    /// Why cheapest rather than "the most useful": the head count is the first figure, so a
    /// rupiah spent on a dear useful programme that one PNS could replace by a cheap one is a
    /// rupiah that cannot lift someone else (Rp 10 juta: three PNS on a Rp 1 juta programme, not
    /// one on a Rp 10 juta one). The gap phase and the swaps then spend what is left on the gap.
    ///
    /// People are taken cheapest-to-lift first (their route priced on the empty plan; then lowest
    /// JP, then id): when the budget cannot reach everyone, it reaches as many as it can. Someone
    /// with no route at all is skipped.
    static func liftPNS(_ state: inout PlanState) {
        let inst = state.inst
        let useful = inst.programmes.indices.filter { inst.jp($0) > 0 }
        let needy = inst.candidates.indices
            .filter { inst.candidates[$0].isPNS && inst.candidates[$0].jpSoFar < JPRule.minimumPNS }
        var price: [Int: Int] = [:]
        for i in needy { price[i] = cheapestRoute(state, i, useful)?.cost ?? Int.max }
        let ordered = needy.filter { price[$0]! != Int.max }.sorted {
            (price[$0]!, inst.candidates[$0].jpSoFar, $0) < (price[$1]!, inst.candidates[$1].jpSoFar, $1)
        }
        for i in ordered {
            guard let route = cheapestRoute(state, i, useful) else { continue }
            for p in route.programmes { state.add(i, p) }
        }
    }

    /// The cheapest set of programmes candidate i can still be added to (seat, price, not chosen)
    /// that takes them to 20 JP, within the budget left; ties go to more newly closed gap (each
    /// programme's gain on the current plan, summed), then to the route found first. A 0/1
    /// covering knapsack over JP capped at the JP still missing (≤ 20), so O(20 × programmes).
    /// Nil when no such set fits.
    static func cheapestRoute(_ state: PlanState, _ i: Int, _ programmes: [Int]) -> (programmes: [Int], cost: Int)? {
        let need = JPRule.minimumPNS - state.totalJP(i)
        guard need > 0 else { return ([], 0) }
        let items = programmes.filter { state.canAdd(i, $0) }
        guard !items.isEmpty else { return nil }
        struct Cell {
            var cost: Int
            var gain: Double
        }
        func better(_ a: Cell, _ b: Cell?) -> Bool {
            guard let b else { return true }
            return a.cost < b.cost || (a.cost == b.cost && a.gain > b.gain + epsilon)
        }
        // best[k][j]: cheapest way to reach ≥ j JP (capped at need) using the first k items.
        var best: [[Cell?]] = [Array(repeating: nil, count: need + 1)]
        best[0][0] = Cell(cost: 0, gain: 0)
        for p in items {
            let prev = best[best.count - 1]
            var row = prev
            let c = state.inst.cost(p)
            let jp = state.inst.jp(p)
            let g = state.gain(i, p)
            for j in 0...need {
                guard let from = prev[j] else { continue }
                let to = min(need, j + jp)
                let cand = Cell(cost: from.cost + c, gain: from.gain + g)
                if better(cand, row[to]) { row[to] = cand }
            }
            best.append(row)
        }
        guard let end = best[items.count][need], end.cost <= state.budgetLeft else { return nil }
        // Walk back: item k was taken when the cell differs from the row before it.
        var route: [Int] = []
        var j = need
        var cell = end
        for k in stride(from: items.count, to: 0, by: -1) {
            if let before = best[k - 1][j], before.cost == cell.cost, before.gain == cell.gain { continue }
            let p = items[k - 1]
            let c = state.inst.cost(p)
            let jp = state.inst.jp(p)
            // Find the source cell: any j' with min(need, j' + jp) == j and the matching values.
            var found = false
            for src in 0...need where min(need, src + jp) == j {
                if let from = best[k - 1][src], from.cost + c == cell.cost,
                    abs(from.gain + state.gain(i, p) - cell.gain) < 1e-9
                {
                    route.append(p)
                    j = src
                    cell = from
                    found = true
                    break
                }
            }
            if !found { return nil }
        }
        return (route.reversed(), end.cost)
    }
}
