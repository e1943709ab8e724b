import Foundation

/// One unit of observation in a before/after comparison: one OPD's (volume-weighted) outcome in
/// the window before and the window after a training wave.
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

/// Why a comparison has figures but no interval.
public enum IntervalUnavailable: String, Sendable, Equatable, Codable {
    /// A group has fewer units than `DifferenceInDifferences.minimumUnitsPerGroup`: the spread
    /// between OPDs, on which the interval rests, cannot be estimated from so few.
    case tooFewUnits = "too_few_opds"
    /// Every unit of both groups changed by exactly the same amount: the standard error is 0,
    /// which says the data cannot measure the uncertainty, not that there is none.
    case zeroVariance = "zero_variance"

    /// The sentence shown in place of the interval (the API carries it too).
    public func explanation(treated: Int, control: Int, minimum: Int = DifferenceInDifferences.minimumUnitsPerGroup)
        -> String
    {
        switch self {
        case .tooFewUnits:
            return
                "Rentang tidak dihitung: OPD terlatih \(treated) dan OPD pembanding \(control), padahal perlu sekurang-kurangnya \(minimum) OPD di tiap kelompok untuk memperkirakan keragaman antar-OPD. Selisihnya hanya gambaran, bukan bukti."
        case .zeroVariance:
            return
                "Rentang tidak dapat dihitung: semua OPD di tiap kelompok berubah persis sama (keragaman nol), sehingga ketidakpastiannya tidak dapat diukur dari data ini."
        }
    }
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
    /// √(s²_t/n_t + s²_c/n_c); nil when a group is below the minimum.
    public let standardError: Double?
    /// Welch–Satterthwaite degrees of freedom; nil when there is no interval.
    public let degreesOfFreedom: Double?
    /// 95 % confidence interval: estimate ∓ t(0,975; df) · SE; nil exactly when `intervalUnavailable` says why.
    public let lower95: Double?
    public let upper95: Double?
    public let intervalUnavailable: IntervalUnavailable?

    public init(
        treatedCount: Int, controlCount: Int, treatedChange: Double, controlChange: Double, estimate: Double,
        standardError: Double?, degreesOfFreedom: Double?, lower95: Double?, upper95: Double?,
        intervalUnavailable: IntervalUnavailable? = nil
    ) {
        self.treatedCount = treatedCount
        self.controlCount = controlCount
        self.treatedChange = treatedChange
        self.controlChange = controlChange
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.lower95 = lower95
        self.upper95 = upper95
        self.intervalUnavailable = intervalUnavailable
    }

    /// The reason in Bahasa Indonesia, when there is no interval.
    public var intervalNote: String? {
        intervalUnavailable?.explanation(treated: treatedCount, control: controlCount)
    }
}

/// Whether units whose staff were trained improved more than units whose staff were not.
///
/// Comparing each group's change (rather than the treated group's after-vs-before alone) removes
/// whatever moved every unit at once — a new application, a holiday month. The per-unit changes
/// are compared with Welch's unequal-variance t interval because treated and control groups are
/// small and rarely alike in spread; its degrees of freedom never exceed n_t + n_c − 2, so with
/// OPDs as units it is never bolder than a cluster-robust interval on G − 1 df.
public enum DifferenceInDifferences {
    /// Below this many units in either group the interval is not computed: with 2 or 3 OPDs the
    /// estimated spread is itself so uncertain that any interval would mislead.
    public static let minimumUnitsPerGroup = 4

    /// Shown when there is nothing to compare (a group without any OPD with figures in both windows).
    public static let noComparisonNote =
        "Belum dapat dibandingkan: perlu OPD terlatih dan OPD pembanding yang sama-sama punya data pada kedua masa."

    /// Nil when either group is empty.
    public static func estimate(
        treated: [BeforeAfter], control: [BeforeAfter],
        minimumPerGroup: Int = minimumUnitsPerGroup
    ) -> DiDEstimate? {
        guard !treated.isEmpty, !control.isEmpty else { return nil }
        let t = treated.map(\.change)
        let c = control.map(\.change)
        let nt = Double(t.count)
        let nc = Double(c.count)
        let meanT = t.reduce(0, +) / nt
        let meanC = c.reduce(0, +) / nc
        let estimate = meanT - meanC
        func result(
            se: Double? = nil, df: Double? = nil, lower: Double? = nil, upper: Double? = nil,
            missing: IntervalUnavailable?
        ) -> DiDEstimate {
            DiDEstimate(
                treatedCount: t.count, controlCount: c.count, treatedChange: meanT, controlChange: meanC,
                estimate: estimate,
                standardError: se, degreesOfFreedom: df, lower95: lower, upper95: upper, intervalUnavailable: missing)
        }
        // A variance needs two units whatever the minimum asks.
        guard t.count >= max(2, minimumPerGroup), c.count >= max(2, minimumPerGroup) else {
            return result(missing: .tooFewUnits)
        }

        let varT = t.reduce(0) { $0 + ($1 - meanT) * ($1 - meanT) } / (nt - 1)
        let varC = c.reduce(0) { $0 + ($1 - meanC) * ($1 - meanC) } / (nc - 1)
        let a = varT / nt
        let b = varC / nc
        let standardError = (a + b).squareRoot()
        // All changes alike within each group: "0,00 s.d. 0,00" would claim certainty the data cannot
        // give. "Alike" allows rounding noise (shares are quotients: 0,7·100 − 0,6·100 ≠ 0,2·100 − 0,1·100
        // in the last bit), which would otherwise yield a pseudo-interval of width 1e-14.
        let scale = max(1, (t + c).map(\.magnitude).max() ?? 1)
        guard standardError > 1e-9 * scale else { return result(se: 0, missing: .zeroVariance) }
        let df = (a + b) * (a + b) / (a * a / (nt - 1) + b * b / (nc - 1))
        guard let q = StudentT.quantile(0.975, df: df) else { return result(se: standardError, missing: .zeroVariance) }
        return result(
            se: standardError, df: df, lower: estimate - q * standardError, upper: estimate + q * standardError,
            missing: nil)
    }
}
