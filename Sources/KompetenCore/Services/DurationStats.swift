/// Median, 90th percentile and mean of a list of durations (minutes or working days).
public struct DurationStats: Sendable, Equatable, Codable {
    public let count: Int
    /// The mean of the two middle values when `count` is even.
    public let median: Double
    /// Nearest rank: the ⌈0,9·n⌉-th smallest value, a duration that was actually observed
    /// ("9 of 10 requests were done within …").
    public let p90: Double
    public let mean: Double

    public init(count: Int, median: Double, p90: Double, mean: Double) {
        self.count = count
        self.median = median
        self.p90 = p90
        self.mean = mean
    }
}

extension ProcessingTimes {
    /// Nil for an empty list.
    public static func stats(_ values: [Int]) -> DurationStats? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let n = sorted.count
        let median =
            n % 2 == 1
            ? Double(sorted[n / 2])
            : (Double(sorted[n / 2 - 1]) + Double(sorted[n / 2])) / 2
        // ⌈0,9·n⌉ in integers: no floating-point surprise at n = 10, 20, …
        let rank = (9 * n + 9) / 10
        let mean = sorted.reduce(0.0) { $0 + Double($1) } / Double(n)
        return DurationStats(count: n, median: median, p90: Double(sorted[rank - 1]), mean: mean)
    }
}
