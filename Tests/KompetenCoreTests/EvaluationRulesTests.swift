import Testing

@testable import KompetenCore

@Suite("Evaluation groundwork: SKP predicate, 9-box, normalised gain")
struct EvaluationRulesTests {
    @Test func skpMatrixAllNineCells() {
        // Written out from reference/predikat-skp.json (rows hasil kerja, columns perilaku kerja).
        let expected: [(SKPRating, SKPRating, String)] = [
            (.aboveExpectation, .belowExpectation, "Kurang/Misconduct"),
            (.aboveExpectation, .asExpected, "Baik"),
            (.aboveExpectation, .aboveExpectation, "Sangat Baik"),
            (.asExpected, .belowExpectation, "Kurang/Misconduct"),
            (.asExpected, .asExpected, "Baik"),
            (.asExpected, .aboveExpectation, "Baik"),
            (.belowExpectation, .belowExpectation, "Sangat Kurang"),
            (.belowExpectation, .asExpected, "Butuh Perbaikan"),
            (.belowExpectation, .aboveExpectation, "Butuh Perbaikan"),
        ]
        for (hasil, perilaku, predicate) in expected {
            #expect(
                SKPPredicate.of(hasilKerja: hasil, perilakuKerja: perilaku).rawValue == predicate,
                "\(hasil) × \(perilaku)")
        }
        #expect(SKPRating(rawValue: "sesuai_ekspektasi") == .asExpected)
    }

    @Test func nineBoxesAndCutoffEdges() {
        // The grid of reference/talenta-9-box.json, row by row from the top.
        let grid: [(PotentialLevel, [Int])] = [(.tinggi, [6, 8, 9]), (.menengah, [3, 5, 7]), (.rendah, [1, 2, 4])]
        for (potential, boxes) in grid {
            for (performance, box) in zip([PerformanceLevel.diBawah, .sesuai, .diAtas], boxes) {
                #expect(TalentBox.box(performance: performance, potential: potential) == box)
            }
        }
        let cut = PotentialCutoffs(menengah: 60, tinggi: 80)!
        #expect(cut.level(59.99) == .rendah)
        #expect(cut.level(60) == .menengah)
        #expect(cut.level(79.99) == .menengah)
        #expect(cut.level(80) == .tinggi)
        #expect(PotentialCutoffs(menengah: 80, tinggi: 80) == nil)
        #expect(
            PerformanceLevel(.sangatBaik) == .diAtas && PerformanceLevel(.baik) == .sesuai
                && PerformanceLevel(.kurang) == .diBawah)
        #expect(TalentBox.successionPool == [7, 8, 9])
    }

    @Test func normalisedGainEdges() {
        #expect(LearningGain.normalised(pre: 40, post: 70, max: 100) == 0.5)
        #expect(LearningGain.normalised(pre: 40, post: 40, max: 100) == 0)
        #expect(LearningGain.normalised(pre: 60, post: 50, max: 100) == -0.25)
        #expect(LearningGain.normalised(pre: 100, post: 100, max: 100) == nil) // nothing left to gain
        #expect(LearningGain.normalised(pre: 0, post: 100, max: 100) == 1)
        #expect(LearningGain.normalised(pre: -1, post: 50, max: 100) == nil)
        #expect(LearningGain.normalised(pre: 10, post: 101, max: 100) == nil)
    }
}
