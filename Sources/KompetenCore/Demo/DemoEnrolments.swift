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
        let status: DemoEnrolmentStatus
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
        var codeIndex: [String: Int] = [:], isNational: [Bool] = []
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
        let standards = instansi.positions.map { $0.standard.map { (code: index($0.competencyCode), level: $0.requiredLevel) } }
        let count = isNational.count
        self.standards = standards
        self.count = count
        self.codeIndex = codeIndex
        self.isNational = isNational
        self.m5 = codeIndex["M.5"]!

        var byCode = [[Int]](repeating: [], count: count)
        var general: [Int] = [], leadership: [Int] = [], education: [Int] = []
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
        let m5 = codeIndex["M.5"]!, roles = self.roles, raises = self.raises
        raisesM5 = raises.map { $0.contains(m5) }
        publicService = byCode[m5].filter { roles[$0] == .regular } + byCode[m5].filter { roles[$0] == .general }

        // Employees: the OPD (top-level unit) decides the story group.
        var opd: [String: String] = [:]
        for u in instansi.units { opd[u.code] = u.parentCode.flatMap { opd[$0] } ?? u.code }
        let positionIndex = Dictionary(instansi.positions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        positionKind = instansi.positions.map(\.kind)
        let employees = instansi.employees
        var group = [Group](repeating: .normal, count: employees.count)
        var positionOf = [Int](repeating: -1, count: employees.count)
        var active: [Int] = []
        active.reserveCapacity(employees.count)
        var waveCodes = Set<Int>([m5])
        for (i, e) in employees.enumerated() {
            let top = opd[e.unitCode] ?? e.unitCode
            group[i] = DemoStory.improving.contains(top) ? .improving
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
                if day >= latestDay[k] { latestDay[k] = day; latest[k] = Int8(r.level) }
            }
        }
        self.latest = latest
        var gapCount = [Int](repeating: 0, count: count), holders = gapCount
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

    // MARK: - Batches

    /// 1–3 batches per programme in `year` (more for a large instansi), sized to the gaps they
    /// address; wave programmes run twice in the first half; about a fifth also run early next
    /// year. Dates are working days, ~8 JP a day.
    mutating func makeBatches(rng: inout DemoRandom) {
        let scale = max(1, (active.count + 7_999) / 8_000)
        let inHouse = inHouseVenues()
        for (p, programme) in programmes.enumerated() {
            let role = roles[p]
            var n: Int
            switch role {
            case .leadership, .education: n = 1
            // E-learning opens twice a year; seminars and sosialisasi run once or twice.
            case .general: n = (programme.path == "NKL03" || rng.chance(0.5) ? 2 : 1) * scale
            case .regular:
                // Seats wanted: those with a gap and a share of the other holders, spread over the
                // programmes for the competency.
                var demand = 0.0
                for c in raises[p] {
                    demand += (Double(gapCount[c]) + 0.2 * Double(holders[c] - gapCount[c])) / Double(max(1, byCode[c].count))
                }
                n = Int((demand * 0.7 / Double(programme.capacity)).rounded(.up))
                n = min(3 * scale, max(1, n))
                if wave[p] { n = max(2, n) }
            }
            var days: [(Int, Int)] = []
            if role == .education {
                let start = nextWorkday(DemoCalendar.day(SimpleDate(year: year, month: 8, day: 3)!))
                let end = DemoCalendar.workday(DemoCalendar.day(SimpleDate(year: year + 2, month: 7, day: 31)!))
                days.append((start, end))
            } else {
                for i in 0..<n {
                    let window: (Int, Int)
                    if role == .leadership {
                        window = (monthDay(3, 1), monthDay(8, 31))
                    } else if wave[p], i < 2 {
                        window = i == 0 ? (monthDay(2, 2), monthDay(3, 20)) : (monthDay(4, 1), monthDay(5, 22))
                    } else {
                        let first = wave[p] ? 2 : 0, slots = n - first, k = i - first
                        let from = wave[p] ? monthDay(7, 13) : monthDay(2, 2), to = monthDay(11, 27)
                        let width = (to - from) / slots
                        window = (from + k * width, from + (k + 1) * width - 1)
                    }
                    var (start, end) = span(programme, from: rng.int(in: window.0...window.1))
                    // Over before the year-end holidays.
                    let latest = monthDay(12, 18)
                    if end > latest { (start, end) = span(programme, from: start - (end - latest) - 3) }
                    days.append((start, end))
                }
                if role != .leadership, rng.chance(0.2) {
                    let next = DemoCalendar.day(SimpleDate(year: year + 1, month: 2, day: 2)!)
                    days.append(span(programme, from: next + rng.int(in: 0...45)))
                }
            }
            days.sort { $0.0 < $1.0 }
            var numberInYear: [Int: Int] = [:]
            for (start, end) in days {
                let startYear = DemoCalendar.date(start).year
                numberInYear[startYear, default: 0] += 1
                let (place, online) = venue(p, inHouse: inHouse, rng: &rng)
                batchesOf[p].append(batches.count)
                batchEnd.append(end)
                batchCapacity.append(programme.capacity)
                batchUsed.append(0)
                batches.append(Batch(programme: p, name: "Angkatan \(Self.roman(numberInYear[startYear]!)) \(startYear)",
                                     start: start, end: end, capacity: programme.capacity, place: place, online: online))
            }
        }
    }

    private func monthDay(_ month: Int, _ day: Int) -> Int {
        DemoCalendar.day(SimpleDate(year: year, month: month, day: day)!)
    }

    /// The first working day on or after `day`.
    private func nextWorkday(_ day: Int) -> Int {
        let w = DemoCalendar.weekday(day)
        return w >= 5 ? day + (7 - w) : day
    }

    /// Start and end for a batch starting around `day`: ~8 JP a working day in class; an
    /// e-learning course is open two weeks, coaching and mentoring run over six weeks. Trainings of
    /// a week or longer start on a Monday.
    private func span(_ programme: DemoProgramme, from day: Int) -> (Int, Int) {
        let workdays: Int
        switch programme.path {
        case "NKL03": workdays = 10
        case "NKL01", "NKL02": workdays = 30
        default: workdays = max(1, (programme.jp + 7) / 8)
        }
        var start = nextWorkday(day)
        if workdays >= 5 { start -= DemoCalendar.weekday(start) }
        var end = start, counted = 1
        while counted < workdays {
            end += 1
            if DemoCalendar.weekday(end) < 5 { counted += 1 }
        }
        return (start, end)
    }

    /// Halls of the instansi itself, for in-house batches.
    private func inHouseVenues() -> [String] {
        if instansi.code == "kota-kupang" {
            return ["Aula BKPPD Kota Kupang", "Aula Garuda Kantor Wali Kota Kupang", "Aula Lantai III Kantor Wali Kota Kupang"]
        }
        let area = instansi.name.hasPrefix("Pemerintah ") ? String(instansi.name.dropFirst("Pemerintah ".count)) : instansi.name
        if area == "Provinsi Nusa Tenggara Timur" { return ["Aula El Tari Kantor Gubernur NTT", "Aula BKD Provinsi NTT"] }
        for (prefix, head) in [("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "), ("Provinsi ", "Gubernur ")] where area.hasPrefix(prefix) {
            return ["Aula Kantor " + head + area.dropFirst(prefix.count), "Aula BKPSDM " + area]
        }
        return ["Aula Kantor " + area]
    }

    private func venue(_ p: Int, inHouse: [String], rng: inout DemoRandom) -> (String, Bool) {
        let entry = catalogue.entries[p]
        switch entry.online {
        case .always(let place): return (place, true)
        case .sometimes(let share): if rng.chance(share) { return ("Daring (Zoom)", true) }
        }
        if let fixed = entry.venue { return (fixed, false) }
        let own = catalogue.venues[programmes[p].providerCode] ?? []
        let kind = catalogue.providers.first { $0.code == programmes[p].providerCode }?.kind ?? ""
        // Universities and LPK teach at their campus; the government providers often come to
        // the instansi (in-house, in cooperation with the BKD) or rent a hotel hall.
        let ownShare = kind == "universitas" || kind == "swasta" ? 0.8 : 0.5
        if !own.isEmpty, rng.chance(ownShare) { return (rng.pick(own), false) }
        return (rng.pick(inHouse), false)
    }

    static func roman(_ n: Int) -> String {
        let table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, symbol) in table { while n >= value { out += symbol; n -= value } }
        return out
    }

    // MARK: - Learning outside the catalogue

    struct LearningItem { let title: String, organiser: String, path: String; let jp: ClosedRange<Int> }

    static let learningItems: [LearningItem] = [
        LearningItem(title: "E-Learning Pencegahan Korupsi bagi ASN", organiser: "Anti-Corruption Learning Center (ACLC) KPK",
                     path: "NKL03", jp: 4...8),
        LearningItem(title: "Kursus Daring Literasi Digital Sektor Pemerintahan",
                     organiser: "Digital Talent Scholarship – Kementerian Komunikasi dan Digital", path: "NKL03", jp: 6...8),
        LearningItem(title: "E-Learning Dasar Pengadaan Barang/Jasa Pemerintah", organiser: "LKPP – LMS Pengadaan",
                     path: "NKL03", jp: 4...8),
        LearningItem(title: "E-Learning Pengelolaan Keuangan Negara untuk Pemerintah Daerah", organiser: "Kemenkeu Learning Center",
                     path: "NKL03", jp: 4...6),
        LearningItem(title: "Kelas Daring Penulisan Policy Brief", organiser: "ASN Unggul – LAN RI", path: "NKL03", jp: 4...6),
        LearningItem(title: "Kursus Daring Keselamatan dan Kesehatan Kerja di Kantor", organiser: "Kementerian Ketenagakerjaan",
                     path: "NKL03", jp: 4...6),
        LearningItem(title: "Webinar Implementasi Manajemen Talenta ASN", organiser: "Badan Kepegawaian Negara",
                     path: "NKL13", jp: 2...3),
        LearningItem(title: "Webinar Kebijakan Jabatan Fungsional Pascapenyetaraan", organiser: "Kementerian PANRB",
                     path: "NKL13", jp: 2...3),
        LearningItem(title: "Webinar Pencegahan Maladministrasi dalam Pelayanan Publik", organiser: "Ombudsman RI Perwakilan NTT",
                     path: "NKL13", jp: 2...3),
        LearningItem(title: "Webinar Pengelolaan Arsip Elektronik dengan SRIKANDI", organiser: "Arsip Nasional Republik Indonesia",
                     path: "NKL13", jp: 2...4),
        LearningItem(title: "Webinar Kesiapsiagaan Bencana Berbasis Masyarakat", organiser: "Badan Nasional Penanggulangan Bencana",
                     path: "NKL13", jp: 2...3),
        LearningItem(title: "Webinar Percepatan Penurunan Stunting di Daerah", organiser: "BKKBN Perwakilan Provinsi NTT",
                     path: "NKL13", jp: 2...3),
        LearningItem(title: "Webinar Keamanan Siber bagi Pengelola Layanan Digital", organiser: "Badan Siber dan Sandi Negara",
                     path: "NKL13", jp: 2...4),
        LearningItem(title: "Sesi Berbagi Praktik Baik Pengelola Kepegawaian se-NTT", organiser: "Komunitas Belajar Pengelola SDM Aparatur NTT",
                     path: "NKL10", jp: 2...4),
        LearningItem(title: "Belajar Mandiri Analisis Data dengan Spreadsheet", organiser: "Kelas Daring Terbuka Universitas Terbuka",
                     path: "NKL09", jp: 6...8),
    ]

    /// About 5 % of the active employees report 1–3 activities (2–8 JP each) done in the year up
    /// to "today"; recent ones are often not verified yet. Verified JP count toward the year.
    mutating func makeLearning(rng: inout DemoRandom) {
        let items = Self.learningItems
        let first = monthDay(1, 12), last = min(today, yearEnd) - 2
        guard last > first else { return }
        for e in active where rng.chance(0.05) {
            let n = rng.weighted([0.65, 0.27, 0.08]) + 1
            var own: [DemoLearning] = [], used: [Int] = []
            for _ in 0..<n {
                var k = rng.below(items.count)
                while used.contains(k) { k = (k + 1) % items.count }
                used.append(k)
                let item = items[k]
                let jp = rng.int(in: item.jp)
                let start = nextWorkday(rng.int(in: first...last))
                let end = jp > 4 && DemoCalendar.weekday(start) < 4 ? start + 1 : start
                let verified = rng.chance(end > today - 45 ? 0.45 : 0.93)
                own.append(DemoLearning(nip: instansi.employees[e].nip, title: item.title, path: item.path,
                                        organiser: item.organiser, startDate: DemoCalendar.date(start),
                                        endDate: DemoCalendar.date(end), jp: jp, verified: verified))
                if verified, end <= yearEnd { completedJP[e] += jp }
            }
            own.sort { $0.startDate < $1.startDate }
            learning += own
        }
    }

    // MARK: - Enrolments

    /// The improving OPDs first (their wave fills the first-half batches), then everyone else in
    /// a random order, so that the full batches fall on random people.
    mutating func allocate(rng: inout DemoRandom) {
        var rest = active.filter { group[$0] != .improving }
        rng.shuffle(&rest)
        let order = active.filter { group[$0] == .improving } + rest
        records.reserveCapacity(order.count * 2)
        var taken = [Int](repeating: -1, count: programmes.count), mark = taken
        for e in order { plan(e, taken: &taken, mark: &mark, rng: &rng) }
    }

    /// `taken[p] == e`: employee `e` already has an enrolment (of any status) in programme `p`.
    private mutating func plan(_ e: Int, taken: inout [Int], mark: inout [Int], rng: inout DemoRandom) {
        let employee = instansi.employees[e]
        let pns = employee.employmentType == .pns
        let g = group[e]
        let r = rng.unit()
        var target: Int, limit: Int
        if pns {
            let (meet, low) = switch g {
            case .improving: (0.96, 0.03)
            case .lagging: (0.22, 0.25)
            case .normal: (0.77, 0.03)
            }
            if r < meet {
                target = JPRule.minimumPNS + (rng.chance(0.4) ? rng.int(in: 4...30) : 0)
                limit = Int.max
            } else if r < meet + low {
                target = rng.int(in: 4...16)
                limit = JPRule.minimumPNS - 1
            } else {
                return
            }
        } else {
            guard r < (g == .improving ? 0.85 : g == .lagging ? 0.1 : 0.16) else { return }
            target = rng.int(in: 8...JPRule.maximumPPPK)
            limit = JPRule.maximumPPPK
        }
        let kind: PositionKind? = positionOf[e] >= 0 ? positionKind[positionOf[e]] : nil
        let kindBit = Self.bit(kind)
        // The lagging OPDs' gap is not addressed: their staff are (nearly) never sent to M.5.
        let avoidPublicService = g == .lagging && rng.chance(0.9)
        let candidates = self.candidates(e, kindBit: kindBit, pns: pns, avoidPublicService: avoidPublicService,
                                         mark: &mark, rng: &rng)
        var waitlisted = false

        func fits(_ p: Int, _ planned: Bool) -> Bool {
            let jp = self.jp[p]
            return planned ? (pns || plannedJP[e] + completedJP[e] + jp <= limit) : completedJP[e] + jp <= limit
        }

        // Leadership training for a few structural officials (never for those meant to stay below 20 JP).
        if pns, kind != nil, limit == Int.max, rng.chance(0.12) {
            for p in leadership where taken[p] != e && eligible(p, kindBit: kindBit, pns: pns) {
                if !enrol(e, p, completed: true, firstHalf: false, taken: &taken, rng: &rng) {
                    _ = enrol(e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng)
                }
                break
            }
        }

        // The improving OPDs' wave: public service and their technical competency, first half.
        if g == .improving {
            for p in publicService where taken[p] != e && eligible(p, kindBit: kindBit, pns: pns) && fits(p, false) {
                if enrol(e, p, completed: true, firstHalf: true, taken: &taken, rng: &rng) { break }
            }
            if let pos = positionOf[e] >= 0 ? positionOf[e] : nil {
                outer: for s in standards[pos] where !isNational[s.code] {
                    let list = byCode[s.code]
                    guard !list.isEmpty else { continue }
                    let off = rng.below(list.count)
                    for k in 0..<list.count {
                        let p = list[(off + k) % list.count]
                        guard taken[p] != e, roles[p] == .regular, eligible(p, kindBit: kindBit, pns: pns), fits(p, false)
                        else { continue }
                        if enrol(e, p, completed: true, firstHalf: true, taken: &taken, rng: &rng) { break outer }
                    }
                }
            }
        }

        // Completed training, following the gaps, up to the target (and at most six).
        var completedCount = 0
        for p in candidates where completedJP[e] < target && completedCount < 6 {
            guard taken[p] != e, fits(p, false) else { continue }
            if enrol(e, p, completed: true, firstHalf: false, taken: &taken, rng: &rng) { completedCount += 1 }
        }

        // Something planned for November/December or next year; more likely when short of 20 JP.
        let short = pns && completedJP[e] < JPRule.minimumPNS
        if !candidates.isEmpty, rng.chance(short ? 0.6 : 0.25) {
            let off = rng.below(candidates.count)
            for k in 0..<candidates.count {
                let p = candidates[(off + k) % candidates.count]
                guard taken[p] != e, fits(p, true) else { continue }
                if enrol(e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng,
                         waitlist: !waitlisted && rng.chance(0.07), waitlisted: &waitlisted) { break }
            }
        }

        // Tugas belajar for a very few younger PNS, starting in August.
        if pns, employee.birthDate.year >= year - 42, !education.isEmpty, rng.chance(0.006) {
            let p = education[rng.below(education.count)]
            if taken[p] != e { _ = enrol(e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng) }
        }

        // A handful of cancellations (no seat held).
        if rng.chance(0.012), !candidates.isEmpty {
            let p = candidates[rng.below(candidates.count)]
            let list = batchesOf[p]
            if taken[p] != e, !list.isEmpty {
                taken[p] = e
                records.append(Record(employee: e, batch: list[rng.below(list.count)], status: .cancelled, attendance: nil))
            }
        }
    }

    /// PositionKind as a bit, 0 when unknown.
    static func bit(_ kind: PositionKind?) -> UInt8 {
        guard let kind, let i = PositionKind.allCases.firstIndex(of: kind) else { return 0 }
        return 1 << UInt8(i)
    }

    // `eligible`, `add` and `candidates` only read `self`; they are `mutating` because a debug
    // build copies the whole planner (all its arrays) when a non-mutating method is called from a
    // mutating one, which made the city take seconds instead of a fraction of one.
    private mutating func eligible(_ p: Int, kindBit: UInt8, pns: Bool) -> Bool {
        (pns || !pnsOnly[p]) && (kindMask[p] == 0 || kindMask[p] & kindBit != 0)
    }

    /// Programmes for `e`, most wanted first: those raising the competencies with the largest
    /// gaps (standard above the latest counted level), then the rest of the standard (technical
    /// first), then the general offer. Each list is entered at a random point. `mark[p] == e`
    /// while building: `p` is in the list already.
    private mutating func candidates(_ e: Int, kindBit: UInt8, pns: Bool, avoidPublicService: Bool, mark: inout [Int],
                            rng: inout DemoRandom) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(48)
        var codes: [(code: Int, priority: Double)] = []
        if positionOf[e] >= 0 {
            let standard = standards[positionOf[e]]
            codes.reserveCapacity(standard.count)
            for s in standard {
                let level = Int(latest[e * count + s.code])
                let gap = level > 0 ? s.level - level : 0
                // Gaps first (bigger first), then technical, then the rest; random within.
                let priority = gap > 0 ? Double(10 * gap) : isNational[s.code] ? 0 : 2
                codes.append((s.code, priority + rng.unit() * 3))
            }
        }
        // Insertion sort: at most a dozen entries (and no generic sort in debug builds).
        for i in codes.indices.dropFirst() {
            var j = i
            let item = codes[i]
            while j > 0, codes[j - 1].priority < item.priority { codes[j] = codes[j - 1]; j -= 1 }
            codes[j] = item
        }
        for c in codes { add(byCode[c.code], e, kindBit, pns, avoidPublicService, &out, &mark, &rng) }
        add(general, e, kindBit, pns, avoidPublicService, &out, &mark, &rng)
        return out
    }

    private mutating func add(_ list: [Int], _ e: Int, _ kindBit: UInt8, _ pns: Bool, _ avoidPublicService: Bool,
                     _ out: inout [Int], _ mark: inout [Int], _ rng: inout DemoRandom) {
        guard !list.isEmpty else { return }
        let off = rng.below(list.count)
        for k in 0..<list.count {
            let p = list[(off + k) % list.count]
            if mark[p] != e, eligible(p, kindBit: kindBit, pns: pns), !(avoidPublicService && raisesM5[p]) {
                mark[p] = e
                out.append(p)
            }
        }
    }

    /// Places `e` in a batch of `p` that is over (`completed`) or still to come, preferring the
    /// first half of the year when `firstHalf`. When every coming batch is full, `waitlist` puts
    /// `e` on the waiting list of one of them instead.
    private mutating func enrol(_ e: Int, _ p: Int, completed: Bool, firstHalf: Bool, taken: inout [Int],
                                rng: inout DemoRandom) -> Bool {
        var none = true
        return enrol(e, p, completed: completed, firstHalf: firstHalf, taken: &taken, rng: &rng,
                     waitlist: false, waitlisted: &none)
    }

    private mutating func enrol(_ e: Int, _ p: Int, completed: Bool, firstHalf: Bool, taken: inout [Int],
                                rng: inout DemoRandom, waitlist: Bool, waitlisted: inout Bool) -> Bool {
        let list = batchesOf[p]
        guard !list.isEmpty else { return false }
        let off = rng.below(list.count)
        var chosen = -1, full = -1
        for pass in 0..<(firstHalf ? 2 : 1) where chosen < 0 {
            for k in 0..<list.count {
                let b = list[(off + k) % list.count]
                let end = batchEnd[b]
                guard (end <= today) == completed else { continue }
                if firstHalf, pass == 0, end > midYear { continue }
                if batchUsed[b] >= batchCapacity[b] { full = b; continue }
                chosen = b
                break
            }
        }
        guard chosen >= 0 else {
            if waitlist, !completed, full >= 0 {
                taken[p] = e
                waitlisted = true
                records.append(Record(employee: e, batch: full, status: .waitlisted, attendance: nil))
            }
            return false
        }
        batchUsed[chosen] += 1
        taken[p] = e
        if completed {
            // Attendance is high for most; 80 % is the minimum for a certificate.
            let attendance = 100 - min(rng.below(21), rng.below(21))
            records.append(Record(employee: e, batch: chosen, status: .completed, attendance: attendance))
            if batchEnd[chosen] >= yearStart, batchEnd[chosen] <= yearEnd { completedJP[e] += jp[p] }
        } else {
            records.append(Record(employee: e, batch: chosen, status: .enrolled, attendance: nil))
            if batchEnd[chosen] <= yearEnd { plannedJP[e] += jp[p] }
        }
        return true
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
                certificate[i] = key + "/" + (programme.path ?? "PDK") + "/"
                    + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            }
        }
        var enrolments: [DemoEnrolment] = []
        enrolments.reserveCapacity(records.count)
        var outBatches: [DemoBatch] = []
        outBatches.reserveCapacity(batches.count)
        for (b, batch) in batches.enumerated() {
            let programme = programmes[batch.programme]
            let start = DemoCalendar.date(batch.start), end = DemoCalendar.date(batch.end)
            outBatches.append(DemoBatch(programmeCode: programme.code, name: batch.name, startDate: start, endDate: end,
                                        capacity: batch.capacity, place: batch.place, isOnline: batch.online))
            for i in perBatch[b] {
                let r = records[i]
                let done = r.status == .completed
                enrolments.append(DemoEnrolment(nip: instansi.employees[r.employee].nip, programmeCode: programme.code,
                                                batchName: batch.name, status: r.status, attendancePercent: r.attendance,
                                                certificateNumber: certificate[i], completedOn: done ? end : nil))
            }
        }
        return DemoDevelopment(providers: catalogue.providers, programmes: programmes, batches: outBatches,
                               enrolments: enrolments, learning: learning)
    }
}
