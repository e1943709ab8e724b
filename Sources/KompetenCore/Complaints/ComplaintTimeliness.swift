import Foundation

/// How fast a unit answers complaints, counted in working days (Saturday, Sunday, holidays and
/// cuti bersama do not count) against the instansi's target (PermenPANRB 62/2012 on complaint
/// handling asks for a set time; 5 working days is the usual figure and the default).
public enum ComplaintTimeliness {
    public static let defaultTargetDays = 5

    /// Working days from the day it was received to `end`: a reply on the day of receipt is 0.
    public static func workingDays(from received: SimpleDate, to end: SimpleDate, calendar: WorkingCalendar) -> Int {
        calendar.workingDays(after: received, through: end)
    }

    /// One unit's complaints of a period, as the transparency page shows them.
    public struct Summary: Sendable, Equatable {
        public var received = 0
        public var closed = 0
        public var closedWithinTarget = 0
        /// Median working days from receipt to closing, over the closed ones; nil when none is closed.
        public var medianDaysToClose: Double?
        public init() {}
    }

    /// One complaint as the summary needs it: the day received and, if closed, the day closed.
    public struct Item: Sendable, Equatable {
        public let received: SimpleDate
        public let closed: SimpleDate?
        public init(received: SimpleDate, closed: SimpleDate?) {
            self.received = received
            self.closed = closed
        }
    }

    public static func summary(_ items: [Item], targetDays: Int, calendar: WorkingCalendar) -> Summary {
        var s = Summary()
        s.received = items.count
        var days: [Int] = []
        for item in items {
            guard let closed = item.closed else { continue }
            let d = workingDays(from: item.received, to: closed, calendar: calendar)
            days.append(d)
            if d <= targetDays { s.closedWithinTarget += 1 }
        }
        s.closed = days.count
        s.medianDaysToClose = median(days)
        return s
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
}
