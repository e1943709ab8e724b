/// Flags SKM submissions an operator should look at before they shape the IKM.
///
/// - `duplicate`: the same sender, for the same service, sending identical answers within ten
///   minutes — usually a double tap or a resent form.
/// - `repeatSender`: the same sender sending again within ten minutes with *different* answers.
///   One phone or browser rarely hands two residents' answers to the same service that quickly,
///   and varying the answers is exactly how a script would dodge the identical-answers check.
///
/// A flag is not a verdict: a flagged submission is stored and counted until someone rejects it
/// (two residents may well share a phone). A registered counter kiosk is one device used by many
/// residents one after another, so its submissions are never sender-flagged.
public enum SurveyDuplicateRule {
    /// Seconds within which a second submission from the same sender is flagged.
    public static let window: Double = 600

    /// `previous` is the last submission of the same sender for the same service (if any);
    /// times are in seconds. The window is measured either way so a skewed clock cannot hide one.
    public static func isDuplicate(previous: (answers: [Int], at: Double)?, current answers: [Int], at: Double) -> Bool
    {
        flag(previous: previous, current: answers, at: at) == .duplicate
    }

    /// The flag for a new submission, or nil when nothing looks odd.
    public static func flag(
        previous: (answers: [Int], at: Double)?, current answers: [Int], at: Double,
        fromKiosk: Bool = false
    ) -> SurveyFlag? {
        guard !fromKiosk, let previous, abs(at - previous.at) <= window else { return nil }
        return previous.answers == answers ? .duplicate : .repeatSender
    }

    /// How long a sender hash is kept: the window it serves, plus a day of slack (a clock
    /// skew, a job run late). After that it only identifies a device and is erased.
    public static let senderHashKeptFor: Double = window + 86_400
}

/// Why a response is marked for review. Stored as the raw value.
public enum SurveyFlag: String, Sendable, CaseIterable, Codable {
    case duplicate
    case honeypot
    case repeatSender = "repeat_sender"

    /// How the operator's list names it.
    public var label: String {
        switch self {
        case .duplicate: "mungkin ganda"
        case .honeypot: "isian jebakan terisi"
        case .repeatSender: "pengirim berulang (10 menit)"
        }
    }
}
