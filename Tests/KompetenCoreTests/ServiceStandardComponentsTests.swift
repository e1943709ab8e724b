import Foundation
import Testing

@testable import KompetenCore

/// Issue 18: the 14 components of a standar pelayanan (UU 25/2009 Ps 21, PermenPANRB 15/2014),
/// their validation, the kompetensi pelaksana rule and the versioning rule.
@Suite("Services: standar pelayanan components")
struct ServiceStandardComponentsTests {
    static func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    static func valid() -> ServiceStandardContent {
        var texts: [ServiceStandardComponent: String] = [:]
        for c in ServiceStandardComponent.textComponents { texts[c] = "Isi \(c.label)" }
        return ServiceStandardContent(
            texts: texts, competencies: [.init(competencyCode: "M.5", requiredLevel: 3)], staffCount: 4)
    }

    @Test func fourteenComponentsInTheRegulationsTwoGroups() {
        #expect(ServiceStandardComponent.allCases.count == 14)
        // PermenPANRB 15/2014: 6 delivery components, 8 management ones, numbered within each group.
        #expect(
            ServiceStandardGroup.delivery.components.map(\.rawValue) == [
                "persyaratan", "prosedur", "jangkaWaktu", "biaya", "produk", "pengaduan",
            ])
        #expect(ServiceStandardGroup.management.components.count == 8)
        #expect(ServiceStandardComponent.dasarHukum.number == 1)
        #expect(ServiceStandardComponent.evaluasiKinerja.number == 8)
        #expect(ServiceStandardComponent.pengaduan.number == 6)
        #expect(ServiceStandardComponent.textComponents.count == 12)
        #expect(TextHygiene.isMultiLine("persyaratan") && TextHygiene.isMultiLine("evaluasiKinerja"))
    }

    @Test func validContentHasNoProblems() {
        #expect(ServiceStandardRules.problems(Self.valid(), knownCodes: ["M.5"]).isEmpty)
    }

    @Test func requiredComponentsLengthsLevelsAndCodesAreNamed() {
        var c = Self.valid()
        c.texts[.biaya] = "  "
        c.texts[.saranaPrasarana] = "" // optional: fine
        c.texts[.produk] = String(repeating: "x", count: 1_001)
        c.competencies = [
            .init(competencyCode: "M.5", requiredLevel: 6),
            .init(competencyCode: "X.99", requiredLevel: 2),
            .init(competencyCode: "M.5", requiredLevel: 2),
        ]
        c.staffCount = -1
        let fields = ServiceStandardRules.problems(c, knownCodes: ["M.5"]).map(\.field)
        #expect(
            fields == [
                "components.biaya", "components.produk", "components.kompetensiPelaksana[0].requiredLevel",
                "components.kompetensiPelaksana[1].competencyCode",
                "components.kompetensiPelaksana[2].competencyCode", "components.jumlahPelaksana.count",
            ])
    }

    /// Standard M.5 ≥ 3 and T.01 ≥ 2. Five holders, worked by hand:
    /// A (M.5 3, T.01 2) meets; B (4, 3) meets; C (3, 2) meets; D (2, 2) misses M.5 (2 < 3);
    /// E (M.5 3, T.01 never assessed) misses T.01 (unknown is not met). 3 of 5 meet.
    @Test func threeOfFiveMeetTheKompetensiPelaksana() {
        let required: [PelaksanaCompetency] = [
            .init(competencyCode: "M.5", requiredLevel: 3), .init(competencyCode: "T.01", requiredLevel: 2),
        ]
        let staff: [String: [String: Int]] = [
            "A": ["M.5": 3, "T.01": 2], "B": ["M.5": 4, "T.01": 3], "C": ["M.5": 3, "T.01": 2, "M.1": 1],
            "D": ["M.5": 2, "T.01": 2], "E": ["M.5": 3],
        ]
        let tally = PelaksanaCompliance.tally(required, staff: staff)
        #expect(tally.staff == 5)
        #expect(tally.meeting == 3)
        #expect(Set(tally.missing.keys) == ["D", "E"])
        #expect(tally.missing["D"]?.map(\.competencyCode) == ["M.5"])
        #expect(tally.missing["D"]?.first?.actual == 2)
        #expect(tally.missing["E"]?.map(\.competencyCode) == ["T.01"])
        #expect(tally.missing["E"]?.first?.actual == nil)
        // No competency named: nobody can miss one.
        #expect(PelaksanaCompliance.meets([], actual: [:]))
    }

    @Test func staffingComparesRequiredWithHolders() {
        // 6 required, 5 hold the delivering positions: 1 short.
        let short = StaffingComparison(required: 6, holders: 5)
        #expect(short.shortfall == 1 && !short.isMet)
        #expect(short.label == "5 dari 6 pelaksana yang dibutuhkan (kurang 1)")
        let surplus = StaffingComparison(required: 4, holders: 5)
        #expect(surplus.isMet && surplus.surplus == 1 && surplus.shortfall == 0)
        let unset = StaffingComparison(required: 0, holders: 3)
        #expect(!unset.isDefined && !unset.isMet)
    }

    @Test func versioningAppendsReplacesOnlyWhatIsNotYetInForce() {
        let today = Self.d("2026-11-29")
        let v1 = ServiceStandardVersioning.Version(number: 1, effectiveFrom: Self.d("2000-01-01"))
        let v2 = ServiceStandardVersioning.Version(number: 2, effectiveFrom: Self.d("2027-01-01"))
        #expect(ServiceStandardVersioning.decide([], effectiveFrom: today, today: today) == .append(1))
        #expect(ServiceStandardVersioning.decide([v1], effectiveFrom: today, today: today) == .append(2))
        // Version 2 is announced for 1 January 2027: the same date again corrects it in place.
        #expect(
            ServiceStandardVersioning.decide([v1, v2], effectiveFrom: Self.d("2027-01-01"), today: today) == .replace(2)
        )
        // On its first day it is in force, and history: refused.
        guard
            case .conflict = ServiceStandardVersioning.decide(
                [v1, v2], effectiveFrom: Self.d("2027-01-01"), today: Self.d("2027-01-01"))
        else {
            Issue.record("expected a conflict")
            return
        }
        guard
            case .invalid = ServiceStandardVersioning.decide(
                [v1, v2], effectiveFrom: Self.d("2026-12-01"), today: today)
        else {
            Issue.record("expected invalid")
            return
        }
        #expect(ServiceStandardVersioning.inForce([v1, v2], on: today)?.number == 1)
        #expect(ServiceStandardVersioning.inForce([v1, v2], on: Self.d("2027-01-01"))?.number == 2)
    }

    @Test func versionOneFromTheOldCatalogueFieldsLeavesNothingRequiredEmpty() {
        let c = ServiceStandardContent.initial(
            fee: 0, requirements: "Kartu Keluarga", legalBasis: "", standardText: "1 hari", shortCode: "ktp")
        #expect(c.text(.persyaratan) == "Kartu Keluarga")
        #expect(c.text(.biaya) == "Tidak dipungut biaya (gratis).")
        #expect(c.text(.jangkaWaktu) == "1 hari")
        #expect(ServiceStandardRules.problems(c, knownCodes: []).isEmpty)
    }
}

@Suite("Services: kompetensi pelaksana in one cell")
struct PelaksanaCompetencyCellTests {
    @Test func roundTripsAndNamesTheBadPart() throws {
        let rows = [
            PelaksanaCompetency(competencyCode: "M.5", requiredLevel: 3),
            PelaksanaCompetency(competencyCode: "T.ADMDUK", requiredLevel: 2),
        ]
        #expect(PelaksanaCompetencyCell.format(rows) == "M.5:3; T.ADMDUK:2")
        #expect(try PelaksanaCompetencyCell.parse("M.5:3; T.ADMDUK:2").get() == rows)
        #expect(try PelaksanaCompetencyCell.parse(" M.5 : 3 ;; T.ADMDUK:2; ").get() == rows)
        #expect(try PelaksanaCompetencyCell.parse("").get().isEmpty)
        guard case .failure(let problem) = PelaksanaCompetencyCell.parse("M.5:3; SK.1=2") else {
            Issue.record("expected a problem")
            return
        }
        #expect(problem.message.contains("\"SK.1=2\""))
    }
}
