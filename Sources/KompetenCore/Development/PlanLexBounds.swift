/// Bounds for the lexicographic objective that hold on any instance, however large: used for
/// the city (too many pairs to hand the solver whole) and, taking the smaller, next to the
/// solver's own bounds on small instances.
enum PlanLexBounds {
    /// Upper bound on the PNS at 20 JP (counting those already there) over all feasible plans.
    /// The smaller of two relaxations:
    ///   * per person: the cheapest fractional way to cover the JP they miss (programmes taken
    ///     fractionally in rupiah per useful JP order, JP capped at what is missing), then as many
    ///     people as the budget covers at those prices, the last one fractionally. Valid because it
    ///     drops seats and the other people, and an LP optimum bounds the integer one.
    ///   * aggregated (with a solver): needy PNS grouped by the JP they miss; X[g,p] of the group in
    ///     programme p, Y[g] brought to 20 JP; Σ_p min(jp_p, need_g) X[g,p] ≥ need_g Y[g] is the sum
    ///     of the people's own JP rows, with the budget and the seats. Any plan gives a feasible
    ///     point, so the solver's best bound (time-limited or not) bounds every plan.
    static func count(_ inst: PlanInstance, solver: (any MIPSolver)?, timeLimit: Double) -> Int {
        let already = inst.candidates.filter { $0.isPNS && $0.jpSoFar >= JPRule.minimumPNS }.count
        let needs = inst.candidates.indices.map { PlanFormulation.need(inst, $0) }.filter { $0 > 0 }
        let open = inst.programmes.indices.filter {
            inst.jp($0) > 0 && inst.programmes[$0].capacity > 0 && inst.cost($0) <= inst.budget
        }
        // Per-person fractional price, per distinct need.
        var price: [Int: Double] = [:]
        for need in Set(needs) {
            let byRate = open.sorted {
                Double(inst.cost($0)) / Double(min(inst.jp($0), need)) < Double(inst.cost($1))
                    / Double(min(inst.jp($1), need))
            }
            var missing = Double(need)
            var cost = 0.0
            for p in byRate where missing > 0 {
                let jp = Double(min(inst.jp(p), need))
                let take = min(1, missing / jp)
                cost += take * Double(inst.cost(p))
                missing -= take * jp
            }
            price[need] = missing > 1e-9 ? .infinity : cost
        }
        var room = Double(inst.budget)
        var fractional = 0.0
        for c in needs.map({ price[$0]! }).sorted() where c.isFinite {
            if c <= room {
                fractional += 1
                room -= c
            } else {
                fractional += c > 0 ? room / c : 1
                break
            }
        }
        var bound = already + Int((fractional + 1e-9).rounded(.down))
        guard let solver, !needs.isEmpty, !open.isEmpty else { return bound }

        var sizes: [Int: Int] = [:]
        for n in needs { sizes[n, default: 0] += 1 }
        var m = MIPModel()
        var y: [Int] = []
        var seatCols = Array(repeating: [Int](), count: inst.programmeCount)
        var budgetCols: [Int] = []
        var budgetCoefs: [Double] = []
        for need in sizes.keys.sorted() {
            let size = Double(sizes[need]!)
            var cols: [Int] = []
            var coefs: [Double] = []
            for p in open {
                let c = m.addColumn(objective: 0, upper: size, integer: true)
                cols.append(c)
                coefs.append(Double(min(inst.jp(p), need)))
                seatCols[p].append(c)
                budgetCols.append(c)
                budgetCoefs.append(Double(inst.cost(p)))
            }
            let yc = m.addColumn(objective: 1, upper: size, integer: true)
            y.append(yc)
            m.addRow(cols + [yc], coefs + [-Double(need)], lower: 0)
        }
        m.addRow(budgetCols, budgetCoefs, upper: Double(inst.budget))
        for p in open {
            m.addRow(
                seatCols[p], Array(repeating: 1, count: seatCols[p].count), upper: Double(inst.programmes[p].capacity))
        }
        let s = solver.maximise(m, timeLimit: timeLimit, start: nil)
        if s.bound.isFinite { bound = min(bound, already + Int((s.bound + 1e-6).rounded(.down))) }
        return bound
    }

    /// Upper bound on the weighted gap closed by any feasible plan that brings at least `reaching`
    /// PNS to 20 JP (counting those already there): a Lagrangian relaxation of the head-count row
    /// over the knapsack of `PlanOptimiser.upperBound`.
    ///
    /// Why it is valid: give pair (i, p) the stand-alone value v and, for a PNS i missing need_i JP,
    /// a = min(jp_p, need_i) / need_i (else 0). A plan S reaching `reaching` PNS has
    /// Σ_S a ≥ reaching − already (each person it brings to 20 JP has Σ a ≥ 1), and
    /// gap(S) ≤ Σ_S v (see `upperBound`). So for every λ ≥ 0,
    /// gap(S) ≤ Σ_S v + λ (Σ_S a − (reaching − already)) ≤ K(v + λa) − λ (reaching − already),
    /// where K(·) is the LP knapsack over budget and seats that `upperBound` solves (top `capacity`
    /// pairs per programme, fractional by value per rupiah). λ = 0 is `upperBound` itself; the
    /// smallest value over a few λ is reported. The function is convex in λ, so a bracketing search
    /// on a geometric grid then a golden-section refinement finds a good λ in ~20 evaluations.
    static func gap(_ inst: PlanInstance, reaching: Int) -> Double {
        let already = inst.candidates.filter { $0.isPNS && $0.jpSoFar >= JPRule.minimumPNS }.count
        let target = Double(reaching - already)
        // Per programme: the eligible pairs' (v, a), built once.
        var lists: [(cost: Int, capacity: Int, v: [Double], a: [Double])] = []
        for p in inst.programmes.indices {
            let prog = inst.programmes[p]
            guard prog.capacity > 0, inst.cost(p) <= inst.budget else { continue }
            var v: [Double] = []
            var a: [Double] = []
            for i in inst.candidates.indices where inst.jpAllowed(i, plannedJP: prog.jp) {
                let value = inst.standAlone(i, p)
                let need = PlanFormulation.need(inst, i)
                let share = need > 0 ? Double(min(prog.jp, need)) / Double(need) : 0
                if value > 0 || share > 0 {
                    v.append(value)
                    a.append(share)
                }
            }
            if !v.isEmpty { lists.append((inst.cost(p), prog.capacity, v, a)) }
        }
        func bound(_ lambda: Double) -> Double {
            var free = 0.0
            var items: [(value: Double, cost: Int)] = []
            var w: [Double] = []
            for l in lists {
                w.removeAll(keepingCapacity: true)
                for k in l.v.indices { w.append(l.v[k] + lambda * l.a[k]) }
                w.sort(by: >)
                let top = w.prefix(l.capacity)
                if l.cost == 0 { free += top.reduce(0, +) } else { items += top.map { ($0, l.cost) } }
            }
            items.sort { $0.value * Double($1.cost) > $1.value * Double($0.cost) }
            var room = Double(inst.budget)
            var k = free
            for item in items {
                let c = Double(item.cost)
                if c <= room {
                    k += item.value
                    room -= c
                } else {
                    k += item.value * room / c
                    break
                }
            }
            return k - lambda * target
        }
        var best = bound(0)
        guard target > 0 else { return best }
        // Geometric grid, then golden section around its best point.
        let grid = (0..<12).map { 0.01 * pow3($0) }
        let values = grid.map(bound)
        let k = values.indices.min { values[$0] < values[$1] }!
        best = min(best, values[k])
        var lo = k > 0 ? grid[k - 1] : 0
        var hi = k + 1 < grid.count ? grid[k + 1] : grid[k] * 3
        let phi = 0.618_033_988_75
        var x1 = hi - phi * (hi - lo)
        var x2 = lo + phi * (hi - lo)
        var f1 = bound(x1)
        var f2 = bound(x2)
        for _ in 0..<8 {
            if f1 < f2 {
                hi = x2
                x2 = x1
                f2 = f1
                x1 = hi - phi * (hi - lo)
                f1 = bound(x1)
            } else {
                lo = x1
                x1 = x2
                f1 = f2
                x2 = lo + phi * (hi - lo)
                f2 = bound(x2)
            }
        }
        return min(best, f1, f2)
    }

    private static func pow3(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 3 } }
}
