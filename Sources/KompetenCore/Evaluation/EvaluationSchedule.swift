/// When an evaluation is due. L1 is filled right after the activity (overdue after two weeks);
/// L3 opens some months after completion, when changed behaviour can be seen, and is due at the
/// end of the window (3–6 months by default, a setting).
public struct EvaluationSchedule: Sendable, Equatable {
    public static let reactionDays = 14
    public let behaviourFromMonths: Int
    public let behaviourToMonths: Int

    /// Evaluations are asked for up to `lookBackMonths` after the activity; the L3 window must
    /// close well before that, so the window ends at 12 months at the latest.
    public static let lookBackMonths = 18
    public static let longestWindow = 12

    public init?(behaviourFromMonths: Int, behaviourToMonths: Int) {
        guard (1...Self.longestWindow).contains(behaviourFromMonths),
            (1...Self.longestWindow).contains(behaviourToMonths),
            behaviourFromMonths < behaviourToMonths
        else { return nil }
        self.behaviourFromMonths = behaviourFromMonths
        self.behaviourToMonths = behaviourToMonths
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
        level == .behaviour
            ? completedOn.adding(months: behaviourToMonths) : completedOn.adding(days: Self.reactionDays)
    }

    /// The earliest completion date whose evaluation is not yet overdue today: completions before
    /// it are overdue. Searched rather than computed as "today minus the window", because month
    /// arithmetic clamps days (31 March − 1 month is 28 February, but 28 February + 1 month is
    /// 28 March), so the database count agrees exactly with `state`.
    public func firstNotOverdue(_ level: EvaluationLevel, today: SimpleDate) -> SimpleDate {
        // `due` never decreases as the completion date increases; start near the answer and walk.
        var c = level == .behaviour ? today.adding(months: -behaviourToMonths) : today.adding(days: -Self.reactionDays)
        while due(level, completedOn: c) >= today { c = c.adding(days: -1) }
        while due(level, completedOn: c) < today { c = c.adding(days: 1) }
        return c
    }

    public func state(_ level: EvaluationLevel, completedOn: SimpleDate, today: SimpleDate) -> State {
        let opens = opens(level, completedOn: completedOn)
        let due = due(level, completedOn: completedOn)
        if today < opens { return .notYet(opens: opens) }
        return today > due ? .overdue(due: due) : .open(due: due)
    }
}
