@testable import KompetenCore
@testable import KompetenDemo

/// Independent of the optimiser's own bookkeeping: recomputes value and feasibility from scratch,
/// and finds the true optimum of small instances by enumerating every subset of pairs.
enum PlanCheck {
    /// Σ_candidates Σ_c weight_c × min(gap_c, Σ raises_c of the candidate's programmes), where
    /// weight_c is the candidate's own weight for c, else the global one, else 1.
    static func value(
        _ chosen: [(PlanCandidate, PlanProgramme)], candidates: [PlanCandidate], weights: [String: Double]
    ) -> Double {
        var total = 0.0
        for c in candidates {
            var raised: [String: Int] = [:]
            for (cc, p) in chosen where cc.id == c.id {
                for (k, r) in p.raises where r > 0 { raised[k, default: 0] += r }
            }
            for (k, g) in c.gaps where g > 0 {
                total += (c.weights[k] ?? weights[k] ?? 1) * Double(min(g, raised[k] ?? 0))
            }
        }
        return total
    }

    /// Nil when feasible, else the broken rule.
    static func violation(_ chosen: [(PlanCandidate, PlanProgramme)], candidates: [PlanCandidate], budget: Int)
        -> String?
    {
        if chosen.reduce(0, { $0 + $1.1.costPerParticipant }) > budget { return "budget" }
        var seats: [String: Int] = [:]
        var seen = Set<String>()
        for (c, p) in chosen {
            seats[p.id, default: 0] += 1
            if seats[p.id]! > p.capacity { return "capacity \(p.id)" }
            if !seen.insert(c.id + "|" + p.id).inserted { return "twice \(c.id) \(p.id)" }
        }
        for c in candidates where !c.isPNS {
            let jp = c.jpSoFar + chosen.filter { $0.0.id == c.id }.reduce(0) { $0 + $1.1.jp }
            if chosen.contains(where: { $0.0.id == c.id }), jp > JPRule.maximumPPPK {
                return "PPPK \(c.id) at \(jp) JP"
            }
        }
        return nil
    }

    static func resolve(_ r: PlanResult, _ programmes: [PlanProgramme], _ candidates: [PlanCandidate]) -> [(
        PlanCandidate, PlanProgramme
    )] {
        r.enrolments.map { e in (candidates.first { $0.id == e.candidate }!, programmes.first { $0.id == e.programme }!)
        }
    }

    /// The best weighted gap closed over all feasible plans (2^pairs subsets).
    static func bruteForce(
        _ programmes: [PlanProgramme], _ candidates: [PlanCandidate], weights: [String: Double], budget: Int
    ) -> Double {
        let pairs = candidates.flatMap { c in programmes.map { (c, $0) } }
        precondition(pairs.count <= 16)
        var best = 0.0
        for mask in 0..<(1 << pairs.count) {
            let chosen = pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
            guard violation(chosen, candidates: candidates, budget: budget) == nil else { continue }
            best = max(best, value(chosen, candidates: candidates, weights: weights))
        }
        return best
    }
}

extension PlanCheck {
    /// PNS at ≥ 20 JP after the plan, counting those already there.
    static func reaching(_ chosen: [(PlanCandidate, PlanProgramme)], candidates: [PlanCandidate]) -> Int {
        candidates.filter { c in
            c.isPNS && c.jpSoFar + chosen.filter { $0.0.id == c.id }.reduce(0) { $0 + $1.1.jp } >= JPRule.minimumPNS
        }.count
    }

    /// Brute force of the lexicographic objective: the most PNS at 20 JP any feasible plan
    /// reaches, and for every head count r the most gap closed by a plan reaching at least r.
    static func bruteForceLex(
        _ programmes: [PlanProgramme], _ candidates: [PlanCandidate], weights: [String: Double],
        budget: Int
    ) -> (count: Int, gapReaching: [Int: Double]) {
        let pairs = candidates.flatMap { c in programmes.map { (c, $0) } }
        precondition(pairs.count <= 16)
        var bestAt: [Int: Double] = [:] // exactly r
        for mask in 0..<(1 << pairs.count) {
            let chosen = pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
            guard violation(chosen, candidates: candidates, budget: budget) == nil else { continue }
            let r = reaching(chosen, candidates: candidates)
            bestAt[r] = max(bestAt[r] ?? 0, value(chosen, candidates: candidates, weights: weights))
        }
        let top = bestAt.keys.max() ?? 0
        var atLeast: [Int: Double] = [:]
        var running = -Double.infinity
        for r in stride(from: top, through: 0, by: -1) {
            running = max(running, bestAt[r] ?? -.infinity)
            atLeast[r] = running
        }
        return (top, atLeast)
    }

    /// A seeded random instance small enough for `bruteForceLex` (≤ 12 pairs): PNS and PPPK at
    /// 0–24 JP, programmes of 4–24 JP at Rp 100.000–1.000.000 with 1–3 seats.
    static func randomSmall(seed: UInt64) -> (
        programmes: [PlanProgramme], candidates: [PlanCandidate], weights: [String: Double], budget: Int
    ) {
        var rng = DemoRandom(seed: seed)
        let codes = ["K1", "K2", "K3"]
        let m = rng.int(in: 2...4)
        let n = 12 / m
        let programmes = (0..<m).map { k in
            var raises: [String: Int] = [:]
            for c in codes where rng.chance(0.5) { raises[c] = rng.int(in: 1...2) }
            return PlanProgramme(
                id: "P\(k)", costPerParticipant: rng.int(in: 1...10) * 100_000, capacity: rng.int(in: 1...3),
                jp: rng.int(in: 4...24), raises: raises)
        }
        let candidates = (0..<n).map { k in
            var gaps: [String: Int] = [:]
            for c in codes where rng.chance(0.5) { gaps[c] = rng.int(in: 1...3) }
            return PlanCandidate(
                id: "C\(k)", isPNS: rng.chance(0.7), jpSoFar: rng.int(in: 0...24), gaps: gaps,
                weights: rng.chance(0.2) ? ["K1": 2] : [:])
        }
        return (programmes, candidates, ["K2": 1.5, "K3": 0.5], rng.int(in: 0...30) * 100_000)
    }
}
