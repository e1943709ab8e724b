/// Calendar arithmetic for due dates (re-assessment 6 months after a training, L3 evaluation
/// after 3–6 months): whole months, the day clamped to the target month's length.
extension SimpleDate {
    /// `2026-08-31` + 6 months = `2027-02-28`: a due date never spills into the following month.
    public func adding(months: Int) -> SimpleDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return SimpleDate(year: y, month: m, day: min(day, SimpleDate.daysIn(month: m, year: y)))!
    }

    /// Days from `self` to `other` (positive when `other` is later), by the proleptic Gregorian calendar.
    public func days(to other: SimpleDate) -> Int { other.dayNumber - dayNumber }

    /// `2026-10-30` + 14 days = `2026-11-13` (negative `days` go back).
    public func adding(days: Int) -> SimpleDate {
        // The inverse of `dayNumber` (H. Hinnant's civil-from-days).
        let z = dayNumber + days
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return SimpleDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    /// Days since 0000-03-01 (a fixed epoch; only differences matter).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }
}
