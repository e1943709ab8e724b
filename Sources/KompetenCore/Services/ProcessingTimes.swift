/// Summaries of service processing times (waktu penyelesaian) for the service performance report.
public enum ProcessingTimes {
    /// The summary of one period's completed requests, nil when there were none.
    public static func summarise(minutes: [Int], standardMinutes: Int) -> ProcessingSummary? {
        guard let s = stats(minutes) else { return nil }
        let onTime = minutes.filter { $0 <= standardMinutes }.count
        return ProcessingSummary(
            count: s.count, medianMinutes: s.median, p90Minutes: s.p90, meanMinutes: s.mean,
            onTime: onTime, onTimeShare: Double(onTime) / Double(s.count))
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
            var total = 0.0
            var weight = 0
            for month in months where month.count > 0 {
                guard let v = value(month) else { continue }
                total += Double(month.count) * v
                weight += month.count
            }
            return weight > 0 ? total / Double(weight) : nil
        }

        let overdue = months.reduce(0) { $0 + max(0, $1.overdueOpen) }
        let contributing = months.filter { $0.count > 0 }.count
        return CombinedFigures(
            count: count, onTime: onTime,
            onTimeShare: onTimeShare(onTime: onTime, completed: count, overdueOpen: overdue),
            meanMinutes: weightedMean(\.meanMinutes),
            medianMinutes: weightedMean(\.medianMinutes),
            p90Minutes: weightedMean(\.p90Minutes),
            exact: contributing <= 1, overdueOpen: overdue,
            medianWorkingDays: weightedMean(\.medianWorkingDays), p90WorkingDays: weightedMean(\.p90WorkingDays))
    }

    /// How many still-open requests are already past the standard at `ages` (minutes since each
    /// was received, measured when the records were taken). They are late whatever happens next,
    /// so leaving them out would let a unit look punctual by not closing its slow requests.
    /// Open requests still within the standard are undecided and counted nowhere.
    public static func overdueOpen(ages: [Int], standardMinutes: Int) -> Int {
        ages.filter { $0 > standardMinutes }.count
    }

    /// The on-time share: done on time over (done + open and already overdue); nil when there is
    /// nothing decided yet. 10 done on time and 5 open past their standard → 10/15 = 66,7 %.
    public static func onTimeShare(onTime: Int, completed: Int, overdueOpen: Int) -> Double? {
        let decided = max(0, completed) + max(0, overdueOpen)
        return decided > 0 ? Double(max(0, onTime)) / Double(decided) : nil
    }
}
