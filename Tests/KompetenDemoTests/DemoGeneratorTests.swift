import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// A seed file in the repository (found from this file, so tests run from any directory).
func demoSeedURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Seed/" + name)
}

private let loaded = Result {
    try OrganisationSeed.decode(Data(contentsOf: demoSeedURL("kota-kupang-organisation.json")))
}
private func seed() throws -> OrganisationSeed { try loaded.get() }

/// The national dictionary and the city's technical competencies, merged.
let demoCompetencies = Result {
    CompetencySeed.merged([
        try CompetencySeed.decode(Data(contentsOf: demoSeedURL("kamus-kompetensi.json"))),
        try CompetencySeed.decode(Data(contentsOf: demoSeedURL("kompetensi-teknis.json"))),
    ])
}

// Generated once: the province is 100,000 people and several tests (here and in
// DemoIdentifyTests) look at it.
let demoCity = Result {
    DemoGenerator.generate(seed: try loaded.get(), competencies: try demoCompetencies.get(), scale: .city)
}
let demoProvince = Result {
    DemoGenerator.generate(seed: try loaded.get(), competencies: try demoCompetencies.get(), scale: .province)
}
private var city: Result<[DemoInstansi], any Error> { demoCity }
private var province: Result<[DemoInstansi], any Error> { demoProvince }

@Suite("DemoGenerator") struct DemoGeneratorTests {
    @Test func organisationFileIsConsistent() throws {
        let seed = try seed()
        #expect(seed.problems == [])
        let byCode = Dictionary(seed.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byCode.count == seed.units.count, "codes unique")
        for u in seed.units {
            #expect(OrganisationSeed.isValidCode(u.code), "\(u.code)")
            if let p = u.parent {
                #expect(byCode[p] != nil, "parent of \(u.code)")
                #expect(u.code.hasPrefix(p + "."), "\(u.code) under \(p)")
            }
        }
        #expect(seed.units.filter { $0.kind == .kecamatan }.count == 6)
        let kelurahan = seed.units.filter { $0.kind == .kelurahan }
        #expect(kelurahan.count == 51)
        #expect(kelurahan.allSatisfy { byCode[$0.parent ?? ""]?.kind == .kecamatan })
        let topLevel = seed.units.filter { $0.parent == nil }
        #expect((50...60).contains(topLevel.count))
        for known in [
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Badan Kepegawaian, Pendidikan dan Pelatihan Daerah (BKPPD)", "Dinas Kesehatan",
        ] {
            #expect(topLevel.contains { $0.name == known }, "\(known)")
        }
        #expect(seed.instansi.code == "kota-kupang")
        #expect(seed.provinceInstansi.count == 22)
    }

    @Test func cityHasItsUnitsAndAboutSevenThousandPeople() throws {
        let all = try city.get()
        try #require(all.count == 1)
        let kupang = all[0]
        #expect(kupang.code == "kota-kupang")
        #expect(kupang.units.count == (try seed()).units.count)
        #expect((6_500...7_500).contains(kupang.employees.count))
        let perUnit = Dictionary(grouping: kupang.employees, by: \.unitCode).mapValues(\.count)
        #expect(kupang.units.allSatisfy { perUnit[$0.code, default: 0] >= 1 })
        for u in kupang.units where u.kind == .kelurahan {
            #expect((6...20).contains(perUnit[u.code, default: 0]), "\(u.code)")
        }
        // The big services are big.
        let rsud = kupang.employees.filter { $0.unitCode.hasPrefix("RSUD") }.count
        #expect(rsud > 300)
    }

    @Test func provinceHas23InstansiAndAboutHundredThousandPeople() throws {
        let seed = try seed()
        let all = try province.get()
        #expect(all.count == 23)
        #expect(Set(all.map(\.code)).count == 23)
        #expect((95_000...105_000).contains(all.reduce(0) { $0 + $1.employees.count }))
        for inst in all {
            let codes = Set(inst.units.map(\.code))
            #expect(codes.count == inst.units.count, "\(inst.code): unit codes unique")
            #expect(
                inst.units.allSatisfy { u in
                    u.parentCode.map { codes.contains($0) && u.code.hasPrefix($0 + ".") } ?? true
                })
            let staffed = Set(inst.employees.map(\.unitCode))
            #expect(inst.units.allSatisfy { staffed.contains($0.code) }, "\(inst.code): every unit staffed")
            #expect(staffed.isSubset(of: codes))
        }
        for (inst, source) in zip(all.dropFirst(), seed.provinceInstansi) {
            #expect(
                inst.units.allSatisfy { !$0.name.contains("Kota Kupang") && !$0.name.contains("{") }, "\(inst.code)")
            let kecamatan = inst.units.filter { $0.kind == .kecamatan }
            let kelurahan = inst.units.filter { $0.kind == .kelurahan }
            if source.level == .provinsi {
                #expect(kecamatan.isEmpty && kelurahan.isEmpty)
            } else {
                #expect(!kecamatan.isEmpty)
                let kecCodes = Set(kecamatan.map(\.code))
                #expect(kelurahan.allSatisfy { kecCodes.contains($0.parentCode ?? "") })
            }
        }
        let alor = try #require(all.first { $0.code == "kab-alor" })
        #expect(alor.units.contains { $0.name == "Rumah Sakit Umum Daerah Kabupaten Alor" })
    }

    @Test func everyNIPParsesAndMatchesThePerson() throws {
        let everyone = try province.get().flatMap(\.employees)
        var nips = Set<String>()
        var niks = Set<String>()
        for e in everyone {
            guard case .success(let nip) = NIP.parse(e.nip) else {
                Issue.record("NIP \(e.nip) does not parse")
                continue
            }
            #expect(nip.kind == e.employmentType && nip.sex == e.sex && nip.birthDate == e.birthDate)
            if e.employmentType == .pns {
                #expect((1966...2000).contains(e.birthDate.year))
                #expect((1985...2026).contains(nip.appointmentYear))
                #expect((22...35).contains(nip.appointmentYear - e.birthDate.year))
            } else {
                #expect((2021...2025).contains(nip.appointmentYear))
            }
            #expect(e.nik.count == 16 && e.nik.allSatisfy(\.isASCII) && e.nik.hasPrefix("53"))
            // NIK digits 7–12: DDMMYY, a woman's day + 40.
            let d = Array(e.nik)
            let day = Int(String(d[6...7]))!
            let month = Int(String(d[8...9]))!
            let year = Int(String(d[10...11]))!
            #expect(
                day == e.birthDate.day + (e.sex == .female ? 40 : 0) && month == e.birthDate.month
                    && year == e.birthDate.year % 100)
            nips.insert(e.nip)
            niks.insert(e.nik)
        }
        #expect(nips.count == everyone.count, "NIPs unique across the province")
        #expect(niks.count == everyone.count, "NIKs unique across the province")
        let kupang = try city.get()[0]
        #expect(kupang.employees.allSatisfy { $0.nik.hasPrefix("5371") })
    }

    @Test func mixOfPeopleIsPlausible() throws {
        let everyone = try province.get().flatMap(\.employees)
        let n = Double(everyone.count)
        let pns = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c"]
        #expect(
            everyone.allSatisfy {
                $0.employmentType == .pns ? pns.contains($0.rank) : ["V", "VII", "IX", "X"].contains($0.rank)
            })
        let pppk = Double(everyone.filter { $0.employmentType == .pppk }.count) / n
        #expect((0.17...0.23).contains(pppk))
        let inactive = Double(everyone.filter { !$0.isActive }.count) / n
        #expect((0.01...0.03).contains(inactive))
        let titled = Double(everyone.filter { $0.name.contains(",") || $0.name.hasPrefix("dr. ") }.count) / n
        #expect((0.4...0.75).contains(titled))
        #expect(everyone.contains { $0.name.hasPrefix("dr. ") && $0.unitCode.hasPrefix("RSUD") })
        #expect(!everyone.contains { $0.name.hasPrefix("dr. ") && $0.unitCode.hasPrefix("BPKAD") })
    }

    @Test func sameInputsGiveSameOutput() throws {
        let seed = try seed()
        let competencies = try demoCompetencies.get()
        #expect(DemoGenerator.generate(seed: seed, competencies: competencies, scale: .city) == (try city.get()))
        #expect(
            DemoGenerator.generate(seed: seed, competencies: competencies, scale: .province) == (try province.get()))
        // Kota Kupang is the same in both scales.
        #expect((try province.get())[0] == (try city.get())[0])
        #expect(
            DemoGenerator.generate(seed: seed, competencies: competencies, scale: .city, randomSeed: 7)
                != (try city.get()))
    }

    @Test func distributionKeepsTheTotalAndStaffsEveryUnit() {
        let counts = demoDistribute(100, weights: [50, 0.01, 30, 19.99, 0.5])
        #expect(counts.reduce(0, +) == 100 && counts.allSatisfy { $0 >= 1 })
        #expect(demoDistribute(3, weights: [1, 1, 1]) == [1, 1, 1])
        #expect(demoDistribute(10, weights: [1, 1]) == [5, 5])
        #expect(demoDistribute(5, weights: []) == [])
    }

    @Test func randomStreamIsFixed() {
        // SplitMix64's published first output for seed 0; a change here would change all demo data.
        var r = DemoRandom(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
    }
}
