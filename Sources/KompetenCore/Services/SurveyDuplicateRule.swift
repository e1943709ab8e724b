/// Flags a repeated SKM submission: the same client, for the same service, sending identical
/// answers within ten minutes — usually a double tap or a resent form.
///
/// A flagged submission is still stored and counted: identical answers from two citizens at one
/// kiosk are perfectly possible, so an operator decides, not the code.
public enum SurveyDuplicateRule {
    /// Seconds within which identical answers count as a duplicate.
    public static let window: Double = 600

    /// `previous` is the last submission of the same client for the same service (if any);
    /// times are in seconds. The window is measured either way so a skewed clock cannot hide one.
    public static func isDuplicate(previous: (answers: [Int], at: Double)?, current answers: [Int], at: Double) -> Bool {
        guard let previous else { return false }
        return previous.answers == answers && abs(at - previous.at) <= window
    }
}
