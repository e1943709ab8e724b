import Foundation

/// The status of one row of an SKM rencana tindak lanjut (PermenPANRB 14/2017, appendix: the
/// report lists per element the planned action, its time and who is in charge; the next period's
/// report says what became of it).
public enum SKMFollowUpStatus: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case planned = "direncanakan"
    case inProgress = "berjalan"
    case done = "selesai"
    case dropped = "tidak_dilaksanakan"

    public var label: String {
        switch self {
        case .planned: "Direncanakan"
        case .inProgress: "Berjalan"
        case .done: "Selesai"
        case .dropped: "Tidak dilaksanakan"
        }
    }
}

/// The periods of an SKM report: the key its follow-up plan and published state are kept under,
/// and the period it is compared with in its "Analisis" section.
public enum SKMReportPeriod {
    /// The calendar month, quarter, semester or year that starts on `from` and contains `to` (a
    /// preset, possibly running and cut at today): `preferred` when it fits (1–30 October is
    /// both a running October and a running Triwulan IV; the preset link says which), else the
    /// smallest that fits; nil for any other range.
    public static func calendarKind(from: SimpleDate, to: SimpleDate, preferred: ReportPeriod? = nil)
        -> ReportPeriod?
    {
        func fits(_ kind: ReportPeriod) -> Bool {
            let range = kind.range(containing: from)
            return range.from == from && to <= range.to
        }
        if let preferred, fits(preferred) { return preferred }
        return [ReportPeriod.month, .quarter, .semester, .year].first(where: fits)
    }

    /// The key a plan and a publication are stored under: a calendar period is stored under its
    /// whole range, so the plan written on 7 December for "Triwulan IV" (1 October – 7 December)
    /// is the same plan the report shows on 8 December; any other range is its own key.
    public static func key(from: SimpleDate, to: SimpleDate, kind: ReportPeriod? = nil) -> (
        from: SimpleDate, to: SimpleDate
    ) {
        guard let kind = calendarKind(from: from, to: to, preferred: kind) else { return (from, to) }
        return kind.range(containing: from)
    }

    /// The period before `from`…`to`: for a calendar period (see `calendarKind`) the whole
    /// previous one of the same kind (Triwulan IV, 1 October – 7 December, is compared with all
    /// of Triwulan III: the IKM is a mean, not a sum, so a running period compares fairly with a
    /// complete one); otherwise the same number of days immediately before `from`.
    public static func previous(from: SimpleDate, to: SimpleDate, kind: ReportPeriod? = nil) -> (
        from: SimpleDate, to: SimpleDate
    ) {
        if let kind = calendarKind(from: from, to: to, preferred: kind) {
            let start = kind.previous(from)
            return (start, kind.range(containing: start).to)
        }
        let days = from.days(to: to) + 1
        return (from.adding(days: -days), from.adding(days: -1))
    }
}

/// The change of an SKM result against the previous period. Differences are of the printed
/// values (IKM to two decimals, NRR to three) so that the figures on the page subtract exactly.
public struct SKMTrend: Sendable, Equatable {
    public struct Element: Sendable, Equatable {
        public let code: String
        /// Previous NRR (three decimals), nil when nobody answered the element then.
        public let previous: Double?
        /// Current − previous NRR, nil when either is missing.
        public let change: Double?
    }
    /// The previous IKM when it may be reported (every element answered), else nil.
    public let previousIKM: Double?
    public let previousGrade: SKMGrade?
    /// Current − previous IKM, nil when either is not reportable.
    public let difference: Double?
    public let elements: [Element]

    public static func compare(current: IKMResult?, previous: IKMResult?) -> SKMTrend {
        let now = current?.value.map(SKMRounding.hundredths)
        let before = previous?.value.map(SKMRounding.hundredths)
        let elements = SKMElement.codes.enumerated().map { i, code in
            let p = previous?.elements[i].nrr.map(nrrPrinted)
            let c = current?.elements[i].nrr.map(nrrPrinted)
            return Element(code: code, previous: p, change: p.flatMap { p in c.map { thousandths($0 - p) } })
        }
        return SKMTrend(
            previousIKM: before, previousGrade: previous?.grade,
            difference: before.flatMap { b in now.map { (($0 - b) * 100).rounded() / 100 } },
            elements: elements)
    }

    /// An NRR as the report prints it: three decimals.
    public static func nrrPrinted(_ x: Double) -> Double { thousandths(x) }

    private static func thousandths(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

extension KrejcieMorgan {
    /// Whether `respondents` reach the minimum sample for `population`; nil when the population
    /// (the period's transactions) is unknown, so nothing can be said.
    public static func reached(respondents: Int, population: Int) -> Bool? {
        minimumSample(population: population).map { respondents >= $0 }
    }
}
