import Testing

@testable import KompetenCore
@testable import KompetenDemo

@Suite struct PlanPropertyTests {
    @Test func swapPassEscapesTheRatioGreedyTrap() {
        // Per rupiah, CHEAP (2 for Rp 1) beats BIG (1.000 for Rp 1.000), so the greedy buys CHEAP
        // and then cannot afford BIG: 2. Swapping CHEAP for BIG gives 1.000, the optimum.
        let progs = [
            PlanProgramme(id: "BIG", costPerParticipant: 1_000, capacity: 1, jp: 2, raises: ["K1": 1]),
            PlanProgramme(id: "CHEAP", costPerParticipant: 1, capacity: 1, jp: 2, raises: ["K2": 1]),
        ]
        let cands = [PlanCandidate(id: "Z", isPNS: false, jpSoFar: 0, gaps: ["K1": 1, "K2": 1])]
        let weights = ["K1": 1_000.0, "K2": 2.0]
        let r = PlanOptimiser.plan(programmes: progs, candidates: cands, weights: weights, budget: 1_000)
        #expect(r.enrolments == [PlanEnrolment(candidate: "Z", programme: "BIG")])
        #expect(r.gapClosed == 1_000)
        #expect(r.gapClosed == PlanCheck.bruteForce(progs, cands, weights: weights, budget: 1_000))
    }

    /// A random small instance from a fixed seed (SplitMix64, so identical on every platform).
    func instance(_ rng: inout DemoRandom) -> ([PlanProgramme], [PlanCandidate], [String: Double], Int) {
        let codes = ["K1", "K2", "K3"]
        func bag(_ maxLevel: Int) -> [String: Int] {
            var b: [String: Int] = [:]
            for k in codes where rng.chance(0.6) { b[k] = rng.int(in: 0...maxLevel) }
            return b
        }
        let progs = (0..<rng.int(in: 1...3)).map { n in
            PlanProgramme(
                id: "PR\(n)", costPerParticipant: rng.int(in: 0...10) * 100_000,
                capacity: rng.int(in: 0...3), jp: rng.int(in: 1...24), raises: bag(2))
        }
        let cands = (0..<rng.int(in: 1...4)).map { n in
            PlanCandidate(id: "C\(n)", isPNS: rng.chance(0.6), jpSoFar: rng.int(in: 0...26), gaps: bag(3))
        }
        var weights: [String: Double] = [:]
        for k in codes where rng.chance(0.7) { weights[k] = rng.pick([0.5, 1, 2, 3]) }
        return (progs, cands, weights, rng.int(in: 0...30) * 100_000)
    }

    @Test func randomInstancesAreFeasibleAndBounded() {
        var rng = DemoRandom(seed: 20_260_207)
        var enumerated = 0
        var pureGap = 0
        var pureGapOptimal = 0
        for _ in 0..<50 {
            let (progs, cands, weights, budget) = instance(&rng)
            let r = PlanOptimiser.plan(programmes: progs, candidates: cands, weights: weights, budget: budget)
            let chosen = PlanCheck.resolve(r, progs, cands)
            #expect(PlanCheck.violation(chosen, candidates: cands, budget: budget) == nil)
            #expect(r.totalCost == chosen.reduce(0) { $0 + $1.1.costPerParticipant })
            #expect(abs(r.gapClosed - PlanCheck.value(chosen, candidates: cands, weights: weights)) < 1e-9)
            #expect(r.gapClosed <= r.upperBound + 1e-9)
            // Deterministic: the same input gives the same plan.
            #expect(
                PlanOptimiser.plan(programmes: progs, candidates: cands, weights: weights, budget: budget).enrolments
                    == r.enrolments)
            if progs.count * cands.count <= 10 {
                enumerated += 1
                let best = PlanCheck.bruteForce(progs, cands, weights: weights, budget: budget)
                #expect(r.gapClosed <= best + 1e-9)
                #expect(best <= r.upperBound + 1e-9) // the bound really bounds the optimum
                // With no PNS below 20 JP the JP phase does nothing and only the gap heuristic acts.
                // On this seed it always finds the optimum there (a regression guard, not a theorem:
                // greedy + swaps has no general guarantee). With the JP phase active the plan may
                // rightly close less gap than the unconstrained optimum, e.g. a seat given to a PNS
                // for their 20 JP.
                if !cands.contains(where: { $0.isPNS && $0.jpSoFar < JPRule.minimumPNS }) {
                    pureGap += 1
                    if r.gapClosed >= best - 1e-9 { pureGapOptimal += 1 }
                }
            }
        }
        #expect(enumerated >= 30)
        #expect(pureGap >= 5)
        #expect(pureGapOptimal == pureGap)
    }
}
