/// The effective-dated history of one service's standard time (standar pelayanan are revised and
/// re-published; PermenPANRB 15/2014 asks for a periodic review). A request is judged by the
/// standard in force on the WITA day it was received: the promise made to the applicant then.
public struct StandardHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let effectiveFrom: SimpleDate
        public let standard: StandardTime
        public init(effectiveFrom: SimpleDate, standard: StandardTime) {
            self.effectiveFrom = effectiveFrom
            self.standard = standard
        }
    }

    /// Oldest first; at most one entry per date (the later one given wins).
    public let entries: [Entry]

    public init(_ entries: [Entry]) {
        var byDate: [SimpleDate: Entry] = [:]
        for e in entries { byDate[e.effectiveFrom] = e }
        self.entries = byDate.values.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The standard in force on `date`: the latest entry effective on or before it. Before the
    /// first entry the first one applies: records older than the catalogue entry (imported
    /// history) have no other standard on file, and judging them by none would drop them.
    /// Nil only for an empty history.
    public func inForce(on date: SimpleDate) -> StandardTime? { entry(on: date)?.standard }

    /// The entry in force on `date` (see `inForce(on:)`).
    public func entry(on date: SimpleDate) -> Entry? {
        entries.last { $0.effectiveFrom <= date } ?? entries.first
    }

    /// True when the standard changes inside the month of `firstDay` (a request received before
    /// the change and one received after it are judged differently): the page says so.
    public func changesWithin(monthOf firstDay: SimpleDate) -> Bool {
        let start = SimpleDate(year: firstDay.year, month: firstDay.month, day: 1)!
        let end = start.adding(months: 1)
        return entries.contains { start < $0.effectiveFrom && $0.effectiveFrom < end }
    }

    /// The effective date of a service's first standard: the earliest date a service record may
    /// carry (the import refuses years before 2000), so the standard registered with the service
    /// judges all of its records until a later entry replaces it. A standard recorded later with
    /// an earlier date than the day the service was registered would otherwise be overridden
    /// again by the registration row.
    public static let beginning = SimpleDate(year: 2000, month: 1, day: 1)!

    /// Where a new standard starts when the editor does not say: the first day of next month, so
    /// every month is judged by one standard and the public has notice of the change before it
    /// applies (a standar pelayanan is published before it is used).
    public static func defaultEffectiveFrom(today: SimpleDate) -> SimpleDate {
        SimpleDate(year: today.year, month: today.month, day: 1)!.adding(months: 1)
    }
}
