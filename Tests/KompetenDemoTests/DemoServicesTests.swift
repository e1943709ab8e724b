import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// Generated once for the city demo (`servicesCity` from DemoServicesFixtures).
let demoServicesCity = Result { () throws -> (DemoInstansi, DemoPublicServices) in
    let kupang = try servicesCity.get()
    return (kupang, DemoServicesGenerator.generate(for: kupang, today: DemoServicesTests.today))
}

@Suite("DemoServices") struct DemoServicesTests {
    static let today = SimpleDate(year: 2026, month: 10, day: 30)!
    /// Jul–Dec 2025 (a year before, same season) against Jul–Oct 2026 (after the training wave).
    static let before = SimpleDate(year: 2025, month: 7, day: 1)!...SimpleDate(year: 2025, month: 12, day: 31)!
    static let after = SimpleDate(year: 2026, month: 7, day: 1)!...SimpleDate(year: 2026, month: 10, day: 31)!

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }

    /// IKM (PermenPANRB 14/2017): the mean over U1…U9 of the element's mean answer (NRR), × 25.
    static func ikm(_ responses: [DemoSurveyResponse]) -> Double {
        guard !responses.isEmpty else { return .nan }
        let nrr = (0..<9).map { k in mean(responses.map { Double($0.answers[k]) }) }
        return mean(nrr) * 25
    }

    static func onTimeShare(_ months: [DemoServiceMonth]) -> Double {
        let completed = months.reduce(0) { $0 + $1.completed }
        return completed == 0 ? .nan : Double(months.reduce(0) { $0 + $1.onTime }) / Double(completed) * 100
    }

    /// Top-level unit code per unit code.
    static func opd(_ inst: DemoInstansi) -> [String: String] {
        var top: [String: String] = [:]
        for u in inst.units { top[u.code] = u.parentCode.flatMap { top[$0] } ?? u.code }
        return top
    }

    /// Service codes whose unit lies in one of `opds`.
    static func codes(_ inst: DemoInstansi, _ out: DemoPublicServices, in opds: Set<String>) -> Set<String> {
        let top = opd(inst)
        return Set(out.services.filter { opds.contains(top[$0.unitCode] ?? "") }.map(\.code))
    }

    @Test func catalogueFitsTheOrganisation() throws {
        let (kupang, out) = try demoServicesCity.get()
        #expect((38...44).contains(out.services.count), "\(out.services.count)")
        #expect(Set(out.services.map(\.code)).count == out.services.count, "codes unique")
        let units = Set(kupang.units.map(\.code))
        let positions = Dictionary(kupang.positions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let parent = Dictionary(kupang.units.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { a, _ in a })
        func ancestors(_ code: String) -> [String] {
            var out: [String] = []
            var up = parent[code] ?? nil
            while let c = up {
                out.append(c)
                up = parent[c] ?? nil
            }
            return out
        }
        for s in out.services {
            #expect(units.contains(s.unitCode), "\(s.code): \(s.unitCode)")
            #expect((1...4).contains(s.positionCodes.count), "\(s.code)")
            #expect((2...5).contains(s.requirements.count), "\(s.code)")
            #expect(s.standardMinutes > 0 && !s.standardText.isEmpty && !s.legalBasis.isEmpty && !s.name.isEmpty)
            #expect(s.fee >= 0)
            for code in s.positionCodes {
                guard let p = positions[code] else {
                    Issue.record("\(s.code): no position \(code)")
                    continue
                }
                #expect(!code.hasSuffix(".J1"), "\(s.code): \(code) is a head")
                let own = p.unitCode == s.unitCode || p.unitCode.hasPrefix(s.unitCode + ".")
                #expect(own || ancestors(s.unitCode).contains(p.unitCode), "\(s.code): \(code)")
            }
            if s.unitCode.hasPrefix("DUKCAPIL") { #expect(s.fee == 0, "adminduk is free: \(s.code)") }
        }
        let dukcapil = out.services.filter { $0.unitCode.hasPrefix("DUKCAPIL.") }
        #expect((7...9).contains(dukcapil.count))
        #expect(out.services.filter { $0.unitCode.hasPrefix("DPMPTSP.") }.count >= 5)
        #expect(Set(out.services.filter { $0.code.hasPrefix("KEC-") }.map(\.unitCode)).count == 6)
        #expect(out.services.contains { $0.fee > 0 })
    }

    @Test func monthsAreConsistent() throws {
        let (_, out) = try demoServicesCity.get()
        let byService = Dictionary(grouping: out.months, by: \.serviceCode)
        #expect(out.months.count == out.services.count * 24)
        let first = SimpleDate(year: 2024, month: 11, day: 1)!
        for s in out.services {
            let months = byService[s.code] ?? []
            try #require(months.count == 24, "\(s.code)")
            #expect(months.first?.month == first && months.last?.month == SimpleDate(year: 2026, month: 10, day: 1)!)
            #expect(
                zip(months, months.dropFirst()).allSatisfy { $0.month.adding(months: 1) == $1.month },
                "\(s.code) in order")
            for (i, m) in months.enumerated() {
                #expect(m.month <= Self.today && m.month.day == 1)
                #expect(m.received > 0 && m.completed >= 0 && m.backlog >= 0, "\(s.code) \(m.month)")
                #expect(m.onTime <= m.completed, "\(s.code) \(m.month)")
                #expect(
                    m.p90Minutes >= m.medianMinutes && m.medianMinutes > 0 && m.meanMinutes > 0, "\(s.code) \(m.month)")
                if i > 0 {
                    let carried = months[i - 1].backlog
                    #expect(m.completed <= m.received + carried, "\(s.code) \(m.month)")
                    #expect(m.backlog == carried + m.received - m.completed, "\(s.code) \(m.month)")
                }
            }
        }
        // Volumes of a city of ~450,000.
        func monthly(_ code: String) -> Double { Self.mean((byService[code] ?? []).map { Double($0.received) }) }
        #expect((1_500...2_500).contains(monthly("DUKCAPIL-KTP")))
        #expect((900...1_600).contains(monthly("DUKCAPIL-KK")))
        #expect((40...200).contains(monthly("KEL-OEBUFU-SKD")))
        let share = Self.onTimeShare(out.months)
        #expect((70...88).contains(share), "\(share)")
    }

    @Test func responsesAreValid() throws {
        let (_, out) = try demoServicesCity.get()
        #expect((18_000...22_000).contains(out.responses.count), "\(out.responses.count)")
        let sexes: Set<String> = ["laki", "perempuan"]
        let channels: Set<String> = ["daring", "kertas", "kios"]
        var perMonth: [String: Set<String>] = [:]
        var given = 0
        var daring = 0
        for r in out.responses {
            #expect(r.answers.count == 9 && r.answers.allSatisfy { (1...4).contains($0) })
            #expect(r.at.date <= Self.today && (450..<930).contains(r.at.minute))
            #expect(DemoCalendar.weekday(DemoCalendar.day(r.at.date)) < 5)
            #expect(channels.contains(r.channel))
            if let s = r.sex {
                #expect(sexes.contains(s))
                given += 1
            }
            if r.channel == "daring" { daring += 1 }
            perMonth[r.serviceCode, default: []].insert(String(r.at.date.iso.prefix(7)))
        }
        for s in out.services { #expect(perMonth[s.code]?.count == 24, "\(s.code): a response every month") }
        let n = Double(out.responses.count)
        #expect((0.62...0.78).contains(Double(given) / n))
        #expect((0.52...0.66).contains(Double(daring) / n))
        // By service (in `services` order), then time.
        let order = Dictionary(uniqueKeysWithValues: out.services.enumerated().map { ($1.code, $0) })
        #expect(
            zip(out.responses, out.responses.dropFirst()).allSatisfy { a, b in
                let (i, j) = (order[a.serviceCode]!, order[b.serviceCode]!)
                return i < j || (i == j && (a.at.date, a.at.minute) <= (b.at.date, b.at.minute))
            })
        // A free service's U4 (Biaya/Tarif) is mostly "Gratis" (4).
        let free = Set(out.services.filter { $0.fee == 0 }.map(\.code))
        let u4 = out.responses.filter { free.contains($0.serviceCode) }.map { Double($0.answers[3]) }
        #expect(Self.mean(u4) > 3.7)
    }

    @Test func transactionsMatchTheirMonths() throws {
        let (_, out) = try demoServicesCity.get()
        #expect(Set(out.transactions.map(\.serviceCode)) == ["DUKCAPIL-KTP", "DUKCAPIL-KK"])
        #expect(Set(out.transactions.map(\.ticket)).count == out.transactions.count, "tickets unique")
        let ticketMonths = [SimpleDate(year: 2026, month: 9, day: 1)!, SimpleDate(year: 2026, month: 10, day: 1)!]
        for code in ["DUKCAPIL-KTP", "DUKCAPIL-KK"] {
            let mine = out.transactions.filter { $0.serviceCode == code }
            #expect(
                zip(mine, mine.dropFirst()).allSatisfy { a, b in
                    (a.receivedAt.date, a.receivedAt.minute) <= (b.receivedAt.date, b.receivedAt.minute)
                })
            let open = mine.filter { $0.completedAt == nil }.count
            #expect(open > 0, "\(code): some tickets still open")
            for first in ticketMonths {
                let month = try #require(out.months.first { $0.serviceCode == code && $0.month == first })
                let received = mine.filter {
                    $0.receivedAt.date.year == first.year && $0.receivedAt.date.month == first.month
                }
                #expect(received.count == month.received, "\(code) \(first)")
                // Completed in the month, measured from the tickets.
                let minutes = mine.compactMap { t -> Int? in
                    guard let c = t.completedAt, c.date.year == first.year, c.date.month == first.month else {
                        return nil
                    }
                    return t.receivedAt.date.days(to: c.date) * 1440 + c.minute - t.receivedAt.minute
                }.sorted()
                #expect(month.completed >= minutes.count && month.completed <= minutes.count + 200, "\(code) \(first)")
                #expect(month.medianMinutes == Double(minutes[minutes.count / 2]) || minutes.count % 2 == 0)
                #expect(month.p90Minutes == Double(minutes[(9 * minutes.count + 9) / 10 - 1]))
            }
            let october = try #require(out.months.first { $0.serviceCode == code && $0.month == ticketMonths[1] })
            #expect(october.backlog == open, "\(code): the open tickets are October's backlog")
            for t in mine {
                #expect(t.receivedAt.date <= Self.today && ["loket", "daring", "jemput_bola"].contains(t.channel))
                if let c = t.completedAt {
                    #expect(c.date <= Self.today && (c.date, c.minute) > (t.receivedAt.date, t.receivedAt.minute))
                    #expect((0..<1440).contains(c.minute))
                }
            }
        }
    }

    @Test func trainedUnitsImprove() throws {
        let (kupang, out) = try demoServicesCity.get()
        let dukcapil = Self.codes(kupang, out, in: ["DUKCAPIL"])
        let improving = Self.codes(kupang, out, in: DemoStory.improving)
        func u6(_ codes: Set<String>, _ range: ClosedRange<SimpleDate>) -> Double {
            Self.mean(
                out.responses.filter { codes.contains($0.serviceCode) && range.contains($0.at.date) }.map {
                    Double($0.answers[5])
                })
        }
        let rise = u6(dukcapil, Self.after) - u6(dukcapil, Self.before)
        #expect(rise >= 0.25, "DUKCAPIL U6 +\(rise)")
        let others = Set(out.services.map(\.code)).subtracting(improving)
        let drift = u6(others, Self.after) - u6(others, Self.before)
        #expect(abs(drift) <= 0.1, "others U6 \(drift)")
        func share(_ codes: Set<String>, _ range: ClosedRange<SimpleDate>) -> Double {
            Self.onTimeShare(out.months.filter { codes.contains($0.serviceCode) && range.contains($0.month) })
        }
        let gain = share(dukcapil, Self.after) - share(dukcapil, Self.before)
        #expect(gain >= 8, "DUKCAPIL on time +\(gain) points")
        let standard = Dictionary(uniqueKeysWithValues: out.services.map { ($0.code, Double($0.standardMinutes)) })
        func p90(_ range: ClosedRange<SimpleDate>) -> Double {
            Self.mean(
                out.months.filter { dukcapil.contains($0.serviceCode) && range.contains($0.month) }
                    .map { $0.p90Minutes / standard[$0.serviceCode]! })
        }
        #expect(p90(Self.after) < p90(Self.before) * 0.85)
    }

    @Test func deterministicAndFast() throws {
        let (kupang, first) = try demoServicesCity.get()
        let clock = ContinuousClock()
        var again: DemoPublicServices?
        let elapsed = clock.measure { again = DemoServicesGenerator.generate(for: kupang, today: Self.today) }
        #expect(again == first)
        #expect(elapsed < .seconds(1), "\(elapsed)")
        print("DemoServices: generated in \(elapsed)")
        #expect(DemoServicesGenerator.generate(for: kupang, today: Self.today, seed: 7) != first)
    }

    /// A government without the city's kecamatan, with a bidang whose staff are missing and an
    /// early `today`: fewer services, never a crash, nothing after today.
    @Test func partialOrganisation() throws {
        let kupang = try servicesCity.get()
        let units = kupang.units.filter { !$0.code.hasPrefix("KEC-") && !$0.code.hasPrefix("DINKES") }
        let positions = kupang.positions.filter { !$0.unitCode.hasPrefix("DPMPTSP") || $0.unitCode == "DPMPTSP" }
        let other = DemoInstansi(
            code: "kab-demo", name: "Kabupaten Demo", units: units, employees: [],
            positions: positions, assessments: [])
        let today = SimpleDate(year: 2026, month: 3, day: 1)!
        let out = DemoServicesGenerator.generate(for: other, today: today)
        #expect(!out.services.isEmpty && out.services.count < 30)
        #expect(
            !out.services.contains {
                $0.code.hasPrefix("KEC-") || $0.code.hasPrefix("KEL-") || $0.code.hasPrefix("PKM-")
            })
        // DPMPTSP's bidang have no staff here: the OPD's own staff deliver.
        for s in out.services where s.unitCode.hasPrefix("DPMPTSP") {
            #expect(s.positionCodes.allSatisfy { $0.hasPrefix("DPMPTSP.J") })
        }
        #expect(out.months.allSatisfy { $0.month <= today } && out.responses.allSatisfy { $0.at.date <= today })
        #expect(out.transactions.allSatisfy { $0.receivedAt.date <= today && ($0.completedAt?.date ?? today) <= today })
        let empty = DemoInstansi(code: "x", name: "x", units: [], employees: [], positions: [], assessments: [])
        #expect(DemoServicesGenerator.generate(for: empty, today: Self.today).services.isEmpty)
    }

    /// Prints the story's numbers (IKM and on-time share before/after) for the report.
    @Test func reportTheStory() throws {
        let (kupang, out) = try demoServicesCity.get()
        print(
            "DemoServices: \(out.services.count) services, \(out.months.count) months, "
                + "\(out.transactions.count) transactions, \(out.responses.count) responses")
        let groups: [(String, Set<String>)] = [
            ("DUKCAPIL", Self.codes(kupang, out, in: ["DUKCAPIL"])),
            ("DPMPTSP", Self.codes(kupang, out, in: ["DPMPTSP"])),
            ("KEC-OEBOBO", ["KEC-OEBOBO-SKDU"]),
            (
                "other (not improving)",
                Set(out.services.map(\.code)).subtracting(Self.codes(kupang, out, in: DemoStory.improving))
            ),
            ("SATPOLPP", Self.codes(kupang, out, in: ["SATPOLPP"])),
            ("DISHUB", Self.codes(kupang, out, in: ["DISHUB"])),
            ("city", Set(out.services.map(\.code))),
        ]
        for (name, codes) in groups {
            func ikm(_ r: ClosedRange<SimpleDate>) -> Double {
                Self.ikm(out.responses.filter { codes.contains($0.serviceCode) && r.contains($0.at.date) })
            }
            func share(_ r: ClosedRange<SimpleDate>) -> Double {
                Self.onTimeShare(out.months.filter { codes.contains($0.serviceCode) && r.contains($0.month) })
            }
            func element(_ k: Int, _ r: ClosedRange<SimpleDate>) -> Double {
                Self.mean(
                    out.responses.filter { codes.contains($0.serviceCode) && r.contains($0.at.date) }.map {
                        Double($0.answers[k])
                    })
            }
            // p90 relative to the service's standard, averaged over the group's service months.
            let standard = Dictionary(uniqueKeysWithValues: out.services.map { ($0.code, Double($0.standardMinutes)) })
            func p90(_ r: ClosedRange<SimpleDate>) -> Double {
                Self.mean(
                    out.months.filter { codes.contains($0.serviceCode) && r.contains($0.month) }
                        .map { $0.p90Minutes / standard[$0.serviceCode]! })
            }
            let f = { (x: Double) in String(format: "%.1f", x) }
            let g = { (x: Double) in String(format: "%.2f", x) }
            print(
                "STORY \(name): IKM \(f(ikm(Self.before))) → \(f(ikm(Self.after))), on time \(f(share(Self.before)))% → "
                    + "\(f(share(Self.after)))%, U3 \(g(element(2, Self.before))) → \(g(element(2, Self.after))), "
                    + "U6 \(g(element(5, Self.before))) → \(g(element(5, Self.after))), "
                    + "p90/standard \(g(p90(Self.before))) → \(g(p90(Self.after)))")
        }
    }
}
