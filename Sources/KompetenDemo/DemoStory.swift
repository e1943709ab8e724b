import KompetenCore

/// What the demo assessment history shows, so that the reports have a story to tell. Codes are
/// those of the organisation file's top-level units (the province's governments copy them); a code
/// that is absent simply has no story.
enum DemoStory {
    /// OPDs whose staff were weak in 2024 and clearly improved by 2026 (a development programme
    /// that worked): low levels at the first assessment wave, most staff assessed again in 2026.
    static let improving: Set<String> = ["DUKCAPIL", "DPMPTSP"]

    /// OPDs with a gap in one competency that does not close over the three years.
    static let persistentGaps: [String: String] = ["SATPOLPP": "M.5", "DISHUB": "M.5"]
}

/// Days counted from Monday 1 January 2024, the start of the demo's assessment history.
enum DemoCalendar {
    /// The last day an assessment may carry (the demo's "today" is 29 November 2026).
    static let lastDay = day(SimpleDate(year: 2026, month: 10, day: 30)!)

    static func day(_ d: SimpleDate) -> Int { civil(d.year, d.month, d.day) - epoch }

    static func date(_ day: Int) -> SimpleDate {
        // Hinnant's civil_from_days.
        let z = day + epoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return SimpleDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    /// 0 Monday … 6 Sunday.
    static func weekday(_ day: Int) -> Int { ((day % 7) + 7) % 7 }

    /// A working day: a Saturday or Sunday moves to the Friday before.
    static func workday(_ day: Int) -> Int {
        let w = weekday(day)
        return w >= 5 ? day - (w - 4) : day
    }

    /// "semester I 2025".
    static func semester(_ day: Int) -> String {
        let d = date(day)
        return "semester \(d.month <= 6 ? "I" : "II") \(d.year)"
    }

    private static let epoch = civil(2024, 1, 1)

    /// Hinnant's days_from_civil: days since 1970-01-01.
    private static func civil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
