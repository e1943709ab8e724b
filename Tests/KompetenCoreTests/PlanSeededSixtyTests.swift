import Foundation
import Testing

@testable import KompetenCore

/// The kind of instance: 60 employees × 12 programmes, from `PlanSixty` (real competition
/// for seats and money) and from the seeded `PlanCity` generator (seats and money scaled down
/// from the 7.000-person city, so only 1–3 seats per programme). The true optimum is computed
/// here by the solver run to proven optimality with a long time limit; the production call
/// (with a load-proof time limit) must be within 5 % of it on both figures, and its bounds must hold.
@Suite struct PlanSeededSixtyTests {
    static let instances: [(UInt64, PlanCity.Instance)] =
        [20_261_207, 15, 4].map { ($0, PlanSixty.instance(seed: $0)) }
        + [20_261_207, 15, 4].map { ($0, PlanCity.instance(seed: $0, candidates: 60, programmes: 12)) }

    @Test func withinFivePercentOfTheOptimumOnBothFigures() {
        for (seed, x) in Self.instances {
            let inst = PlanInstance(
                programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget)
            // Ground truth: the lexicographic optimum, proven.
            var empty = PlanState(inst)
            PlanOptimiser.prune(&empty)
            let truth = PlanExact.solve(inst, start: empty, solver: CbcMIPSolver(), timeLimit: 120)
            #expect(truth.optimal, "seed \(seed)")
            let bestCount = PlanExact.reaching(truth.state)
            let bestGap = truth.state.gapClosed

            // A longer time limit than the page's default: Swift Testing runs other suites in
            // parallel on CI's 2 cores, and a wall-clock limit there measures the load, not the
            // method. BENCHMARKS.md gives the figures at the default limit on an idle machine.
            let r = PlanOptimiser.plan(
                programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget,
                timeLimit: 15)
            let audit = PlanAudit.audit(
                r, programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget)
            #expect(audit.violation == nil, "seed \(seed)")
            #expect(abs(audit.value - r.gapClosed) < 1e-6 && audit.reaching20Jp == r.employeesReaching20Jp)
            #expect(
                Double(r.employeesReaching20Jp) >= 0.95 * Double(bestCount),
                "seed \(seed): \(r.employeesReaching20Jp) vs \(bestCount)")
            #expect(r.employeesReaching20Jp <= bestCount)
            if r.employeesReaching20Jp == bestCount {
                #expect(r.gapClosed >= 0.95 * bestGap, "seed \(seed): \(r.gapClosed) vs \(bestGap)")
            }
            #expect(r.bounds.employeesReaching20Jp >= bestCount, "seed \(seed)")
            if r.employeesReaching20Jp == bestCount { #expect(r.bounds.gapClosed >= bestGap - 1e-6, "seed \(seed)") }
            // The heuristic alone, for the record (BENCHMARKS.md).
            let h = PlanOptimiser.plan(
                programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget, solver: nil)
            print(
                "60x12 seed \(seed): optimum \(bestCount) PNS / gap \(bestGap); plan \(r.employeesReaching20Jp) / \(r.gapClosed) (\(r.method)); bounds \(r.bounds); heuristic alone \(h.employeesReaching20Jp) / \(h.gapClosed), its bounds \(h.bounds); PNS \(x.candidates.filter(\.isPNS).count), budget \(x.budget)"
            )
        }
    }
}
