import KompetenCore

/// The 24 report months ending with today's month, and the office days in them.
///
/// Days are `DemoCalendar` day numbers. Offices open Monday to Friday; the fixed-date national
/// holidays are closed too (the moving ones, Idulfitri or Paskah, are left out: a demo does not
/// need them and they would need a table per year).
struct DemoServiceCalendar {
    static let monthCount = 24
    /// Counter hours, WITA: applications and survey answers come in 07:30–15:30.
    static let opens = 450, lastIntake = 930
    /// Work on a file goes on until 17:00, then continues the next office day.
    static let closes = 1020

    let today: Int
    /// First days, oldest first.
    let months: [SimpleDate]
    /// Per month: its office days on or before today.
    let workdays: [[Int]]
    /// Per month: the share of its office days on or before today (1 for past months).
    let elapsed: [Double]
    /// Per month: its number of calendar days.
    let length: [Int]

    init(today date: SimpleDate) {
        let today = DemoCalendar.day(date)
        self.today = today
        let first = SimpleDate(year: date.year, month: date.month, day: 1)!
        months = (0..<Self.monthCount).map { first.adding(months: $0 - Self.monthCount + 1) }
        var workdays: [[Int]] = []
        var elapsed: [Double] = []
        var length: [Int] = []
        for m in months {
            let days = SimpleDate.daysIn(month: m.month, year: m.year)
            let start = DemoCalendar.day(m)
            let open = (start..<start + days).filter(Self.isOpen)
            let past = open.filter { $0 <= today }
            workdays.append(past)
            elapsed.append(open.isEmpty ? 0 : Double(past.count) / Double(open.count))
            length.append(days)
        }
        self.workdays = workdays
        self.elapsed = elapsed
        self.length = length
    }

    static func isOpen(_ day: Int) -> Bool {
        guard DemoCalendar.weekday(day) < 5 else { return false }
        let d = DemoCalendar.date(day)
        return !holidays.contains(d.month * 100 + d.day)
    }

    /// Tahun Baru, Hari Buruh, Hari Lahir Pancasila, Hari Kemerdekaan, Natal (month × 100 + day).
    private static let holidays: Set<Int> = [101, 501, 601, 817, 1225]

    /// The next office day after `day`.
    static func nextOpen(after day: Int) -> Int {
        var d = day + 1
        while !isOpen(d) { d += 1 }
        return d
    }

    /// The month index (into `months`) of a day, or nil outside the window.
    func monthIndex(of day: Int) -> Int? {
        let d = DemoCalendar.date(day)
        let first = months[0]
        let i = (d.year - first.year) * 12 + d.month - first.month
        return months.indices.contains(i) ? i : nil
    }

    /// How far month `i` lies after the training wave of the improving units (ends 30 June 2026):
    /// 0 before 2026, a slow start while staff are away on courses (January–June), most of the
    /// effect in July and all of it from August.
    func trainingEffect(_ i: Int) -> Double {
        let m = months[i]
        let k = (m.year - 2026) * 12 + m.month - 7
        switch k {
        case 1...: return 1
        case 0: return 0.85
        case -6 ... -1: return 0.05 * Double(k + 7)
        default: return 0
        }
    }
}
