import Testing

@testable import KompetenCore

@Suite("Services: processing times and standard times")
struct ServicesProcessingTimesTests {
    @Test func fourValues() throws {
        // Sorted 10 20 30 40: median (20+30)/2 = 25; p90 rank ⌈3,6⌉ = 4 → 40; mean 25;
        // within 25 minutes: 10, 20 → 2 of 4 = 0,5.
        let s = try #require(ProcessingTimes.summarise(minutes: [40, 10, 30, 20], standardMinutes: 25))
        #expect(
            s
                == ProcessingSummary(
                    count: 4, medianMinutes: 25, p90Minutes: 40, meanMinutes: 25, onTime: 2, onTimeShare: 0.5))
    }

    @Test func tenValuesNearestRank() throws {
        // 5 7 8 12 15 15 20 30 45 90: median (15+15)/2 = 15; p90 rank ⌈9⌉ = 9 → 45 (not 90);
        // mean 247/10 = 24,7; standard 15 → 5, 7, 8, 12, 15, 15 = 6 on time → 0,6.
        let s = try #require(
            ProcessingTimes.summarise(minutes: [90, 15, 5, 30, 12, 7, 45, 20, 8, 15], standardMinutes: 15))
        #expect(s.count == 10)
        #expect(s.medianMinutes == 15)
        #expect(s.p90Minutes == 45)
        #expect(s.meanMinutes == 24.7)
        #expect(s.onTime == 6)
        #expect(s.onTimeShare == 0.6)
    }

    @Test func oddCountAndSingleValue() throws {
        // 1 2 3 4 100 … 11 values 1…11: median 6; p90 rank ⌈9,9⌉ = 10 → 10.
        let s = try #require(ProcessingTimes.summarise(minutes: Array(1...11), standardMinutes: 0))
        #expect(s.medianMinutes == 6 && s.p90Minutes == 10 && s.onTime == 0 && s.onTimeShare == 0)
        let one = try #require(ProcessingTimes.summarise(minutes: [42], standardMinutes: 60))
        #expect(one.medianMinutes == 42 && one.p90Minutes == 42 && one.onTimeShare == 1)
        #expect(ProcessingTimes.summarise(minutes: [], standardMinutes: 60) == nil)
    }

    @Test func combineMonths() {
        // Jan: 10 requests, 8 on time, mean 20, median 18, p90 30.
        // Feb: 30 requests, 15 on time, mean 40, median 38, p90 60.
        // Total 40, on time 23 → 0,575; mean (200 + 1200)/40 = 35;
        // median ≈ (180 + 1140)/40 = 33; p90 ≈ (300 + 1800)/40 = 52,5.
        let c = ProcessingTimes.combine([
            MonthlyServiceFigures(count: 10, onTime: 8, meanMinutes: 20, medianMinutes: 18, p90Minutes: 30),
            MonthlyServiceFigures(count: 30, onTime: 15, meanMinutes: 40, medianMinutes: 38, p90Minutes: 60),
            MonthlyServiceFigures(count: 0, onTime: 0, meanMinutes: nil, medianMinutes: nil, p90Minutes: nil),
        ])
        #expect(
            c
                == CombinedFigures(
                    count: 40, onTime: 23, onTimeShare: 0.575, meanMinutes: 35, medianMinutes: 33,
                    p90Minutes: 52.5, exact: false))
    }

    @Test func combineEmptyAndSingle() {
        let empty = ProcessingTimes.combine([])
        #expect(empty.count == 0 && empty.onTimeShare == nil && empty.meanMinutes == nil && empty.medianMinutes == nil)
        let zero = ProcessingTimes.combine([
            MonthlyServiceFigures(count: 0, onTime: 0, meanMinutes: nil, medianMinutes: nil, p90Minutes: nil)
        ])
        #expect(zero.onTimeShare == nil)
        // One month with requests: its median and p90 are the real ones.
        let single = ProcessingTimes.combine([
            MonthlyServiceFigures(count: 4, onTime: 2, meanMinutes: 25, medianMinutes: 25, p90Minutes: 40)
        ])
        #expect(single.exact && single.medianMinutes == 25 && single.p90Minutes == 40 && single.onTimeShare == 0.5)
    }

    @Test func standardTimeUnits() throws {
        #expect(StandardTime(value: 1, unit: .days)?.minutes == 1440)
        #expect(StandardTime(value: 2, unit: .hours)?.minutes == 120)
        #expect(StandardTime(value: 1, unit: .days)?.label == "1 hari")
        #expect(StandardTime(value: 60, unit: .minutes)?.label == "60 menit")
        #expect(StandardTime(value: 0, unit: .minutes) == nil)
        #expect(StandardTime(value: 100_001, unit: .days) == nil)
        #expect(StandardTime.Unit.allCases.map(\.label) == ["menit", "jam", "hari", "hari kerja"])
        // Issue 15 item 7: a working day has no fixed length; its minutes are only the calendar
        // equivalent (5 working days a week) kept in the old column.
        #expect(StandardTime(value: 28, unit: .workingDays)?.label == "28 hari kerja")
        #expect(StandardTime(value: 5, unit: .workingDays)?.minutes == 7 * 1440)
    }

    @Test func standardTimeFromMinutesPicksTheLargestWholeUnit() {
        #expect(StandardTime(minutes: 1440) == StandardTime(value: 1, unit: .days))
        #expect(StandardTime(minutes: 4320)?.label == "3 hari")
        #expect(StandardTime(minutes: 120)?.label == "2 jam")
        #expect(StandardTime(minutes: 90)?.label == "90 menit")
        #expect(StandardTime(minutes: 60)?.label == "1 jam")
        #expect(StandardTime(minutes: 1500)?.label == "25 jam")
        #expect(StandardTime(minutes: 0) == nil)
        #expect(StandardTime(minutes: -60) == nil)
    }

    @Test func standardTimeParsing() {
        #expect(StandardTime(text: "30 menit") == StandardTime(value: 30, unit: .minutes))
        #expect(StandardTime(text: "2 jam") == StandardTime(value: 2, unit: .hours))
        #expect(StandardTime(text: " 1  Hari ") == StandardTime(value: 1, unit: .days))
        // Issue 15 item 7: "hari kerja" is a unit of its own (it was refused before).
        #expect(StandardTime(text: "3 hari kerja") == StandardTime(value: 3, unit: .workingDays))
        #expect(StandardTime(text: "28  Hari Kerja") == StandardTime(value: 28, unit: .workingDays))
        #expect(StandardTime(text: "3 kerja hari") == nil)
        #expect(StandardTime(text: "3 hari kerja lagi") == nil)
        #expect(StandardTime(text: "0 menit") == nil)
        #expect(StandardTime(text: "+2 jam") == nil)
        #expect(StandardTime(text: "2") == nil)
        #expect(StandardTime(text: "dua jam") == nil)
        #expect(StandardTime(text: "99999999999999999999 menit") == nil)
    }
}
