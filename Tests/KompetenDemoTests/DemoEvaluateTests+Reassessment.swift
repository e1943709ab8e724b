import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// The re-assessments after training: due dates, and the story (the improving OPDs rise).
extension DemoEvaluateTests {
    /// Re-assessed results whose earlier level is known, per top-level unit: (rose, total, summed change).
    static func changes(_ kupang: DemoInstansi, _ ev: DemoEvaluate) -> [String: (rose: Int, total: Int, change: Int)] {
        let top = opd(kupang)
        let unitOf = Dictionary(uniqueKeysWithValues: kupang.employees.map { ($0.nip, $0.unitCode) })
        var history: [String: [(date: SimpleDate, code: String, level: Int)]] = [:]
        for a in kupang.assessments where a.method.countsTowardProfile {
            for r in a.results { history[a.nip, default: []].append((a.date, r.competencyCode, r.level)) }
        }
        var out: [String: (rose: Int, total: Int, change: Int)] = [:]
        for a in ev.reassessments {
            let o = top[unitOf[a.nip]!]!
            for r in a.results {
                guard
                    let prior = history[a.nip, default: []].filter({ $0.code == r.competencyCode && $0.date <= a.date })
                        .max(by: { $0.date < $1.date })
                else { continue }
                var t = out[o, default: (0, 0, 0)]
                t.total += 1
                t.change += r.level - prior.level
                if r.level > prior.level { t.rose += 1 }
                out[o] = t
            }
            for r in a.results { history[a.nip, default: []].append((a.date, r.competencyCode, r.level)) }
        }
        return out
    }

    @Test func reassessmentsFollowTheDueDates() throws {
        let (_, dev, ev) = try demoEvaluateCity.get()
        let raises = Dictionary(uniqueKeysWithValues: dev.programmes.map { ($0.code, $0.raises.map(\.competencyCode)) })
        var done: [String: SimpleDate] = [:]
        var dueMonths = Set<String>()
        for e in dev.enrolments where e.status == .completed {
            done[e.nip + "|" + e.programmeCode] = e.completedOn!
            let due = e.completedOn!.adding(months: 6)
            if due <= Self.today { dueMonths.insert(e.nip + "|" + String(due.iso.prefix(7))) }
        }
        let prefix = "Penilaian ulang setelah pelatihan "
        var perDate = Set<String>()
        var doneMonths = Set<String>()
        for a in ev.reassessments {
            #expect([.ujiKompetensi, .assessmentCenter].contains(a.method))
            #expect(a.assessorName.hasPrefix("Tim Asesor BKPPD"))
            #expect(a.date <= Self.today)
            #expect(perDate.insert(a.nip + "|" + a.date.iso).inserted, "one assessment per employee and date")
            #expect(a.notes.hasPrefix(prefix), "\(a.notes)")
            let codes = a.notes.dropFirst(prefix.count).replacingOccurrences(of: " dan ", with: ", ")
                .components(separatedBy: ", ")
            var raised = Set<String>()
            var months = Set<String>()
            for code in codes {
                guard let completed = done[a.nip + "|" + code] else {
                    Issue.record("\(a.nip): \(code) not completed")
                    continue
                }
                let due = completed.adding(months: 6)
                months.insert(String(due.iso.prefix(7)))
                #expect(due <= Self.today, "\(a.nip) \(code)")
                #expect(
                    a.date.days(to: due) <= 30 && due.days(to: a.date) <= 20, "\(a.nip) \(code) due \(due) on \(a.date)"
                )
                #expect(completed < a.date)
                raised.formUnion(raises[code] ?? [])
            }
            #expect(months.count == 1, "one assessment per due month")
            doneMonths.formUnion(months.map { a.nip + "|" + $0 })
            #expect(
                Set(a.results.map(\.competencyCode)) == raised && a.results.count == raised.count, "\(a.nip) \(a.notes)"
            )
            #expect(a.results.allSatisfy { (1...5).contains($0.level) })
        }
        let share = Double(doneMonths.count) / Double(dueMonths.count)
        #expect((0.6...0.8).contains(share), "\(share)")
        #expect(doneMonths.isSubset(of: dueMonths))
    }

    @Test func theImprovingOPDsRiseAfterTheirWave() throws {
        let (kupang, _, ev) = try demoEvaluateCity.get()
        let changes = Self.changes(kupang, ev)
        func share(_ codes: [String]) -> Double {
            let t = codes.compactMap { changes[$0] }
            return Double(t.reduce(0) { $0 + $1.rose }) / Double(max(1, t.reduce(0) { $0 + $1.total }))
        }
        let dukcapil = try #require(changes["DUKCAPIL"])
        #expect(dukcapil.total >= 30, "\(dukcapil)")
        #expect(share(["DUKCAPIL"]) >= 0.65, "\(share(["DUKCAPIL"]))")
        #expect(Double(dukcapil.change) / Double(dukcapil.total) >= 0.6, "mean change \(dukcapil)")
        #expect(share(["DPMPTSP"]) >= 0.65)
        #expect(share(["DUKCAPIL"]) > share(["SATPOLPP"]) + 0.2)
        #expect(share(["DUKCAPIL"]) > share(["SATPOLPP", "DISHUB"]) + 0.2)
        // The wave's re-assessments fall in July–October.
        let top = Self.opd(kupang)
        let unitOf = Dictionary(uniqueKeysWithValues: kupang.employees.map { ($0.nip, $0.unitCode) })
        let wave = ev.reassessments.filter { ["DUKCAPIL", "DPMPTSP"].contains(top[unitOf[$0.nip]!]!) }
        #expect(!wave.isEmpty && wave.allSatisfy { $0.date.year == 2026 && (7...10).contains($0.date.month) })
    }

    /// The JPM of the story's OPDs today, with and without the re-assessments, and at the end of June.
    @Test func reassessmentsLiftTheImprovingOPDsJPM() throws {
        let (kupang, _, ev) = try demoEvaluateCity.get()
        let top = Self.opd(kupang)
        let story: Set<String> = ["DUKCAPIL", "DPMPTSP", "SATPOLPP", "DISHUB"]
        let standard = Dictionary(
            uniqueKeysWithValues: kupang.positions.map {
                (
                    $0.code,
                    $0.standard.map { StandardItem(competencyCode: $0.competencyCode, required: $0.requiredLevel) }
                )
            })
        var results: [String: [AssessedLevel]] = [:]
        var retested: [String: [AssessedLevel]] = [:]
        for (i, a) in kupang.assessments.enumerated() {
            for r in a.results {
                results[a.nip, default: []].append(
                    AssessedLevel(
                        competencyCode: r.competencyCode, level: r.level, date: a.date,
                        method: a.method, sequence: i))
            }
        }
        for (i, a) in ev.reassessments.enumerated() {
            for r in a.results {
                retested[a.nip, default: []].append(
                    AssessedLevel(
                        competencyCode: r.competencyCode, level: r.level, date: a.date,
                        method: a.method, sequence: kupang.assessments.count + i))
            }
        }
        var before: [JPMHistory.Person] = []
        var after: [JPMHistory.Person] = []
        for e in kupang.employees where e.isActive {
            guard let opd = top[e.unitCode], story.contains(opd) else { continue }
            let std = standard[e.positionCode] ?? []
            before.append(JPMHistory.Person(group: opd, standard: std, results: results[e.nip] ?? []))
            after.append(
                JPMHistory.Person(group: opd, standard: std, results: (results[e.nip] ?? []) + (retested[e.nip] ?? [])))
        }
        let june = SimpleDate(year: 2026, month: 6, day: 30)!
        let without = JPMHistory.points(before, dates: [Self.today], formula: .capped)[Self.today]!
        let with = JPMHistory.points(after, dates: [june, Self.today], formula: .capped)
        func lift(_ opd: String) -> Double { (with[Self.today]![opd]?.meanJPM ?? 0) - (without[opd]?.meanJPM ?? 0) }
        // The wave's re-assessments add visibly to the JPM (DPMPTSP, assessed again after the
        // wave anyway, is near 100 and has little room); the lagging OPDs' barely move.
        #expect(lift("DUKCAPIL") >= 1.5, "\(lift("DUKCAPIL"))")
        #expect(lift("DPMPTSP") > 0.3, "\(lift("DPMPTSP"))")
        #expect(lift("SATPOLPP") < 0.5 && lift("DISHUB") < 0.5, "\(lift("SATPOLPP")) \(lift("DISHUB"))")
        for opd in ["DUKCAPIL", "DPMPTSP"] {
            let rise = (with[Self.today]![opd]?.meanJPM ?? 0) - (with[june]![opd]?.meanJPM ?? 0)
            #expect(rise > 0, "\(opd): \(rise)")
        }
    }
}
