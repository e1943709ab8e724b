import Testing

@testable import KompetenCore

@Suite struct ServiceAttentionTests {
    @Test func onTimeBelowEightyPercentIsBelowStandard() {
        // 79 of 100 on time: below; 80 of 100: not.
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 0.79, respondents: 400, population: 100, reportedMonths: [1, 2], monthsEnded: 2)
                == [.belowStandard])
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 0.80, respondents: 400, population: 100, reportedMonths: [1, 2], monthsEnded: 2
            )
            .isEmpty)
        // Nothing completed: no judgement on time.
        #expect(
            ServiceAttention.reasons(
                onTimeShare: nil, respondents: 0, population: 0, reportedMonths: [], monthsEnded: 0
            ).isEmpty)
    }

    @Test func fewerRespondentsThanKrejcieMorganIsFewResponses() {
        // Krejcie & Morgan's table: N = 100 → n = 80; N = 1 000 → n = 278.
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 1, respondents: 79, population: 100, reportedMonths: [], monthsEnded: 0)
                == [.fewResponses])
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 1, respondents: 80, population: 100, reportedMonths: [], monthsEnded: 0
            ).isEmpty)
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 1, respondents: 277, population: 1000, reportedMonths: [], monthsEnded: 0)
                == [.fewResponses])
    }

    @Test func endedMonthsWithoutARecordAreMissing() {
        // In December (11 months ended) with January–October reported, November is missing.
        #expect(ServiceAttention.missingMonths(reportedMonths: Set(1...10), monthsEnded: 11) == [11])
        #expect(ServiceAttention.missingMonths(reportedMonths: [2, 5], monthsEnded: 5) == [1, 3, 4])
        #expect(ServiceAttention.missingMonths(reportedMonths: [], monthsEnded: 0) == [])
        #expect(
            ServiceAttention.reasons(
                onTimeShare: 0.5, respondents: 0, population: 10, reportedMonths: [1], monthsEnded: 2)
                == [.belowStandard, .fewResponses, .missingRecords])
    }
}
