import KompetenCore

/// Re-assessment after training: each completed enrolment makes its raised competencies due
/// `months` after completion; most dues up to "today" are assessed (one assessment per employee
/// and due month), and a good programme more often shows in a higher level. Employees never
/// assessed before keep their dues open: there is no earlier level to compare with.
extension DemoEvaluateContext {
    private struct Due {
        let day: Int
        let completedDay: Int
        let programme: Int
    }

    /// The share of (employee, due month) groups that get assessed; the lagging OPDs fall behind.
    static let doneShare = 0.75, laggingDoneShare = 0.30

    func reassessments(months: Int, rng: inout DemoRandom) -> [DemoAssessment] {
        var dues = [[Due]](repeating: [], count: instansi.employees.count)
        for c in completed {
            let due = DemoCalendar.day(DemoCalendar.date(c.day).adding(months: months))
            if due <= today { dues[c.employee].append(Due(day: due, completedDay: c.day, programme: c.programme)) }
        }
        let assessor =
            "Tim Asesor BKPPD"
            + (instansi.name.hasPrefix("Pemerintah ")
                ? " " + instansi.name.dropFirst("Pemerintah ".count) : "")
        let national = Set(DemoCatalogue.national)
        var out: [DemoAssessment] = []
        for e in dues.indices where !dues[e].isEmpty {
            let list = dues[e].enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(
                \.element)
            let lagging = group[e] == .lagging
            // Levels this run has already assessed: code → (day, level); they count like any other result.
            var own: [String: (day: Int, level: Int)] = [:]
            var lastDay = Int.min
            var start = 0
            while start < list.count {
                let month = DemoCalendar.date(list[start].day)
                var end = start + 1
                while end < list.count, DemoCalendar.date(list[end].day).month == month.month,
                    DemoCalendar.date(list[end].day).year == month.year
                { end += 1 }
                let sameMonth = list[start..<end]
                start = end
                guard rng.chance(lagging ? Self.laggingDoneShare : Self.doneShare) else { continue }
                // Within 30 days before and 20 after every due date of the month, after each
                // completion and the employee's previous re-assessment, and not after today.
                let lo = max(
                    sameMonth.map(\.day).max()! - 30, sameMonth.map(\.completedDay).max()! + 1,
                    lastDay == Int.min ? Int.min : lastDay + 1)
                let hi = min(sameMonth.map(\.day).min()! + 20, today)
                guard lo <= hi else { continue }
                let day = Self.workdayWithin(rng.int(in: lo...hi), lo, hi)
                // Someone never assessed has no level to compare with: the due stays open (a
                // partial first profile would also drag the OPD's mean JPM down).
                guard lastDay != Int.min || assessedBefore(e, day) else { continue }
                lastDay = day

                var codes: [String] = []
                var gain: [String: Int] = [:]
                var programmeCodes: [String] = []
                for due in sameMonth {
                    let programme = development.programmes[due.programme]
                    if !programmeCodes.contains(programme.code) { programmeCodes.append(programme.code) }
                    for raise in programme.raises {
                        let code = raise.competencyCode
                        if gain[code] == nil {
                            codes.append(code)
                            gain[code] = 0
                        }
                        let g = increase(
                            e, code: code, levelGain: raise.levelGain, q: quality[due.programme], rng: &rng)
                        gain[code] = max(gain[code]!, g)
                    }
                }
                var results: [DemoStandard] = []
                for code in codes {
                    let before = level(e, code, on: day, own: own)
                    let after = min(5, before + gain[code]!)
                    own[code] = (day, after)
                    results.append(DemoStandard(competencyCode: code, requiredLevel: after))
                }
                let technicalOnly = codes.allSatisfy { !national.contains($0) }
                let method: AssessmentMethod = technicalOnly || rng.chance(0.4) ? .ujiKompetensi : .assessmentCenter
                out.append(
                    DemoAssessment(
                        nip: instansi.employees[e].nip, date: DemoCalendar.date(day), method: method,
                        assessorName: assessor,
                        notes: "Penilaian ulang setelah pelatihan " + Self.list(programmeCodes),
                        results: results))
            }
        }
        return out
    }

    /// Levels gained: 1 with probability 0.2 + 0.7·q, 2 (a programme that may raise two levels)
    /// with 0.3·q. The improving OPDs' supervisors back the training (+0.1); in the lagging OPDs
    /// little carries over to the job (half), and their persistent gap never closes.
    private func increase(_ e: Int, code: String, levelGain: Int, q: Double, rng: inout DemoRandom) -> Int {
        var p = 0.2 + 0.7 * q
        switch group[e] {
        case .improving: p = min(0.97, p + 0.1)
        case .lagging: p = DemoStory.persistentGaps[opd[e]] == code ? 0 : p * 0.5
        case .normal: break
        }
        if levelGain >= 2, rng.chance(group[e] == .lagging ? 0 : 0.3 * q) { return 2 }
        return rng.chance(p) ? 1 : 0
    }

    /// The employee's level of `code` on `day`: the latest counted result on or before it (this
    /// run's re-assessments included); never measured: the position's required level − 1 (at
    /// least 1), or 2 for a competency outside the standard.
    private func level(_ e: Int, _ code: String, on day: Int, own: [String: (day: Int, level: Int)]) -> Int {
        var best: (day: Int, level: Int)?
        for i in assessmentsOf[e] {
            let a = instansi.assessments[i]
            guard a.method.countsTowardProfile else { continue }
            let d = DemoCalendar.day(a.date)
            guard d <= day, best == nil || d >= best!.day,
                let r = a.results.first(where: { $0.competencyCode == code })
            else { continue }
            best = (d, r.level)
        }
        if let mine = own[code], mine.day <= day, best == nil || mine.day >= best!.day { best = mine }
        if let best { return best.level }
        return required(e, code).map { max(1, $0 - 1) } ?? 2
    }

    /// Whether the employee has a counted assessment on or before `day`.
    private func assessedBefore(_ e: Int, _ day: Int) -> Bool {
        assessmentsOf[e].contains {
            let a = instansi.assessments[$0]
            return a.method.countsTowardProfile && DemoCalendar.day(a.date) <= day
        }
    }

    /// A working day in `lo...hi` near `day` (the Friday before a weekend, else the Monday after),
    /// or `day` itself when neither fits.
    static func workdayWithin(_ day: Int, _ lo: Int, _ hi: Int) -> Int {
        let w = DemoCalendar.weekday(day)
        guard w >= 5 else { return day }
        let friday = day - (w - 4)
        let monday = day + (7 - w)
        if friday >= lo { return friday }
        if monday <= hi { return monday }
        return day
    }

    /// "A", "A dan B", "A, B dan C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " dan " + items.last!
    }
}
