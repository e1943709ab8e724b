import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// Step 1 of the mission in the demo data: the competency dictionary, positions with their
/// standards, and three years of assessments (`demoCity`/`demoProvince` from DemoGeneratorTests).
@Suite("Demo: identify needs") struct DemoIdentifyTests {
    static let national = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]

    static func isValidPositionCode(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.count <= 32
            && code.utf8.allSatisfy {
                ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45
            }
    }

    @Test func dictionaryFilesAreComplete() throws {
        let kamus = try CompetencySeed.decode(Data(contentsOf: demoSeedURL("kamus-kompetensi.json")))
        let teknis = try CompetencySeed.decode(Data(contentsOf: demoSeedURL("kompetensi-teknis.json")))
        #expect(kamus.problems == [] && teknis.problems == [])
        #expect(kamus.competencies.map(\.code) == Self.national)
        #expect(kamus.competencies.filter { $0.group == .manajerial }.count == 8)
        #expect(kamus.competencies.last?.group == .sosialKultural)
        #expect((16...24).contains(teknis.competencies.count))
        #expect(
            teknis.competencies.allSatisfy { $0.group == .teknis && $0.code.hasPrefix("T.") && !$0.keywords.isEmpty })
        for c in kamus.competencies + teknis.competencies {
            #expect(
                c.levels.allSatisfy {
                    (2...3).contains($0.indicators.count) && $0.indicators.allSatisfy { !$0.isEmpty }
                },
                "\(c.code): 2–3 indicators per level")
        }
        // The descriptions are the regulation's.
        #expect(
            kamus.competencies[0].levels[0].description
                == "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi")
        #expect(kamus.competencies[4].name == "Pelayanan Publik")
    }

    @Test func everyFieldOfTheOrganisationHasTechnicalCompetencies() throws {
        let teknis = try demoCompetencies.get().competencies.filter { $0.group == .teknis }
        let org = try OrganisationSeed.decode(Data(contentsOf: demoSeedURL("kota-kupang-organisation.json")))
        let unitFields = Set(org.units.compactMap(\.field))
        let teknisFields = Set(teknis.compactMap(\.field))
        #expect(teknisFields == unitFields, "teknis fields are the organisation's fields")
    }

    @Test func mergedReplacesByCodeAndKeepsOrder() throws {
        func seed(_ json: String) throws -> CompetencySeed { try CompetencySeed.decode(Data(json.utf8)) }
        let levels = (1...5).map { #"{"level":\#($0),"description":"L\#($0)"}"# }.joined(separator: ",")
        let a = try seed(
            #"{"competencies":[{"code":"M.1","name":"A","group":"manajerial","definition":"d","levels":[\#(levels)]},{"code":"M.2","name":"B","group":"manajerial","definition":"d","levels":[\#(levels)]}]}"#
        )
        let b = try seed(
            #"{"competencies":[{"code":"M.1","name":"A2","group":"manajerial","definition":"d","levels":[\#(levels)]},{"code":"T.X","name":"X","group":"teknis","definition":"d","levels":[\#(levels)]}]}"#
        )
        let merged = CompetencySeed.merged([a, b])
        #expect(merged.competencies.map(\.code) == ["M.1", "M.2", "T.X"])
        #expect(merged.competencies[0].name == "A2")
        #expect(merged.competencies[0].levels[0].indicators == [])
        #expect(merged.problems == ["T.X: kompetensi teknis tanpa bidang (field)"])
    }

    @Test func everyUnitHasOneHeadAndStaffPositions() throws {
        for inst in try demoProvince.get() {
            let codes = inst.positions.map(\.code)
            #expect(Set(codes).count == codes.count, "\(inst.code): position codes unique")
            #expect(codes.allSatisfy(Self.isValidPositionCode), "\(inst.code): codes of A–Z, 0–9, . and -, at most 32")
            let byUnit = Dictionary(grouping: inst.positions, by: \.unitCode)
            #expect(byUnit.count == inst.units.count, "\(inst.code): every unit has positions")
            for u in inst.units {
                let positions = byUnit[u.code] ?? []
                let heads = positions.filter { [.jpt, .administrator, .pengawas].contains($0.kind) }
                let staff = positions.filter { $0.kind == .pelaksana || $0.kind == .fungsional }
                #expect(heads.count == 1 && (1...3).contains(staff.count), "\(inst.code) \(u.code)")
                #expect(heads.first?.code == u.code + ".J1")
                #expect(
                    positions.allSatisfy {
                        (3...5).contains($0.duties.count) && !$0.summary.isEmpty && !$0.name.contains("{")
                    })
                let expected: PositionKind =
                    switch u.kind {
                    case .opd: u.name.hasPrefix("Bagian ") ? .administrator : .jpt
                    case .kecamatan, .sekretariat: .administrator
                    case .bidang: u.name.hasPrefix("Asisten ") ? .jpt : .administrator
                    case .seksi, .upt, .kelurahan: .pengawas
                    }
                #expect(heads.first?.kind == expected, "\(u.code) \(u.name)")
            }
        }
        let kupang = try demoCity.get()[0]
        let names = Set(kupang.positions.map(\.name))
        for known in [
            "Kepala Dinas Kependudukan dan Pencatatan Sipil", "Camat Alak", "Lurah Oebobo", "Sekretaris Daerah",
            "Perawat Ahli Pertama", "Guru Ahli Pertama", "Pranata Komputer Ahli Pertama", "Pengadministrasi Umum",
        ] {
            #expect(names.contains(known), "\(known)")
        }
    }

    @Test func everyEmployeeHoldsAPositionOfTheirUnitAndHeadsComeFirst() throws {
        for inst in try demoProvince.get() {
            let positions = Dictionary(uniqueKeysWithValues: inst.positions.map { ($0.code, $0) })
            var seen = Set<String>()
            for e in inst.employees {
                let p = positions[e.positionCode]
                #expect(p?.unitCode == e.unitCode, "\(e.nip) \(e.positionCode)")
                let first = seen.insert(e.unitCode).inserted
                #expect(first == (e.positionCode == e.unitCode + ".J1"), "\(inst.code) \(e.unitCode): head first, once")
            }
        }
    }

    @Test func standardsFollowTheDictionaryAndTheKind() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: try demoCompetencies.get().competencies.map { ($0.code, $0) })
        for p in try demoProvince.get().flatMap(\.positions) {
            let codes = p.standard.map(\.competencyCode)
            #expect(Array(codes.prefix(9)) == Self.national, "\(p.code): the 9 national competencies")
            #expect(Set(codes).count == codes.count)
            let teknis = p.standard.dropFirst(9)
            #expect(
                (1...2).contains(teknis.count) && teknis.allSatisfy { dictionary[$0.competencyCode]?.group == .teknis })
            #expect(teknis.allSatisfy { (2...4).contains($0.requiredLevel) })
            #expect(
                p.standard.allSatisfy { dictionary[$0.competencyCode] != nil && (1...5).contains($0.requiredLevel) })
            let levels = Set(p.standard.prefix(9).map(\.requiredLevel))
            let allowed: Set<Int> =
                switch p.kind {
                case .jpt: [4]
                case .administrator: [3]
                case .pengawas, .fungsional: [2, 3]
                case .pelaksana: [1, 2]
                }
            #expect(levels.isSubset(of: allowed), "\(p.code) \(p.kind)")
        }
        // Each unit's technical competencies are those of its work.
        let kupang = try demoCity.get()[0]
        let teknisOf = { (unit: String) in
            Set(kupang.positions.first { $0.code == unit + ".J1" }!.standard.dropFirst(9).map(\.competencyCode))
        }
        #expect(teknisOf("DUKCAPIL.B1").contains("T.ADMDUK"))
        #expect(teknisOf("DINKES.PKM01").contains("T.YANKES"))
        #expect(teknisOf("DIKBUD.UPT1") == ["T.DIK"])
        #expect(teknisOf("KEC-ALAK.ALAK") == ["T.PEMUM"])
    }
}
