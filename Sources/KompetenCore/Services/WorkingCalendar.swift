import Foundation

/// The working days of Pemerintah Kota Kupang: Monday to Friday, except the year's libur nasional
/// and cuti bersama (the holiday calendar BKPPD keeps). Dates are WITA calendar days.
///
/// How "X hari kerja" is counted: the day a request is received is not counted (it is usually
/// received during office hours, and the Indonesian convention for periods "sejak permohonan
/// diterima" — e.g. UU 30/2014 and the PBG deadline of PP 16/2021 — starts with the next day);
/// every working day after it, up to and including the day it is completed, is. A request
/// completed on the day it came in took 0 working days; one received on a Friday and completed on
/// Monday took 1. Weekends and holidays are never counted, also when the request is received on one.
public struct WorkingCalendar: Sendable, Equatable {
    public let holidays: Set<SimpleDate>

    public init(holidays: some Sequence<SimpleDate>) { self.holidays = Set(holidays) }

    /// Weekends only (no holiday known).
    public static let weekendsOnly = WorkingCalendar(holidays: [])

    /// 0 = Monday … 6 = Sunday.
    public static func weekday(_ d: SimpleDate) -> Int {
        ((d.dayNumber - mondayReference.dayNumber) % 7 + 7) % 7
    }

    /// 2024-01-01 was a Monday.
    private static let mondayReference = SimpleDate(year: 2024, month: 1, day: 1)!

    public static func isWeekend(_ d: SimpleDate) -> Bool { weekday(d) >= 5 }

    public func isWorkingDay(_ d: SimpleDate) -> Bool { !Self.isWeekend(d) && !holidays.contains(d) }

    /// Working days after `start` up to and including `end`; 0 when `end` is not after `start`.
    public func workingDays(after start: SimpleDate, through end: SimpleDate) -> Int {
        let span = start.days(to: end)
        guard span > 0 else { return 0 }
        // Mondays to Fridays in (start, end] by whole weeks plus the remainder, then the holidays
        // that fall on one of them: no loop over long-open requests.
        let weeks = span / 7
        let rest = span % 7
        var weekdays = weeks * 5
        let first = Self.weekday(start)
        for i in 0..<rest where (first + 1 + i) % 7 < 5 { weekdays += 1 }
        let off = holidays.filter { start < $0 && $0 <= end && !Self.isWeekend($0) }.count
        return weekdays - off
    }

    /// The WITA calendar day of an instant.
    public static func witaDay(_ instant: Date) -> SimpleDate { IndonesianFormat.witaParts(instant).0 }
}
