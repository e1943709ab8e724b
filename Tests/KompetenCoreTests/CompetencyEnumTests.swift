import Foundation
import Testing

@testable import KompetenCore

@Suite("CompetencyEnums") struct CompetencyEnumTests {
    @Test func storedCodesAreTheSpecCodes() {
        #expect(CompetencyGroup.allCases.map(\.rawValue) == ["teknis", "manajerial", "sosial_kultural"])
        #expect(
            AssessmentMethod.allCases.map(\.rawValue)
                == ["assessment_center", "uji_kompetensi", "cat_sjt", "supervisor", "self", "360"])
        #expect(
            PositionKind.allCases.map(\.rawValue) == ["jpt", "administrator", "pengawas", "pelaksana", "fungsional"])
    }

    @Test func indonesianLabels() {
        #expect(CompetencyGroup.sosialKultural.label == "Sosial Kultural")
        #expect(
            AssessmentMethod.allCases.map(\.label) == [
                "Assessment center", "Uji kompetensi", "CAT/SJT", "Penilaian atasan", "Penilaian diri",
                "Penilaian 360°",
            ])
        #expect(PositionKind.jpt.label == "Jabatan Pimpinan Tinggi")
        #expect(GapStatus.belumDinilai.label == "Belum dinilai")
    }

    @Test func onlySelfAssessmentDoesNotCount() {
        #expect(AssessmentMethod.allCases.filter { !$0.countsTowardProfile } == [.selfAssessment])
    }

    @Test func codableUsesRawValues() throws {
        let json = try JSONEncoder().encode([AssessmentMethod.threeSixty, .selfAssessment])
        #expect(String(decoding: json, as: UTF8.self) == #"["360","self"]"#)
        #expect(
            try JSONDecoder().decode(CompetencyGroup.self, from: Data(#""sosial_kultural""#.utf8)) == .sosialKultural)
    }
}

@Suite("CurrentProfile") struct CurrentProfileTests {
    private func r(_ code: String, _ level: Int, _ iso: String, _ m: AssessmentMethod, _ seq: Int) -> AssessedLevel {
        AssessedLevel(competencyCode: code, level: level, date: SimpleDate(iso: iso)!, method: m, sequence: seq)
    }

    @Test func latestCountingResultPerCompetency() {
        let results = [
            r("INT", 2, "2024-01-10", .assessmentCenter, 1),
            r("INT", 3, "2025-03-01", .supervisor, 5),
            r("INT", 5, "2025-06-01", .selfAssessment, 9), // later and higher, but self: ignored
            r("KS", 4, "2025-02-02", .catSJT, 7), // same day: higher sequence wins,
            r("KS", 2, "2025-02-02", .ujiKompetensi, 3), // whatever the input order
            r("PP", 4, "2023-05-05", .assessmentCenter, 2),
            r("PP", 3, "2025-05-05", .threeSixty, 4), // newer wins even when lower
            r("KOM", 5, "2025-01-01", .selfAssessment, 6), // only self-rated: absent
        ]
        let p = CurrentProfile.latest(results)
        #expect(Set(p.keys) == ["INT", "KS", "PP"])
        #expect(p["INT"]?.level == 3 && p["INT"]?.method == .supervisor)
        #expect(p["KS"]?.level == 4)
        #expect(p["PP"]?.level == 3)
        #expect(CurrentProfile.latestLevels(results) == ["INT": 3, "KS": 4, "PP": 3])
    }

    @Test func dateBeatsSequence() {
        // An older assessment entered later (higher id) does not replace a newer one.
        let p = CurrentProfile.latest([
            r("INT", 4, "2025-03-01", .supervisor, 1), r("INT", 2, "2024-03-01", .supervisor, 99),
        ])
        #expect(p["INT"]?.level == 4)
    }

    @Test func exactTieTakesLaterInput() {
        let p = CurrentProfile.latest([
            r("INT", 2, "2025-03-01", .supervisor, 1), r("INT", 3, "2025-03-01", .supervisor, 1),
        ])
        #expect(p["INT"]?.level == 3)
        #expect(CurrentProfile.latest([]).isEmpty)
    }
}

@Suite("Stats") struct StatsTests {
    @Test func mean() {
        #expect(Stats.mean([]) == nil)
        #expect(Stats.mean([1, 2, 3, 4]) == 2.5) // 10 / 4
        #expect(Stats.mean([-1, 1]) == 0)
    }

    @Test func histogramBinsAreHalfOpenExceptTheLast() {
        let values: [Double] = [0, 49.99, 50, 67.99, 68, 78, 79.99, 80, 90, 100, 100.01, -1, .nan]
        // [0,50): 0, 49.99 | [50,60): 50 | [60,68): 67.99 | [68,78): 68 | [78,80): 78, 79.99
        // [80,90): 80 | [90,100]: 90, 100 — and 100.01, -1, NaN are outside.
        #expect(Stats.histogram(values, edges: Stats.jpmBinEdges) == [2, 1, 1, 1, 2, 1, 2])
        #expect(Stats.histogram([1, 2], edges: [0]) == [])
        #expect(Stats.histogram([], edges: [0, 1, 2]) == [0, 0])
    }

    @Test func binLabels() {
        #expect(
            Stats.binLabels(Stats.jpmBinEdges)
                == ["0–<50", "50–<60", "60–<68", "68–<78", "78–<80", "80–<90", "90–100"])
        #expect(Stats.binLabels([0, 0.5, 1]) == ["0–<0,50", "0,50–1"])
    }
}
