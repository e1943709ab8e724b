import Testing

@testable import KompetenCore

/// Issue 15 item 15: a JPM change is level 2/3 evidence, level 4 is the unit's service results.
@Suite("Kirkpatrick: which level a monitoring figure is evidence of")
struct KirkpatrickEvidenceTests {
    @Test func jpmChangeIsNotLevelFour() {
        #expect(KirkpatrickEvidence.jpmChange.levels == [.learning, .behaviour])
        #expect(KirkpatrickEvidence.jpmChange.levelTag == "L2/L3")
        #expect(!KirkpatrickEvidence.jpmChange.label.contains("L4"))
        #expect(KirkpatrickEvidence.unitServiceResults.levels == [.results])
        #expect(KirkpatrickEvidence.unitServiceResults.levelTag == "L4")
        #expect(KirkpatrickEvidence.unitServiceResults.label.contains("layanan"))
    }
}

/// Issue 15 item 16: the 9-box potential measured against the person's own position's standard.
@Suite("Talent 9-box: potential against the own position's standard")
struct PotentialAgainstStandardTests {
    typealias Item = PotentialScore.Item
    static let cutoffs = PotentialCutoffs(menengah: 2.5, tinggi: 3.25)!

    @Test func aPelaksanaAtTheirStandardIsNotRendah() throws {
        // A pelaksana whose standard asks level 2 on M.1–M.5 and SK.1, and who has exactly 2 on
        // each: the old rule (mean of levels = 2.0 < 2.5) said rendah. Against the standard:
        // 3 + mean(0) = 3.0 → menengah.
        let atStandard = Array(repeating: Item(level: 2, required: 2), count: 6)
        let score = try #require(PotentialScore.score(atStandard))
        #expect(score == 3.0)
        #expect(Self.cutoffs.level(score) == .menengah)
        #expect(Self.cutoffs.level(2.0) == .rendah) // what the old absolute mean gave
    }

    @Test func aboveAndBelowTheStandard() {
        // Administrator standard 3,3,3,3; results 4,3,3,4 → mean difference (1+0+0+1)/4 = 0.5 → 3.5 tinggi.
        let above = PotentialScore.score([
            Item(level: 4, required: 3), Item(level: 3, required: 3), Item(level: 3, required: 3),
            Item(level: 4, required: 3),
        ])
        #expect(above == 3.5 && Self.cutoffs.level(3.5) == .tinggi)
        // Standard 3,3; results 2,2 → 3 − 1 = 2.0 → rendah.
        #expect(PotentialScore.score([Item(level: 2, required: 3), Item(level: 2, required: 3)]) == 2.0)
        // Half a level below on average: 2.5, exactly the menengah cut-off.
        #expect(PotentialScore.score([Item(level: 2, required: 3), Item(level: 3, required: 3)]) == 2.5)
        // Kept within 1–5: four levels below → 1; three above → 5.
        #expect(PotentialScore.score([Item(level: 1, required: 5)]) == 1.0)
        #expect(PotentialScore.score([Item(level: 5, required: 2)]) == 5.0)
        // Nothing to measure against: no score (belum dinilai), never rendah.
        #expect(PotentialScore.score([]) == nil)
    }
}
