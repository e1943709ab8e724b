import KompetenCore

/// The positions (jabatan) of one demo instansi: per unit one head position and 1–3 staff
/// positions, each with its job analysis and competency standard, and who holds which.
struct DemoPositions {
    /// The positions of one unit; `weights` say how the staff spread over `staff`.
    struct Staffing {
        let head: DemoPosition
        let staff: [DemoPosition]
        let weights: [Double]
    }

    private(set) var all: [DemoPosition] = []
    private(set) var byUnit: [String: Staffing] = [:]

    /// `counts`: the headcount of each unit of `org`, in order (large units get more positions).
    init(org: DemoOrganisation, counts: [Int], dictionary: DemoDictionary, rng: inout DemoRandom) {
        let units = Dictionary(org.units.map { ($0.unit.code, $0.unit) }, uniquingKeysWith: { a, _ in a })
        for (planned, count) in zip(org.units, counts) {
            let unit = planned.unit
            var ancestors: [String] = []
            var cursor = unit.parentCode
            while let code = cursor, let parent = units[code], ancestors.count < 16 {
                ancestors.append(parent.name)
                cursor = parent.parentCode
            }
            let teknis = dictionary.teknis(unitName: unit.name, ancestors: ancestors, field: planned.field)
            let staffing = Self.staffing(
                unit, ancestors: ancestors, headcount: count, teknis: teknis,
                dictionary: dictionary, rng: &rng)
            byUnit[unit.code] = staffing
            all.append(staffing.head)
            all.append(contentsOf: staffing.staff)
        }
    }

    private static func staffing(
        _ unit: DemoUnit, ancestors: [String], headcount: Int,
        teknis: [CompetencySeed.Competency], dictionary: DemoDictionary,
        rng: inout DemoRandom
    ) -> Staffing {
        let domain = teknis.first.map { DemoHeadPositions.lowercasedWords($0.name) } ?? "pemerintahan daerah"
        let h = DemoHeadPositions.head(of: unit, parentName: ancestors.first, domain: domain)
        let head = DemoPosition(
            code: unit.code + ".J1", name: h.name, kind: h.kind, unitCode: unit.code,
            summary: h.summary, duties: keep(3...5, of: h.duties, rng: &rng),
            standard: dictionary.standard(kind: h.kind, grade: 0, teknis: teknis))
        let jobs = chooseJobs(unit, ancestors: ancestors, headcount: headcount, teknis: teknis, rng: &rng)
        var staff: [DemoPosition] = []
        for (i, job) in jobs.enumerated() {
            // Pelaksana are held to the unit's main technical competency only.
            let required = job.kind == .pelaksana ? Array(teknis.prefix(1)) : teknis
            let generic =
                job.kind == .pelaksana
                ? "Melaksanakan tugas kedinasan lain yang diberikan atasan"
                : "Menyusun rencana kerja dan laporan kinerja sesuai jenjang jabatan"
            let duties = keep(2...3, of: job.duties, rng: &rng) + [generic]
            staff.append(
                DemoPosition(
                    code: unit.code + ".J\(i + 2)", name: job.name, kind: job.kind, unitCode: unit.code,
                    summary: capitalisedFirst(job.purpose) + " pada " + unit.name
                        + " sesuai standar dan ketentuan yang berlaku.",
                    duties: duties, standard: dictionary.standard(kind: job.kind, grade: job.grade, teknis: required)))
        }
        return Staffing(head: head, staff: staff, weights: jobs.map(\.weight))
    }

    /// 1–3 staff jobs: one specific to the unit's work first when there is one, then any, weighted.
    private static func chooseJobs(
        _ unit: DemoUnit, ancestors: [String], headcount: Int,
        teknis: [CompetencySeed.Competency], rng: inout DemoRandom
    ) -> [DemoJob] {
        let names = [unit.name] + ancestors
        let fits = { (job: DemoJob) in
            job.only.isEmpty || names.contains { CompetencySeed.Competency.matches(job.only, $0) }
        }
        let specific = (teknis.first.map { DemoJobCatalog.jobs(forCompetency: $0.code) } ?? []).filter(fits)
        let office = unit.kind != .kelurahan && unit.kind != .upt
        var pool = specific + DemoJobCatalog.common + (office ? DemoJobCatalog.offices : [])
        let n = headcount >= 40 ? 3 : headcount >= 8 ? rng.int(in: 2...3) : rng.int(in: 1...2)
        var chosen: [DemoJob] = []
        if !specific.isEmpty {
            let i = rng.weighted(specific.map(\.weight))
            chosen.append(specific[i])
            pool.removeAll { $0.name == specific[i].name }
        }
        while chosen.count < n, !pool.isEmpty {
            // Jobs that fit the unit's own work are twice as likely as the generic ones.
            let i = rng.weighted(
                pool.map { job in specific.contains { $0.name == job.name } ? job.weight * 2 : job.weight })
            chosen.append(pool.remove(at: i))
        }
        return chosen
    }

    /// The employees again, each holding a position of their unit, listed unit by unit with the
    /// head first. Units are filled top-down: the senior-most active PNS of a unit's whole subtree
    /// heads it (a Kepala Dinas is the dinas' most senior officer, not whoever sits in its small
    /// office); if that person worked in a sub-unit, they swap places with one of the unit's own
    /// staff, so every unit keeps its headcount. The others spread over the staff positions.
    func assign(_ employees: [DemoEmployee], org: DemoOrganisation, rng: inout DemoRandom) -> [DemoEmployee] {
        var members: [String: [Int]] = [:]
        var children: [String: [String]] = [:]
        for (i, e) in employees.enumerated() { members[e.unitCode, default: []].append(i) }
        for u in org.units { if let p = u.unit.parentCode { children[p, default: []].append(u.unit.code) } }
        var head: [String: Int] = [:]
        var heads = Set<Int>()
        // `org.units` lists parents before their children.
        for u in org.units {
            let code = u.unit.code
            guard let own = members[code], !own.isEmpty else { continue }
            var best: (index: Int, unit: String)?
            var stack = [code]
            while let unit = stack.popLast() {
                for i in members[unit] ?? [] where !heads.contains(i) {
                    if best.map({ Self.senior(employees[i], i, than: employees[$0.index], $0.index) }) ?? true {
                        best = (i, unit)
                    }
                }
                stack.append(contentsOf: children[unit] ?? [])
            }
            guard let chosen = best else { continue }
            if chosen.unit != code, let down = own.first(where: { !heads.contains($0) }) {
                members[code] = own.map { $0 == down ? chosen.index : $0 }.sorted()
                members[chosen.unit] = members[chosen.unit]!.map { $0 == chosen.index ? down : $0 }.sorted()
            }
            head[code] = chosen.index
            heads.insert(chosen.index)
        }
        var out: [DemoEmployee] = []
        out.reserveCapacity(employees.count)
        for u in org.units {
            let code = u.unit.code
            guard let staffing = byUnit[code], let h = head[code] else { continue }
            out.append(employees[h].moved(to: code, holding: staffing.head.code))
            for i in members[code] ?? [] where i != h {
                let position = staffing.staff.isEmpty ? staffing.head : staffing.staff[rng.weighted(staffing.weights)]
                out.append(employees[i].moved(to: code, holding: position.code))
            }
        }
        return out
    }

    /// Active before inactive, PNS before PPPK, then the higher golongan; on a tie, the one listed first.
    private static func senior(_ a: DemoEmployee, _ ai: Int, than b: DemoEmployee, _ bi: Int) -> Bool {
        func key(_ e: DemoEmployee) -> (Int, Int, Int) {
            (e.isActive ? 1 : 0, e.employmentType == .pns ? 1 : 0, DemoPeople.pnsRanks.firstIndex(of: e.rank) ?? 0)
        }
        let (ka, kb) = (key(a), key(b))
        return ka != kb ? ka > kb : ai < bi
    }

    /// A random `range.count`-sized selection of `items`, in their order.
    private static func keep(_ range: ClosedRange<Int>, of items: [String], rng: inout DemoRandom) -> [String] {
        var kept = items
        let target = min(items.count, rng.int(in: range))
        while kept.count > target { kept.remove(at: rng.below(kept.count)) }
        return kept
    }

    private static func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension DemoRandom {
    /// An index drawn with probability proportional to `weights` (all ≥ 0, not all 0).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return below(max(1, weights.count)) }
        var r = unit() * total
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return i }
        }
        return weights.count - 1
    }
}
