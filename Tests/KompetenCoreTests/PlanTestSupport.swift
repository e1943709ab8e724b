@testable import KompetenCore

/// Independent of the optimiser's own bookkeeping: recomputes value and feasibility from scratch,
/// and finds the true optimum of small instances by enumerating every subset of pairs.
enum PlanCheck {
    /// Σ_candidates Σ_c weight_c × min(gap_c, Σ raises_c of the candidate's programmes), where
    /// weight_c is the candidate's own weight for c, else the global one, else 1.
    static func value(_ chosen: [(PlanCandidate, PlanProgramme)], candidates: [PlanCandidate], weights: [String: Double]) -> Double {
        var total = 0.0
        for c in candidates {
            var raised: [String: Int] = [:]
            for (cc, p) in chosen where cc.id == c.id { for (k, r) in p.raises where r > 0 { raised[k, default: 0] += r } }
            for (k, g) in c.gaps where g > 0 { total += (c.weights[k] ?? weights[k] ?? 1) * Double(min(g, raised[k] ?? 0)) }
        }
        return total
    }

    /// Nil when feasible, else the broken rule.
    static func violation(_ chosen: [(PlanCandidate, PlanProgramme)], candidates: [PlanCandidate], budget: Int) -> String? {
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
            if chosen.contains(where: { $0.0.id == c.id }), jp > JPRule.maximumPPPK { return "PPPK \(c.id) at \(jp) JP" }
        }
        return nil
    }

    static func resolve(_ r: PlanResult, _ programmes: [PlanProgramme], _ candidates: [PlanCandidate]) -> [(PlanCandidate, PlanProgramme)] {
        r.enrolments.map { e in (candidates.first { $0.id == e.candidate }!, programmes.first { $0.id == e.programme }!) }
    }

    /// The best weighted gap closed over all feasible plans (2^pairs subsets).
    static func bruteForce(_ programmes: [PlanProgramme], _ candidates: [PlanCandidate], weights: [String: Double], budget: Int) -> Double {
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
