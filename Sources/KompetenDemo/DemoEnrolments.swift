import KompetenCore

/// Batches, enrolments and non-catalogue learning for one demo instansi (see
/// `DemoDevelopmentGenerator` for the story). Everything is indexed by integers (employees,
/// competencies, programmes, batches) and looked up in precomputed per-competency lists, so the
/// work is linear in the number of employees.
struct DemoEnrolmentPlanner {
    enum Group { case normal, improving, lagging }

    struct Batch {
        let programme: Int
        var name = ""
        let start: Int, end: Int
        let capacity: Int
        let place: String
        let online: Bool
    }

    struct Record {
        let employee: Int, batch: Int
        let status: EnrolmentStatus
        let attendance: Int?
    }

    let instansi: DemoInstansi
    let catalogue: DemoCatalogue
    let year: Int
    /// The demo's "today": batches ending later are planned.
    let today = DemoCalendar.lastDay
    let yearStart: Int, yearEnd: Int, midYear: Int

    // Programmes.
    let programmes: [DemoProgramme]
    let roles: [DemoCatalogue.Role]
    let jp: [Int]
    /// Per programme: PNS only; the position kinds admitted as bits (`bit`), 0 = any; raises M.5.
    let pnsOnly: [Bool], kindMask: [UInt8], raisesM5: [Bool]
    /// Competency indices each programme raises.
    let raises: [[Int]]
    /// Competency index → the `regular` and `general` programmes raising it.
    let byCode: [[Int]]
    let general: [Int], leadership: [Int], education: [Int]
    /// Regular/general programmes that raise M.5, klasikal first (the improving OPDs' wave).
    let publicService: [Int]
    /// Programmes scheduled with two batches in the first half (M.5 and the improving OPDs'
    /// technical competencies).
    let wave: [Bool]

    // Competencies.
    let codeIndex: [String: Int]
    let isNational: [Bool]
    let m5: Int

    // Employees (indices into `instansi.employees`).
    let active: [Int]
    let group: [Group]
    /// Position index per employee, -1 when the position is unknown.
    let positionOf: [Int]
    let positionKind: [PositionKind]
    /// Per position: (competency index, required level).
    let standards: [[(code: Int, level: Int)]]
    /// `count` levels per employee: the latest counted assessment result, 0 = never measured.
    let latest: [Int8]
    let count: Int
    /// Active employees with a gap, and holding the competency in their standard, per competency.
    let gapCount: [Int], holders: [Int]

    // Output being built.
    var batches: [Batch] = []
    /// Hot fields of `batches` as plain arrays (copying a `Batch` copies its strings).
    var batchEnd: [Int] = [], batchCapacity: [Int] = []
    /// Seats taken (enrolled or completed) per batch.
    var batchUsed: [Int] = []
    var batchesOf: [[Int]]
    var records: [Record] = []
    var learning: [DemoLearning] = []
    /// JP completed in `year` (catalogue and verified learning), and planned in `year`.
    var completedJP: [Int], plannedJP: [Int]

    init(instansi: DemoInstansi, catalogue: DemoCatalogue, year: Int) {
        self.instansi = instansi
        self.catalogue = catalogue
        self.year = year
        yearStart = DemoCalendar.day(SimpleDate(year: year, month: 1, day: 1)!)
        yearEnd = DemoCalendar.day(SimpleDate(year: year, month: 12, day: 31)!)
        midYear = DemoCalendar.day(SimpleDate(year: year, month: 6, day: 30)!)

        // Competencies: the national ones, every code a programme raises, every code of a standard.
        var codeIndex: [String: Int] = [:]
        var isNational: [Bool] = []
        func index(_ code: String) -> Int {
            if let i = codeIndex[code] { return i }
            codeIndex[code] = isNational.count
            isNational.append(DemoCatalogue.national.contains(code))
            return isNational.count - 1
        }
        for c in DemoCatalogue.national { _ = index(c) }
        let entries = catalogue.entries
        programmes = entries.map(\.programme)
        roles = entries.map(\.role)
        jp = programmes.map(\.jp)
        pnsOnly = entries.map { $0.audience != .all }
        kindMask = entries.map {
            if case .kinds(let kinds) = $0.audience { kinds.reduce(0) { $0 | Self.bit($1) } } else { 0 }
        }
        raises = programmes.map { $0.raises.map { index($0.competencyCode) } }
        let standards = instansi.positions.map {
            $0.standard.map { (code: index($0.competencyCode), level: $0.requiredLevel) }
        }
        let count = isNational.count
        self.standards = standards
        self.count = count
        self.codeIndex = codeIndex
        self.isNational = isNational
        self.m5 = codeIndex["M.5"]!

        var byCode = [[Int]](repeating: [], count: count)
        var general: [Int] = []
        var leadership: [Int] = []
        var education: [Int] = []
        for (p, role) in roles.enumerated() {
            switch role {
            case .regular, .general:
                for c in raises[p] { byCode[c].append(p) }
                if role == .general { general.append(p) }
            case .leadership: leadership.append(p)
            case .education: education.append(p)
            }
        }
        self.byCode = byCode
        self.general = general
        self.leadership = leadership
        self.education = education
        let m5 = codeIndex["M.5"]!
        let roles = self.roles
        let raises = self.raises
        raisesM5 = raises.map { $0.contains(m5) }
        publicService = byCode[m5].filter { roles[$0] == .regular } + byCode[m5].filter { roles[$0] == .general }

        // Employees: the OPD (top-level unit) decides the story group.
        var opd: [String: String] = [:]
        for u in instansi.units { opd[u.code] = u.parentCode.flatMap { opd[$0] } ?? u.code }
        let positionIndex = Dictionary(
            instansi.positions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        positionKind = instansi.positions.map(\.kind)
        let employees = instansi.employees
        var group = [Group](repeating: .normal, count: employees.count)
        var positionOf = [Int](repeating: -1, count: employees.count)
        var active: [Int] = []
        active.reserveCapacity(employees.count)
        var waveCodes = Set<Int>([m5])
        for (i, e) in employees.enumerated() {
            let top = opd[e.unitCode] ?? e.unitCode
            group[i] =
                DemoStory.improving.contains(top)
                ? .improving
                : DemoStory.persistentGaps[top] != nil ? .lagging : .normal
            positionOf[i] = positionIndex[e.positionCode] ?? -1
            if e.isActive { active.append(i) }
            if group[i] == .improving, positionOf[i] >= 0 {
                for s in standards[positionOf[i]] where !isNational[s.code] { waveCodes.insert(s.code) }
            }
        }
        self.group = group
        self.positionOf = positionOf
        self.active = active
        wave = roles.indices.map { p in roles[p] == .regular && raises[p].contains { waveCodes.contains($0) } }

        // The latest counted level per employee and competency (assessments are listed by
        // employee, then date; the date is compared anyway).
        let row = Dictionary(employees.enumerated().map { ($1.nip, $0) }, uniquingKeysWith: { a, _ in a })
        var latest = [Int8](repeating: 0, count: employees.count * count)
        var latestDay = [Int32](repeating: Int32.min, count: employees.count * count)
        for a in instansi.assessments where a.method.countsTowardProfile {
            guard let e = row[a.nip] else { continue }
            let day = Int32(DemoCalendar.day(a.date))
            for r in a.results {
                guard let c = codeIndex[r.competencyCode] else { continue }
                let k = e * count + c
                if day >= latestDay[k] {
                    latestDay[k] = day
                    latest[k] = Int8(r.level)
                }
            }
        }
        self.latest = latest
        var gapCount = [Int](repeating: 0, count: count)
        var holders = gapCount
        for e in active where positionOf[e] >= 0 {
            for s in standards[positionOf[e]] {
                let level = Int(latest[e * count + s.code])
                holders[s.code] += 1
                if level > 0, level < s.level { gapCount[s.code] += 1 }
            }
        }
        self.gapCount = gapCount
        self.holders = holders

        batchesOf = [[Int]](repeating: [], count: programmes.count)
        completedJP = [Int](repeating: 0, count: employees.count)
        plannedJP = [Int](repeating: 0, count: employees.count)
    }

    // MARK: - Output

    /// Enrolments grouped by batch; certificate numbers run per provider and year in the order
    /// the batches ended.
    func output() -> DemoDevelopment {
        var perBatch = [[Int]](repeating: [], count: batches.count)
        for (i, r) in records.enumerated() { perBatch[r.batch].append(i) }
        var certificate = [String?](repeating: nil, count: records.count)
        var sequence: [String: Int] = [:]
        let byEnd = batches.indices.sorted { (batches[$0].end, $0) < (batches[$1].end, $1) }
        for b in byEnd {
            let programme = programmes[batches[b].programme]
            let prefix = catalogue.certificatePrefix[programme.providerCode] ?? programme.providerCode
            let endYear = DemoCalendar.date(batches[b].end).year
            let key = prefix + "/" + String(endYear)
            for i in perBatch[b] where records[i].status == .completed {
                let n = sequence[key, default: 0] + 1
                sequence[key] = n
                let digits = String(n)
                certificate[i] =
                    key + "/" + (programme.path ?? "PDK") + "/"
                    + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            }
        }
        var enrolments: [DemoEnrolment] = []
        enrolments.reserveCapacity(records.count)
        var outBatches: [DemoBatch] = []
        outBatches.reserveCapacity(batches.count)
        for (b, batch) in batches.enumerated() {
            let programme = programmes[batch.programme]
            let start = DemoCalendar.date(batch.start)
            let end = DemoCalendar.date(batch.end)
            outBatches.append(
                DemoBatch(
                    programmeCode: programme.code, name: batch.name, startDate: start, endDate: end,
                    capacity: batch.capacity, place: batch.place, isOnline: batch.online))
            for i in perBatch[b] {
                let r = records[i]
                let done = r.status == .completed
                enrolments.append(
                    DemoEnrolment(
                        nip: instansi.employees[r.employee].nip, programmeCode: programme.code,
                        batchName: batch.name, status: r.status, attendancePercent: r.attendance,
                        certificateNumber: certificate[i], completedOn: done ? end : nil))
            }
        }
        return DemoDevelopment(
            providers: catalogue.providers, programmes: programmes, batches: outBatches,
            enrolments: enrolments, learning: learning)
    }
}
