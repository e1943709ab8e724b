/// When an evaluation is due. L1 is filled right after the activity (overdue after two weeks);
/// L3 opens some months after completion, when changed behaviour can be seen, and is due at the
/// end of the window (3–6 months by default, a setting).
public struct EvaluationSchedule: Sendable, Equatable {
    public static let reactionDays = 14
    public let behaviourFromMonths: Int
    public let behaviourToMonths: Int

    public init?(behaviourFromMonths: Int, behaviourToMonths: Int) {
        guard (1...24).contains(behaviourFromMonths), (1...24).contains(behaviourToMonths), behaviourFromMonths < behaviourToMonths else { return nil }
        self.behaviourFromMonths = behaviourFromMonths; self.behaviourToMonths = behaviourToMonths
    }

    public static let standard = EvaluationSchedule(behaviourFromMonths: 3, behaviourToMonths: 6)!

    public enum State: Equatable, Sendable {
        /// Cannot be filled before this date.
        case notYet(opens: SimpleDate)
        case open(due: SimpleDate)
        /// Still accepted: a late evaluation is better than none.
        case overdue(due: SimpleDate)
    }

    public func opens(_ level: EvaluationLevel, completedOn: SimpleDate) -> SimpleDate {
        level == .behaviour ? completedOn.adding(months: behaviourFromMonths) : completedOn
    }

    public func due(_ level: EvaluationLevel, completedOn: SimpleDate) -> SimpleDate {
        level == .behaviour ? completedOn.adding(months: behaviourToMonths) : completedOn.adding(days: Self.reactionDays)
    }

    public func state(_ level: EvaluationLevel, completedOn: SimpleDate, today: SimpleDate) -> State {
        let opens = opens(level, completedOn: completedOn), due = due(level, completedOn: completedOn)
        if today < opens { return .notYet(opens: opens) }
        return today > due ? .overdue(due: due) : .open(due: due)
    }
}
