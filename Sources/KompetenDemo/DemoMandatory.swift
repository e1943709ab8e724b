import KompetenCore

/// The mandatory-training story of the city demo (issue 17), judged on the demo's today (29
/// November 2026) with the standard 12 months:
/// - a CPNS cohort with TMT 1 January 2026 (Latsar due 1 January 2027): five passed Latsar in
///   Angkatan I (ended 26 June 2026), three sit in Angkatan II (ends 18 December 2026), so their
///   requirement is still due; one CPNS with TMT 1 November 2025 missed both and is overdue;
/// - officials appointed recently: pengawas (one passed PKP, two within the year, two past it),
///   administrators (one passed PKA, one within, one past) and one JPT pratama within the year
///   for PKN Tingkat II. Disdukcapil's officials come first, so its operator sees the story.
public enum DemoMandatory {
    public struct CPNS: Sendable, Equatable {
        public let employee: DemoEmployee
        public let tmt: SimpleDate
        /// Angkatan I (completed) or Angkatan II (enrolled); nil: not enrolled at all.
        public let latsarBatch: Int?
    }

    public struct Appointment: Sendable, Equatable {
        public let nip: String
        public let kind: MandatoryKind
        public let tmt: SimpleDate
        /// The day the leadership training was passed (its batch's last day), if it was.
        public let completedOn: SimpleDate?
    }

    public struct Plan: Sendable, Equatable {
        public let cohort: [CPNS]
        public let appointments: [Appointment]
    }

    public static let latsarBatches = [
        (name: "Latsar CPNS Angkatan I", start: date("2026-05-04"), end: date("2026-06-26")),
        (name: "Latsar CPNS Angkatan II", start: date("2026-11-09"), end: date("2026-12-18")),
    ]
    public static let pkpEnd = date("2026-10-16")
    public static let pkaEnd = date("2026-09-25")

    static func date(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    /// Names, birth dates and sex of the cohort: written out, not drawn, so the rest of the demo's
    /// random stream is untouched.
    static let people: [(name: String, birth: String, sex: NIP.Sex)] = [
        ("Yakobus Lakapu, S.Kom", "1999-04-12", .male),
        ("Maria Goreti Nahak, S.H", "1998-09-03", .female),
        ("Fransiskus Ratu, S.E", "2000-01-21", .male),
        ("Yuliana Bessie, S.Keb", "1999-07-30", .female),
        ("Petrus Manafe, S.T", "1997-12-08", .male),
        ("Agustina Tefa, S.Sos", "2000-05-17", .female),
        ("Dominikus Seran, S.Pd", "1998-02-25", .male),
        ("Theresia Ndolu, S.A.P", "1999-10-11", .female),
        ("Markus Bana, S.IP", "1997-06-05", .male),
    ]

    public static func plan(_ org: DemoInstansi) -> Plan {
        // Staff (pelaksana) posts of the top-level units, Disdukcapil first then by code.
        let topLevel = Set(org.units.filter { $0.parentCode == nil }.map(\.code))
        let staffPosts = org.positions.filter { $0.kind == .pelaksana && topLevel.contains($0.unitCode) }
        var firstPost: [String: String] = [:]
        for p in staffPosts where firstPost[p.unitCode] == nil { firstPost[p.unitCode] = p.code }
        let units = firstPost.keys.sorted { ($0 == "DUKCAPIL" ? 0 : 1, $0) < ($1 == "DUKCAPIL" ? 0 : 1, $1) }
        var cohort: [CPNS] = []
        guard !units.isEmpty else { return Plan(cohort: [], appointments: []) }
        for (i, person) in people.enumerated() {
            let unit = units[i % units.count]
            let overdue = i == people.count - 1
            let tmt = overdue ? date("2025-11-01") : date("2026-01-01")
            let birth = date(person.birth)
            // Sequences from 901: no generated NIP has a TMT in 2026, and 901+ keeps clear of them in 2025.
            let nip = NIP.make(
                birth: birth, appointmentYear: tmt.year, appointmentMonth: tmt.month, sex: person.sex,
                sequence: 901 + i)
            let day = birth.day + (person.sex == .female ? 40 : 0)
            let nik =
                "53710" + String(1 + i % 6) + pad(day) + pad(birth.month) + pad(birth.year % 100) + "9" + pad(i, 3)
            let employee = DemoEmployee(
                nip: nip, nik: nik, name: person.name, sex: person.sex, birthDate: birth, employmentType: .pns,
                rank: "III/a", unitCode: unit, positionCode: firstPost[unit]!, isActive: true)
            cohort.append(CPNS(employee: employee, tmt: tmt, latsarBatch: overdue ? nil : (i < 5 ? 1 : 2)))
        }
        return Plan(cohort: cohort, appointments: appointments(org))
    }

    /// The heads (first employee of each unit) in leadership posts, Disdukcapil's first.
    static func appointments(_ org: DemoInstansi) -> [Appointment] {
        let kindOf = Dictionary(uniqueKeysWithValues: org.positions.map { ($0.code, $0.kind) })
        var seen = Set<String>()
        var heads: [(DemoEmployee, PositionKind)] = []
        for e in org.employees where !seen.contains(e.unitCode) {
            seen.insert(e.unitCode)
            if let k = kindOf[e.positionCode], MandatoryKind.forPosition(k) != nil, e.isActive { heads.append((e, k)) }
        }
        let ordered = heads.enumerated().sorted { a, b in
            (a.element.0.unitCode.hasPrefix("DUKCAPIL") ? 0 : 1, a.offset)
                < (b.element.0.unitCode.hasPrefix("DUKCAPIL") ? 0 : 1, b.offset)
        }.map(\.element)
        // Per kind: (TMT jabatan, passed on) in the order the heads are taken.
        let story: [PositionKind: [(String, SimpleDate?)]] = [
            .pengawas: [
                ("2026-03-02", pkpEnd), ("2026-03-02", nil), ("2026-06-01", nil), ("2025-07-01", nil),
                ("2025-09-01", nil),
            ],
            .administrator: [("2026-01-05", pkaEnd), ("2026-04-01", nil), ("2025-06-02", nil)],
            .jpt: [("2026-02-02", nil)],
        ]
        var used: [PositionKind: Int] = [:]
        var result: [Appointment] = []
        for (e, kind) in ordered {
            let i = used[kind, default: 0]
            guard let steps = story[kind], i < steps.count else { continue }
            used[kind] = i + 1
            result.append(
                Appointment(
                    nip: e.nip, kind: MandatoryKind.forPosition(kind)!, tmt: date(steps[i].0),
                    completedOn: steps[i].1))
        }
        return result
    }

    static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
