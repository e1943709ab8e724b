import Foundation

/// Rounding of IKM values to two decimals, half up, as a person with a calculator would.
///
/// `(x * 100).rounded() / 100` alone is not enough: the weighted sum is computed in binary, so a
/// value that is 74,925 on paper arrives as 74,92499999999… and would round down. A tolerance of
/// 1e-7 hundredths (far above the error of a sum of nine terms, far below any meaningful
/// difference between two IKMs) lets such values round up the way the hand computation does.
enum SKMRounding {
    /// `x` rounded to two decimals, half up (towards +∞ on a tie). The result is `k / 100` for a
    /// whole `k`, i.e. the same Double as the literal `74.93`, so `>=` against literals is exact.
    static func hundredths(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return ((x * 100) + 0.5 + 1e-7).rounded(.down) / 100
    }
}
