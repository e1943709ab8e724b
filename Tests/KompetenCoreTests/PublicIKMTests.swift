import Testing

@testable import KompetenCore

/// Issue 15 item 9: the transparency page publishes a grade only for a complete survey with at
/// least the Krejcie–Morgan minimum, and shows complete quarters (the running one apart).
@Suite("Transparency: published grade needs the minimum sample; complete quarters")
struct PublicIKMTests {
    func allThrees(_ n: Int, population: Int?) -> IKMResult? {
        IKMCalculator.compute(
            tallies: SKMElement.codes.map { SKMElementTally(code: $0, sum: 3 * n, answered: n) },
            respondents: n, weight: .ninth, population: population)
    }

    @Test func belowTheMinimumSampleTheGradeIsNotPublished() throws {
        // Population 100 → minimum 3,841·100·0,25 / (0,0025·99 + 0,96025) = 96,025 / 1,20775 = 79,5 → 80.
        #expect(PublicIKM.of(allThrees(79, population: 100)) == .belowMinimum(respondents: 79, minimum: 80))
        #expect(PublicIKM.of(allThrees(79, population: 100)).note == "sampel belum memenuhi")
        // 80 reach it: IKM 75,00, grade C, published.
        #expect(
            PublicIKM.of(allThrees(80, population: 100)) == .graded(ikm: 75, grade: .C, respondents: 80, minimum: 80))
        // Volume unknown: the minimum cannot be checked, so no grade either.
        #expect(PublicIKM.of(allThrees(500, population: nil)) == .volumeUnknown(respondents: 500))
        #expect(PublicIKM.of(nil) == .noResponses)
    }

    @Test func onlyCompleteQuartersAreListed() {
        // On 7 December 2026 the running quarter is Triwulan IV 2026; the four complete ones are
        // Triwulan IV 2025 … Triwulan III 2026.
        let q = ReportPeriod.quarter.lastComplete(4, asOf: SimpleDate(year: 2026, month: 12, day: 7)!)
        #expect(q.map(\.label) == ["Triwulan IV 2025", "Triwulan I 2026", "Triwulan II 2026", "Triwulan III 2026"])
        #expect(q.last!.to == SimpleDate(year: 2026, month: 9, day: 30)!)
        // On the first day of a quarter the one just ended is complete.
        let first = ReportPeriod.quarter.lastComplete(1, asOf: SimpleDate(year: 2026, month: 10, day: 1)!)
        #expect(first.map(\.label) == ["Triwulan III 2026"])
    }
}
