import Foundation

/// Student's t distribution, for confidence intervals with non-integer (Welch) degrees of freedom.
///
/// A lookup table only covers whole df, and Welch's df is rarely whole, so the CDF is computed
/// from the regularized incomplete beta function and the quantile by bisection. Accurate to
/// about 1e-10, which is far more than a report printing two decimals needs.
public enum StudentT {
    /// P(T ≤ t) for `df` > 0 degrees of freedom.
    public static func cdf(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t²).
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The `p`-quantile (0 < p < 1), e.g. `quantile(0.975, df: 10)` = 2,228; nil for df ≤ 0.
    public static func quantile(_ p: Double, df: Double) -> Double? {
        guard df > 0, p > 0, p < 1, df.isFinite else { return nil }
        if p == 0.5 { return 0 }
        if p < 0.5 { return quantile(1 - p, df: df).map { -$0 } }
        // Bracket the quantile, then bisect: the CDF is monotonic, so this cannot fail to converge.
        var low = 0.0
        var high = 1.0
        while cdf(high, df: df) < p {
            low = high
            high *= 2
            if high > 1e12 { return high }
        }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if cdf(mid, df: df) < p { low = mid } else { high = mid }
            if high - low <= 1e-12 * max(1, high) { break }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction of Numerical Recipes (modified Lentz), using the
    /// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logBeta + logPowers
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-15
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
