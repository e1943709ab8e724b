import Foundation
import Testing

@testable import KompetenCore

/// Issue 15 item 7: standards in hari kerja. Every expectation below was counted by hand on a
/// 2026 wall calendar with the SKB list of libur nasional and cuti bersama (and re-counted
/// day by day in a separate script); the comments show the count.
@Suite("Services: working days (hari kerja) for on-time share and P90")
struct WorkingDaysTests {
    /// The seeded 2024–2027 calendar.
    static let kupang = WorkingCalendar(holidays: HolidaySeed.all.map(\.date))

    static func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    /// A WITA wall-clock instant: `2026-03-13 09:00` is 01:00 UTC.
    static func wita(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Date {
        let days = SimpleDate(year: 1970, month: 1, day: 1)!.days(to: d(iso))
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + (hour - 8) * 3600 + minute * 60))
    }

    @Test func weekdaysAreCountedFromAKnownMonday() {
        #expect(WorkingCalendar.weekday(Self.d("2024-01-01")) == 0) // Monday
        #expect(WorkingCalendar.weekday(Self.d("2026-03-13")) == 4) // Friday
        #expect(WorkingCalendar.weekday(Self.d("2026-03-21")) == 5) // Saturday
        #expect(WorkingCalendar.weekday(Self.d("2023-12-31")) == 6) // Sunday, before the reference
    }

    @Test func fridayBeforeTheNyepiAndLebaranBreak() {
        // Received Fri 13 March 2026, completed Thu 26 March. Counted: Mon 16 (1), Tue 17 (2);
        // Wed 18 cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama, Sat 21/Sun 22 Idul Fitri,
        // Mon 23 and Tue 24 cuti bersama; Wed 25 (3), Thu 26 (4). 13 calendar days, 4 working days.
        #expect(Self.kupang.workingDays(after: Self.d("2026-03-13"), through: Self.d("2026-03-26")) == 4)
        // Without the holiday list only the weekends go: 16–20 and 23–26 = 9.
        #expect(
            WorkingCalendar.weekendsOnly.workingDays(after: Self.d("2026-03-13"), through: Self.d("2026-03-26")) == 9)
        // Received on the last working day before the break, completed on the first after it: 1.
        #expect(Self.kupang.workingDays(after: Self.d("2026-03-17"), through: Self.d("2026-03-25")) == 1)
    }

    @Test func theDayReceivedIsNotCounted() {
        // Same day: 0. Friday → Monday: 1. Received on a Saturday, done Monday: 1.
        #expect(Self.kupang.workingDays(after: Self.d("2026-11-02"), through: Self.d("2026-11-02")) == 0)
        #expect(Self.kupang.workingDays(after: Self.d("2026-11-06"), through: Self.d("2026-11-09")) == 1)
        #expect(Self.kupang.workingDays(after: Self.d("2026-11-07"), through: Self.d("2026-11-09")) == 1)
        // Completed "before" received (bad data): never negative.
        #expect(Self.kupang.workingDays(after: Self.d("2026-11-09"), through: Self.d("2026-11-02")) == 0)
        // A whole year: 261 weekdays in 2026 less 13 libur nasional and 8 cuti bersama on weekdays = 240.
        #expect(Self.kupang.workingDays(after: Self.d("2025-12-31"), through: Self.d("2026-12-31")) == 240)
    }

    @Test func theWorkingDayBoundaryFollowsWITANotUTC() {
        // 23:30 WITA on Friday is still Friday (15:30 UTC); 00:30 WITA on Monday is 16:30 UTC Sunday.
        let received = Self.wita("2026-11-06", 23, 30)
        let completed = Self.wita("2026-11-09", 0, 30)
        #expect(TicketJudgement.workingDays(from: received, to: completed, calendar: Self.kupang) == 1)
    }

    @Test func pbgTwentyEightWorkingDays() throws {
        let pbg = try #require(StandardTime(text: "28 hari kerja"))
        let received = Self.wita("2026-03-13", 10)
        // From Fri 13 March: 16, 17 (2); 25, 26, 27 (5); 30, 31 (7); 1, 2 April (9); Fri 3 April
        // Wafat Yesus Kristus; 6–10 (14); 13–17 (19); 20–24 (24); 27–30 (28). The 28th working
        // day is Thursday 30 April: on time. Monday 4 May (Fri 1 May Hari Buruh) is the 29th: late.
        let day28 = Self.wita("2026-04-30", 15)
        let day29 = Self.wita("2026-05-04", 9)
        #expect(TicketJudgement.elapsed(from: received, to: day28, standard: pbg, calendar: Self.kupang) == 28)
        #expect(TicketJudgement.isOnTime(received: received, completed: day28, standard: pbg, calendar: Self.kupang))
        #expect(!TicketJudgement.isOnTime(received: received, completed: day29, standard: pbg, calendar: Self.kupang))
        // Read as 28 calendar days it would already be late on 10 April (48 days in all).
        #expect(
            !TicketJudgement.isOnTime(
                received: received, completed: day28, standard: StandardTime(value: 28, unit: .days)!,
                calendar: Self.kupang))
        // Still open: on its 28th working day it can still be done on time; on the 29th it is late.
        #expect(
            !TicketJudgement.isOverdue(
                received: received, asOf: Self.wita("2026-04-30", 16), standard: pbg, calendar: Self.kupang))
        #expect(
            TicketJudgement.isOverdue(
                received: received, asOf: Self.wita("2026-05-04", 8), standard: pbg, calendar: Self.kupang))
    }

    @Test func p90AndOnTimeShareInWorkingDays() throws {
        // Ten PBG requests received Mon 16 March 2026 09:00, completed at 09:00 on the dates
        // below. Working days after 16 March (17; 25, 26, 27; 30, 31; 1, 2, 6 April …):
        //   26 Mar 3 · 30 Mar 5 · 2 Apr 8 · 7 Apr 10 · 9 Apr 12 · 14 Apr 15 · 21 Apr 20 · 28 Apr 25 · 4 May 28 · 7 May 31
        // P90 by nearest rank: ⌈0,9 · 10⌉ = 9th of the sorted list = 28 working days.
        // Median: (12 + 15) / 2 = 13,5. On time against 28 hari kerja: all but the 31 → 9 of 10.
        let done = [
            "2026-03-26", "2026-03-30", "2026-04-02", "2026-04-07", "2026-04-09", "2026-04-14", "2026-04-21",
            "2026-04-28", "2026-05-04", "2026-05-07",
        ]
        let tickets = done.map { ServiceTicket(received: Self.wita("2026-03-16", 9), completed: Self.wita($0, 9)) }
        let history = StandardHistory([
            .init(effectiveFrom: Self.d("2024-01-01"), standard: StandardTime(value: 28, unit: .workingDays)!)
        ])
        let s = ProcessingTimes.summarise(
            tickets: tickets, standards: history, calendar: Self.kupang, asOf: Self.wita("2026-05-31", 12))
        let days = try #require(s.workingDays)
        #expect(days.p90 == 28 && days.median == 13.5 && days.count == 10)
        #expect(s.onTime == 9 && s.completed == 10 && s.overdueOpen == 0)
        // The same requests in calendar time: 10, 14, 17, 22, 24, 29, 36, 43, 49, 52 days; P90 49 days.
        #expect(try #require(s.minutes).p90 == Double(49 * 1440))
        // Judged as 28 calendar days instead, only the first five (≤ 28 days) would be on time.
        let calendarHistory = StandardHistory([
            .init(effectiveFrom: Self.d("2024-01-01"), standard: StandardTime(value: 28, unit: .days)!)
        ])
        #expect(
            ProcessingTimes.summarise(
                tickets: tickets, standards: calendarHistory, calendar: Self.kupang, asOf: Self.wita("2026-05-31", 12)
            ).onTime == 5)
    }

    @Test func aRemovedHolidayCountsAgain() {
        // BKPPD removes cuti bersama 20 March 2026 (offices open): the break example gains a day.
        let without = WorkingCalendar(holidays: HolidaySeed.all.map(\.date).filter { $0 != Self.d("2026-03-20") })
        #expect(without.workingDays(after: Self.d("2026-03-13"), through: Self.d("2026-03-26")) == 5)
    }
}
