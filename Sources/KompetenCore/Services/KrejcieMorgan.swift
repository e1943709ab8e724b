/// The minimum sample size of Krejcie & Morgan (1970), which PermenPANRB 14/2017 prescribes for
/// the SKM: χ² = 3,841 (1 df, 95 %), P = 0,5, margin of error d = 0,05.
///
///     n = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P))
public enum KrejcieMorgan {
    /// The minimum number of respondents for a population of `population` service users, rounded
    /// to the nearest whole number (the published table rounds the same way); nil when the
    /// population is below 1. Computed in Double so even `Int.max` gives 384 without trapping.
    public static func minimumSample(population: Int) -> Int? {
        guard population >= 1 else { return nil }
        let chiSquare = 3.841
        let p = 0.5
        let d = 0.05
        let n = Double(population)
        let size = chiSquare * n * p * (1 - p) / (d * d * (n - 1) + chiSquare * p * (1 - p))
        // The result is at most 3,841·0,25/0,0025 ≈ 384,1 and at least 1, so Int() is safe.
        return Int(size.rounded())
    }
}
