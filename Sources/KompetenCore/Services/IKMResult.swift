/// The answers to one element, added up over all respondents of a period: what the database
/// aggregates (`SUM(u3)`, `COUNT(u3)`) so the IKM never needs the individual responses.
public struct SKMElementTally: Sendable, Equatable, Hashable, Codable {
    /// `U1` … `U9`.
    public let code: String
    /// Sum of the answer values (1…4).
    public let sum: Int
    /// Number of respondents who answered this element.
    public let answered: Int

    public init(code: String, sum: Int, answered: Int) {
        self.code = code
        self.sum = sum
        self.answered = answered
    }
}

/// One element's line in the IKM report.
public struct IKMElementResult: Sendable, Equatable, Codable {
    public let code: String
    public let name: String
    /// Nilai rata-rata (mean answer, 1…4), unrounded; nil when nobody answered the element.
    public let nrr: Double?
    /// NRR × weight, unrounded; nil when nobody answered the element.
    public let weightedNRR: Double?

    public init(code: String, name: String, nrr: Double?, weightedNRR: Double?) {
        self.code = code
        self.name = name
        self.nrr = nrr
        self.weightedNRR = weightedNRR
    }
}

/// The Indeks Kepuasan Masyarakat of one service (or unit) over one period.
public struct IKMResult: Sendable, Equatable, Codable {
    public let respondents: Int
    /// Always the nine standard elements, U1…U9.
    public let elements: [IKMElementResult]
    /// The converted IKM (25…100), rounded to two decimals. When the result is not `complete` this
    /// is the sum over the answered elements only, lower than a real IKM: use `value`.
    public let ikm: Double
    /// Nil when the result is not `complete`: an IKM with an unanswered element is not graded.
    public let grade: SKMGrade?
    /// `grade.label`, e.g. "Kurang Baik"; "Tidak lengkap" when not complete.
    public let label: String
    /// Krejcie–Morgan minimum sample for the population served, when the population is known.
    public let minimumSample: Int?
    /// True when a minimum sample is known and fewer people responded: the report warns that
    /// the IKM is not representative (it is still shown).
    public let belowMinimumSample: Bool
    /// Codes of the (up to) three elements with the lowest NRR, lowest first, ties by code:
    /// the "prioritas perbaikan" the regulation asks the report to name.
    public let lowestElements: [String]
    /// True when every one of the nine elements was answered by at least one respondent.
    public let complete: Bool

    /// The IKM when it may be reported, nil when it is "tidak lengkap".
    public var value: Double? { complete ? ikm : nil }

    public static let incompleteLabel = "Tidak lengkap"

    public init(
        respondents: Int, elements: [IKMElementResult], ikm: Double, grade: SKMGrade?, label: String,
        minimumSample: Int?, belowMinimumSample: Bool, lowestElements: [String], complete: Bool = true
    ) {
        self.complete = complete
        self.respondents = respondents
        self.elements = elements
        self.ikm = ikm
        self.grade = grade
        self.label = label
        self.minimumSample = minimumSample
        self.belowMinimumSample = belowMinimumSample
        self.lowestElements = lowestElements
    }
}
