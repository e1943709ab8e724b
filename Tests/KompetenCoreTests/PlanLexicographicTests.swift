import Testing

@testable import KompetenCore

/// The lexicographic objective (issue 15, item 4): first the PNS brought to 20 JP (PP 11/2017
/// Ps 203(4)), then the weighted gap closed, within budget, seats and the PPPK 24 JP cap; and the
/// bounds reported for both figures.
@Suite struct PlanLexicographicTests {
    // Rp 10 juta; A, B, C PNS at 0 JP with a K1 gap of 2.
    //   DEAR  Rp 10.000.000, 20 JP, raises K1 +2 (useful);
    //   CHEAP Rp  1.000.000, 20 JP, raises K9 +1 (nobody needs it).
    // Best head count: all three on CHEAP (Rp 3 juta). The remaining Rp 7 juta cannot buy DEAR,
    // so gap 0; any plan with DEAR spends the whole budget on one person (head count 1).
    let tenJuta = [
        PlanProgramme(id: "CHEAP", costPerParticipant: 1_000_000, capacity: 10, jp: 20, raises: ["K9": 1]),
        PlanProgramme(id: "DEAR", costPerParticipant: 10_000_000, capacity: 10, jp: 20, raises: ["K1": 2]),
    ]
    let three = ["A", "B", "C"].map { PlanCandidate(id: $0, isPNS: true, jpSoFar: 0, gaps: ["K1": 2]) }

    @Test func tenJutaSendsAllThreeToTheCheapProgramme() {
        for solver in [CbcMIPSolver() as (any MIPSolver)?, nil] {
            let r = PlanOptimiser.plan(programmes: tenJuta, candidates: three, budget: 10_000_000, solver: solver)
            #expect(r.enrolments == ["A", "B", "C"].map { PlanEnrolment(candidate: $0, programme: "CHEAP") })
            #expect(r.employeesReaching20Jp == 3 && r.jpCoverage == 1)
            #expect(r.totalCost == 3_000_000 && r.gapClosed == 0)
            #expect(r.bounds.employeesReaching20Jp == 3)
            // Gap alone could close 2 (DEAR for one person): only the plain upperBound says so.
            #expect(r.upperBound == 2)
        }
        let exact = PlanOptimiser.plan(programmes: tenJuta, candidates: three, budget: 10_000_000)
        #expect(exact.bounds.gapClosed < 1e-3) // no plan reaching 3 closes any gap
        #expect(exact.method == .optimal)
    }

    @Test func randomSmallInstancesMatchBruteForce() {
        for seed in UInt64(1)...30 {
            let x = PlanCheck.randomSmall(seed: seed)
            let truth = PlanCheck.bruteForceLex(x.programmes, x.candidates, weights: x.weights, budget: x.budget)
            // A generous time limit: the method check must not depend on the machine's load.
            let r = PlanOptimiser.plan(
                programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget, timeLimit: 30)
            #expect(
                PlanCheck.violation(
                    PlanCheck.resolve(r, x.programmes, x.candidates), candidates: x.candidates, budget: x.budget)
                    == nil, "seed \(seed)")
            // Solved exactly: both figures are the optimum.
            #expect(r.employeesReaching20Jp == truth.count, "seed \(seed)")
            #expect(abs(r.gapClosed - truth.gapReaching[truth.count]!) < 1e-6, "seed \(seed)")
            #expect(r.method == .optimal, "seed \(seed)")
            if r.method != .optimal {
                _ = PlanOptimiser.plan(
                    programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget,
                    solver: CbcMIPSolver(debug: true), timeLimit: 30)
            }
            // The bounds hold (and are tight here).
            #expect(r.bounds.employeesReaching20Jp == truth.count, "seed \(seed)")
            #expect(r.bounds.gapClosed >= truth.gapReaching[r.employeesReaching20Jp]! - 1e-9, "seed \(seed)")
            #expect(r.bounds.gapClosed <= truth.gapReaching[r.employeesReaching20Jp]! + 1e-3, "seed \(seed)")
        }
    }

    @Test func boundsWithoutASolverStillHold() {
        // Heuristic plan, pure-Swift relaxations only: feasible, and the bounds are above the truth.
        for seed in UInt64(101)...130 {
            let x = PlanCheck.randomSmall(seed: seed)
            let truth = PlanCheck.bruteForceLex(x.programmes, x.candidates, weights: x.weights, budget: x.budget)
            let r = PlanOptimiser.plan(
                programmes: x.programmes, candidates: x.candidates, weights: x.weights, budget: x.budget, solver: nil)
            #expect(
                PlanCheck.violation(
                    PlanCheck.resolve(r, x.programmes, x.candidates), candidates: x.candidates, budget: x.budget)
                    == nil, "seed \(seed)")
            #expect(r.employeesReaching20Jp <= truth.count, "seed \(seed)")
            #expect(r.bounds.employeesReaching20Jp >= truth.count, "seed \(seed)")
            #expect(r.bounds.gapClosed >= truth.gapReaching[r.employeesReaching20Jp]! - 1e-9, "seed \(seed)")
            #expect(r.method == .heuristic)
        }
    }

    @Test func noBudget() {
        // Rp 0: nobody can be enrolled; only the PNS already at 20 JP count, and the bounds say so.
        let cands = three + [PlanCandidate(id: "D", isPNS: true, jpSoFar: 24, gaps: ["K1": 1])]
        let r = PlanOptimiser.plan(programmes: tenJuta, candidates: cands, budget: 0)
        #expect(r.enrolments.isEmpty && r.totalCost == 0 && r.gapClosed == 0)
        #expect(r.employeesReaching20Jp == 1)
        #expect(r.bounds == PlanBounds(employeesReaching20Jp: 1, gapClosed: 0))
    }

    @Test func noSeats() {
        let full = tenJuta.map { p in
            var p = p
            p.capacity = 0
            return p
        }
        let r = PlanOptimiser.plan(programmes: full, candidates: three, budget: 100_000_000)
        #expect(r.enrolments.isEmpty && r.employeesReaching20Jp == 0)
        #expect(r.bounds == PlanBounds(employeesReaching20Jp: 0, gapClosed: 0))
    }

    @Test func everyoneAlreadyAtTwentyJP() {
        // All at 20 JP: the head count is everyone whatever the plan, and the gap is chased alone.
        // Rp 20 juta: DEAR twice (K1 +2 for two people) = 4; CHEAP closes nothing.
        let done = three.map { c in
            var c = c
            c.jpSoFar = 20
            return c
        }
        let r = PlanOptimiser.plan(programmes: tenJuta, candidates: done, budget: 20_000_000)
        #expect(r.employeesReaching20Jp == 3 && r.bounds.employeesReaching20Jp == 3)
        #expect(r.gapClosed == 4 && r.totalCost == 20_000_000)
        #expect(abs(r.bounds.gapClosed - 4) < 1e-3)
    }
}
