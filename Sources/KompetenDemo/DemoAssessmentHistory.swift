import KompetenCore

/// Three years of assessments (January 2024 – October 2026) for the employees of one instansi.
///
/// Each OPD runs a few assessment waves (assessment center, uji kompetensi or CAT/SJT); an assessed
/// employee takes part in 1–3 of them, some also get a supervisor's rating, a 360° round or rate
/// themselves (optimistically: self-ratings never count). Levels come from a latent ability per
/// person and competency around the required level, growing a little every year; `DemoStory`
/// bends it for a few OPDs.
struct DemoAssessmentHistory {
    struct Wave {
        let day: Int
        let method: AssessmentMethod
    }

    let positions: [String: DemoPosition]
    let teknisCodes: Set<String>
    /// Unit code → its top-level unit's code.
    let opdOf: [String: String]
    /// Unit code → the name of its head (the first employee listed), and of the parent unit's head.
    let headName: [String: String], parentHeadName: [String: String]
    var waves: [String: [Wave]] = [:]
    var centreAssessors: [String] = [], technicalAssessors: [String] = []

    /// `share`: the fraction of employees that take part at all (1 for the city; less for the
    /// other governments of a province run, to keep the data set manageable).
    static func make(
        org: DemoOrganisation, employees: [DemoEmployee], positions: [DemoPosition],
        dictionary: DemoDictionary, share: Double, rng: inout DemoRandom
    ) -> [DemoAssessment] {
        var history = DemoAssessmentHistory(
            org: org, employees: employees, positions: positions, dictionary: dictionary)
        history.prepare(org, rng: &rng)
        var out: [DemoAssessment] = []
        out.reserveCapacity(Int(Double(employees.count) * share * 2.2))
        for e in employees {
            let takesPart = rng.chance(share)
            let story = DemoStory.improving.contains(history.opdOf[e.unitCode] ?? "")
            guard rng.chance(story ? 0.95 : 0.85), takesPart else { continue }
            history.assessments(of: e, into: &out, rng: &rng)
        }
        return out
    }

    private init(
        org: DemoOrganisation, employees: [DemoEmployee], positions: [DemoPosition], dictionary: DemoDictionary
    ) {
        self.positions = Dictionary(positions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        teknisCodes = Set(dictionary.teknis.map(\.code))
        let parent = Dictionary(org.units.map { ($0.unit.code, $0.unit.parentCode) }, uniquingKeysWith: { a, _ in a })
        var opd: [String: String] = [:]
        for u in org.units {
            var code = u.unit.code
            var steps = 0
            while let p = parent[code] ?? nil, steps < 16 {
                code = p
                steps += 1
            }
            opd[u.unit.code] = code
        }
        opdOf = opd
        var heads: [String: String] = [:]
        for e in employees where heads[e.unitCode] == nil { heads[e.unitCode] = e.name }
        headName = heads
        var parentHeads: [String: String] = [:]
        for u in org.units {
            if let p = parent[u.unit.code] ?? nil, let name = heads[p] { parentHeads[u.unit.code] = name }
        }
        parentHeadName = parentHeads
    }

    /// Assessment waves per OPD and the assessors' names.
    private mutating func prepare(_ org: DemoOrganisation, rng: inout DemoRandom) {
        for u in org.units where u.unit.parentCode == nil {
            waves[u.unit.code] = Self.waves(improving: DemoStory.improving.contains(u.unit.code), rng: &rng)
        }
        func person(_ titles: [String]) -> String {
            let given = rng.chance(0.5) ? DemoNames.female : DemoNames.male
            return rng.pick(given) + " " + rng.pick(DemoNames.family) + ", " + rng.pick(titles)
        }
        centreAssessors = (0..<6).map { _ in person(["M.Psi., Psikolog", "S.Psi., M.Psi., Psikolog"]) }
        technicalAssessors = (0..<6).map { _ in
            person(["S.Sos., M.Si", "S.E., M.M.", "S.T., M.T.", "S.Kep., Ns., M.Kep"])
        }
    }

    /// One wave in some of the six half-years (at least two); the improving OPDs assess everyone by
    /// assessment center at the start of 2024 and again in 2026.
    private static func waves(improving: Bool, rng: inout DemoRandom) -> [Wave] {
        var out: [Wave] = []
        for slot in 0..<6 {
            let year = 2024 + slot / 2
            let firstHalf = slot % 2 == 0
            let start = DemoCalendar.day(SimpleDate(year: year, month: firstHalf ? 1 : 7, day: 1)!) + 14
            let end =
                slot == 5
                ? DemoCalendar.lastDay - 7
                : DemoCalendar.day(SimpleDate(year: year, month: firstHalf ? 6 : 12, day: 15)!)
            let forced = improving && (slot == 0 || slot == 4)
            guard forced || rng.chance(improving ? 0.5 : 0.55) || (slot >= 4 && out.count < 2) else { continue }
            let day = DemoCalendar.workday(rng.int(in: start...end))
            let r = rng.unit()
            let method: AssessmentMethod = forced || r < 0.4 ? .assessmentCenter : r < 0.7 ? .ujiKompetensi : .catSJT
            out.append(Wave(day: day, method: method))
        }
        return out
    }
}
