import Foundation

/// Whether an OPD's staff were exposed to a training wave, for the impact comparison.
public enum TrainingExposure: String, Sendable, Equatable, Codable {
    case trained, control, excluded

    /// An OPD counts as trained when at least this share of its delivering staff completed a
    /// public-service training (a programme that raises Pelayanan Publik, M.5) in the wave, as
    /// untrained below `controlShare`; those in between are left out of the comparison (neither
    /// clearly exposed nor clearly not). Any training would not do: most staff train somewhere
    /// every year for their 20 JP, so "trained at all" separates nobody.
    public static let treatedShare = 0.5, controlShare = 0.25

    /// An OPD with no delivering staff identified is neither exposed nor clearly not.
    public static func of(staff: Int, trained: Int) -> TrainingExposure {
        guard staff > 0 else { return .excluded }
        let share = Double(trained) / Double(staff)
        return share >= treatedShare ? .trained : share < controlShare ? .control : .excluded
    }
}

/// The windows of an impact comparison and which services' figures enter it.
public struct ImpactWindows: Sendable, Equatable {
    public struct Window: Sendable, Equatable {
        public let from: SimpleDate
        public let to: SimpleDate
        public init(from: SimpleDate, to: SimpleDate) {
            self.from = from
            self.to = to
        }
    }

    /// A service's IKM enters the comparison only with this many respondents in both windows.
    public static let minimumRespondents = 10

    public let wave: Window
    /// The window before `before`, of the same length: `earlier → before` is the pre-trend check,
    /// the same comparison over a span with no training in it, which should show no difference
    /// if trained and untrained OPDs were moving alike (parallel trends).
    public let earlier: Window
    public let before: Window
    public let after: Window

    /// The wave itself, the same length before it (twice, for the pre-trend), the same length
    /// after it (up to today). A wave of whole months gets windows of whole months (service
    /// records are kept per month); any other wave is measured in days.
    public init(from: SimpleDate, to: SimpleDate, today: SimpleDate) {
        wave = Window(from: from, to: to)
        let afterStart = to.adding(days: 1)
        if from.day == 1, afterStart.day == 1 {
            let months = (afterStart.year - from.year) * 12 + afterStart.month - from.month
            before = Window(from: from.adding(months: -months), to: from.adding(days: -1))
            earlier = Window(from: from.adding(months: -2 * months), to: before.from.adding(days: -1))
            let afterEnd = min(afterStart.adding(months: months).adding(days: -1), today)
            after = Window(from: afterStart, to: max(afterEnd, afterStart))
        } else {
            let length = max(1, from.days(to: to) + 1)
            before = Window(from: from.adding(days: -length), to: from.adding(days: -1))
            earlier = Window(from: from.adding(days: -2 * length), to: before.from.adding(days: -1))
            let afterEnd = min(to.adding(days: length), today)
            after = Window(from: afterStart, to: max(afterEnd, afterStart))
        }
    }
}
