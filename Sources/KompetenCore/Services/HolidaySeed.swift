/// The libur nasional and cuti bersama of 2024–2027, as the seed of every instansi's holiday
/// calendar (BKPPD edits its own copy afterwards).
///
/// Sources: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB on libur nasional and
/// cuti bersama — 2024: No. 855/2023, 3/2023, 4/2023 (with Keppres 10/2024 for the Pemilu of
/// 14 February and Keppres 24/2024 for the Pilkada of 27 November); 2025: No. 1017/2024, 2/2024,
/// 2/2024 (with the change adding 18 August 2025 as cuti bersama); 2026: the SKB signed in
/// September 2025. 2027: no SKB was at hand when this list was written — the fixed-date holidays
/// and the Christian and Chinese ones (computus, lunisolar calendar) are certain; the Islamic,
/// Nyepi and Waisak dates are estimates marked `provisional`; no cuti bersama is listed.
public enum HolidaySeed {
    public static let years = 2024...2027

    public static let all: [HolidaySeedEntry] = y2024 + y2025 + y2026 + y2027

    public static func entries(year: Int) -> [HolidaySeedEntry] { all.filter { $0.date.year == year } }

    private static func ln(_ iso: String, _ name: String, provisional: Bool = false) -> HolidaySeedEntry {
        HolidaySeedEntry(date: SimpleDate(iso: iso)!, name: name, kind: .national, provisional: provisional)
    }
    private static func cb(_ iso: String, _ name: String) -> HolidaySeedEntry {
        HolidaySeedEntry(
            date: SimpleDate(iso: iso)!, name: "Cuti bersama " + name, kind: .collectiveLeave, provisional: false)
    }

    static let y2024: [HolidaySeedEntry] = [
        ln("2024-01-01", "Tahun Baru 2024 Masehi"),
        ln("2024-02-08", "Isra Mikraj Nabi Muhammad SAW"),
        cb("2024-02-09", "Tahun Baru Imlek"),
        ln("2024-02-10", "Tahun Baru Imlek 2575 Kongzili"),
        ln("2024-02-14", "Hari Pemungutan Suara Pemilu 2024"),
        ln("2024-03-11", "Hari Suci Nyepi Tahun Baru Saka 1946"),
        cb("2024-03-12", "Hari Suci Nyepi"),
        ln("2024-03-29", "Wafat Isa Almasih"),
        ln("2024-03-31", "Hari Paskah"),
        cb("2024-04-08", "Idul Fitri 1445 H"),
        cb("2024-04-09", "Idul Fitri 1445 H"),
        ln("2024-04-10", "Hari Raya Idul Fitri 1445 H"),
        ln("2024-04-11", "Hari Raya Idul Fitri 1445 H"),
        cb("2024-04-12", "Idul Fitri 1445 H"),
        cb("2024-04-15", "Idul Fitri 1445 H"),
        ln("2024-05-01", "Hari Buruh Internasional"),
        ln("2024-05-09", "Kenaikan Isa Almasih"),
        cb("2024-05-10", "Kenaikan Isa Almasih"),
        ln("2024-05-23", "Hari Raya Waisak 2568 BE"),
        cb("2024-05-24", "Hari Raya Waisak"),
        ln("2024-06-01", "Hari Lahir Pancasila"),
        ln("2024-06-17", "Hari Raya Idul Adha 1445 H"),
        cb("2024-06-18", "Idul Adha 1445 H"),
        ln("2024-07-07", "Tahun Baru Islam 1446 H"),
        ln("2024-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ln("2024-09-16", "Maulid Nabi Muhammad SAW"),
        ln("2024-11-27", "Hari Pemungutan Suara Pilkada Serentak 2024"),
        ln("2024-12-25", "Hari Raya Natal"),
        cb("2024-12-26", "Hari Raya Natal"),
    ]

    static let y2025: [HolidaySeedEntry] = [
        ln("2025-01-01", "Tahun Baru 2025 Masehi"),
        ln("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
        cb("2025-01-28", "Tahun Baru Imlek"),
        ln("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
        cb("2025-03-28", "Hari Suci Nyepi"),
        ln("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947"),
        ln("2025-03-31", "Hari Raya Idul Fitri 1446 H"),
        ln("2025-04-01", "Hari Raya Idul Fitri 1446 H"),
        cb("2025-04-02", "Idul Fitri 1446 H"),
        cb("2025-04-03", "Idul Fitri 1446 H"),
        cb("2025-04-04", "Idul Fitri 1446 H"),
        cb("2025-04-07", "Idul Fitri 1446 H"),
        ln("2025-04-18", "Wafat Yesus Kristus"),
        ln("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
        ln("2025-05-01", "Hari Buruh Internasional"),
        ln("2025-05-12", "Hari Raya Waisak 2569 BE"),
        cb("2025-05-13", "Hari Raya Waisak"),
        ln("2025-05-29", "Kenaikan Yesus Kristus"),
        cb("2025-05-30", "Kenaikan Yesus Kristus"),
        ln("2025-06-01", "Hari Lahir Pancasila"),
        ln("2025-06-06", "Hari Raya Idul Adha 1446 H"),
        cb("2025-06-09", "Idul Adha 1446 H"),
        ln("2025-06-27", "Tahun Baru Islam 1447 H"),
        ln("2025-08-17", "Hari Kemerdekaan Republik Indonesia"),
        cb("2025-08-18", "HUT ke-80 Republik Indonesia"),
        ln("2025-09-05", "Maulid Nabi Muhammad SAW"),
        ln("2025-12-25", "Hari Raya Natal"),
        cb("2025-12-26", "Hari Raya Natal"),
    ]

    static let y2026: [HolidaySeedEntry] = [
        ln("2026-01-01", "Tahun Baru 2026 Masehi"),
        ln("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
        cb("2026-02-16", "Tahun Baru Imlek"),
        ln("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
        cb("2026-03-18", "Hari Suci Nyepi"),
        ln("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
        cb("2026-03-20", "Idul Fitri 1447 H"),
        ln("2026-03-21", "Hari Raya Idul Fitri 1447 H"),
        ln("2026-03-22", "Hari Raya Idul Fitri 1447 H"),
        cb("2026-03-23", "Idul Fitri 1447 H"),
        cb("2026-03-24", "Idul Fitri 1447 H"),
        ln("2026-04-03", "Wafat Yesus Kristus"),
        ln("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
        ln("2026-05-01", "Hari Buruh Internasional"),
        ln("2026-05-14", "Kenaikan Yesus Kristus"),
        cb("2026-05-15", "Kenaikan Yesus Kristus"),
        ln("2026-05-27", "Hari Raya Idul Adha 1447 H"),
        cb("2026-05-28", "Idul Adha 1447 H"),
        ln("2026-05-31", "Hari Raya Waisak 2570 BE"),
        ln("2026-06-01", "Hari Lahir Pancasila"),
        ln("2026-06-16", "Tahun Baru Islam 1448 H"),
        ln("2026-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ln("2026-08-25", "Maulid Nabi Muhammad SAW"),
        cb("2026-12-24", "Hari Raya Natal"),
        ln("2026-12-25", "Hari Raya Natal"),
    ]

    /// Provisional entries: estimates until the SKB for 2027 is read and entered by BKPPD.
    static let y2027: [HolidaySeedEntry] = [
        ln("2027-01-01", "Tahun Baru 2027 Masehi"),
        ln("2027-01-05", "Isra Mikraj Nabi Muhammad SAW", provisional: true),
        ln("2027-02-06", "Tahun Baru Imlek 2578 Kongzili"),
        ln("2027-03-09", "Hari Suci Nyepi Tahun Baru Saka 1949", provisional: true),
        ln("2027-03-10", "Hari Raya Idul Fitri 1448 H", provisional: true),
        ln("2027-03-11", "Hari Raya Idul Fitri 1448 H", provisional: true),
        ln("2027-03-26", "Wafat Yesus Kristus"),
        ln("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)"),
        ln("2027-05-01", "Hari Buruh Internasional"),
        ln("2027-05-06", "Kenaikan Yesus Kristus"),
        ln("2027-05-17", "Hari Raya Idul Adha 1448 H", provisional: true),
        ln("2027-05-20", "Hari Raya Waisak 2571 BE", provisional: true),
        ln("2027-06-01", "Hari Lahir Pancasila"),
        ln("2027-06-06", "Tahun Baru Islam 1449 H", provisional: true),
        ln("2027-08-15", "Maulid Nabi Muhammad SAW", provisional: true),
        ln("2027-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ln("2027-12-25", "Hari Raya Natal"),
    ]
}
