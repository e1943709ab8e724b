import Foundation
import Testing

@testable import KompetenCore

/// The full city (7.000 candidates × 80 programmes, `PlanCity`), timed as the app runs it: the
/// plan with its lexicographic bounds (solver time limit included) and the gap-only comparison
/// plan. KompetenCore is built with -O even in debug, so this measures the optimised code.
/// Opt-in (KOMPETEN_PLAN_BENCH=1): it takes a few seconds and its timing is only meaningful on an
/// idle machine; the numbers go to BENCHMARKS.md. It asserts validity, not time.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KOMPETEN_PLAN_BENCH"] != nil))
struct PlanCityBenchmarkTests {
    @Test(arguments: [UInt64(20_260_207), 20_260_208, 20_260_209])
    func fullCity(seed: UInt64) {
        let city = PlanCity.instance(seed: seed, candidates: 7_000, programmes: 80)
        let t0 = Date()
        let r = PlanOptimiser.plan(
            programmes: city.programmes, candidates: city.candidates, weights: city.weights, budget: city.budget)
        let t1 = Date()
        let g = PlanOptimiser.plan(
            programmes: city.programmes, candidates: city.candidates, weights: city.weights,
            budget: city.budget, prioritise20JP: false)
        let t2 = Date()
        let audit = PlanAudit.audit(
            r, programmes: city.programmes, candidates: city.candidates, weights: city.weights, budget: city.budget)
        #expect(audit.violation == nil)
        #expect(abs(audit.value - r.gapClosed) < 1e-6 && audit.reaching20Jp == r.employeesReaching20Jp)
        #expect(r.bounds.employeesReaching20Jp >= r.employeesReaching20Jp && r.bounds.gapClosed >= r.gapClosed)
        let pns = city.candidates.filter(\.isPNS).count
        print(
            String(
                format:
                    "city seed %d: plan %.2f s (+ gap-only %.2f s); %d of %d PNS at 20 JP, bound %d (%.1f %%); gap %.1f, bound %.1f (%.1f %%), gap-alone bound %.1f; %@; budget %ld, cost %ld",
                Int(seed), t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), r.employeesReaching20Jp, pns,
                r.bounds.employeesReaching20Jp,
                100 * Double(r.employeesReaching20Jp) / Double(r.bounds.employeesReaching20Jp),
                r.gapClosed, r.bounds.gapClosed, 100 * r.gapClosed / r.bounds.gapClosed, r.upperBound,
                r.method.rawValue, city.budget, r.totalCost))
    }
}
