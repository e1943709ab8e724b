import KompetenCore

/// Scheduling: batches per programme and the year's learning outside the catalogue.
extension DemoEnrolmentPlanner {
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
                    demand +=
                        (Double(gapCount[c]) + 0.2 * Double(holders[c] - gapCount[c])) / Double(max(1, byCode[c].count))
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
                        let first = wave[p] ? 2 : 0
                        let slots = n - first
                        let k = i - first
                        let from = wave[p] ? monthDay(7, 13) : monthDay(2, 2)
                        let to = monthDay(11, 27)
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
                batches.append(
                    Batch(
                        programme: p, name: "Angkatan \(Self.roman(numberInYear[startYear]!)) \(startYear)",
                        start: start, end: end, capacity: programme.capacity, place: place, online: online))
            }
        }
    }

    func monthDay(_ month: Int, _ day: Int) -> Int {
        DemoCalendar.day(SimpleDate(year: year, month: month, day: day)!)
    }

    /// The first working day on or after `day`.
    func nextWorkday(_ day: Int) -> Int {
        let w = DemoCalendar.weekday(day)
        return w >= 5 ? day + (7 - w) : day
    }

    /// Start and end for a batch starting around `day`: ~8 JP a working day in class; an
    /// e-learning course is open two weeks, coaching and mentoring run over six weeks. Trainings of
    /// a week or longer start on a Monday.
    func span(_ programme: DemoProgramme, from day: Int) -> (Int, Int) {
        let workdays: Int
        switch programme.path {
        case "NKL03": workdays = 10
        case "NKL01", "NKL02": workdays = 30
        default: workdays = max(1, (programme.jp + 7) / 8)
        }
        var start = nextWorkday(day)
        if workdays >= 5 { start -= DemoCalendar.weekday(start) }
        var end = start
        var counted = 1
        while counted < workdays {
            end += 1
            if DemoCalendar.weekday(end) < 5 { counted += 1 }
        }
        return (start, end)
    }

    /// Halls of the instansi itself, for in-house batches.
    func inHouseVenues() -> [String] {
        if instansi.code == "kota-kupang" {
            return [
                "Aula BKPPD Kota Kupang", "Aula Garuda Kantor Wali Kota Kupang",
                "Aula Lantai III Kantor Wali Kota Kupang",
            ]
        }
        let area =
            instansi.name.hasPrefix("Pemerintah ")
            ? String(instansi.name.dropFirst("Pemerintah ".count)) : instansi.name
        if area == "Provinsi Nusa Tenggara Timur" {
            return ["Aula El Tari Kantor Gubernur NTT", "Aula BKD Provinsi NTT"]
        }
        for (prefix, head) in [("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "), ("Provinsi ", "Gubernur ")]
        where area.hasPrefix(prefix) {
            return ["Aula Kantor " + head + area.dropFirst(prefix.count), "Aula BKPSDM " + area]
        }
        return ["Aula Kantor " + area]
    }

    func venue(_ p: Int, inHouse: [String], rng: inout DemoRandom) -> (String, Bool) {
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
        var n = n
        var out = ""
        for (value, symbol) in table {
            while n >= value {
                out += symbol
                n -= value
            }
        }
        return out
    }

    // MARK: - Learning outside the catalogue

    struct LearningItem {
        let title: String, organiser: String, path: String
        let jp: ClosedRange<Int>
    }

    static let learningItems: [LearningItem] = [
        LearningItem(
            title: "E-Learning Pencegahan Korupsi bagi ASN", organiser: "Anti-Corruption Learning Center (ACLC) KPK",
            path: "NKL03", jp: 4...8),
        LearningItem(
            title: "Kursus Daring Literasi Digital Sektor Pemerintahan",
            organiser: "Digital Talent Scholarship – Kementerian Komunikasi dan Digital", path: "NKL03", jp: 6...8),
        LearningItem(
            title: "E-Learning Dasar Pengadaan Barang/Jasa Pemerintah", organiser: "LKPP – LMS Pengadaan",
            path: "NKL03", jp: 4...8),
        LearningItem(
            title: "E-Learning Pengelolaan Keuangan Negara untuk Pemerintah Daerah",
            organiser: "Kemenkeu Learning Center",
            path: "NKL03", jp: 4...6),
        LearningItem(
            title: "Kelas Daring Penulisan Policy Brief", organiser: "ASN Unggul – LAN RI", path: "NKL03", jp: 4...6),
        LearningItem(
            title: "Kursus Daring Keselamatan dan Kesehatan Kerja di Kantor", organiser: "Kementerian Ketenagakerjaan",
            path: "NKL03", jp: 4...6),
        LearningItem(
            title: "Webinar Implementasi Manajemen Talenta ASN", organiser: "Badan Kepegawaian Negara",
            path: "NKL13", jp: 2...3),
        LearningItem(
            title: "Webinar Kebijakan Jabatan Fungsional Pascapenyetaraan", organiser: "Kementerian PANRB",
            path: "NKL13", jp: 2...3),
        LearningItem(
            title: "Webinar Pencegahan Maladministrasi dalam Pelayanan Publik",
            organiser: "Ombudsman RI Perwakilan NTT",
            path: "NKL13", jp: 2...3),
        LearningItem(
            title: "Webinar Pengelolaan Arsip Elektronik dengan SRIKANDI",
            organiser: "Arsip Nasional Republik Indonesia",
            path: "NKL13", jp: 2...4),
        LearningItem(
            title: "Webinar Kesiapsiagaan Bencana Berbasis Masyarakat",
            organiser: "Badan Nasional Penanggulangan Bencana",
            path: "NKL13", jp: 2...3),
        LearningItem(
            title: "Webinar Percepatan Penurunan Stunting di Daerah", organiser: "BKKBN Perwakilan Provinsi NTT",
            path: "NKL13", jp: 2...3),
        LearningItem(
            title: "Webinar Keamanan Siber bagi Pengelola Layanan Digital", organiser: "Badan Siber dan Sandi Negara",
            path: "NKL13", jp: 2...4),
        LearningItem(
            title: "Sesi Berbagi Praktik Baik Pengelola Kepegawaian se-NTT",
            organiser: "Komunitas Belajar Pengelola SDM Aparatur NTT",
            path: "NKL10", jp: 2...4),
        LearningItem(
            title: "Belajar Mandiri Analisis Data dengan Spreadsheet",
            organiser: "Kelas Daring Terbuka Universitas Terbuka",
            path: "NKL09", jp: 6...8),
    ]

    /// About 5 % of the active employees report 1–3 activities (2–8 JP each) done in the year up
    /// to "today"; recent ones are often not verified yet. Verified JP count toward the year.
    mutating func makeLearning(rng: inout DemoRandom) {
        let items = Self.learningItems
        let first = monthDay(1, 12)
        let last = min(today, yearEnd) - 2
        guard last > first else { return }
        for e in active where rng.chance(0.05) {
            let n = rng.weighted([0.65, 0.27, 0.08]) + 1
            var own: [DemoLearning] = []
            var used: [Int] = []
            for _ in 0..<n {
                var k = rng.below(items.count)
                while used.contains(k) { k = (k + 1) % items.count }
                used.append(k)
                let item = items[k]
                let jp = rng.int(in: item.jp)
                let start = nextWorkday(rng.int(in: first...last))
                let end = jp > 4 && DemoCalendar.weekday(start) < 4 ? start + 1 : start
                let verified = rng.chance(end > today - 45 ? 0.45 : 0.93)
                own.append(
                    DemoLearning(
                        nip: instansi.employees[e].nip, title: item.title, path: item.path,
                        organiser: item.organiser, startDate: DemoCalendar.date(start),
                        endDate: DemoCalendar.date(end), jp: jp, verified: verified))
                if verified, end <= yearEnd { completedJP[e] += jp }
            }
            own.sort { $0.startDate < $1.startDate }
            learning += own
        }
    }
}
