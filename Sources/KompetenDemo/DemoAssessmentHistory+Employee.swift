import KompetenCore

/// The assessments of one employee.
extension DemoAssessmentHistory {
    private struct Event {
        let day: Int
        let method: AssessmentMethod
        let assessor: String
    }

    func assessments(of e: DemoEmployee, into out: inout [DemoAssessment], rng: inout DemoRandom) {
        guard let position = positions[e.positionCode] else { return }
        // Assessed from a month after appointment (TMT) on.
        let start = max(0, Self.appointmentDay(e.nip) + 30)
        guard start <= DemoCalendar.lastDay - 14 else { return }
        let opd = opdOf[e.unitCode] ?? e.unitCode
        let events = self.events(
            e, head: position.code.hasSuffix(".J1"), kind: position.kind, opd: opd,
            start: start, rng: &rng)
        let ability = DemoAbility(
            position.standard, head: position.code.hasSuffix(".J1"),
            improving: DemoStory.improving.contains(opd),
            gap: DemoStory.persistentGaps[opd], rng: &rng)
        for ev in events {
            out.append(
                DemoAssessment(
                    nip: e.nip, date: DemoCalendar.date(ev.day), method: ev.method,
                    assessorName: ev.assessor, notes: Self.notes(ev.method, day: ev.day),
                    results: results(position.standard, ev, ability, rng: &rng)))
        }
    }

    private func events(
        _ e: DemoEmployee, head: Bool, kind: PositionKind, opd: String, start: Int,
        rng: inout DemoRandom
    ) -> [Event] {
        var out: [Event] = []
        for w in formalWaves(opd: opd, start: start, rng: &rng) {
            let day = min(DemoCalendar.lastDay, DemoCalendar.workday(w.day + rng.int(in: 0...4)))
            let assessor =
                switch w.method {
                case .assessmentCenter: rng.pick(centreAssessors)
                case .ujiKompetensi: rng.pick(technicalAssessors)
                default: "Kantor Regional X BKN Denpasar"
                }
            out.append(Event(day: day, method: w.method, assessor: assessor))
        }
        // The direct superior rates at the end of a semester; an OPD head's superior is outside.
        let boss = head ? parentHeadName[e.unitCode] : headName[e.unitCode]
        if let boss, boss != e.name, rng.chance(0.25) {
            let ends = [(2024, 6, 20), (2024, 12, 16), (2025, 6, 20), (2025, 12, 15), (2026, 6, 19)]
                .map { DemoCalendar.day(SimpleDate(year: $0.0, month: $0.1, day: $0.2)!) }.filter { $0 >= start }
            if !ends.isEmpty { out.append(Event(day: rng.pick(ends), method: .supervisor, assessor: boss)) }
        }
        if rng.chance(0.2) {
            out.append(Event(day: randomDay(from: start, rng: &rng), method: .selfAssessment, assessor: e.name))
        }
        if kind != .pelaksana, kind != .fungsional, let boss = headName[e.unitCode], rng.chance(0.1) {
            out.append(Event(day: randomDay(from: start, rng: &rng), method: .threeSixty, assessor: boss))
        }
        return out.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }

    /// 1–3 waves of the employee's OPD after `start` (the first and the last in an improving OPD);
    /// with none left, one assessment of its own.
    private func formalWaves(opd: String, start: Int, rng: inout DemoRandom) -> [Wave] {
        let available = (waves[opd] ?? []).filter { $0.day >= start }
        guard !available.isEmpty else {
            let r = rng.unit()
            let method: AssessmentMethod = r < 0.4 ? .assessmentCenter : r < 0.7 ? .ujiKompetensi : .catSJT
            return [Wave(day: randomDay(from: start, rng: &rng), method: method)]
        }
        let count = min(available.count, rng.weighted([0.5, 0.35, 0.15]) + 1)
        if DemoStory.improving.contains(opd), available.count >= 2 {
            let middle = available.dropFirst().dropLast()
            return [available[0]] + (count == 3 && !middle.isEmpty ? [rng.pick(Array(middle))] : []) + [
                available[available.count - 1]
            ]
        }
        var pool = available
        var kept: [Wave] = []
        for _ in 0..<count { kept.append(pool.remove(at: rng.below(pool.count))) }
        return kept.sorted { $0.day < $1.day }
    }

    /// A working day from `start` on (a weekend `start` moves to the Monday after).
    private func randomDay(from start: Int, rng: inout DemoRandom) -> Int {
        let day = DemoCalendar.workday(rng.int(in: start...DemoCalendar.lastDay))
        return day >= start ? day : day + 3
    }

    /// Which competencies each method measures: an assessment center the national ones (and half
    /// the time the technical ones), CAT/SJT and a 360° round the national ones, uji kompetensi the
    /// technical ones with most national ones, a supervisor a part, a self-rating all.
    private func results(
        _ standard: [DemoStandard], _ ev: Event, _ ability: DemoAbility,
        rng: inout DemoRandom
    ) -> [DemoStandard] {
        var out: [DemoStandard] = []
        for (i, s) in standard.enumerated() {
            let teknis = teknisCodes.contains(s.competencyCode)
            let measured =
                switch ev.method {
                case .assessmentCenter: !teknis || rng.chance(0.5)
                case .ujiKompetensi: teknis || s.competencyCode == "M.5" || rng.chance(0.8)
                case .catSJT, .threeSixty: !teknis
                case .supervisor: rng.chance(0.7)
                case .selfAssessment: true
                }
            if measured {
                out.append(
                    DemoStandard(
                        competencyCode: s.competencyCode,
                        requiredLevel: ability.level(i, day: ev.day, method: ev.method, rng: &rng)))
            }
        }
        if out.isEmpty, let first = standard.first {
            out.append(
                DemoStandard(
                    competencyCode: first.competencyCode,
                    requiredLevel: ability.level(0, day: ev.day, method: ev.method, rng: &rng)))
        }
        return out
    }

    static func notes(_ method: AssessmentMethod, day: Int) -> String {
        let when = DemoCalendar.semester(day)
        return switch method {
        case .assessmentCenter:
            "Assessment center \(when): simulasi in-tray, wawancara berbasis kompetensi, dan diskusi kelompok."
        case .ujiKompetensi: "Uji kompetensi teknis \(when): tes tertulis, observasi tempat kerja, dan portofolio."
        case .catSJT: "CAT Situational Judgement Test kompetensi manajerial dan sosial kultural, \(when)."
        case .supervisor: "Penilaian perilaku kerja oleh atasan langsung, akhir \(when)."
        case .selfAssessment: "Penilaian diri melalui formulir pengembangan kompetensi; tidak dihitung dalam JPM."
        case .threeSixty: "Umpan balik 360°: atasan, rekan kerja, dan bawahan, \(when)."
        }
    }

    /// The first day of the TMT month in the NIP (digits 9–14, `yyyymm`); a PPPK's (`yyyy21`) is
    /// taken as April of the appointment year.
    static func appointmentDay(_ nip: String) -> Int {
        let digits = Array(nip.utf8).map { Int($0) - 48 }
        guard digits.count == 18 else { return 0 }
        let year = digits[8] * 1000 + digits[9] * 100 + digits[10] * 10 + digits[11]
        let month = digits[12] * 10 + digits[13]
        guard let date = SimpleDate(year: year, month: (1...12).contains(month) ? month : 4, day: 1) else { return 0 }
        return DemoCalendar.day(date)
    }
}

/// An employee's latent ability per competency of the standard, around the required level:
/// a person effect (heads a little stronger), a competency effect, yearly growth, and noise per
/// measurement with a bias per method (self-ratings a level high, supervisors lenient).
struct DemoAbility {
    let base: [Double], growth: [Double]

    init(_ standard: [DemoStandard], head: Bool, improving: Bool, gap: String?, rng: inout DemoRandom) {
        var person = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 0.9 - 0.55 + (head ? 0.35 : 0)
        var yearly = 0.12 + 0.18 * rng.unit()
        if improving {
            person -= 1.0
            yearly += 0.55
        }
        var base: [Double] = []
        var growth: [Double] = []
        for s in standard {
            let lagging = s.competencyCode == gap
            base.append(Double(s.requiredLevel) + person + (rng.unit() - 0.5) + (lagging ? -1.5 : 0))
            growth.append(lagging ? 0.02 : yearly)
        }
        (self.base, self.growth) = (base, growth)
    }

    func level(_ i: Int, day: Int, method: AssessmentMethod, rng: inout DemoRandom) -> Int {
        let bias =
            switch method {
            case .selfAssessment: 1.1
            case .supervisor: 0.35
            case .threeSixty: 0.2
            case .ujiKompetensi: 0.1
            case .catSJT: -0.15
            case .assessmentCenter: 0.0
            }
        let value = base[i] + growth[i] * Double(day) / 365.25 + bias + (rng.unit() - 0.5) * 0.7
        return min(5, max(1, Int(value.rounded())))
    }
}
