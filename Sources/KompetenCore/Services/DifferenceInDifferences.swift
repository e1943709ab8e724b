import Foundation

/// One unit of observation in a before/after comparison, e.g. one service's mean processing
/// time (or IKM) in the period before and the period after a training wave.
public struct BeforeAfter: Sendable, Equatable, Hashable, Codable {
    public let before: Double
    public let after: Double

    public init(before: Double, after: Double) {
        self.before = before
        self.after = after
    }

    /// `after − before`.
    public var change: Double { after - before }
}

/// A difference-in-differences estimate with its Welch confidence interval.
public struct DiDEstimate: Sendable, Equatable, Codable {
    public let treatedCount: Int
    public let controlCount: Int
    /// Mean of after − before over the treated units.
    public let treatedChange: Double
    /// Mean of after − before over the control units.
    public let controlChange: Double
    /// `treatedChange − controlChange`: the change attributed to the treatment, assuming both
    /// groups would otherwise have moved alike (parallel trends).
    public let estimate: Double
    /// √(s²_t/n_t + s²_c/n_c); nil when a group has fewer than two units (no variance).
    public let standardError: Double?
    /// Welch–Satterthwaite degrees of freedom; n_t + n_c − 2 when both variances are zero.
    public let degreesOfFreedom: Double?
    /// 95 % confidence interval: estimate ∓ t(0,975; df) · SE.
    public let lower95: Double?
    public let upper95: Double?

    public init(treatedCount: Int, controlCount: Int, treatedChange: Double, controlChange: Double, estimate: Double,
                standardError: Double?, degreesOfFreedom: Double?, lower95: Double?, upper95: Double?) {
        self.treatedCount = treatedCount
        self.controlCount = controlCount
        self.treatedChange = treatedChange
        self.controlChange = controlChange
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.lower95 = lower95
        self.upper95 = upper95
    }
}

/// Whether services whose staff were trained improved more than services whose staff were not.
///
/// Comparing each group's change (rather than the treated group's after-vs-before alone) removes
/// whatever moved every service at once — a new application, a holiday month. The per-unit changes
/// are compared with Welch's unequal-variance t interval because treated and control groups are
/// small and rarely alike in spread.
public enum DifferenceInDifferences {
    /// Nil when either group is empty.
    public static func estimate(treated: [BeforeAfter], control: [BeforeAfter]) -> DiDEstimate? {
        guard !treated.isEmpty, !control.isEmpty else { return nil }
        let t = treated.map(\.change), c = control.map(\.change)
        let nt = Double(t.count), nc = Double(c.count)
        let meanT = t.reduce(0, +) / nt, meanC = c.reduce(0, +) / nc
        let estimate = meanT - meanC

        var se: Double?, df: Double?, lower: Double?, upper: Double?
        if t.count >= 2, c.count >= 2 {
            let varT = t.reduce(0) { $0 + ($1 - meanT) * ($1 - meanT) } / (nt - 1)
            let varC = c.reduce(0) { $0 + ($1 - meanC) * ($1 - meanC) } / (nc - 1)
            let a = varT / nt, b = varC / nc
            let standardError = (a + b).squareRoot()
            let freedom = a + b == 0
                ? nt + nc - 2
                : (a + b) * (a + b) / (a * a / (nt - 1) + b * b / (nc - 1))
            se = standardError
            df = freedom
            if let q = StudentT.quantile(0.975, df: freedom) {
                lower = estimate - q * standardError
                upper = estimate + q * standardError
            }
        }
        return DiDEstimate(treatedCount: t.count, controlCount: c.count, treatedChange: meanT, controlChange: meanC,
                           estimate: estimate, standardError: se, degreesOfFreedom: df, lower95: lower, upper95: upper)
    }
}
