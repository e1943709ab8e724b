import Testing

@testable import KompetenCore

/// Issue 15 item 13: outside learning's JP must fit its dates (at most 12 JP a day), and the
/// PPPK 24 JP cap holds when it is verified as it does at enrolment.
@Suite("Outside learning: JP per day and the PPPK cap")
struct LearningJPRulesTests {
    func d(_ s: String) -> SimpleDate { SimpleDate(iso: s)! }

    @Test func atMostTwelveJPADay() {
        // 2 days (10–11 March, both counted) hold 24 JP: 30 is refused, 24 fits.
        #expect(JPRule.maximumJP(start: d("2026-03-10"), end: d("2026-03-11")) == 24)
        #expect(JPRule.datesProblem(jp: 30, start: d("2026-03-10"), end: d("2026-03-11")) != nil)
        #expect(JPRule.datesProblem(jp: 24, start: d("2026-03-10"), end: d("2026-03-11")) == nil)
        // One day: 12 fits, 13 does not.
        #expect(JPRule.datesProblem(jp: 12, start: d("2026-03-10"), end: d("2026-03-10")) == nil)
        #expect(JPRule.datesProblem(jp: 13, start: d("2026-03-10"), end: d("2026-03-10")) != nil)
        // Over a month end: 28 Feb – 2 Mar 2026 is 3 days → 36 JP.
        #expect(JPRule.maximumJP(start: d("2026-02-28"), end: d("2026-03-02")) == 36)
    }

    @Test func pppkCap() {
        // 20 JP credited + 8 JP of outside learning = 28 > 24: refused.
        #expect(JPRule.pppkCapProblem(credited: 20, planned: 0, adding: 8) != nil)
        // 20 + 4 = 24: exactly the cap, fine.
        #expect(JPRule.pppkCapProblem(credited: 20, planned: 0, adding: 4) == nil)
        // Enrolled seats count too: 10 credited + 12 enrolled + 4 = 26.
        #expect(JPRule.pppkCapProblem(credited: 10, planned: 12, adding: 4) != nil)
    }
}
