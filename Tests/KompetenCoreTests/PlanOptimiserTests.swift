import Testing

@testable import KompetenCore

@Suite struct PlanOptimiserTests {
    // Hand instance, budget Rp 3.000.000, weights K1 = 1, K2 = 2.
    //   A: Rp 1.000.000, 2 seats, 24 JP, raises K1 +2     B: Rp 1.500.000, 1 seat, 10 JP, raises K1 +1, K2 +1
    //   P1 PNS 10 JP, gap K1 2;  P2 PNS 25 JP, gap K2 1;  P3 PPPK 5 JP, gaps K1 1, K2 1
    // Stand-alone values: P1A 2, P1B 1, P2A 0, P2B 2, P3B 1 + 2 = 3; P3A is infeasible (5 + 24 > 24).
    // B has one seat and A+A+B costs 3,5 jt, so the best plan is P1A + P3B = 5 for Rp 2.500.000
    // (P1A + P1B is only 2, not 3: P1's K1 gap of 2 cannot be closed twice).
    // Bound: A keeps {P1A 2}, B keeps its top seat {P3B 3}; both at 2 per juta fit → 5.
    let programmes = [
        PlanProgramme(id: "A", costPerParticipant: 1_000_000, capacity: 2, jp: 24, raises: ["K1": 2]),
        PlanProgramme(id: "B", costPerParticipant: 1_500_000, capacity: 1, jp: 10, raises: ["K1": 1, "K2": 1]),
    ]
    let candidates = [
        PlanCandidate(id: "P1", isPNS: true, jpSoFar: 10, gaps: ["K1": 2]),
        PlanCandidate(id: "P2", isPNS: true, jpSoFar: 25, gaps: ["K2": 1]),
        PlanCandidate(id: "P3", isPNS: false, jpSoFar: 5, gaps: ["K1": 1, "K2": 1]),
    ]
    let weights = ["K1": 1.0, "K2": 2.0]

    @Test func handInstanceReachesBruteForceOptimum() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, weights: weights, budget: 3_000_000)
        let best = PlanCheck.bruteForce(programmes, candidates, weights: weights, budget: 3_000_000)
        #expect(best == 5)
        #expect(r.gapClosed == best)
        #expect(
            r.enrolments == [
                PlanEnrolment(candidate: "P1", programme: "A"), PlanEnrolment(candidate: "P3", programme: "B"),
            ])
        #expect(r.totalCost == 2_500_000)
        #expect(r.upperBound == 5)
        #expect(r.gapClosed <= r.upperBound)
        #expect(r.jpCoverage == 1) // P1 10 + 24 = 34, P2 already 25
        #expect(
            PlanCheck.violation(PlanCheck.resolve(r, programmes, candidates), candidates: candidates, budget: 3_000_000)
                == nil)
    }

    @Test func gapIsNeverClosedTwice() {
        // Gap 2: A closes it all, B (+1) would add nothing → not bought.
        let progs = [
            PlanProgramme(id: "A", costPerParticipant: 100, capacity: 5, jp: 2, raises: ["K1": 2]),
            PlanProgramme(id: "B", costPerParticipant: 50, capacity: 5, jp: 2, raises: ["K1": 1]),
        ]
        let one = [PlanCandidate(id: "X", isPNS: false, jpSoFar: 0, gaps: ["K1": 2])]
        let r = PlanOptimiser.plan(programmes: progs, candidates: one, budget: 1_000)
        #expect(r.gapClosed == 2)
        #expect(r.enrolments.count == 1)
        // Gap 3 with two +2 programmes: both are needed, closing 3, not 4.
        let twice = [
            PlanProgramme(id: "A", costPerParticipant: 100, capacity: 5, jp: 2, raises: ["K1": 2]),
            PlanProgramme(id: "C", costPerParticipant: 100, capacity: 5, jp: 2, raises: ["K1": 2]),
        ]
        let three = [PlanCandidate(id: "X", isPNS: false, jpSoFar: 0, gaps: ["K1": 3])]
        let r2 = PlanOptimiser.plan(programmes: twice, candidates: three, budget: 1_000)
        #expect(r2.enrolments.count == 2)
        #expect(r2.gapClosed == 3)
        #expect(r2.upperBound == 4) // stand-alone values 2 + 2 over-count: that is why it is only a bound
    }

    // Y Rp 300.000 8 JP, X Rp 500.000 12 JP; Q1 is a PNS at 10 JP.
    let jpProgrammes = [
        PlanProgramme(id: "X", costPerParticipant: 500_000, capacity: 3, jp: 12, raises: ["K1": 1]),
        PlanProgramme(id: "Y", costPerParticipant: 300_000, capacity: 3, jp: 8, raises: ["K9": 1]),
    ]

    @Test func jpPhaseLiftsPNSWhenAffordable() {
        // No gaps: nothing is useful. The cheapest set reaching 20 JP is X alone (10 + 12 = 22 JP,
        // Rp 500.000); Y then X (Rp 800.000) would spend Rp 300.000 more for nothing.
        let q = [PlanCandidate(id: "Q1", isPNS: true, jpSoFar: 10, gaps: [:])]
        for solver in [CbcMIPSolver() as (any MIPSolver)?, nil] {
            let r = PlanOptimiser.plan(programmes: jpProgrammes, candidates: q, budget: 1_000_000, solver: solver)
            #expect(r.enrolments == [PlanEnrolment(candidate: "Q1", programme: "X")])
            #expect(r.totalCost == 500_000)
            #expect(r.jpCoverage == 1)
            #expect(r.gapClosed == 0)
            // Rp 400.000 buys only Y (18 JP): short of 20, so nothing is bought rather than wasted.
            let poor = PlanOptimiser.plan(programmes: jpProgrammes, candidates: q, budget: 400_000, solver: solver)
            #expect(poor.enrolments.isEmpty && poor.totalCost == 0 && poor.jpCoverage == 0)
        }
    }

    @Test func jpPhasePrefersUsefulProgrammes() {
        // With a K1 gap, X is useful and takes Q1 from 10 to 22 JP on its own, though Y is cheaper.
        let q = [PlanCandidate(id: "Q1", isPNS: true, jpSoFar: 10, gaps: ["K1": 1])]
        let r = PlanOptimiser.plan(programmes: jpProgrammes, candidates: q, budget: 1_000_000)
        #expect(r.enrolments == [PlanEnrolment(candidate: "Q1", programme: "X")])
        #expect(r.totalCost == 500_000 && r.gapClosed == 1 && r.jpCoverage == 1)
    }

    @Test func pppkNeverPushedPast24JP() {
        // R1 at 20 JP: BIG (+5 → 25) would close the whole gap but is not allowed; SMALL (+4 → 24) is.
        let progs = [
            PlanProgramme(id: "BIG", costPerParticipant: 100_000, capacity: 1, jp: 5, raises: ["K1": 3]),
            PlanProgramme(id: "SMALL", costPerParticipant: 100_000, capacity: 1, jp: 4, raises: ["K1": 1]),
        ]
        let r1 = [PlanCandidate(id: "R1", isPNS: false, jpSoFar: 20, gaps: ["K1": 3])]
        let r = PlanOptimiser.plan(programmes: progs, candidates: r1, budget: 10_000_000)
        #expect(r.enrolments == [PlanEnrolment(candidate: "R1", programme: "SMALL")])
        #expect(r.gapClosed == 1 && r.upperBound == 1)
        #expect(r.jpCoverage == 1) // no PNS
        let full = [PlanCandidate(id: "R2", isPNS: false, jpSoFar: 25, gaps: ["K1": 3])]
        #expect(PlanOptimiser.plan(programmes: progs, candidates: full, budget: 10_000_000).enrolments.isEmpty)
    }

    @Test func budgetAndCapacityRespected() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, weights: weights, budget: 1_200_000)
        #expect(r.totalCost <= 1_200_000)
        #expect(
            PlanCheck.violation(PlanCheck.resolve(r, programmes, candidates), candidates: candidates, budget: 1_200_000)
                == nil)
        // Only one 1 jt seat of A fits; P1 needs it for the 20 JP right, and it is also worth 2.
        #expect(r.enrolments == [PlanEnrolment(candidate: "P1", programme: "A")])
        #expect(r.gapClosed == PlanCheck.bruteForce(programmes, candidates, weights: weights, budget: 1_200_000))
    }
}
