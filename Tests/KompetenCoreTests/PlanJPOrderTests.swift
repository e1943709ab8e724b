import Testing

@testable import KompetenCore

@Suite struct PlanJPOrderTests {
    // X: Rp 500.000, 12 JP, raises K1 +1. Y: Rp 300.000, 8 JP, raises nothing anyone needs.
    // A: PNS at 0 JP, no gap — route Y then X: 20 JP for Rp 800.000.
    // B, C: PNS at 10 JP with a K1 gap — route X: 22 JP for Rp 500.000 each.
    // Budget Rp 1.000.000. Lowest JP first would lift A alone (Rp 200.000 left, nobody else
    // fits); cheapest-to-lift first lifts B and C: two people's right instead of one.
    let programmes = [
        PlanProgramme(id: "X", costPerParticipant: 500_000, capacity: 5, jp: 12, raises: ["K1": 1]),
        PlanProgramme(id: "Y", costPerParticipant: 300_000, capacity: 5, jp: 8, raises: ["K9": 1]),
    ]
    let candidates = [
        PlanCandidate(id: "A", isPNS: true, jpSoFar: 0, gaps: [:]),
        PlanCandidate(id: "B", isPNS: true, jpSoFar: 10, gaps: ["K1": 1]),
        PlanCandidate(id: "C", isPNS: true, jpSoFar: 10, gaps: ["K1": 1]),
    ]

    @Test func theBudgetReachesAsManyPeopleAsItCan() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, budget: 1_000_000)
        #expect(
            r.enrolments == [
                PlanEnrolment(candidate: "B", programme: "X"), PlanEnrolment(candidate: "C", programme: "X"),
            ])
        #expect(r.employeesReaching20Jp == 2 && r.totalCost == 1_000_000 && r.gapClosed == 2)
    }

    @Test func withEnoughMoneyEveryoneIsLifted() {
        let r = PlanOptimiser.plan(programmes: programmes, candidates: candidates, budget: 1_800_000)
        #expect(r.employeesReaching20Jp == 3 && r.totalCost == 1_800_000)
        #expect(Set(r.enrolments.filter { $0.candidate == "A" }.map(\.programme)) == ["X", "Y"])
    }
}
