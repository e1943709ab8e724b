import KompetenCore

/// Makes the employees of one unit: names, NIP, NIK, rank. Kept apart from the organisation
/// logic so that the rules of the identifiers are in one place.
struct DemoPeople {
    /// The year the demo data describes; service years and ranks are counted up to it.
    static let currentYear = 2026
    static let pnsRanks = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c"]
    /// CPNS are mostly appointed with TMT 1 January, 1 March, 1 April or 1 December.
    static let tmtMonths = [1, 1, 1, 1, 3, 3, 3, 4, 4, 12, 12, 2, 5, 6, 7, 8, 9, 10, 11]

    enum Education: Int { case sma, d3, s1, s2 }

    /// Who works in a unit, by the OPD's field: health and schools employ more women and
    /// more graduates than an average office.
    struct Profile {
        let titles: DemoNames.Titles
        let femaleShare: Double
        /// Cumulative shares of SMA, D3 and S1 (the rest has a master's degree).
        let sma: Double, d3: Double, s1: Double
        /// Share of graduates of a health unit who are physicians (written `dr. …`).
        let doctorShare: Double

        init(field: String) {
            titles = DemoNames.titles(field: field)
            switch field {
            case "health":
                femaleShare = 0.70
                (sma, d3, s1) = (0.22, 0.62, 0.93)
                doctorShare = 0.18
            case "education":
                femaleShare = 0.65
                (sma, d3, s1) = (0.15, 0.20, 0.87)
                doctorShare = 0
            default:
                femaleShare = 0.45
                (sma, d3, s1) = (0.52, 0.60, 0.93)
                doctorShare = 0
            }
        }
    }

    let nikRegion: Int
    /// How many kecamatan codes the NIKs of this instansi spread over (the 5th–6th digits).
    let nikDistricts: Int

    /// Appends `count` people of `unitCode` to `out`.
    func make(
        _ count: Int, unitCode: String, profile: Profile, rng: inout DemoRandom,
        registry: inout DemoIdentities, into out: inout [DemoEmployee]
    ) {
        for _ in 0..<count { out.append(person(unitCode: unitCode, profile: profile, rng: &rng, registry: &registry)) }
    }

    private func person(
        unitCode: String, profile p: Profile, rng: inout DemoRandom,
        registry: inout DemoIdentities
    ) -> DemoEmployee {
        let sex: NIP.Sex = rng.chance(p.femaleShare) ? .female : .male
        let r = rng.unit()
        let education: Education = r < p.sma ? .sma : r < p.d3 ? .d3 : r < p.s1 ? .s1 : .s2
        let doctor = education.rawValue >= Education.s1.rawValue && rng.chance(p.doctorShare)
        let pppk = rng.chance(0.2)

        let birthYear: Int
        let appointmentYear: Int
        let appointmentMonth: Int?
        if pppk {
            appointmentYear = rng.int(in: 2021...2025)
            birthYear = rng.int(in: 1968...min(2001, appointmentYear - 20))
            appointmentMonth = nil
        } else {
            // TMT at age 22–35, never before 1985 nor after 2025.
            birthYear = rng.int(in: 1966...2000)
            appointmentYear = birthYear + rng.int(in: max(22, 1985 - birthYear)...min(35, 2025 - birthYear))
            appointmentMonth = rng.pick(Self.tmtMonths)
        }
        let month = rng.int(in: 1...12)
        var day = rng.int(in: 1...SimpleDate.daysIn(month: month, year: birthYear))
        var birth = SimpleDate(year: birthYear, month: month, day: day)!
        // A NIP's sequence has three digits; on the (practically impossible) 1000th person with
        // the same birth date, TMT and sex, move to the next day.
        var sequence = registry.nipSequence(birth, appointmentYear, appointmentMonth, sex)
        while sequence == nil {
            day = day % SimpleDate.daysIn(month: month, year: birthYear) + 1
            birth = SimpleDate(year: birthYear, month: month, day: day)!
            sequence = registry.nipSequence(birth, appointmentYear, appointmentMonth, sex)
        }
        let nip = NIP.make(
            birth: birth, appointmentYear: appointmentYear, appointmentMonth: appointmentMonth,
            sex: sex, sequence: sequence!)
        let nik = registry.nik(region: nikRegion, district: rng.int(in: 1...nikDistricts), birth: birth, sex: sex)

        let rank: String
        if pppk {
            rank = doctor ? "X" : ["V", "VII", "IX", "X"][education.rawValue]
        } else {
            // Entry golongan by diploma (a physician enters at III/b), one step every four
            // (the minimum) or five years, capped where regular promotion stops for that diploma.
            let entry = doctor ? 5 : [0, 2, 4, 5][education.rawValue]
            let cap = doctor ? 10 : [5, 6, 8, 9][education.rawValue]
            let years = Self.currentYear - appointmentYear
            rank = Self.pnsRanks[min(cap, entry + years / rng.int(in: 4...5))]
        }
        return DemoEmployee(
            nip: nip, nik: nik, name: name(sex, education, doctor, p.titles, &rng), sex: sex,
            birthDate: birth, employmentType: pppk ? .pppk : .pns, rank: rank,
            unitCode: unitCode, positionCode: "", isActive: !rng.chance(0.02))
    }

    private func name(
        _ sex: NIP.Sex, _ education: Education, _ doctor: Bool, _ titles: DemoNames.Titles,
        _ rng: inout DemoRandom
    ) -> String {
        let given = sex == .male ? DemoNames.male : DemoNames.female
        var name = rng.pick(given)
        if rng.chance(0.3) {
            let second = rng.pick(given)
            if second != name { name += " " + second }
        }
        name += " " + rng.pick(DemoNames.family)
        if doctor { return "dr. " + name + (education == .s2 ? ", " + rng.pick(titles.s2) : "") }
        // Not every record carries the degrees (imports from older registers often lack them).
        guard education != .sma, rng.chance(0.8) else { return name }
        // Midwifery (`Keb`) degrees are held by women; a man gets the pool's first title instead.
        func title(_ pool: [String]) -> String {
            let t = rng.pick(pool)
            return sex == .male && (t.hasSuffix("Keb") || t.hasSuffix("Keb.")) ? pool[0] : t
        }
        switch education {
        case .sma: return name
        case .d3: return name + ", " + title(titles.d3)
        case .s1: return name + ", " + title(titles.s1)
        case .s2: return name + ", " + title(titles.s1) + ", " + title(titles.s2)
        }
    }
}

/// The NIPs and NIKs handed out so far, across every instansi of one generation run: the
/// national registers are unique nation-wide, so the demo province must be too.
struct DemoIdentities {
    /// First 15 NIP digits (birth date, TMT, sex) → last sequence used.
    private var nips: [Int: Int] = [:]
    /// First 12 NIK digits (region, kecamatan, birth date) → last sequence used.
    private var niks: [Int: Int] = [:]

    init(capacity: Int) {
        nips.reserveCapacity(capacity)
        niks.reserveCapacity(capacity)
    }

    /// The next free 3-digit sequence, or nil when all 999 are taken.
    mutating func nipSequence(_ birth: SimpleDate, _ year: Int, _ month: Int?, _ sex: NIP.Sex) -> Int? {
        let date = (birth.year * 100 + birth.month) * 100 + birth.day
        let key = ((date * 10_000 + year) * 100 + (month ?? 21)) * 10 + sex.rawValue
        let next = (nips[key] ?? 0) + 1
        guard next <= 999 else { return nil }
        nips[key] = next
        return next
    }

    /// A 16-digit NIK: region (4), kecamatan (2), birth date `DDMMYY` with 40 added to a
    /// woman's day (as Dukcapil does), and a 4-digit sequence.
    mutating func nik(region: Int, district: Int, birth: SimpleDate, sex: NIP.Sex) -> String {
        let day = birth.day + (sex == .female ? 40 : 0)
        let key = ((region * 100 + district) * 100 + day) * 10_000 + birth.month * 100 + birth.year % 100
        let next = (niks[key] ?? 0) + 1
        niks[key] = next
        // More than 9,999 people born on one day in one kecamatan cannot happen at demo scale.
        precondition(next <= 9_999, "NIK sequence exhausted")
        return String(key * 10_000 + next)
    }
}
