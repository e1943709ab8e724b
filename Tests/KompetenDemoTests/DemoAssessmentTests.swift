import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// The demo assessment history (`demoCity`/`demoProvince` from DemoGeneratorTests).
@Suite("Demo: assessment history") struct DemoAssessmentTests {
    static let first = SimpleDate(year: 2024, month: 1, day: 1)!
    static let today = SimpleDate(year: 2026, month: 11, day: 29)!

    @Test func datesResultsAndOrderAreValid() throws {
        for inst in try demoProvince.get() {
            let positions = Dictionary(uniqueKeysWithValues: inst.positions.map { ($0.code, $0) })
            let order = Dictionary(
                inst.employees.enumerated().map { ($1.nip, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
            var previous: (Int, SimpleDate)?
            for a in inst.assessments {
                guard let (index, e) = order[a.nip] else {
                    Issue.record("\(a.nip) is not an employee of \(inst.code)")
                    continue
                }
                #expect(
                    a.date >= Self.first && a.date <= SimpleDate(year: 2026, month: 10, day: 31)! && a.date < Self.today
                )
                #expect(DemoCalendar.weekday(DemoCalendar.day(a.date)) < 5, "\(a.date) is a working day")
                let required = Set(positions[e.positionCode]!.standard.map(\.competencyCode))
                #expect(
                    !a.results.isEmpty
                        && a.results.allSatisfy { required.contains($0.competencyCode) && (1...5).contains($0.level) })
                #expect(Set(a.results.map(\.competencyCode)).count == a.results.count)
                #expect(!a.assessorName.isEmpty && !a.notes.isEmpty)
                if let (pi, pd) = previous {
                    #expect(pi < index || (pi == index && pd <= a.date), "by employee, then date")
                }
                previous = (index, a.date)
            }
        }
    }

    @Test func mostOfTheCityIsAssessedOneToThreeTimes() throws {
        let kupang = try demoCity.get()[0]
        let counting = Dictionary(grouping: kupang.assessments.filter(\.method.countsTowardProfile), by: \.nip)
            .mapValues(\.count)
        let assessed = Double(counting.count) / Double(kupang.employees.count)
        #expect((0.80...0.90).contains(assessed), "\(assessed)")
        let oneToThree = Double(counting.values.filter { (1...3).contains($0) }.count) / Double(counting.count)
        #expect(oneToThree > 0.9)
        let n = Double(kupang.assessments.count)
        let share = { (methods: Set<AssessmentMethod>) in
            Double(kupang.assessments.filter { methods.contains($0.method) }.count) / n
        }
        #expect(share([.assessmentCenter, .ujiKompetensi, .catSJT]) > 0.65)
        #expect((0.05...0.2).contains(share([.supervisor])) && (0.05...0.2).contains(share([.selfAssessment])))
        #expect(share([.threeSixty]) > 0)
    }

    @Test func levelsAreAroundTheRequiredLevelAndImprove() throws {
        let kupang = try demoCity.get()[0]
        let (gaps, selfGaps) = Self.gaps(kupang)
        let within = Double(gaps.filter { (-2...1).contains($0.actualMinusRequired) }.count) / Double(gaps.count)
        #expect(within > 0.85, "\(within)")
        let mean = { (xs: [Gap]) in Double(xs.reduce(0) { $0 + $1.actualMinusRequired }) / Double(max(1, xs.count)) }
        #expect(
            mean(gaps.filter { $0.year == 2026 }) > mean(gaps.filter { $0.year == 2024 }) + 0.2, "improving on average")
        // Self-ratings are optimistic: the app must ignore them.
        #expect(mean(selfGaps) > mean(gaps) + 0.7)
    }

    @Test func theStoryIsVisible() throws {
        let kupang = try demoCity.get()[0]
        let (gaps, _) = Self.gaps(kupang)
        func meanM5(_ opd: String, _ year: Int) -> Double {
            let xs = gaps.filter { $0.unit == opd || $0.unit.hasPrefix(opd + ".") }.filter {
                $0.code == "M.5" && $0.year == year
            }
            return Double(xs.reduce(0) { $0 + $1.level }) / Double(max(1, xs.count))
        }
        for improving in DemoStory.improving {
            #expect(meanM5(improving, 2026) > meanM5(improving, 2024) + 0.8, "\(improving) improved")
        }
        let cityGap2026 = Self.meanShortfall(gaps.filter { $0.code == "M.5" && $0.year == 2026 })
        for (opd, code) in DemoStory.persistentGaps {
            let own = gaps.filter { ($0.unit == opd || $0.unit.hasPrefix(opd + ".")) && $0.code == code }
            #expect(Self.meanShortfall(own.filter { $0.year == 2024 }) >= 0.8)
            #expect(
                Self.meanShortfall(own.filter { $0.year == 2026 }) >= max(0.8, cityGap2026 + 0.5),
                "\(opd) still lags in \(code)")
        }
    }

    @Test func provinceStaysUnderOneAndAHalfMillionResults() throws {
        let all = try demoProvince.get()
        let results = all.reduce(0) { $0 + $1.assessments.reduce(0) { $0 + $1.results.count } }
        #expect(results < 1_500_000)
        for inst in all.dropFirst() {
            let assessed = Set(inst.assessments.filter(\.method.countsTowardProfile).map(\.nip)).count
            #expect((0.2...0.32).contains(Double(assessed) / Double(inst.employees.count)), "\(inst.code)")
        }
    }

    @Test func calendarCountsDaysFromMondayFirstJanuary2024() {
        #expect(DemoCalendar.day(Self.first) == 0 && DemoCalendar.weekday(0) == 0)
        #expect(DemoCalendar.date(DemoCalendar.lastDay) == SimpleDate(year: 2026, month: 10, day: 30))
        #expect(DemoCalendar.day(SimpleDate(year: 2025, month: 1, day: 1)!) == 366, "2024 is a leap year")
        for day in 0...DemoCalendar.lastDay { #expect(DemoCalendar.day(DemoCalendar.date(day)) == day) }
        #expect(DemoCalendar.weekday(DemoCalendar.day(Self.today)) == 6, "29 November 2026 is a Sunday")
        #expect(DemoCalendar.workday(5) == 4 && DemoCalendar.workday(6) == 4 && DemoCalendar.workday(7) == 7)
        #expect(
            DemoCalendar.semester(DemoCalendar.day(SimpleDate(year: 2025, month: 7, day: 1)!)) == "semester II 2025")
        #expect(
            DemoAssessmentHistory.appointmentDay("198707192022212001")
                == DemoCalendar.day(SimpleDate(year: 2022, month: 4, day: 1)!))
        #expect(
            DemoAssessmentHistory.appointmentDay("197606132004091001")
                == DemoCalendar.day(SimpleDate(year: 2004, month: 9, day: 1)!))
    }

    struct Gap {
        let unit: String
        let code: String
        let year: Int
        let level: Int
        let actualMinusRequired: Int
    }

    /// Every result with its employee's unit and required level: counting methods, then self-ratings.
    static func gaps(_ inst: DemoInstansi) -> ([Gap], [Gap]) {
        let positions = Dictionary(uniqueKeysWithValues: inst.positions.map { ($0.code, $0) })
        let employees = Dictionary(inst.employees.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
        var counting: [Gap] = []
        var selfRated: [Gap] = []
        for a in inst.assessments {
            let e = employees[a.nip]!
            let required = Dictionary(
                uniqueKeysWithValues: positions[e.positionCode]!.standard.map { ($0.competencyCode, $0.requiredLevel) })
            for r in a.results {
                let gap = Gap(
                    unit: e.unitCode, code: r.competencyCode, year: a.date.year, level: r.level,
                    actualMinusRequired: r.level - required[r.competencyCode]!)
                if a.method.countsTowardProfile { counting.append(gap) } else { selfRated.append(gap) }
            }
        }
        return (counting, selfRated)
    }

    /// Mean of required − actual (positive: below the standard).
    static func meanShortfall(_ gaps: [Gap]) -> Double {
        -Double(gaps.reduce(0) { $0 + $1.actualMinusRequired }) / Double(max(1, gaps.count))
    }
}
