/// The Kirkpatrick forms of the completed enrolments: L1 reaction (participant), L2 learning
/// (provider, klasikal programmes only) and L3 behaviour (supervisor and participant, 3–6 months on).
extension DemoEvaluateContext {
    static let reactionKeys = ["material", "facilitator", "organisation", "usefulness"]

    func evaluations(rng: inout DemoRandom) -> [DemoEvaluationRecord] {
        var out: [DemoEvaluationRecord] = []
        out.reserveCapacity(completed.count * 3)
        for c in completed {
            let en = development.enrolments[c.enrolment]
            let programme = development.programmes[c.programme]
            let q = quality[c.programme]
            func record(_ level: Int, _ respondent: String, _ scores: [String: Double], _ comment: String, _ day: Int) {
                out.append(
                    DemoEvaluationRecord(
                        nip: en.nip, programmeCode: programme.code, batchName: en.batchName,
                        level: level, respondent: respondent, scores: scores, comment: comment,
                        filledOn: DemoCalendar.date(day)))
            }

            // L1: most participants fill the reaction form within two weeks, many on the last day.
            if rng.chance(0.85) {
                let day = min(today, c.day + min(rng.int(in: 0...14), rng.int(in: 0...14)))
                let mood = rng.noise(0.25)
                var scores: [String: Double] = [:]
                for key in Self.reactionKeys {
                    scores[key] = DemoRandom.whole(2.2 + 1.6 * q + mood + rng.noise(0.4), in: 1...4)
                }
                let mean = scores.values.reduce(0, +) / 4
                let comment =
                    rng.chance(0.3)
                    ? Self.comment(
                        mean >= 3.25
                            ? Self.reactionGood
                            : mean < 2.5
                                ? Self.reactionPoor
                                : Self.reactionMixed, rng: &rng) : ""
                record(1, "participant", scores, comment, day)
            }

            // L2: the provider's pre- and post-test, entered on the last day.
            if isKlasikal[c.programme], rng.chance(0.9) {
                let pre = DemoRandom.whole(50 + rng.noise(7.5), in: 0...100)
                let gain = min(0.95, max(0, 0.15 + 0.6 * q + rng.noise(0.12)))
                let post = DemoRandom.whole(pre + gain * (100 - pre), in: 0...100)
                let comment =
                    rng.chance(0.15) ? Self.comment(gain >= 0.5 ? Self.learningGood : Self.learningPoor, rng: &rng) : ""
                record(2, "provider", ["pre": pre, "post": post, "max": 100], comment, c.day)
            }

            // L3: the window opens three months after completion and closes after six.
            let date = DemoCalendar.date(c.day)
            let opens = DemoCalendar.day(date.adding(months: 3))
            let closes = DemoCalendar.day(date.adding(months: 6))
            guard opens <= today else { continue }
            let codes = programme.raises.map(\.competencyCode)
            // The lagging OPDs' supervisors seldom fill the form, and see little change.
            let lagging = group[c.employee] == .lagging
            for (respondent, share, bias) in [
                ("supervisor", lagging ? 0.25 : 0.75, lagging ? -0.3 : 0.0),
                ("participant", 0.75, 0.3),
            ] where rng.chance(share) {
                let day = rng.int(in: opens...max(opens, min(closes, today)))
                let offset = rng.noise(0.35)
                var scores: [String: Double] = [:]
                for code in codes {
                    scores[code] = DemoRandom.whole(-0.2 + 1.9 * q + bias + offset + rng.noise(0.55), in: -2...2)
                }
                let mean = scores.values.reduce(0, +) / Double(max(1, scores.count))
                let pools =
                    respondent == "supervisor"
                    ? (Self.supervisorGood, Self.supervisorFlat, Self.supervisorPoor)
                    : (Self.participantGood, Self.participantFlat, Self.participantPoor)
                let comment =
                    rng.chance(respondent == "supervisor" ? 0.4 : 0.25)
                    ? Self.comment(mean >= 1 ? pools.0 : mean > -0.5 ? pools.1 : pools.2, rng: &rng) : ""
                record(3, respondent, scores, comment, day)
            }
        }
        return out
    }

    static func comment(_ pool: [String], rng: inout DemoRandom) -> String { rng.pick(pool) }

    // MARK: - Comments

    static let reactionGood = [
        "Materi sangat relevan dengan tugas sehari-hari.",
        "Widyaiswara menguasai materi dan komunikatif.",
        "Penyelenggaraan tertib dan tepat waktu.",
        "Sangat bermanfaat, mohon diadakan pelatihan lanjutan.",
        "Studi kasusnya sesuai dengan kondisi di kantor.",
        "Diskusi kelompok hidup, banyak praktik langsung.",
    ]
    static let reactionMixed = [
        "Cukup baik.",
        "Waktu pelatihan terlalu singkat untuk materi sebanyak ini.",
        "Perlu lebih banyak praktik.",
        "Modul sebaiknya dibagikan sebelum pelatihan dimulai.",
        "Materi baik, tetapi contohnya kurang sesuai dengan pemerintah daerah.",
    ]
    static let reactionPoor = [
        "Materi kurang sesuai dengan pekerjaan saya.",
        "Fasilitator kurang menguasai materi.",
        "Ruangan panas dan jadwal sering molor.",
        "Banyak materi diulang, kurang bermanfaat.",
        "Penyampaian monoton, lebih banyak membaca slide.",
    ]
    static let learningGood = [
        "Peserta aktif dalam diskusi dan praktik.",
        "Nilai post-test memenuhi standar kelulusan.",
        "Peningkatan pemahaman peserta cukup baik.",
    ]
    static let learningPoor = [
        "Sebagian peserta belum menguasai materi dasar.",
        "Peserta perlu pendampingan lanjutan.",
        "Kehadiran peserta pada sesi praktik kurang.",
    ]
    static let supervisorGood = [
        "Sudah menerapkan hasil pelatihan dalam pekerjaan.",
        "Lebih percaya diri dan inisiatifnya meningkat.",
        "Laporan kerja lebih rapi dan tepat waktu.",
        "Pelayanan kepada masyarakat lebih baik.",
        "Mulai berbagi ilmu dengan rekan satu bidang.",
    ]
    static let supervisorFlat = [
        "Belum terlihat perubahan berarti.",
        "Perlu waktu lebih lama untuk menilai perubahan.",
        "Ada perbaikan kecil, perlu pendampingan.",
    ]
    static let supervisorPoor = [
        "Belum menerapkan materi pelatihan.",
        "Kinerja menurun karena beban kerja bertambah.",
        "Materi pelatihan tidak sesuai dengan tugas di bidang ini.",
    ]
    static let participantGood = [
        "Materi pelatihan saya gunakan hampir setiap hari.",
        "Saya lebih percaya diri dalam bekerja.",
        "Ilmu dari pelatihan sudah saya bagikan ke rekan kerja.",
        "Pekerjaan lebih cepat selesai.",
    ]
    static let participantFlat = [
        "Belum banyak kesempatan menerapkan materi.",
        "Sebagian materi bisa diterapkan, sebagian belum.",
    ]
    static let participantPoor = [
        "Materi sulit diterapkan karena keterbatasan sarana.",
        "Tugas saya berubah sehingga materi kurang terpakai.",
    ]
}
