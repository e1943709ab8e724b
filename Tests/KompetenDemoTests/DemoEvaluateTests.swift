import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// Generated once for the city demo, from `demoDevelopmentCity` (DemoDevelopmentTests).
let demoEvaluateCity = Result { () throws -> (DemoInstansi, DemoDevelopment, DemoEvaluate) in
    let (kupang, dev) = try demoDevelopmentCity.get()
    return (kupang, dev, DemoEvaluateGenerator.generate(for: kupang, development: dev, today: DemoEvaluateTests.today))
}

@Suite("DemoEvaluate") struct DemoEvaluateTests {
    static let today = SimpleDate(year: 2026, month: 10, day: 30)!
    static let reactionKeys: Set<String> = ["material", "facilitator", "organisation", "usefulness"]

    static func key(_ nip: String, _ programme: String, _ batch: String) -> String {
        nip + "|" + programme + "|" + batch
    }

    static func quality(_ p: DemoProgramme) -> Double {
        DemoEvaluateGenerator.quality(ofProgramme: p.code, providerCode: p.providerCode)
    }

    /// Top-level unit code per unit code.
    static func opd(_ inst: DemoInstansi) -> [String: String] {
        var top: [String: String] = [:]
        for u in inst.units { top[u.code] = u.parentCode.flatMap { top[$0] } ?? u.code }
        return top
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }

    @Test func deterministic() throws {
        let (kupang, dev, first) = try demoEvaluateCity.get()
        let again = DemoEvaluateGenerator.generate(for: kupang, development: dev, today: Self.today)
        #expect(again == first)
        let other = DemoEvaluateGenerator.generate(for: kupang, development: dev, today: Self.today, seed: 7)
        #expect(other != first)
        #expect(!first.evaluations.isEmpty && !first.reassessments.isEmpty && !first.performance.isEmpty)
    }

    @Test func fastEnough() throws {
        let (kupang, dev, _) = try demoEvaluateCity.get()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = DemoEvaluateGenerator.generate(for: kupang, development: dev, today: Self.today)
        }
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }

    @Test func qualityFollowsTheProvider() throws {
        let (_, dev, _) = try demoEvaluateCity.get()
        let kind = Dictionary(uniqueKeysWithValues: dev.providers.map { ($0.code, $0.kind) })
        for p in dev.programmes {
            let q = Self.quality(p)
            #expect((0...1).contains(q))
            switch kind[p.providerCode] {
            case "bpsdmd", "lan": #expect((0.7...0.95).contains(q), "\(p.code) \(q)")
            case "swasta": #expect((0.2...0.45).contains(q), "\(p.code) \(q)")
            default: #expect((0.35...0.85).contains(q), "\(p.code) \(q)")
            }
        }
        let qs = dev.programmes.map(Self.quality)
        #expect(qs.max()! - qs.min()! > 0.6)
        // The same programme is as good next year; the quality does not depend on the year.
        #expect(
            DemoEvaluateGenerator.quality(ofProgramme: "MNJ-M5-2026", providerCode: "BPSDMD-NTT")
                == DemoEvaluateGenerator.quality(ofProgramme: "MNJ-M5-2027", providerCode: "BPSDMD-NTT"))
    }

    @Test func recordsFollowTheForms() throws {
        let (_, dev, ev) = try demoEvaluateCity.get()
        let programmes = Dictionary(uniqueKeysWithValues: dev.programmes.map { ($0.code, $0) })
        var enrolments: [String: DemoEnrolment] = [:]
        for e in dev.enrolments { enrolments[Self.key(e.nip, e.programmeCode, e.batchName)] = e }
        var seen = Set<String>()
        for r in ev.evaluations {
            let k = Self.key(r.nip, r.programmeCode, r.batchName)
            guard let e = enrolments[k], let programme = programmes[r.programmeCode] else {
                Issue.record("\(k): no enrolment")
                continue
            }
            #expect(
                seen.insert(k + "|\(r.level)|" + r.respondent).inserted,
                "one record per enrolment, level and respondent")
            guard e.status == .completed, let done = e.completedOn else {
                Issue.record("\(k): not completed")
                continue
            }
            #expect(
                done <= Self.today && done <= r.filledOn && r.filledOn <= Self.today, "\(k) L\(r.level) \(r.filledOn)")
            let codes = programme.raises.map(\.competencyCode)
            switch r.level {
            case 1:
                #expect(r.respondent == "participant")
                #expect(Set(r.scores.keys) == Self.reactionKeys)
                #expect(r.scores.values.allSatisfy { $0 == $0.rounded() && (1...4).contains($0) })
                #expect(done.days(to: r.filledOn) <= 14)
            case 2:
                #expect(r.respondent == "provider")
                #expect(programme.form == "klasikal", "\(programme.code)")
                #expect(Set(r.scores.keys) == ["pre", "post", "max"] && r.scores["max"] == 100)
                for key in ["pre", "post"] {
                    let x = r.scores[key]!
                    #expect(x == x.rounded() && (0...100).contains(x))
                }
                #expect(r.filledOn == done)
            case 3:
                #expect(["participant", "supervisor"].contains(r.respondent))
                #expect(Set(r.scores.keys) == Set(codes) && r.scores.count == codes.count, "\(k)")
                #expect(r.scores.values.allSatisfy { $0 == $0.rounded() && (-2...2).contains($0) })
                #expect(done.adding(months: 3) <= r.filledOn && r.filledOn <= done.adding(months: 6))
            default: Issue.record("level \(r.level)")
            }
            // The app's own check accepts every record.
            if case .failure(let f) = EvaluationForm.validate(
                level: r.level, respondent: r.respondent, scores: r.scores,
                raisedCodes: codes)
            {
                Issue.record("\(k) L\(r.level): \(f.errors)")
            }
        }
    }

    @Test func formsAreFilledAsOftenAsPlanned() throws {
        let (kupang, dev, ev) = try demoEvaluateCity.get()
        let form = Dictionary(uniqueKeysWithValues: dev.programmes.map { ($0.code, $0.form) })
        let completed = dev.enrolments.filter { $0.status == .completed && $0.completedOn! <= Self.today }
        let klasikal = completed.filter { form[$0.programmeCode] == "klasikal" }.count
        let l3Due = completed.filter { $0.completedOn!.adding(months: 3) <= Self.today }
        func count(_ level: Int, _ respondent: String, _ filter: (DemoEvaluationRecord) -> Bool = { _ in true }) -> Int
        {
            ev.evaluations.filter { $0.level == level && $0.respondent == respondent && filter($0) }.count
        }
        let l1 = Double(count(1, "participant")) / Double(completed.count)
        let l2 = Double(count(2, "provider")) / Double(klasikal)
        #expect((0.8...0.9).contains(l1), "\(l1)")
        #expect((0.85...0.95).contains(l2), "\(l2)")

        // The lagging OPDs' supervisors seldom fill L3.
        let top = Self.opd(kupang)
        let unitOf = Dictionary(uniqueKeysWithValues: kupang.employees.map { ($0.nip, $0.unitCode) })
        func lagging(_ nip: String) -> Bool { ["SATPOLPP", "DISHUB"].contains(top[unitOf[nip]!]!) }
        let dueLagging = l3Due.filter { lagging($0.nip) }.count
        let dueOther = l3Due.count - dueLagging
        #expect(dueLagging >= 20, "\(dueLagging)")
        let supLagging = Double(count(3, "supervisor") { lagging($0.nip) }) / Double(dueLagging)
        let supOther = Double(count(3, "supervisor") { !lagging($0.nip) }) / Double(dueOther)
        let selfOther = Double(count(3, "participant") { !lagging($0.nip) }) / Double(dueOther)
        #expect((0.1...0.4).contains(supLagging), "\(supLagging)")
        #expect((0.7...0.8).contains(supOther), "\(supOther)")
        #expect((0.7...0.8).contains(selfOther), "\(selfOther)")
    }

    /// Best and worst decile (by quality) of the programmes with at least `minimum` values.
    static func deciles(_ values: [String: [Double]], _ dev: DemoDevelopment, minimum: Int = 10) -> (
        best: Double, worst: Double
    ) {
        let ranked = dev.programmes.filter { (values[$0.code]?.count ?? 0) >= minimum }.sorted {
            quality($0) > quality($1)
        }
        let n = max(1, ranked.count / 10)
        func pooled(_ list: ArraySlice<DemoProgramme>) -> Double { mean(list.flatMap { values[$0.code]! }) }
        return (pooled(ranked.prefix(n)), pooled(ranked.suffix(n)))
    }

    @Test func programmesDiffer() throws {
        let (_, dev, ev) = try demoEvaluateCity.get()
        var l1: [String: [Double]] = [:]
        var l2: [String: [Double]] = [:]
        var l3: [String: [Double]] = [:]
        for r in ev.evaluations {
            switch r.level {
            case 1: l1[r.programmeCode, default: []].append(r.scores.values.reduce(0, +) / 4)
            case 2:
                let pre = r.scores["pre"]!
                let post = r.scores["post"]!
                if pre < 100 { l2[r.programmeCode, default: []].append((post - pre) / (100 - pre)) }
            default:
                if r.respondent == "supervisor" {
                    l3[r.programmeCode, default: []].append(Self.mean(Array(r.scores.values)))
                }
            }
        }
        let reaction = Self.deciles(l1, dev)
        let learning = Self.deciles(l2, dev)
        let behaviour = Self.deciles(l3, dev)
        #expect(reaction.best - reaction.worst >= 0.8, "\(reaction)")
        #expect(learning.best - learning.worst >= 0.3, "\(learning)")
        #expect(behaviour.best - behaviour.worst >= 0.6, "\(behaviour)")
    }

    @Test func performanceRatings() throws {
        let (kupang, _, ev) = try demoEvaluateCity.get()
        let active = kupang.employees.filter(\.isActive)
        #expect(ev.performance.count == 2 * active.count)
        #expect(
            Set(ev.performance.map { $0.nip + "|\($0.year)" })
                == Set(active.flatMap { [$0.nip + "|2024", $0.nip + "|2025"] }))
        let n = Double(ev.performance.count)
        func share(_ rating: SKPRating, _ path: KeyPath<DemoPerformanceRating, SKPRating>) -> Double {
            Double(ev.performance.filter { $0[keyPath: path] == rating }.count) / n
        }
        for (rating, target) in [(SKPRating.aboveExpectation, 0.15), (.asExpected, 0.75), (.belowExpectation, 0.10)] {
            #expect(abs(share(rating, \.hasilKerja) - target) <= 0.05, "hasil \(rating)")
        }
        for (rating, target) in [(SKPRating.aboveExpectation, 0.12), (.asExpected, 0.85), (.belowExpectation, 0.03)] {
            #expect(abs(share(rating, \.perilakuKerja) - target) <= 0.05, "perilaku \(rating)")
        }
        var byNip: [String: [Int: SKPRating]] = [:]
        for r in ev.performance { byNip[r.nip, default: [:]][r.year] = r.hasilKerja }
        let kept = Double(byNip.values.filter { $0[2024] == $0[2025] }.count) / Double(byNip.count)
        #expect((0.65...0.75).contains(kept), "\(kept)")

        // Those assessed above their standard are more often rated above expectation.
        let standard = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, $0.standard) })
        var latest: [String: [String: (SimpleDate, Int)]] = [:]
        for a in kupang.assessments where a.method.countsTowardProfile {
            for r in a.results where latest[a.nip]?[r.competencyCode].map({ $0.0 <= a.date }) ?? true {
                latest[a.nip, default: [:]][r.competencyCode] = (a.date, r.level)
            }
        }
        var strong = Set<String>()
        var weak = Set<String>()
        for e in active {
            let gaps = (standard[e.positionCode] ?? []).compactMap { s in
                latest[e.nip]?[s.competencyCode].map { Double($0.1 - s.requiredLevel) }
            }
            guard !gaps.isEmpty else { continue }
            let m = Self.mean(gaps)
            if m >= 0.3 { strong.insert(e.nip) } else if m <= -0.3 { weak.insert(e.nip) }
        }
        func above(_ group: Set<String>) -> Double {
            let list = ev.performance.filter { group.contains($0.nip) }
            return Double(list.filter { $0.hasilKerja == .aboveExpectation }.count) / Double(max(1, list.count))
        }
        #expect(strong.count >= 100 && weak.count >= 100, "\(strong.count) \(weak.count)")
        #expect(above(strong) > above(weak) + 0.03, "\(above(strong)) vs \(above(weak))")
    }
}
