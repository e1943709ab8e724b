/// One dated assessment result of one employee for one competency.
public struct AssessedLevel: Sendable, Equatable {
    public var competencyCode: String
    public var level: Int
    public var date: SimpleDate
    public var method: AssessmentMethod
    /// Tie-breaker for results on the same date: higher = recorded later (e.g. the database id).
    /// Dates have no time of day, and two assessors may well record on the same day.
    public var sequence: Int

    public init(competencyCode: String, level: Int, date: SimpleDate, method: AssessmentMethod, sequence: Int) {
        self.competencyCode = competencyCode
        self.level = level
        self.date = date
        self.method = method
        self.sequence = sequence
    }
}

/// The current competency profile: what the gap analysis compares against the standard.
public enum CurrentProfile {
    /// Per competency code, the latest result (by date, then by `sequence`) among methods that
    /// count toward the profile. Self-ratings never count, so a competency rated only by the
    /// employee is absent here and is reported as *belum dinilai*.
    ///
    /// "Latest", not "best" or "average": the spec keeps history and a newer assessment
    /// supersedes an older one even when its level is lower.
    /// If two results tie on both date and sequence, the one later in `results` wins, so the
    /// answer is still deterministic for a given input order.
    public static func latest(_ results: [AssessedLevel]) -> [String: AssessedLevel] {
        var current: [String: AssessedLevel] = [:]
        for r in results where r.method.countsTowardProfile {
            if let kept = current[r.competencyCode],
                (kept.date, kept.sequence) > (r.date, r.sequence)
            {
                continue
            }
            current[r.competencyCode] = r
        }
        return current
    }

    /// Just the levels, in the shape `GapAnalysis.analyse(actual:)` takes.
    public static func latestLevels(_ results: [AssessedLevel]) -> [String: Int] {
        latest(results).mapValues(\.level)
    }
}
