/// The reporting periods of the service reports: monthly figures, quarterly and half-yearly SKM
/// (PermenPANRB 14/2017 asks for at least one SKM per year, many units run one per semester or
/// triwulan), and the annual report.
public enum ReportPeriod: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case month = "bulan"
    case quarter = "triwulan"
    case semester = "semester"
    case year = "tahun"

    /// Length of the period in months.
    public var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .semester: 6
        case .year: 12
        }
    }

    /// The first and last day (both inclusive) of the period that contains `date`.
    public func range(containing date: SimpleDate) -> (from: SimpleDate, to: SimpleDate) {
        let firstMonth = (date.month - 1) / months * months + 1
        let lastMonth = firstMonth + months - 1
        let from = SimpleDate(year: date.year, month: firstMonth, day: 1)!
        let to = SimpleDate(
            year: date.year, month: lastMonth,
            day: SimpleDate.daysIn(month: lastMonth, year: date.year))!
        return (from, to)
    }

    /// The name of the period that contains `date`: "November 2026", "Triwulan III 2026",
    /// "Semester I 2026", "2026".
    public func label(from date: SimpleDate) -> String {
        let index = (date.month - 1) / months
        switch self {
        case .month: return "\(IndonesianFormat.monthNames[date.month - 1]) \(date.year)"
        case .quarter: return "Triwulan \(ReportPeriod.roman[index]) \(date.year)"
        case .semester: return "Semester \(ReportPeriod.roman[index]) \(date.year)"
        case .year: return "\(date.year)"
        }
    }

    /// The first day of the period before the one that contains `date`.
    public func previous(_ date: SimpleDate) -> SimpleDate {
        range(containing: date).from.adding(months: -months)
    }

    /// The `count` periods up to and including the one that contains `date`, oldest first: the
    /// columns of a trend table. Empty when `count` < 1.
    public func last(_ count: Int, endingWith date: SimpleDate) -> [(from: SimpleDate, to: SimpleDate, label: String)] {
        guard count > 0 else { return [] }
        let newest = range(containing: date).from
        return (0..<count).reversed().map { back in
            let start = newest.adding(months: -back * months)
            let r = range(containing: start)
            return (r.from, r.to, label(from: start))
        }
    }

    /// Triwulan and semester are numbered with Roman numerals in Indonesian reports.
    private static let roman = ["I", "II", "III", "IV"]
}
