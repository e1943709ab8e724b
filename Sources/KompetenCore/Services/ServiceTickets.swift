import Foundation

/// One request as a unit's ticket log records it (WITA instants).
public struct ServiceTicket: Sendable, Equatable {
    public let received: Date
    /// Nil while open.
    public let completed: Date?
    public init(received: Date, completed: Date?) {
        self.received = received
        self.completed = completed
    }
}

/// Judging requests against the standard in force when they were received, in the standard's
/// own unit: wall-clock minutes for menit/jam/hari, `WorkingCalendar` days for hari kerja.
public enum TicketJudgement {
    /// Whole minutes from `received` to `end` (rounded down, as the ticket import stores them).
    public static func minutes(from received: Date, to end: Date) -> Int {
        Int((max(0, end.timeIntervalSince(received)) / 60).rounded(.down))
    }

    /// Working days from `received` to `end` (see `WorkingCalendar` for what counts).
    public static func workingDays(from received: Date, to end: Date, calendar: WorkingCalendar) -> Int {
        calendar.workingDays(after: WorkingCalendar.witaDay(received), through: WorkingCalendar.witaDay(end))
    }

    /// The time taken in the unit `standard` counts: working days or minutes.
    public static func elapsed(from received: Date, to end: Date, standard: StandardTime, calendar: WorkingCalendar)
        -> Int
    {
        standard.isWorkingDays
            ? workingDays(from: received, to: end, calendar: calendar) : minutes(from: received, to: end)
    }

    /// The standard as a limit in the unit `elapsed` returns.
    public static func limit(_ standard: StandardTime) -> Int {
        standard.isWorkingDays ? standard.value : standard.minutes
    }

    /// Completed within the standard (`elapsed ≤ limit`).
    public static func isOnTime(received: Date, completed: Date, standard: StandardTime, calendar: WorkingCalendar)
        -> Bool
    {
        elapsed(from: received, to: completed, standard: standard, calendar: calendar) <= limit(standard)
    }

    /// Still open at `asOf` and already past the standard: late whatever happens next. An open
    /// request on its last allowed working day can still be done on time, so it is not overdue.
    public static func isOverdue(received: Date, asOf: Date, standard: StandardTime, calendar: WorkingCalendar) -> Bool
    {
        elapsed(from: received, to: asOf, standard: standard, calendar: calendar) > limit(standard)
    }
}

/// The figures of one month's tickets (those received in it), as the month row keeps them.
public struct TicketMonthSummary: Sendable, Equatable {
    public let received: Int
    public let completed: Int
    /// Completed within the standard in force on the day each was received.
    public let onTime: Int
    /// Open at `asOf` and already past their standard.
    public let overdueOpen: Int
    /// Wall-clock minutes of the completed tickets.
    public let minutes: DurationStats?
    /// Working days of the completed tickets (`WorkingCalendar`), whatever unit the standard has:
    /// a working-day standard's P90 and median are read in these.
    public let workingDays: DurationStats?
}

extension ProcessingTimes {
    /// Summarises tickets, each judged by the standard in force on the WITA day it was received.
    public static func summarise(
        tickets: [ServiceTicket], standards: StandardHistory, calendar: WorkingCalendar, asOf: Date
    ) -> TicketMonthSummary {
        var minutes: [Int] = []
        var days: [Int] = []
        var onTime = 0
        var overdue = 0
        for t in tickets {
            let standard = standards.inForce(on: WorkingCalendar.witaDay(t.received))
            if let done = t.completed {
                minutes.append(TicketJudgement.minutes(from: t.received, to: done))
                days.append(TicketJudgement.workingDays(from: t.received, to: done, calendar: calendar))
                if let standard,
                    TicketJudgement.isOnTime(
                        received: t.received, completed: done, standard: standard, calendar: calendar)
                {
                    onTime += 1
                }
            } else if let standard,
                TicketJudgement.isOverdue(received: t.received, asOf: asOf, standard: standard, calendar: calendar)
            {
                overdue += 1
            }
        }
        return TicketMonthSummary(
            received: tickets.count, completed: minutes.count, onTime: onTime, overdueOpen: overdue,
            minutes: stats(minutes), workingDays: stats(days))
    }
}
