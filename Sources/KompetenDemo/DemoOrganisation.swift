/// The units of one demo instansi with their relative headcounts.
///
/// Kota Kupang gets the units of the organisation file as they are. Every other instansi gets a
/// copy of the city's OPD structure (the SOTK of NTT's governments follow the same national
/// pattern, PP 18/2016), with names adapted and headcounts varied a little; a kabupaten also gets
/// generated kecamatan and kelurahan, a provinsi none.
struct DemoOrganisation {
    struct Planned {
        let unit: DemoUnit
        let weight: Double
        /// The field of the unit's OPD (see `OrganisationSeed.Unit.field`).
        let field: String
    }

    var units: [Planned] = []
    /// Number of kecamatan, which NIKs of the instansi spread over.
    var kecamatanCount = 0

    /// The city's own organisation, exactly as in the file.
    static func city(_ seed: OrganisationSeed) -> DemoOrganisation {
        let fields = fieldsByCode(seed.units)
        var org = DemoOrganisation()
        for u in seed.units {
            org.units.append(
                Planned(
                    unit: DemoUnit(code: u.code, name: u.name, kind: u.kind, parentCode: u.parent),
                    weight: u.staffWeight, field: fields[u.code] ?? "general"))
        }
        org.kecamatanCount = seed.units.filter { $0.kind == .kecamatan }.count
        return org
    }

    /// Another government of NTT, sized to `headcount`.
    static func derived(
        _ seed: OrganisationSeed, _ instansi: OrganisationSeed.Instansi, headcount: Int,
        rng: inout DemoRandom
    ) -> DemoOrganisation {
        let area = instansi.area
        var places = seed.placeNames.isEmpty ? [area] : seed.placeNames
        rng.shuffle(&places)
        var nextPlace = 0
        // Past the end of the pool, names repeat with a number rather than failing.
        func takePlace() -> String {
            defer { nextPlace += 1 }
            let name = places[nextPlace % places.count]
            return nextPlace < places.count ? name : "\(name) \(nextPlace / places.count + 1)"
        }

        // Kecamatan and kelurahan first: their names are also the places of the UPTs below.
        var territory: [Planned] = []
        var kecamatanNames: [String] = []
        if instansi.level != .provinsi {
            for k in 1...rng.int(in: 6...10) {
                let code = "KEC-" + pad2(k)
                let place = takePlace()
                kecamatanNames.append(place)
                territory.append(
                    Planned(
                        unit: DemoUnit(code: code, name: "Kecamatan " + place, kind: .kecamatan, parentCode: nil),
                        weight: Double(rng.int(in: 20...30)), field: "general"))
                for l in 1...rng.int(in: 2...5) {
                    territory.append(
                        Planned(
                            unit: DemoUnit(
                                code: code + ".KL" + pad2(l), name: "Kelurahan " + takePlace(),
                                kind: .kelurahan, parentCode: code),
                            weight: Double(rng.int(in: 8...15)), field: "general"))
                }
            }
        }
        // `{place}` units (puskesmas, school UPTs, markets) sit in the instansi's kecamatan
        // first, then in further places; numbered per parent so siblings differ.
        let unitPlaces = kecamatanNames + (0..<12).map { _ in takePlace() }
        var placeIndex: [String: Int] = [:]

        let fields = fieldsByCode(seed.units)
        var template: [Planned] = []
        for u in seed.units where u.kind != .kecamatan && u.kind != .kelurahan {
            var name = u.name.replacing("Kota Kupang", with: area)
            if let t = u.templateName {
                name = t.replacing("{area}", with: area)
                if name.contains("{place}") {
                    let i = placeIndex[u.parent ?? "", default: 0]
                    placeIndex[u.parent ?? ""] = i + 1
                    name = name.replacing("{place}", with: unitPlaces[i % unitPlaces.count])
                }
            }
            // ±20 % so that the governments do not look like copies of one another.
            template.append(
                Planned(
                    unit: DemoUnit(code: u.code, name: name, kind: u.kind, parentCode: u.parent),
                    weight: u.staffWeight * (0.8 + 0.4 * rng.unit()), field: fields[u.code] ?? "general"))
        }
        // Kecamatan and kelurahan keep their absolute size (a kelurahan office has 8–15 people
        // whatever the kabupaten); the OPDs are scaled to fill the rest of the headcount.
        let territorial = territory.reduce(0) { $0 + $1.weight }
        let templateTotal = template.reduce(0) { $0 + $1.weight }
        let scale = max(0.1, (Double(headcount) - territorial) / max(templateTotal, 1))
        var org = DemoOrganisation()
        org.units = template.map { Planned(unit: $0.unit, weight: $0.weight * scale, field: $0.field) } + territory
        org.kecamatanCount = kecamatanNames.count
        return org
    }

    /// Every unit's field is that of its top-level unit (sub-units do not repeat it).
    private static func fieldsByCode(_ units: [OrganisationSeed.Unit]) -> [String: String] {
        var byCode: [String: OrganisationSeed.Unit] = [:]
        for u in units { byCode[u.code] = u }
        var out: [String: String] = [:]
        for u in units {
            var cur = u
            var steps = 0
            // `steps` guards against a parent cycle in a hand-edited file.
            while cur.field == nil, let p = cur.parent, let parent = byCode[p], steps < 32 {
                cur = parent
                steps += 1
            }
            out[u.code] = cur.field ?? "general"
        }
        return out
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Headcounts proportional to weights, every unit at least one person, summing to `total`
/// (largest-remainder method; ties go to the earlier unit, so the result is deterministic).
func demoDistribute(_ total: Int, weights: [Double]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    var counts = [Int](repeating: 1, count: weights.count)
    let spare = max(0, total - weights.count)
    let sum = weights.reduce(0, +)
    guard spare > 0, sum > 0 else { return counts }
    let shares = weights.map { Double(spare) * $0 / sum }
    var given = 0
    for i in counts.indices {
        let whole = Int(shares[i].rounded(.down))
        counts[i] += whole
        given += whole
    }
    let order = counts.indices.sorted { a, b in
        let (fa, fb) = (shares[a] - shares[a].rounded(.down), shares[b] - shares[b].rounded(.down))
        return fa != fb ? fa > fb : a < b
    }
    for i in order.prefix(spare - given) { counts[i] += 1 }
    return counts
}
