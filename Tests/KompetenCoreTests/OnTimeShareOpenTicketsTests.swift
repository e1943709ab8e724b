import Testing

@testable import KompetenCore

/// Issue 15 item 6: open tickets already past their standard count as late.
@Suite("Services: on-time share counts overdue open tickets as late")
struct OnTimeShareOpenTicketsTests {
    @Test func tenOnTimeAndFiveOverdueOpenIsTwoThirds() throws {
        // Standard 1 day = 1440 min. 10 done within it; 5 open for 3 days (4320 min) → late.
        // 10 / (10 + 5) = 0,6667 — not the 100 % of counting only the finished ones.
        let overdue = ProcessingTimes.overdueOpen(ages: Array(repeating: 4320, count: 5), standardMinutes: 1440)
        #expect(overdue == 5)
        let share = try #require(ProcessingTimes.onTimeShare(onTime: 10, completed: 10, overdueOpen: overdue))
        #expect(abs(share - 10.0 / 15.0) < 1e-12)
        #expect(IndonesianFormat.decimal(share * 100, digits: 1) == "66,7")
    }

    @Test func openTicketsWithinTheStandardAreUndecided() {
        // Ages 60, 1440 (exactly the standard: not yet late), 1441 → only the last is overdue.
        #expect(ProcessingTimes.overdueOpen(ages: [60, 1440, 1441], standardMinutes: 1440) == 1)
        #expect(ProcessingTimes.onTimeShare(onTime: 0, completed: 0, overdueOpen: 0) == nil)
        // Nothing finished, two overdue: 0 %.
        #expect(ProcessingTimes.onTimeShare(onTime: 0, completed: 0, overdueOpen: 2) == 0)
    }

    @Test func monthsCombineWithTheirOverdueOpenTickets() throws {
        // Month 1: 10 done, 8 on time, 2 overdue open; month 2: 30 done, 15 on time, 0 overdue.
        // (8 + 15) / (10 + 2 + 30) = 23 / 42.
        let c = ProcessingTimes.combine([
            MonthlyServiceFigures(
                count: 10, onTime: 8, meanMinutes: 20, medianMinutes: 18, p90Minutes: 30, overdueOpen: 2),
            MonthlyServiceFigures(count: 30, onTime: 15, meanMinutes: 40, medianMinutes: 38, p90Minutes: 60),
        ])
        #expect(c.overdueOpen == 2 && c.count == 40 && c.onTime == 23)
        #expect(abs(try #require(c.onTimeShare) - 23.0 / 42.0) < 1e-12)
    }
}
