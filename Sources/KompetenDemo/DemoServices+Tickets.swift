/// Per-ticket transactions of a ticketed service (KTP-el baru, Kartu Keluarga) and the monthly
/// figures computed from them, the way the app computes them from an imported queue log: so the
/// two imports of the same months agree.
///
/// A ticket is taken at the counter in office hours (more in the morning) and worked on in office
/// time (07:30–17:00; what is left continues the next office day), with the month's completion
/// times of `DemoServiceModel`, so the ticket months join the modelled ones without a jump. A few
/// of the last week's files wait for a missing requirement; they and files due after today stay open.
struct DemoTicketDesk {
    static let channels = ["loket", "daring", "jemput_bola"]

    let model: DemoServiceModel
    let tickets: DemoServiceSpec.Tickets

    init(model: DemoServiceModel, tickets: DemoServiceSpec.Tickets) {
        self.model = model
        self.tickets = tickets
    }

    private var calendar: DemoServiceCalendar { model.calendar }

    /// The tickets received in `months`, by receipt.
    func issue(months: Range<Int>, rng: inout DemoRandom) -> [DemoServiceTransaction] {
        var out: [DemoServiceTransaction] = []
        for i in months {
            let days = calendar.workdays[i]
            guard !days.isEmpty else { continue }
            let m = model.plan[i]
            let first = calendar.months[i]
            var arrivals: [(day: Int, minute: Int, channel: Int)] = (0..<m.received).map { _ in
                let span = DemoServiceCalendar.lastIntake - DemoServiceCalendar.opens
                return (
                    rng.pick(days), DemoServiceCalendar.opens + min(rng.below(span), rng.below(span)),
                    rng.weighted(tickets.channels)
                )
            }
            arrivals.sort { ($0.day, $0.minute) < ($1.day, $1.minute) }
            let yymm = pad(first.year % 100, 2) + pad(first.month, 2)
            for (n, a) in arrivals.enumerated() {
                let done = completion(
                    day: a.day, minute: a.minute, month: m, last: i == calendar.months.count - 1, rng: &rng)
                out.append(
                    DemoServiceTransaction(
                        serviceCode: model.spec.code, ticket: tickets.prefix + "-" + yymm + "-" + pad(n + 1, 5),
                        receivedAt: DemoMoment(date: DemoCalendar.date(a.day), minute: a.minute),
                        completedAt: done.map { DemoMoment(date: DemoCalendar.date($0.day), minute: $0.minute) },
                        channel: Self.channels[a.channel]))
            }
        }
        return out
    }

    /// When a ticket received at (`day`, `minute`) is done, or nil when that is after today.
    private func completion(
        day: Int, minute: Int, month m: DemoServiceModel.Month, last: Bool,
        rng: inout DemoRandom
    ) -> (day: Int, minute: Int)? {
        let standard = Double(model.spec.minutes)
        var day = day
        var minute = minute
        var left: Int
        if rng.unit() < m.onTime {
            left = max(1, Int(standard * DemoServiceModel.early(rng.unit(), mode: m.mode)))
        } else {
            left = model.spec.minutes + max(1, Int((standard * m.tail * DemoServiceModel.late(rng.unit())).rounded()))
        }
        while minute + left > DemoServiceCalendar.closes {
            left -= DemoServiceCalendar.closes - minute
            day = DemoServiceCalendar.nextOpen(after: day)
            minute = DemoServiceCalendar.opens
        }
        minute += left
        // A few of the last week's files are stuck on an incomplete requirement.
        if last, day >= calendar.today - 7, rng.chance(0.02) { return nil }
        return day <= calendar.today ? (day, minute) : nil
    }

    /// The months' figures from the tickets. `carried`: the backlog before the first ticket month,
    /// which has no tickets; it counts as completed in that month, on time at the tickets' rate.
    func figures(_ issued: [DemoServiceTransaction], months: Range<Int>, carried: Int) -> [DemoServiceMonth] {
        let standard = model.spec.minutes
        var received = [Int](repeating: 0, count: months.count)
        var durations = [[Int]](repeating: [], count: months.count)
        for t in issued {
            let r = DemoCalendar.day(t.receivedAt.date)
            if let i = calendar.monthIndex(of: r), months.contains(i) { received[i - months.lowerBound] += 1 }
            guard let done = t.completedAt else { continue }
            let c = DemoCalendar.day(done.date)
            if let i = calendar.monthIndex(of: c), months.contains(i) {
                durations[i - months.lowerBound].append((c - r) * 1440 + done.minute - t.receivedAt.minute)
            }
        }
        var out: [DemoServiceMonth] = []
        var backlog = carried
        for (k, i) in months.enumerated() {
            let times = durations[k].sorted()
            let onTickets = times.filter { $0 <= standard }.count
            let share = times.isEmpty ? model.plan[i].onTime : Double(onTickets) / Double(times.count)
            let extra = k == 0 ? carried : 0
            let completed = times.count + extra
            let onTime = onTickets + Int((Double(extra) * share).rounded())
            let fallback = model.analytic(i, carried: backlog)
            let stats =
                times.isEmpty ? (fallback.meanMinutes, fallback.medianMinutes, fallback.p90Minutes) : Self.stats(times)
            backlog += received[k] - completed
            out.append(
                DemoServiceMonth(
                    serviceCode: model.spec.code, month: calendar.months[i], received: received[k],
                    completed: completed, onTime: onTime, meanMinutes: stats.0, medianMinutes: stats.1,
                    p90Minutes: stats.2, backlog: backlog))
        }
        return out
    }

    /// Mean, median and p90 (nearest rank) of sorted minutes, to one decimal.
    static func stats(_ sorted: [Int]) -> (Double, Double, Double) {
        let n = sorted.count
        let mean = Double(sorted.reduce(0, +)) / Double(n)
        let median = n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
        let rank = (9 * n + 9) / 10
        return (DemoServiceModel.tenth(mean), median, Double(sorted[max(0, rank - 1)]))
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
