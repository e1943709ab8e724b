import Foundation

/// When a scheduled job is due, as a *period key*: the job runs once per key, whichever app
/// instance gets there first. Keys are in Kota Kupang's time (WITA, UTC+8), so "daily at 02:00"
/// means 02:00 at the city's data centre, not in UTC.
public enum JobSchedule: Sendable, Equatable {
    /// Once an hour: `2026-11-29T14`.
    case hourly
    /// Once a day from `hour` WITA on: `2026-11-29`. Before that hour the key is the previous
    /// day's, which has normally run already.
    case daily(hour: Int)

    public static let witaOffset: TimeInterval = 8 * 3600

    public func period(at now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(Self.witaOffset))!
        switch self {
        case .hourly:
            let c = calendar.dateComponents([.year, .month, .day, .hour], from: now)
            return String(format: "%04d-%02d-%02dT%02d", c.year!, c.month!, c.day!, c.hour!)
        case .daily(let hour):
            let shifted = now.addingTimeInterval(-TimeInterval(max(0, min(23, hour))) * 3600)
            let c = calendar.dateComponents([.year, .month, .day], from: shifted)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
    }
}
