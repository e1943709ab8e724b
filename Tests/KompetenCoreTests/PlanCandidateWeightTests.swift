import Testing

@testable import KompetenCore

@Suite struct PlanCandidateWeightTests {
    // Budget Rp 1.000.000 buys exactly one enrolment. Global weights: DIG 1,5, PP 1.
    //   PP  (Pelayanan Publik): Rp 1.000.000, 1 seat, 8 JP, raises PP +1
    //   DIG (Digital):          Rp 1.000.000, 1 seat, 8 JP, raises DIG +1
    //   A PPPK 0 JP, gap DIG 1;  B PPPK 0 JP, gap PP 1;  F PPPK 0 JP, gap PP 1 (front-line)
    // All PPPK at 0 JP, so the JP phase does nothing and 8 JP stays under the 24 JP cap.
    // Without an override: A–DIG 1,5 > B–PP 1 = F–PP 1, so the plan is A–DIG, 1,5.
    // With F's own weight PP 2: F–PP 2 > A–DIG 1,5 > B–PP 1, so the plan is F–PP, 2. B, with
    // the same gap but no override, stays at weight 1: the override is F's alone.
    // Bound with the override: items 2 (F–PP, PP's top seat) and 1,5 (A–DIG), Rp 1 jt each,
    // room for one → 2; without it, PP's top seat is worth 1 and the bound is 1,5.
    let programmes = [
        PlanProgramme(id: "PP", costPerParticipant: 1_000_000, capacity: 1, jp: 8, raises: ["PP": 1]),
        PlanProgramme(id: "DIG", costPerParticipant: 1_000_000, capacity: 1, jp: 8, raises: ["DIG": 1]),
    ]
    let weights = ["DIG": 1.5, "PP": 1.0]
    let budget = 1_000_000

    func candidates(frontLineWeight: [String: Double]) -> [PlanCandidate] {
        [
            PlanCandidate(id: "A", isPNS: false, jpSoFar: 0, gaps: ["DIG": 1]),
            PlanCandidate(id: "B", isPNS: false, jpSoFar: 0, gaps: ["PP": 1]),
            PlanCandidate(id: "F", isPNS: false, jpSoFar: 0, gaps: ["PP": 1], weights: frontLineWeight),
        ]
    }

    @Test func globalWeightsAloneChooseDigital() {
        let cands = candidates(frontLineWeight: [:])
        let r = PlanOptimiser.plan(programmes: programmes, candidates: cands, weights: weights, budget: budget)
        #expect(r.enrolments == [PlanEnrolment(candidate: "A", programme: "DIG")])
        #expect(r.gapClosed == 1.5)
        #expect(r.upperBound == 1.5)
        #expect(r.gapClosed == PlanCheck.bruteForce(programmes, cands, weights: weights, budget: budget))
    }

    @Test func candidateOverrideChangesTheChoice() {
        let cands = candidates(frontLineWeight: ["PP": 2])
        let r = PlanOptimiser.plan(programmes: programmes, candidates: cands, weights: weights, budget: budget)
        #expect(r.enrolments == [PlanEnrolment(candidate: "F", programme: "PP")])
        #expect(r.gapClosed == 2)
        #expect(r.upperBound == 2) // the bound uses the same effective weights
        #expect(
            PlanOptimiser.upperBound(programmes: programmes, candidates: cands, weights: weights, budget: budget) == 2)
        #expect(r.gapClosed == PlanCheck.bruteForce(programmes, cands, weights: weights, budget: budget))
    }

    @Test func overrideCanAlsoLowerAWeight() {
        // A's own DIG weight 0,5 takes A–DIG below B–PP 1; B and F tie at 1 and B wins on id.
        var cands = candidates(frontLineWeight: [:])
        cands[0].weights = ["DIG": 0.5]
        let r = PlanOptimiser.plan(programmes: programmes, candidates: cands, weights: weights, budget: budget)
        #expect(r.enrolments == [PlanEnrolment(candidate: "B", programme: "PP")])
        #expect(r.gapClosed == 1)
        #expect(r.upperBound == 1)
    }

    @Test func overrideForACodeWithoutGapChangesNothing() {
        // F's override names a code F has no gap in: the plan is the one without overrides.
        var cands = candidates(frontLineWeight: [:])
        cands[2].weights = ["DIG": 10]
        let r = PlanOptimiser.plan(programmes: programmes, candidates: cands, weights: weights, budget: budget)
        #expect(r.enrolments == [PlanEnrolment(candidate: "A", programme: "DIG")])
        #expect(r.gapClosed == 1.5)
    }
}
