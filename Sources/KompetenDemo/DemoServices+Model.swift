/// The hidden state of one service month by month: how many came, what share was done on time,
/// how long the late ones dragged, and how satisfied people were. The reported figures, tickets
/// and survey answers are all drawn from it, so they tell the same story.
///
/// Completion times are a mixture, relative to the standard: the on-time share `onTime` is
/// triangular on [0.2, 1] × standard with its mode at `mode`, the rest run over by
/// `tail × (1/(1 − 0.8u) − 1)` × standard (a heavy tail without `log`/`exp`, whose last bits differ
/// between platforms' libm). Training raises `onTime` and shortens `tail`, which is what lowers p90.
struct DemoServiceModel {
    struct Month {
        let received: Int
        let onTime: Double
        let tail: Double
        let mode: Double
        /// The mean latent answer (1–4 scale) of an element with no offset.
        let level: Double
        /// 0 before training … 1 after (improving units only).
        let effect: Double
        /// Noise for the analytic figures, drawn even for ticket months so the stream stays aligned.
        let jitter: (median: Double, p90: Double, mean: Double, open: Double)
    }

    static let earliest = 0.2
    /// The mean of `late(u)` for u uniform in [0, 1): −ln(0.2)/0.8 − 1.
    static let meanLate = 1.011_797_9

    let spec: DemoServiceSpec
    let group: DemoServiceGroup
    let calendar: DemoServiceCalendar
    let baseOnTime: Double
    /// How strongly this service took up the training (0.75–1.25): the effect is not the same everywhere.
    let magnitude: Double
    let plan: [Month]

    init(spec: DemoServiceSpec, group: DemoServiceGroup, calendar: DemoServiceCalendar, rng: inout DemoRandom) {
        self.spec = spec
        self.group = group
        self.calendar = calendar
        let (onTime, level): (Double, Double) =
            switch group {
            case .improving: (0.72 + rng.noise(0.02), 2.93 + rng.noise(0.03))
            case .lagging: (0.67 + rng.noise(0.02), 2.72 + rng.noise(0.03))
            case .normal: (0.795 + rng.noise(0.035), 3.12 + rng.noise(0.06))
            }
        baseOnTime = onTime
        magnitude = group == .improving ? 0.75 + 0.5 * rng.unit() : 0
        let volume = Double(spec.volume) * (0.9 + 0.2 * rng.unit())
        var plan: [Month] = []
        for (i, first) in calendar.months.enumerated() {
            let effect = magnitude == 0 ? 0 : calendar.trainingEffect(i) * magnitude
            let years = Double(i) / 12
            let expected = volume * spec.season.factors[first.month - 1] * (1 + 0.02 * years) * calendar.elapsed[i]
            let received = max(0, Int((expected * (1 + rng.noise(0.05))).rounded()))
            // A mild citywide drift: +0.5 IKM points (0.02 on the answer scale) a year.
            let share = min(0.97, max(0.35, onTime + 0.12 * effect + 0.004 * years + rng.noise(0.025)))
            plan.append(
                Month(
                    received: received, onTime: share, tail: 0.6 - 0.1 * effect, mode: 0.6 - 0.08 * effect,
                    level: level + 0.02 * years + rng.noise(0.03), effect: effect,
                    jitter: (rng.noise(0.03), rng.noise(0.03), rng.noise(0.03), rng.noise(0.2))))
        }
        self.plan = plan
    }

    /// The triangular quantile on [`earliest`, 1] with mode `mode`.
    static func early(_ u: Double, mode c: Double) -> Double {
        let a = earliest
        let b = 1.0
        return u < (c - a) / (b - a)
            ? a + (u * (b - a) * (c - a)).squareRoot() : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
    }

    /// The overrun beyond the standard, as a multiple of `tail`.
    static func late(_ u: Double) -> Double { 1 / (1 - 0.8 * u) - 1 }

    /// Completion time (as a multiple of the standard) at quantile `q` of month `m`.
    static func quantile(_ q: Double, _ m: Month) -> Double {
        q <= m.onTime ? early(q / m.onTime, mode: m.mode) : 1 + m.tail * late((q - m.onTime) / (1 - m.onTime))
    }

    /// The figures of month `i` from the model alone; `carried`: the backlog of the month before.
    func analytic(_ i: Int, carried: Int) -> DemoServiceMonth {
        let m = plan[i]
        let standard = Double(spec.minutes)
        let median = standard * Self.quantile(0.5, m) * (1 + m.jitter.median)
        let p90 = max(median * 1.05, standard * Self.quantile(0.9, m) * (1 + m.jitter.p90))
        let mean =
            standard * (m.onTime * (Self.earliest + m.mode + 1) / 3 + (1 - m.onTime) * (1 + m.tail * Self.meanLate))
            * (1 + m.jitter.mean)
        // Little's law: what arrives in the time a file takes is still open at the month's end
        // (at least a third of a day's intake: files waiting for a missing requirement).
        let perDay = Double(m.received) / Double(calendar.length[i])
        let open = min(m.received, max(0, Int((perDay * max(0.3, mean / 1440) * (1 + m.jitter.open)).rounded())))
        let completed = carried + m.received - open
        let onTime = min(completed, Int((Double(completed) * m.onTime).rounded()))
        return DemoServiceMonth(
            serviceCode: spec.code, month: calendar.months[i], received: m.received, completed: completed,
            onTime: onTime, meanMinutes: Self.tenth(mean), medianMinutes: Self.tenth(median),
            p90Minutes: Self.tenth(p90), backlog: open)
    }

    /// Minutes to one decimal, as the units report them.
    static func tenth(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    /// Every month's figures and, for a ticketed service, its tickets: the last two months then
    /// come from the tickets themselves.
    func figures(ticketRng rng: inout DemoRandom) -> (
        months: [DemoServiceMonth], transactions: [DemoServiceTransaction]
    ) {
        let n = plan.count
        let ticketed = spec.tickets == nil ? n : max(0, n - 2)
        var months: [DemoServiceMonth] = []
        var carried = 0
        for i in 0..<ticketed {
            // The first month's opening backlog: what a month like it leaves open.
            if i == 0 { carried = analytic(0, carried: 0).backlog }
            let month = analytic(i, carried: carried)
            months.append(month)
            carried = month.backlog
        }
        guard ticketed < n, let tickets = spec.tickets else { return (months, []) }
        let desk = DemoTicketDesk(model: self, tickets: tickets)
        let issued = desk.issue(months: ticketed..<n, rng: &rng)
        months += desk.figures(issued, months: ticketed..<n, carried: carried)
        return (months, issued)
    }
}
