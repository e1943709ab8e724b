/// Which dates a paper SKM form may carry when an operator enters it.
///
/// Paper forms are typed in by the unit whose service they grade, so the date is the one field
/// that could move answers into a period that is already reported. The period being entered is
/// the current month, and — during the first `graceDays` days of a month, while last month's
/// SKM report is still being closed — the previous month too. Never before the service existed
/// and never in the future.
public enum PaperSurveyPeriod {
    /// Days into a month during which last month's forms may still be entered (the monthly
    /// report is due by the 10th).
    public static let graceDays = 10

    /// The first and last date a form entered `today` may carry.
    public static func open(today: SimpleDate, serviceCreated: SimpleDate) -> (from: SimpleDate, to: SimpleDate) {
        let thisMonth = SimpleDate(year: today.year, month: today.month, day: 1)!
        let start = today.day <= graceDays ? thisMonth.adding(months: -1) : thisMonth
        return (max(start, serviceCreated), today)
    }

    /// The reason `date` may not be entered `today`, or nil when it may.
    public static func problem(_ date: SimpleDate, today: SimpleDate, serviceCreated: SimpleDate) -> String? {
        if date > today { return "Tanggal pengisian tidak boleh di masa depan." }
        if date < serviceCreated {
            return "Tanggal pengisian tidak boleh sebelum layanan terdaftar (\(IndonesianFormat.date(serviceCreated)))."
        }
        let window = open(today: today, serviceCreated: serviceCreated)
        if date < window.from {
            return
                "Formulir kertas hanya untuk periode yang sedang diisi: \(IndonesianFormat.date(window.from)) sampai \(IndonesianFormat.date(window.to))."
        }
        return nil
    }
}
