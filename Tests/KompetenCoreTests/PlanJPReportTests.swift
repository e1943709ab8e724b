import Testing

@testable import KompetenCore

@Suite struct PlanJPReportTests {
    // E: Rp 200.000, 10 seats, 12 JP, raises K1 +1. Budget Rp 1.000.000.
    //   P1 PNS 25 JP, no gap        — already at 20 JP: counts without any enrolment.
    //   P2 PNS 10 JP, no gap        — JP phase: E (the cheapest, nothing is useful) → 22 JP: counts.
    //   P3 PNS  0 JP, gap K1 1      — JP phase: E → 12 JP, and E cannot be taken twice, so the
    //                                  lift is undone; the gap phase then enrols P3 in E for the
    //                                  gap (12 JP): still below 20, does not count.
    //   P4 PPPK 0 JP, gap K1 1      — enrolled for the gap (12 ≤ 24 JP); not a PNS, never counts.
    //   P5 PNS 20 JP, no gap        — exactly 20: counts.
    // Plan: P2–E, P3–E, P4–E for Rp 600.000, gap 2. Reaching 20 JP: P1, P2, P5 = 3 of 4 PNS.
    let programmes = [PlanProgramme(id: "E", costPerParticipant: 200_000, capacity: 10, jp: 12, raises: ["K1": 1])]
    let candidates = [
        PlanCandidate(id: "P1", isPNS: true, jpSoFar: 25, gaps: [:]),
        PlanCandidate(id: "P2", isPNS: true, jpSoFar: 10, gaps: [:]),
        PlanCandidate(id: "P3", isPNS: true, jpSoFar: 0, gaps: ["K1": 1]),
        PlanCandidate(id: "P4", isPNS: false, jpSoFar: 0, gaps: ["K1": 1]),
        PlanCandidate(id: "P5", isPNS: true, jpSoFar: 20, gaps: [:]),
    ]

    @Test func countsPNSAtTwentyJPAfterThePlan() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, budget: 1_000_000)
        #expect(
            r.enrolments == [
                PlanEnrolment(candidate: "P2", programme: "E"),
                PlanEnrolment(candidate: "P3", programme: "E"),
                PlanEnrolment(candidate: "P4", programme: "E"),
            ])
        #expect(r.totalCost == 600_000)
        #expect(r.gapClosed == 2)
        #expect(r.employeesReaching20Jp == 3)
        #expect(r.jpCoverage == 0.75)
    }

    @Test func noBudgetCountsOnlyThoseAlreadyThere() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, budget: 0)
        #expect(r.enrolments.isEmpty)
        #expect(r.employeesReaching20Jp == 2) // P1 and P5
        #expect(r.jpCoverage == 0.5)
    }

    @Test func withoutPNSNobodyCounts() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: [candidates[3]], budget: 1_000_000)
        #expect(r.employeesReaching20Jp == 0)
        #expect(r.jpCoverage == 1) // nobody's right is unmet
    }
}
