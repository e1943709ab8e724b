import Testing

@testable import KompetenCore

/// The SKM report's own rules: which period it is compared with, the key its plan is kept
/// under, the trend against the previous period, whether the minimum sample is reached.
@Suite("SKM report rules")
struct SKMReportRulesTests {
    static func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    @Test func thePreviousPeriodOfAPresetIsTheWholePreviousPeriodOfItsKind() {
        func previous(_ from: String, _ to: String) -> String {
            let p = SKMReportPeriod.previous(from: Self.d(from), to: Self.d(to))
            return "\(p.from.iso)…\(p.to.iso)"
        }
        // Complete periods.
        #expect(previous("2026-07-01", "2026-09-30") == "2026-04-01…2026-06-30")
        #expect(previous("2026-01-01", "2026-06-30") == "2025-07-01…2025-12-31")
        #expect(previous("2026-01-01", "2026-12-31") == "2025-01-01…2025-12-31")
        #expect(previous("2026-03-01", "2026-03-31") == "2026-02-01…2026-02-28")
        // Running ones, cut at today: the whole previous quarter / semester / year / month.
        #expect(previous("2026-10-01", "2026-12-07") == "2026-07-01…2026-09-30")
        #expect(previous("2026-07-01", "2026-12-07") == "2026-01-01…2026-06-30")
        #expect(previous("2026-01-01", "2026-12-07") == "2025-01-01…2025-12-31")
        #expect(previous("2026-12-01", "2026-12-07") == "2026-11-01…2026-11-30")
        // Q1 of a year: Q4 of the one before.
        #expect(previous("2026-01-01", "2026-03-31") == "2025-10-01…2025-12-31")
        // Any other range: as many days immediately before (10–19 November is 10 days).
        #expect(previous("2026-11-10", "2026-11-19") == "2026-10-31…2026-11-09")
        #expect(previous("2026-02-15", "2026-04-14") == "2025-12-18…2026-02-14")
    }

    @Test func aRunningPeriodIsKeptUnderItsWholeRange() {
        let q4 = SKMReportPeriod.key(from: Self.d("2026-10-01"), to: Self.d("2026-12-07"))
        #expect(q4.from.iso == "2026-10-01" && q4.to.iso == "2026-12-31")
        let odd = SKMReportPeriod.key(from: Self.d("2026-11-10"), to: Self.d("2026-11-19"))
        #expect(odd.from.iso == "2026-11-10" && odd.to.iso == "2026-11-19")
        #expect(SKMReportPeriod.calendarKind(from: Self.d("2026-04-01"), to: Self.d("2026-06-30")) == .quarter)
        #expect(SKMReportPeriod.calendarKind(from: Self.d("2026-04-02"), to: Self.d("2026-06-30")) == nil)
    }

    @Test func aPresetNamesItsKindWhenTheDatesFitSeveral() {
        // 1–30 October: a running October (compared with September) or a running Triwulan IV
        // (compared with Triwulan III, its plan kept under 1 October – 31 December).
        let from = Self.d("2026-10-01")
        let to = Self.d("2026-10-30")
        #expect(SKMReportPeriod.previous(from: from, to: to).from.iso == "2026-09-01")
        let quarter = SKMReportPeriod.previous(from: from, to: to, kind: .quarter)
        #expect(quarter.from.iso == "2026-07-01" && quarter.to.iso == "2026-09-30")
        #expect(SKMReportPeriod.key(from: from, to: to, kind: .quarter).to.iso == "2026-12-31")
        // A kind that does not fit the dates is ignored (a semester does not start on 1 October).
        #expect(SKMReportPeriod.calendarKind(from: from, to: to, preferred: .semester) == .month)
    }

    @Test func theTrendSubtractsThePrintedValues() {
        // Current: 10 respondents, sums 32 30 25 40 31 33 35 28 26 → NRR 3,2 3,0 2,5 4,0 3,1 3,3 3,5 2,8 2,6,
        // Σ 28,0 → IKM 28 × 25 / 9 = 77,777… → 77,78 (B). Previous: 6 respondents, sums
        // 18 18 12 24 18 18 21 15 15 → NRR 3 3 2 4 3 3 3,5 2,5 2,5, Σ 26,5 → 73,611… → 73,61 (C).
        // Difference 77,78 − 73,61 = 4,17 (of the printed values).
        func result(_ sums: [Int], _ n: Int) -> IKMResult? {
            IKMCalculator.compute(
                tallies: SKMElement.codes.enumerated().map { SKMElementTally(code: $1, sum: sums[$0], answered: n) },
                respondents: n, weight: .ninth)
        }
        let now = result([32, 30, 25, 40, 31, 33, 35, 28, 26], 10)
        let before = result([18, 18, 12, 24, 18, 18, 21, 15, 15], 6)
        let t = SKMTrend.compare(current: now, previous: before)
        #expect(now?.value == 77.78 && t.previousIKM == 73.61 && t.previousGrade == .C && t.difference == 4.17)
        #expect(t.elements.map(\.change) == [0.2, 0.0, 0.5, 0.0, 0.1, 0.3, 0.0, 0.3, 0.1])
        // Nothing before: no difference, no changes.
        let none = SKMTrend.compare(current: now, previous: nil)
        #expect(none.difference == nil && none.previousIKM == nil && none.elements.allSatisfy { $0.change == nil })
        // A fall is negative: 73,61 − 77,78 = −4,17.
        #expect(SKMTrend.compare(current: before, previous: now).difference == -4.17)
    }

    @Test func theMinimumSampleIsReachedAtTheKrejcieMorganSize() {
        // N = 100 → 80 (the 1970 table); N = 1000 → 278.
        #expect(KrejcieMorgan.reached(respondents: 79, population: 100) == false)
        #expect(KrejcieMorgan.reached(respondents: 80, population: 100) == true)
        #expect(KrejcieMorgan.reached(respondents: 278, population: 1000) == true)
        #expect(KrejcieMorgan.reached(respondents: 10, population: 0) == nil)
    }

    @Test func theFollowUpStatusesAreTheFourOfTheReport() {
        #expect(
            SKMFollowUpStatus.allCases.map(\.rawValue) == ["direncanakan", "berjalan", "selesai", "tidak_dilaksanakan"])
    }
}
