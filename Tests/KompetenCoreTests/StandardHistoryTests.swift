import Foundation
import Testing

@testable import KompetenCore

/// Issue 15 item 8: standards change over time, and each request is judged by the standard in
/// force on the day it was received. Hand-counted on the 2026 calendar (see WorkingDaysTests).
@Suite("Services: effective-dated standards")
struct StandardHistoryTests {
    static func d(_ iso: String) -> SimpleDate { WorkingDaysTests.d(iso) }
    static func wita(_ iso: String, _ hour: Int) -> Date { WorkingDaysTests.wita(iso, hour) }
    static let kupang = WorkingDaysTests.kupang

    /// 14 hari kerja from 2025, shortened to 10 hari kerja from 1 April 2026.
    static let history = StandardHistory([
        .init(effectiveFrom: d("2026-04-01"), standard: StandardTime(value: 10, unit: .workingDays)!),
        .init(effectiveFrom: d("2025-01-01"), standard: StandardTime(value: 14, unit: .workingDays)!),
    ])

    @Test func theStandardInForceOnADate() {
        #expect(Self.history.entries.map(\.effectiveFrom.iso) == ["2025-01-01", "2026-04-01"])
        #expect(Self.history.inForce(on: Self.d("2026-03-31"))?.value == 14)
        #expect(Self.history.inForce(on: Self.d("2026-04-01"))?.value == 10)
        #expect(Self.history.inForce(on: Self.d("2027-01-01"))?.value == 10)
        // Older records than the first entry: the first standard on file judges them.
        #expect(Self.history.inForce(on: Self.d("2020-06-01"))?.value == 14)
        #expect(StandardHistory([]).inForce(on: Self.d("2026-01-01")) == nil)
        // The same date twice: the later one given replaces the earlier.
        let replaced = StandardHistory([
            .init(effectiveFrom: Self.d("2026-01-01"), standard: StandardTime(value: 5, unit: .days)!),
            .init(effectiveFrom: Self.d("2026-01-01"), standard: StandardTime(value: 3, unit: .days)!),
        ])
        #expect(replaced.entries.count == 1 && replaced.inForce(on: Self.d("2026-02-01"))?.value == 3)
    }

    @Test func aMonthIsJudgedByTheStandardThenInForce() {
        // Three requests of 12 working days each:
        //   received Mon 2 Mar → done Wed 25 Mar (3–6, 9–13, 16, 17, 25: the break 18–24 skipped) → 12 ≤ 14: on time
        //   received Tue 31 Mar → done Fri 17 Apr (1, 2, 6–10, 13–17 April; Good Friday 3 April off) → 12 ≤ 14: on time,
        //     although completed under the new standard: it was received under the old one
        //   received Wed 1 Apr → done Mon 20 Apr (2, 6–10, 13–17, 20) → 12 > 10: late
        let march = [
            ServiceTicket(received: Self.wita("2026-03-02", 9), completed: Self.wita("2026-03-25", 9)),
            ServiceTicket(received: Self.wita("2026-03-31", 9), completed: Self.wita("2026-04-17", 9)),
        ]
        let april = [ServiceTicket(received: Self.wita("2026-04-01", 9), completed: Self.wita("2026-04-20", 9))]
        let asOf = Self.wita("2026-05-31", 12)
        let m = ProcessingTimes.summarise(tickets: march, standards: Self.history, calendar: Self.kupang, asOf: asOf)
        let a = ProcessingTimes.summarise(tickets: april, standards: Self.history, calendar: Self.kupang, asOf: asOf)
        #expect(m.onTime == 2 && m.workingDays?.p90 == 12)
        #expect(a.onTime == 0 && a.workingDays?.p90 == 12)
        // Had April been judged by the old standard (the mistake this prevents), it would be on time.
        let old = StandardHistory([
            .init(effectiveFrom: Self.d("2025-01-01"), standard: StandardTime(value: 14, unit: .workingDays)!)
        ])
        #expect(
            ProcessingTimes.summarise(tickets: april, standards: old, calendar: Self.kupang, asOf: asOf).onTime == 1)
    }

    @Test func aChangeInsideAMonthIsFlagged() {
        #expect(!Self.history.changesWithin(monthOf: Self.d("2026-04-01")))
        #expect(!Self.history.changesWithin(monthOf: Self.d("2026-03-01")))
        let midMonth = StandardHistory(
            Self.history.entries + [
                .init(effectiveFrom: Self.d("2026-06-15"), standard: StandardTime(value: 7, unit: .workingDays)!)
            ])
        #expect(midMonth.changesWithin(monthOf: Self.d("2026-06-01")))
    }

    @Test func aNewStandardStartsNextMonthByDefault() {
        #expect(StandardHistory.defaultEffectiveFrom(today: Self.d("2026-11-29")) == Self.d("2026-12-01"))
        #expect(StandardHistory.defaultEffectiveFrom(today: Self.d("2026-12-07")) == Self.d("2027-01-01"))
    }

    @Test func onlyBKPPDBackdatesAStandard() {
        let instansi = UUID()
        let opd = UUID()
        let today = Self.d("2026-11-29")
        let place = Placement(instansiID: instansi, opdID: opd)
        let admin = Principal(
            userID: UUID(), username: "admin", role: .admin, instansiID: instansi, opdID: nil, employeeID: nil)
        let op = Principal(
            userID: UUID(), username: "op", role: .operator, instansiID: instansi, opdID: opd, employeeID: nil)
        let otherOp = Principal(
            userID: UUID(), username: "op2", role: .operator, instansiID: instansi, opdID: UUID(), employeeID: nil)
        #expect(
            AccessPolicy.changeServiceStandard(admin, place, effectiveFrom: Self.d("2026-01-01"), today: today)
                .isAllowed)
        #expect(AccessPolicy.changeServiceStandard(op, place, effectiveFrom: today, today: today).isAllowed)
        #expect(
            AccessPolicy.changeServiceStandard(op, place, effectiveFrom: Self.d("2026-11-28"), today: today)
                == .deny(AccessPolicy.backdatedStandard))
        #expect(
            !AccessPolicy.changeServiceStandard(otherOp, place, effectiveFrom: Self.d("2027-01-01"), today: today)
                .isAllowed)
        #expect(AccessPolicy.manageHolidays(admin).isAllowed && !AccessPolicy.manageHolidays(op).isAllowed)
        #expect(AccessPolicy.readHolidays(op).isAllowed)
    }
}
