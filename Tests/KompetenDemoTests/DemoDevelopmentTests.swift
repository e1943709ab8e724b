import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// The technical competency codes of the city's dictionary (`demoCompetencies` from DemoGeneratorTests).
private func technicalCodes() throws -> [String] {
    try demoCompetencies.get().competencies.filter { $0.group == .teknis }.map(\.code)
}

/// Generated once for the city demo (`demoCity` from DemoGeneratorTests).
let demoDevelopmentCity = Result { () throws -> (DemoInstansi, DemoDevelopment) in
    let kupang = try demoCity.get()[0]
    return (kupang, DemoDevelopmentGenerator.generate(for: kupang, technicalCodes: try technicalCodes()))
}

@Suite("DemoDevelopment") struct DemoDevelopmentTests {
    static let year = 2026
    /// The demo's "today" for development: batches ending later are planned.
    static let today = SimpleDate(year: 2026, month: 10, day: 30)!
    static let national = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]
    /// `reference/jalur-pengembangan.json`: the paths of each form.
    static let paths: [String: Set<String>] = [
        "pendidikan": [],
        "klasikal": Set((1...12).map { "KL" + ($0 < 10 ? "0" : "") + String($0) }),
        "nonklasikal": Set((1...13).map { "NKL" + ($0 < 10 ? "0" : "") + String($0) }),
    ]

    /// Days since 1970-01-01 and the weekday (0 Monday … 6 Sunday), computed here independently.
    static func days(_ d: SimpleDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5 + d.day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }
    static func weekday(_ d: SimpleDate) -> Int { ((days(d) + 3) % 7 + 7) % 7 }
    static func workdays(_ a: SimpleDate, _ b: SimpleDate) -> Int {
        (days(a)...days(b)).filter { ((($0 + 3) % 7) + 7) % 7 < 5 }.count
    }

    /// Completed JP per NIP in `year`: completed catalogue programmes and verified learning, by end date.
    static func completedJP(_ dev: DemoDevelopment, year: Int = year) -> [String: Int] {
        let jp = Dictionary(uniqueKeysWithValues: dev.programmes.map { ($0.code, $0.jp) })
        var out: [String: Int] = [:]
        for e in dev.enrolments where e.status == .completed && e.completedOn?.year == year {
            out[e.nip, default: 0] += jp[e.programmeCode] ?? 0
        }
        for l in dev.learning where l.verified && l.endDate.year == year { out[l.nip, default: 0] += l.jp }
        return out
    }

    static func staff(_ inst: DemoInstansi, of opd: String) -> [DemoEmployee] {
        inst.employees.filter { $0.isActive && ($0.unitCode == opd || $0.unitCode.hasPrefix(opd + ".")) }
    }

    @Test func providersArePlausible() throws {
        let (_, dev) = try demoDevelopmentCity.get()
        #expect((6...10).contains(dev.providers.count))
        #expect(Set(dev.providers.map(\.code)).count == dev.providers.count)
        for p in dev.providers {
            #expect(["bpsdmd", "lan", "universitas", "swasta", "kementerian"].contains(p.kind), "\(p.code)")
            #expect(["A", "B", "C", "belum"].contains(p.accreditation), "\(p.code)")
            #expect(!p.name.isEmpty && !p.contactName.isEmpty && !p.address.isEmpty)
            #expect(p.phone.hasPrefix("(0") && p.email.contains("@") && p.email.contains("."), "\(p.code)")
        }
        for kind in ["bpsdmd", "lan", "universitas", "swasta", "kementerian"] {
            #expect(dev.providers.contains { $0.kind == kind }, "\(kind)")
        }
        #expect(dev.providers.contains { $0.name.contains("Nusa Cendana") })
    }

    @Test func catalogueCoversEveryCompetencyWithValidPaths() throws {
        let (_, dev) = try demoDevelopmentCity.get()
        let technical = try technicalCodes()
        #expect((75...90).contains(dev.programmes.count), "\(dev.programmes.count)")
        #expect(Set(dev.programmes.map(\.code)).count == dev.programmes.count, "codes unique")
        let providers = Set(dev.providers.map(\.code))
        let known = Set(Self.national + technical)
        for p in dev.programmes {
            #expect(providers.contains(p.providerCode), "\(p.code): provider")
            #expect(!p.title.isEmpty && !p.description.isEmpty)
            #expect(
                !p.raises.isEmpty
                    && p.raises.allSatisfy { known.contains($0.competencyCode) && (1...2).contains($0.levelGain) },
                "\(p.code): raises")
            #expect(Set(p.raises.map(\.competencyCode)).count == p.raises.count)
            #expect(
                (2...200).contains(p.jp) && (0...25_000_000).contains(p.costPerParticipant)
                    && (20...500).contains(p.capacity),
                "\(p.code)")
            guard let allowed = Self.paths[p.form] else {
                Issue.record("\(p.code): form \(p.form)")
                continue
            }
            if p.form == "pendidikan" {
                #expect(p.path == nil && p.raises.allSatisfy { $0.levelGain == 2 }, "\(p.code)")
            } else {
                #expect(p.path.map(allowed.contains) == true, "\(p.code): path \(p.path ?? "nil")")
            }
        }
        let raised = Set(dev.programmes.flatMap { $0.raises.map(\.competencyCode) })
        for code in Self.national + technical { #expect(raised.contains(code), "\(code) is raised by some programme") }
        // Each technical competency has a pelatihan teknis or bimbingan teknis.
        for code in technical {
            #expect(
                dev.programmes.contains {
                    ["KL03", "KL10"].contains($0.path) && $0.raises.contains { $0.competencyCode == code }
                },
                "\(code): teknis programme")
        }
        let byPath = Dictionary(grouping: dev.programmes, by: { $0.path ?? "pendidikan" })
        for path in ["KL01", "KL02", "KL03", "KL06", "KL10", "NKL01", "NKL02", "NKL03", "pendidikan"] {
            #expect(byPath[path] != nil, "\(path)")
        }
        #expect(dev.programmes.contains { $0.path == "KL01" && $0.title.contains("Pengawas") })
        #expect(dev.programmes.contains { $0.path == "KL01" && $0.title.contains("Administrator") })
        // A realistic spread: e-learning short and cheap, leadership long and expensive.
        #expect(
            byPath["NKL03"]!.allSatisfy {
                (4...10).contains($0.jp) && $0.costPerParticipant <= 250_000 && $0.capacity >= 200
            })
        #expect(byPath["NKL03"]!.contains { $0.costPerParticipant == 0 })
        #expect(byPath["KL01"]!.allSatisfy { (150...200).contains($0.jp) && $0.costPerParticipant >= 10_000_000 })
        #expect(byPath["KL10"]!.allSatisfy { (16...40).contains($0.jp) })
    }

    @Test func batchesHaveValidDates() throws {
        let (_, dev) = try demoDevelopmentCity.get()
        let programmes = Dictionary(uniqueKeysWithValues: dev.programmes.map { ($0.code, $0) })
        var names = Set<String>()
        for b in dev.batches {
            guard let p = programmes[b.programmeCode] else {
                Issue.record("\(b.programmeCode): no programme")
                continue
            }
            #expect(names.insert(b.programmeCode + "|" + b.name).inserted, "\(b.programmeCode) \(b.name) unique")
            #expect(b.name.hasPrefix("Angkatan ") && b.name.hasSuffix(String(b.startDate.year)))
            #expect(
                b.startDate <= b.endDate && Self.weekday(b.startDate) < 5 && Self.weekday(b.endDate) < 5,
                "\(b.programmeCode) \(b.name): working days")
            #expect([Self.year, Self.year + 1].contains(b.startDate.year))
            #expect(b.capacity == p.capacity)
            #expect(b.isOnline == b.place.hasPrefix("Daring") && !b.place.isEmpty)
            if p.form == "pendidikan" {
                #expect(
                    b.startDate.month == 8 && b.endDate.year == b.startDate.year + 2,
                    "tugas belajar: two academic years")
            } else {
                #expect(b.endDate.year == b.startDate.year, "\(b.programmeCode) \(b.name) within the year")
                if p.form == "klasikal" {
                    #expect(Self.workdays(b.startDate, b.endDate) == (p.jp + 7) / 8, "\(b.programmeCode): ~8 JP a day")
                } else {
                    #expect(Self.workdays(b.startDate, b.endDate) >= (p.jp + 7) / 8)
                }
            }
        }
        let perProgramme = Dictionary(
            grouping: dev.batches.filter { $0.startDate.year == Self.year }, by: \.programmeCode)
        #expect(dev.programmes.allSatisfy { (1...3).contains(perProgramme[$0.code]?.count ?? 0) }, "1–3 batches a year")
        #expect(dev.batches.contains { $0.startDate.year == Self.year + 1 }, "some planned for next year")
        #expect(
            dev.batches.contains(where: \.isOnline)
                && dev.batches.contains { !$0.isOnline && $0.place.contains("Kupang") })
    }

    @Test func enrolmentsRespectBatches() throws {
        let (kupang, dev) = try demoDevelopmentCity.get()
        let batches = Dictionary(uniqueKeysWithValues: dev.batches.map { ($0.programmeCode + "|" + $0.name, $0) })
        let active = Set(kupang.employees.filter(\.isActive).map(\.nip))
        var seated: [String: Int] = [:]
        var pairs = Set<String>()
        var certificates = Set<String>()
        for e in dev.enrolments {
            let key = e.programmeCode + "|" + e.batchName
            guard let b = batches[key] else {
                Issue.record("\(key): no batch")
                continue
            }
            #expect(active.contains(e.nip), "\(e.nip) is an active employee")
            #expect(pairs.insert(e.nip + "|" + key).inserted, "\(e.nip) twice in \(key)")
            switch e.status {
            case .completed:
                seated[key, default: 0] += 1
                #expect(b.endDate <= Self.today && e.completedOn == b.endDate)
                #expect(e.attendancePercent.map { (80...100).contains($0) } == true)
                if let c = e.certificateNumber {
                    #expect(certificates.insert(c).inserted, "\(c) unique")
                    let parts = c.split(separator: "/")
                    #expect(
                        parts.count == 4 && parts[1] == Substring(String(b.endDate.year)) && parts[3].count == 5, "\(c)"
                    )
                } else {
                    Issue.record("\(e.nip) \(key): completed without certificate")
                }
            case .enrolled:
                seated[key, default: 0] += 1
                #expect(b.endDate > Self.today, "\(key): enrolled only in batches still to come")
                #expect(e.attendancePercent == nil && e.certificateNumber == nil && e.completedOn == nil)
            case .waitlisted, .cancelled:
                #expect(e.attendancePercent == nil && e.certificateNumber == nil && e.completedOn == nil)
            }
        }
        for (key, n) in seated { #expect(n <= batches[key]!.capacity, "\(key): \(n) seats") }
        for e in dev.enrolments where e.status == .waitlisted {
            let key = e.programmeCode + "|" + e.batchName
            #expect(seated[key] == batches[key]!.capacity, "\(key): waitlist only when full")
        }
        let count = Dictionary(grouping: dev.enrolments, by: \.status).mapValues(\.count)
        let completed = count[.completed, default: 0]
        let enrolled = count[.enrolled, default: 0]
        let waitlisted = count[.waitlisted, default: 0]
        let cancelled = count[.cancelled, default: 0]
        #expect(completed > enrolled && enrolled > waitlisted && waitlisted > 0 && cancelled > 0)
        #expect(Double(waitlisted + cancelled) < 0.05 * Double(dev.enrolments.count), "a few waitlisted and cancelled")
        // About two thirds of the active employees have a place (any status but cancelled).
        let placed = Set(dev.enrolments.filter { $0.status != .cancelled }.map(\.nip))
        let share = Double(placed.count) / Double(active.count)
        #expect((0.6...0.72).contains(share), "\(share)")
    }

    @Test func jpRulesAndStory() throws {
        let (kupang, dev) = try demoDevelopmentCity.get()
        let jp = Self.completedJP(dev)
        let active = kupang.employees.filter(\.isActive)
        for e in active where e.employmentType == .pppk {
            #expect(jp[e.nip, default: 0] <= JPRule.maximumPPPK, "\(e.nip): PPPK at most 24 JP")
        }
        let pns = active.filter { $0.employmentType == .pns }
        let met = Double(pns.filter { jp[$0.nip, default: 0] >= JPRule.minimumPNS }.count) / Double(pns.count)
        #expect((0.65...0.85).contains(met), "\(met)")
        #expect(pns.contains { jp[$0.nip, default: 0] == 0 }, "some PNS without any JP")
        #expect(pns.contains { (1..<JPRule.minimumPNS).contains(jp[$0.nip, default: 0]) }, "some PNS below 20 JP")

        let m5 = Set(dev.programmes.filter { $0.raises.contains { $0.competencyCode == "M.5" } }.map(\.code))
        func publicServiceShare(_ opd: String, by last: SimpleDate = Self.today) -> Double {
            let staff = Self.staff(kupang, of: opd)
            let nips = Set(staff.map(\.nip))
            let trained = Set(
                dev.enrolments.filter {
                    $0.status == .completed && m5.contains($0.programmeCode) && nips.contains($0.nip)
                        && $0.completedOn! <= last
                }.map(\.nip))
            return Double(trained.count) / Double(max(1, staff.count))
        }
        let june = SimpleDate(year: Self.year, month: 6, day: 30)!
        let positions = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, $0) })
        let raises = Dictionary(
            uniqueKeysWithValues: dev.programmes.map { ($0.code, Set($0.raises.map(\.competencyCode))) })
        let technical = Set(try technicalCodes())
        for improving in ["DUKCAPIL", "DPMPTSP"] {
            #expect(publicServiceShare(improving, by: june) > 0.75, "\(improving): M.5 wave in the first half")
            // … and in their own technical competencies.
            let staff = Self.staff(kupang, of: improving)
            let own = Dictionary(
                uniqueKeysWithValues: staff.map { e in
                    (
                        e.nip,
                        Set(positions[e.positionCode]?.standard.map(\.competencyCode).filter(technical.contains) ?? [])
                    )
                })
            let trained = Set(
                dev.enrolments.filter { e in
                    e.status == .completed && e.completedOn! <= june
                        && !(raises[e.programmeCode] ?? []).isDisjoint(with: own[e.nip] ?? [])
                }.map(\.nip))
            #expect(Double(trained.count) / Double(max(1, staff.count)) > 0.6, "\(improving): technical wave")
        }
        for lagging in ["SATPOLPP", "DISHUB"] {
            #expect(publicServiceShare("DUKCAPIL") > publicServiceShare(lagging) + 0.5, "\(lagging)")
            let staff = Self.staff(kupang, of: lagging).filter { $0.employmentType == .pns }
            let lagMet = Double(staff.filter { jp[$0.nip, default: 0] >= 20 }.count) / Double(max(1, staff.count))
            #expect(lagMet < met - 0.25, "\(lagging): little training")
        }
    }

    /// Training follows the gaps: most completed programmes of an employee with a gap (standard
    /// above the latest counted assessment) raise one of the competencies in the gap.
    @Test func trainingFollowsTheGaps() throws {
        let (kupang, dev) = try demoDevelopmentCity.get()
        let positions = Dictionary(uniqueKeysWithValues: kupang.positions.map { ($0.code, $0) })
        var latest: [String: [String: (SimpleDate, Int)]] = [:]
        for a in kupang.assessments where a.method != .selfAssessment {
            for r in a.results where (latest[a.nip]?[r.competencyCode]?.0).map({ $0 <= a.date }) ?? true {
                latest[a.nip, default: [:]][r.competencyCode] = (a.date, r.level)
            }
        }
        var gaps: [String: Set<String>] = [:]
        for e in kupang.employees where e.isActive {
            guard let p = positions[e.positionCode], let levels = latest[e.nip] else { continue }
            let g = Set(
                p.standard.filter { s in levels[s.competencyCode].map { $0.1 < s.requiredLevel } ?? false }.map(
                    \.competencyCode))
            if !g.isEmpty { gaps[e.nip] = g }
        }
        let raises = Dictionary(
            uniqueKeysWithValues: dev.programmes.map { ($0.code, Set($0.raises.map(\.competencyCode))) })
        var addressing = 0
        var total = 0
        var reached = Set<String>()
        for e in dev.enrolments where e.status == .completed {
            guard let g = gaps[e.nip] else { continue }
            total += 1
            if !(raises[e.programmeCode] ?? []).isDisjoint(with: g) {
                addressing += 1
                reached.insert(e.nip)
            }
        }
        #expect(Double(addressing) / Double(max(1, total)) > 0.5, "\(addressing) of \(total)")
        let trained = Set(dev.enrolments.filter { $0.status == .completed }.map(\.nip))
        let withGapTrained = gaps.keys.filter(trained.contains)
        #expect(Double(reached.count) / Double(max(1, withGapTrained.count)) > 0.8)
    }

    @Test func learningOutsideTheCatalogue() throws {
        let (kupang, dev) = try demoDevelopmentCity.get()
        let active = Set(kupang.employees.filter(\.isActive).map(\.nip))
        #expect((200...1_000).contains(dev.learning.count), "\(dev.learning.count)")
        for l in dev.learning {
            #expect(active.contains(l.nip) && !l.title.isEmpty && !l.organiser.isEmpty)
            #expect(Self.paths["nonklasikal"]!.contains(l.path), "\(l.path)")
            #expect((2...8).contains(l.jp))
            #expect(l.startDate <= l.endDate && l.startDate.year == Self.year && l.endDate <= Self.today)
            #expect(Self.weekday(l.startDate) < 5 && Self.weekday(l.endDate) < 5)
        }
        let verified = Double(dev.learning.filter(\.verified).count) / Double(max(1, dev.learning.count))
        #expect((0.7...0.97).contains(verified), "\(verified)")
        #expect(Set(dev.learning.map { $0.nip + $0.title }).count == dev.learning.count, "no activity twice per person")
    }

    @Test func sameInputsGiveSameOutput() throws {
        let (kupang, dev) = try demoDevelopmentCity.get()
        let technical = try technicalCodes()
        #expect(DemoDevelopmentGenerator.generate(for: kupang, technicalCodes: technical) == dev)
        #expect(DemoDevelopmentGenerator.generate(for: kupang, technicalCodes: technical, seed: 7) != dev)
    }

    /// Linear time: the city (about 7,000 employees) in well under a second even in a debug build
    /// (the bound is loose so that a loaded machine does not fail it; a quadratic scan would).
    @Test func cityIsFast() throws {
        let kupang = try demoCity.get()[0]
        let technical = try technicalCodes()
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = DemoDevelopmentGenerator.generate(for: kupang, technicalCodes: technical) }
        #expect(elapsed < .seconds(2), "\(elapsed)")
    }

    /// Every government of the province (called once per instansi, as the app does) keeps the
    /// hard rules.
    @Test func provinceKeepsTheRules() throws {
        let technical = try technicalCodes()
        for inst in try demoProvince.get().dropFirst() {
            let dev = DemoDevelopmentGenerator.generate(for: inst, technicalCodes: technical)
            let capacity = Dictionary(
                uniqueKeysWithValues: dev.batches.map { ($0.programmeCode + "|" + $0.name, $0.capacity) })
            var seated: [String: Int] = [:]
            for e in dev.enrolments where e.status == .completed || e.status == .enrolled {
                seated[e.programmeCode + "|" + e.batchName, default: 0] += 1
            }
            #expect(seated.allSatisfy { $0.value <= capacity[$0.key] ?? 0 }, "\(inst.code): capacity")
            let jp = Self.completedJP(dev)
            #expect(
                inst.employees.allSatisfy { $0.employmentType == .pns || jp[$0.nip, default: 0] <= JPRule.maximumPPPK },
                "\(inst.code): PPPK cap")
            let pns = inst.employees.filter { $0.isActive && $0.employmentType == .pns }
            let met =
                Double(pns.filter { jp[$0.nip, default: 0] >= JPRule.minimumPNS }.count) / Double(max(1, pns.count))
            #expect((0.6...0.85).contains(met), "\(inst.code): \(met)")
            #expect(
                !dev.batches.contains {
                    $0.place.contains("Kota Kupang") && $0.place.hasPrefix("Aula") && $0.place.contains("Wali")
                },
                "\(inst.code): no halls of the city")
        }
    }
}
