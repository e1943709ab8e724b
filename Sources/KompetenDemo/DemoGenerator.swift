import KompetenCore

/// Deterministic demo data: the organisation of the Pemerintah Kota Kupang with its employees,
/// their positions with competency standards and three years of assessments (`city`), or that
/// plus every other government of NTT (`province`, about 100,000 employees, to try the system at
/// the scale of a provincial deployment).
///
/// The same seed file, scale and `randomSeed` give the same output on every run and platform.
/// Kota Kupang comes first and is identical in both scales.
public enum DemoGenerator {
    /// Used when the file gives no headcount.
    static let defaultHeadcount = 4_000

    /// `competencies`: the national dictionary merged with the city's technical competencies
    /// (`CompetencySeed.merged`); positions are held to them and assessments measure them.
    public static func generate(
        seed: OrganisationSeed, competencies: CompetencySeed, scale: DemoScale,
        randomSeed: UInt64 = 2026
    ) -> [DemoInstansi] {
        let targets = scale == .city ? [seed.instansi] : [seed.instansi] + seed.provinceInstansi
        let expected = targets.reduce(0) { $0 + ($1.headcount ?? defaultHeadcount) }
        // One register for the whole run: NIP and NIK are unique across instansi.
        var identities = DemoIdentities(capacity: expected)
        let cityKecamatan = seed.units.filter { $0.kind == .kecamatan }.count
        let dictionary = DemoDictionary(competencies)
        var out: [DemoInstansi] = []
        out.reserveCapacity(targets.count)
        for (index, instansi) in targets.enumerated() {
            // An independent stream per instansi, so that one instansi's data does not depend on
            // the others' (only the NIP/NIK sequences are shared).
            var rng = DemoRandom(seed: DemoRandom.derive(randomSeed, UInt64(index)))
            let headcount = instansi.headcount ?? defaultHeadcount
            let org =
                index == 0
                ? DemoOrganisation.city(seed)
                : DemoOrganisation.derived(seed, instansi, headcount: headcount, rng: &rng)
            // A provinsi has no kecamatan; its staff live in the capital, so their NIKs use the
            // city's kecamatan codes.
            let districts = org.kecamatanCount > 0 ? org.kecamatanCount : cityKecamatan
            let (people, counts) = populate(
                instansi, org, headcount: headcount, districts: districts,
                rng: &rng, identities: &identities)
            // Positions and assessments draw from a stream of their own, so the people are the
            // same as without them. Outside the city only a share takes part in assessments
            // (about 30 %), which keeps a province run near half a million results.
            var jobs = DemoRandom(seed: DemoRandom.derive(randomSeed ^ 0x4A0B_5EED_C0DE_2024, UInt64(index)))
            let positions = DemoPositions(org: org, counts: counts, dictionary: dictionary, rng: &jobs)
            let employees = positions.assign(people, org: org, rng: &jobs)
            let assessments = DemoAssessmentHistory.make(
                org: org, employees: employees, positions: positions.all,
                dictionary: dictionary, share: index == 0 ? 1 : 0.3, rng: &jobs)
            out.append(
                DemoInstansi(
                    code: instansi.code, name: instansi.name, units: org.units.map(\.unit),
                    employees: employees, positions: positions.all, assessments: assessments))
        }
        return out
    }

    /// The employees of every unit, listed unit by unit, and the headcount of each unit.
    /// `districts`: how many kecamatan codes the NIKs spread over.
    private static func populate(
        _ instansi: OrganisationSeed.Instansi, _ org: DemoOrganisation, headcount: Int,
        districts: Int, rng: inout DemoRandom,
        identities: inout DemoIdentities
    ) -> ([DemoEmployee], [Int]) {
        let counts = demoDistribute(headcount, weights: org.units.map(\.weight))
        let people = DemoPeople(nikRegion: nikRegion(instansi.nikRegion), nikDistricts: max(1, districts))
        var employees: [DemoEmployee] = []
        employees.reserveCapacity(counts.reduce(0, +))
        var profiles: [String: DemoPeople.Profile] = [:]
        for (planned, count) in zip(org.units, counts) {
            let profile = profiles[planned.field] ?? DemoPeople.Profile(field: planned.field)
            profiles[planned.field] = profile
            people.make(
                count, unitCode: planned.unit.code, profile: profile, rng: &rng,
                registry: &identities, into: &employees)
        }
        return (employees, counts)
    }

    /// The 4-digit region code; anything else falls back to Kota Kupang (5371) so that every
    /// NIK keeps its 16 digits.
    private static func nikRegion(_ text: String?) -> Int {
        guard let text, text.utf8.count == 4, let n = Int(text), n >= 1000 else { return 5371 }
        return n
    }
}
