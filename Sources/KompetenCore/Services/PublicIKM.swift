/// What the public transparency page may say about one IKM: the grade is published only when it
/// rests on a complete survey and on at least the Krejcie–Morgan minimum sample for the period's
/// service volume. Otherwise the number of respondents is still shown, with the reason.
public enum PublicIKM: Sendable, Equatable {
    /// No counted response in the period.
    case noResponses
    /// An element nobody answered: "tidak lengkap", not graded.
    case incomplete(respondents: Int)
    /// The period's service volume is unknown (no service records), so whether the sample is
    /// large enough cannot be judged: a grade that cannot be defended is not published.
    case volumeUnknown(respondents: Int)
    /// Fewer respondents than the minimum sample: "sampel belum memenuhi".
    case belowMinimum(respondents: Int, minimum: Int)
    /// The IKM and its grade may be published.
    case graded(ikm: Double, grade: SKMGrade, respondents: Int, minimum: Int)

    public static func of(_ result: IKMResult?) -> PublicIKM {
        guard let result, result.respondents > 0 else { return .noResponses }
        guard result.complete, let grade = result.grade else { return .incomplete(respondents: result.respondents) }
        guard let minimum = result.minimumSample else { return .volumeUnknown(respondents: result.respondents) }
        guard result.respondents >= minimum else {
            return .belowMinimum(respondents: result.respondents, minimum: minimum)
        }
        return .graded(ikm: result.ikm, grade: grade, respondents: result.respondents, minimum: minimum)
    }

    /// The text shown in place of (or under) the grade.
    public var note: String {
        switch self {
        case .noResponses: "belum ada responden"
        case .incomplete: "tidak lengkap"
        case .volumeUnknown: "volume layanan belum dilaporkan"
        case .belowMinimum: "sampel belum memenuhi"
        case .graded(_, let grade, _, _): grade.label
        }
    }
}

extension ReportPeriod {
    /// The `count` periods that ended before the one containing `today`, oldest first: figures a
    /// unit can still add to (the running period) are not final and are shown apart as "sementara".
    public func lastComplete(_ count: Int, asOf today: SimpleDate) -> [(
        from: SimpleDate, to: SimpleDate, label: String
    )] {
        last(count, endingWith: previous(today))
    }
}
