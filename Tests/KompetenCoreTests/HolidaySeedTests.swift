import Testing

@testable import KompetenCore

/// The seeded libur nasional and cuti bersama (SKB 3 Menteri): counts per year as published,
/// known weekdays, and 2027's estimates marked as such.
@Suite("Services: holiday seed 2024–2027")
struct HolidaySeedTests {
    @Test func oneEntryPerDateInTheSeededYears() {
        #expect(Set(HolidaySeed.all.map(\.date)).count == HolidaySeed.all.count)
        #expect(HolidaySeed.all.allSatisfy { HolidaySeed.years.contains($0.date.year) && !$0.name.isEmpty })
    }

    @Test func countsPerYearAsTheSKBs() {
        func count(_ year: Int, _ kind: HolidayKind) -> Int {
            HolidaySeed.entries(year: year).filter { $0.kind == kind }.count
        }
        // 2024: 17 libur nasional + Pemilu (Keppres 10/2024) + Pilkada (Keppres 24/2024); 10 cuti bersama.
        #expect(count(2024, .national) == 19 && count(2024, .collectiveLeave) == 10)
        // 2025: 17 + 10 cuti bersama, plus 18 August added in 2025.
        #expect(count(2025, .national) == 17 && count(2025, .collectiveLeave) == 11)
        // 2026: 17 libur nasional, 8 cuti bersama.
        #expect(count(2026, .national) == 17 && count(2026, .collectiveLeave) == 8)
        // 2027: no SKB yet — no cuti bersama, and the lunar/Saka dates are estimates.
        #expect(count(2027, .collectiveLeave) == 0)
        #expect(HolidaySeed.all.filter(\.provisional).allSatisfy { $0.date.year == 2027 })
        #expect(HolidaySeed.entries(year: 2027).filter(\.provisional).count == 8)
    }

    @Test func knownWeekdays() {
        func weekday(_ iso: String) -> Int { WorkingCalendar.weekday(SimpleDate(iso: iso)!) }
        // Idul Fitri 1447 H fell on Saturday–Sunday 21–22 March 2026; cuti bersama Fri 20, Mon 23, Tue 24.
        #expect(weekday("2026-03-21") == 5 && weekday("2026-03-22") == 6)
        #expect([weekday("2026-03-20"), weekday("2026-03-23"), weekday("2026-03-24")] == [4, 0, 1])
        // Natal 2026 on a Friday, its cuti bersama the Thursday before.
        #expect(weekday("2026-12-25") == 4 && weekday("2026-12-24") == 3)
        // Every cuti bersama is a weekday: leave is never declared on a weekend.
        #expect(
            HolidaySeed.all.filter { $0.kind == .collectiveLeave }.allSatisfy { !WorkingCalendar.isWeekend($0.date) })
    }
}
