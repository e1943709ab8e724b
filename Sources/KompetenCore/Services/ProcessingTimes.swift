/// Summaries of service processing times (waktu penyelesaian) for the service performance report.
public enum ProcessingTimes {
    /// The summary of one period's completed requests, nil when there were none.
    public static func summarise(minutes: [Int], standardMinutes: Int) -> ProcessingSummary? {
        guard !minutes.isEmpty else { return nil }
        let sorted = minutes.sorted()
        let n = sorted.count
        let median = n % 2 == 1
            ? Double(sorted[n / 2])
            : (Double(sorted[n / 2 - 1]) + Double(sorted[n / 2])) / 2
        // ⌈0,9·n⌉ in integers: no floating-point surprise at n = 10, 20, …
        let rank = (9 * n + 9) / 10
        let p90 = Double(sorted[rank - 1])
        let mean = sorted.reduce(0.0) { $0 + Double($1) } / Double(n)
        let onTime = sorted.filter { $0 <= standardMinutes }.count
        return ProcessingSummary(count: n, medianMinutes: median, p90Minutes: p90, meanMinutes: mean,
                                 onTime: onTime, onTimeShare: Double(onTime) / Double(n))
    }

    /// Combines monthly figures without the raw times.
    ///
    /// Counts, on-time share and mean combine exactly. A median or percentile of the union cannot
    /// be recovered from the monthly ones, so they are estimated as the count-weighted mean of the
    /// monthly values; that is close when the months are alike and the report marks it as an
    /// estimate (`exact == false`). Months without requests or without a value are skipped.
    public static func combine(_ months: [MonthlyServiceFigures]) -> CombinedFigures {
        let count = months.reduce(0) { $0 + max(0, $1.count) }
        let onTime = months.reduce(0) { $0 + max(0, $1.onTime) }

        func weightedMean(_ value: (MonthlyServiceFigures) -> Double?) -> Double? {
            var total = 0.0, weight = 0
            for month in months where month.count > 0 {
                guard let v = value(month) else { continue }
                total += Double(month.count) * v
                weight += month.count
            }
            return weight > 0 ? total / Double(weight) : nil
        }

        let contributing = months.filter { $0.count > 0 }.count
        return CombinedFigures(
            count: count, onTime: onTime,
            onTimeShare: count > 0 ? Double(onTime) / Double(count) : nil,
            meanMinutes: weightedMean(\.meanMinutes),
            medianMinutes: weightedMean(\.medianMinutes),
            p90Minutes: weightedMean(\.p90Minutes),
            exact: contributing <= 1)
    }
}
