import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// The demo's job analyses tell the ABK story: every position analysed, valid by the same rule
/// the API applies, the same every run, and the front-line counters short of people.
@Suite struct DemoJobAnalysisTests {
    @Test func everyPositionIsAnalysedValidlyAndTheSameEveryRun() throws {
        let kupang = try demoCity.get()[0]
        let a = DemoJobAnalysisGenerator.generate(kupang)
        #expect(a == DemoJobAnalysisGenerator.generate(kupang))
        #expect(a.map(\.positionCode) == kupang.positions.map(\.code))
        let kinds = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, $0.kind) })
        for d in a {
            #expect(!d.analysis.tasks.isEmpty, "\(d.positionCode)")
            // What the API would accept: re-validating through the rule returns the same analysis.
            let again = try JobAnalysis.validate(
                positionClass: d.analysis.positionClass, education: d.analysis.education,
                training: d.analysis.training, experience: d.analysis.experience,
                tasks: d.analysis.tasks.map {
                    .init(
                        description: $0.description, output: $0.output, unit: $0.unit,
                        annualVolume: Double($0.annualVolume), normHours: $0.normHours)
                }, texts: d.analysis.texts.mapValues { $0 }, functionalGrade: d.analysis.functionalGrade?.rawValue,
                kind: kinds[d.positionCode])
            #expect(again == d.analysis, "\(d.positionCode)")
        }
    }

    @Test func frontLineCountersAreShortOfPeopleAndOthersMostlyFit() throws {
        let kupang = try demoCity.get()[0]
        var holders: [String: Int] = [:]
        for e in kupang.employees where e.isActive { holders[e.positionCode, default: 0] += 1 }
        let kinds = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, ($0.kind, $0.unitCode)) })
        var tally: [Bool: [FormationStatus: Int]] = [:]
        for d in DemoJobAnalysisGenerator.generate(kupang) {
            let people = holders[d.positionCode] ?? 0
            guard people > 0, let (kind, unit) = kinds[d.positionCode] else { continue }
            let frontLine = kind == .pelaksana && (unit.hasPrefix("DUKCAPIL") || unit.hasPrefix("KEC."))
            let needed = Workload.needed(d.analysis.tasks, effectiveHours: Workload.defaultEffectiveHours)
            tally[frontLine, default: [:]][Workload.status(needed: needed, holders: people), default: 0] += 1
        }
        let front = tally[true] ?? [:]
        let others = tally[false] ?? [:]
        // Work 1.25–1.70 × the holders: never more people than needed at the counters.
        #expect((front[.kurang] ?? 0) > 0 && (front[.lebih] ?? 0) == 0, "\(front)")
        // Elsewhere 85 % draw 0.8–1.2 × the holders and 15 % 0.45–0.75: sesuai is the usual finding.
        let total = others.values.reduce(0, +)
        #expect(total > 0 && Double(others[.sesuai] ?? 0) / Double(total) > 0.5, "\(others)")
        #expect((others[.lebih] ?? 0) > 0, "some positions carry more people than their work")
    }

    /// Every fungsional position has the jenjang its name says, and only those have one; the
    /// key positions BKPPD marked are the 51 lurah and one subdivision head, all pengawas.
    @Test func gradesFromTheNameAndTheMarkedKeyPositions() throws {
        let kupang = try demoCity.get()[0]
        let names = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, ($0.name, $0.kind)) })
        for d in DemoJobAnalysisGenerator.generate(kupang) {
            guard let (name, kind) = names[d.positionCode] else { continue }
            if kind == .fungsional {
                let grade = try #require(d.analysis.functionalGrade, "\(name)")
                #expect(name.hasSuffix(grade.label), "\(name)")
            } else {
                #expect(d.analysis.functionalGrade == nil, "\(name)")
            }
        }
        #expect(names.values.contains { $0.0 == "Analis Hukum Ahli Muda" })
        let key = DemoJobAnalysisGenerator.keyPositionCodes(kupang)
        #expect(key.allSatisfy { names[$0]?.1 == .pengawas })
        #expect(key.filter { names[$0]?.0.hasPrefix("Lurah ") == true }.count == 51)
        #expect(key.count == 52)
    }

    /// Five pelaksana are prepared to become the lurah of their own kelurahan.
    @Test func fivePelaksanaArePreparedForTheirLurahPost() throws {
        let kupang = try demoCity.get()[0]
        let positions = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, $0) })
        let people = Dictionary(uniqueKeysWithValues: kupang.employees.map { ($0.nip, $0) })
        let targets = DemoJobAnalysisGenerator.targetAssignments(kupang)
        #expect(targets.count == 5)
        for t in targets {
            let person = try #require(people[t.nip])
            let post = try #require(positions[t.positionCode])
            #expect(post.name.hasPrefix("Lurah ") && post.unitCode == person.unitCode)
            #expect(positions[person.positionCode]?.kind == .pelaksana && person.isActive)
        }
    }
}
