import Testing

@testable import KompetenCore

/// Worked examples computed by hand from SPEC.md §1 (not taken from what the code returns).
@Suite("GapAnalysis") struct GapAnalysisTests {
    /// Standard items C1, C2, … with the given required levels; actual levels by position (nil = never assessed).
    private func run(
        _ required: [Int], _ actual: [Int?], _ formula: JPMFormula = .capped,
        _ t: JPMThresholds = .pemetaan
    ) -> GapResult {
        let standard = required.enumerated().map {
            StandardItem(competencyCode: "C\($0.offset + 1)", required: $0.element)
        }
        var levels: [String: Int] = [:]
        for (i, a) in actual.enumerated() { if let a { levels["C\(i + 1)"] = a } }
        return GapAnalysis.analyse(standard: standard, actual: levels, formula: formula, thresholds: t)
    }

    @Test func typicalProfile() {
        // Σ actual = 3+2+2+1 = 8, Σ required = 3+3+2+2 = 10 → 80.00.
        let r = run([3, 3, 2, 2], [3, 2, 2, 1])
        #expect(r.jpm == 80.0)
        #expect(r.category == .cukupOptimal) // 78 ≤ 80 < 90
        #expect(r.assessedCount == 4)
        #expect(r.items.map(\.gap) == [0, 1, 0, 1])
        #expect(r.items.map(\.status) == [.memenuhi, .belumMemenuhi, .memenuhi, .belumMemenuhi])
        #expect(r.items.map(\.competencyCode) == ["C1", "C2", "C3", "C4"])
        // For filling a post the upper threshold is 80 and 80.00 ≥ 80.
        #expect(run([3, 3, 2, 2], [3, 2, 2, 1], .capped, .pengisianJabatan).category == .memenuhiSyarat)
        // No surplus anywhere, so the strict variant agrees: min sums 3+2+2+1 = 8.
        #expect(run([3, 3, 2, 2], [3, 2, 2, 1], .strict).jpm == 80.0)
    }

    @Test func surplusHidesShortfallOnlyInCappedFormula() {
        // Capped: (4+1)/(2+2) = 125 % → capped at 100. Strict: (min(4,2)+min(1,2))/4 = 3/4 = 75.00.
        let capped = run([2, 2], [4, 1])
        #expect(capped.jpm == 100.0)
        #expect(capped.category == .optimal)
        #expect(capped.items.map(\.gap) == [-2, 1]) // negative gap = surplus
        let strict = run([2, 2], [4, 1], .strict)
        #expect(strict.jpm == 75.0)
        #expect(strict.category == .kurangOptimal) // 75 < 78
        #expect(run([2, 2], [4, 1], .strict, .pengisianJabatan).category == .masihMemenuhiSyarat) // 68 ≤ 75 < 80
    }

    @Test func pemetaanBoundaries() {
        // 9/10 = 90.00 → optimal (≥ 90 is inclusive).
        #expect(run([5, 5], [5, 4]).jpm == 90.0)
        #expect(run([5, 5], [5, 4]).category == .optimal)
        // Ten items of level 5 (Σ 50) with Σ actual 39: 39/50 = 78.00 → cukup_optimal.
        let r = run(Array(repeating: 5, count: 10), [4, 4, 4, 4, 4, 4, 4, 4, 4, 3])
        #expect(r.jpm == 78.0)
        #expect(r.category == .cukupOptimal)
        #expect(JPMThresholds.pemetaan.category(78.0) == .cukupOptimal)
        #expect(JPMThresholds.pemetaan.category(77.99) == .kurangOptimal)
        #expect(JPMThresholds.pemetaan.category(89.99) == .cukupOptimal)
        #expect(JPMThresholds.pemetaan.category(90.0) == .optimal)
    }

    @Test func pengisianJabatanBoundaries() {
        let t = JPMThresholds.pengisianJabatan
        #expect(t.category(80.0) == .memenuhiSyarat)
        #expect(t.category(79.99) == .masihMemenuhiSyarat)
        #expect(t.category(68.0) == .masihMemenuhiSyarat)
        #expect(t.category(67.99) == .kurangMemenuhiSyarat)
        // Five items of level 5 (Σ 25) with Σ actual 17: 17/25 = 68.00.
        #expect(run([5, 5, 5, 5, 5], [4, 4, 3, 3, 3], .capped, t).category == .masihMemenuhiSyarat)
        // 16/25 = 64.00.
        #expect(run([5, 5, 5, 5, 5], [4, 3, 3, 3, 3], .capped, t).category == .kurangMemenuhiSyarat)
    }

    @Test func roundingUsesExactFractions() {
        // 32 items of level 5 (Σ 160); 23 at level 3 and 9 at level 2: Σ 69 + 18 = 87.
        // 87/160 = 0.54375 exactly → 54.375 % → 54.38. In Double, 87.0/160*100*100 = 5437.4999…,
        // so rounding the float product would give 54.37.
        let r = run(Array(repeating: 5, count: 32), Array(repeating: 3, count: 23) + Array(repeating: 2, count: 9))
        #expect(r.jpm == 54.38)
        // 2/3 = 66.666… → 66.67; 1/3 → 33.33.
        #expect(run([3], [2]).jpm == 66.67)
        #expect(run([3], [1]).jpm == 33.33)
    }

    @Test func neverAssessedAtAll() {
        let r = run([3, 2], [nil, nil])
        #expect(r.jpm == 0.0)
        #expect(r.category == .belumDinilai)
        #expect(r.assessedCount == 0)
        #expect(
            r.items == [
                GapItem(competencyCode: "C1", required: 3, actual: nil, gap: nil, status: .belumDinilai),
                GapItem(competencyCode: "C2", required: 2, actual: nil, gap: nil, status: .belumDinilai),
            ])
        #expect(r.category?.label == "Belum dinilai")
    }

    @Test func oneOfThreeNeverAssessedCountsAsZero() {
        // (3 + 3 + 0) / (3 + 3 + 4) = 6/10 = 60.00, not 6/6 = 100.
        let r = run([3, 3, 4], [3, 3, nil])
        #expect(r.jpm == 60.0)
        #expect(r.category == .kurangOptimal)
        #expect(r.assessedCount == 2)
        #expect(r.items[2] == GapItem(competencyCode: "C3", required: 4, actual: nil, gap: nil, status: .belumDinilai))
        #expect(run([3, 3, 4], [3, 3, nil], .strict).jpm == 60.0)
    }

    @Test func emptyStandardHasNoJPM() {
        let r = run([], [])
        #expect(r.jpm == nil)
        #expect(r.category == nil)
        #expect(r.items.isEmpty)
        #expect(r.assessedCount == 0)
    }

    @Test func resultsOutsideTheStandardAreIgnored() {
        let r = GapAnalysis.analyse(
            standard: [StandardItem(competencyCode: "INT", required: 4)],
            actual: ["INT": 3, "XYZ": 5], formula: .capped, thresholds: .pemetaan)
        #expect(r.jpm == 75.0) // 3/4
        #expect(r.assessedCount == 1)
    }

    @Test func round2HalfAwayFromZeroOnDecimalText() {
        #expect(GapAnalysis.round2(17999.0 / 200.0) == 90.0) // 89.995 exactly as a fraction
        #expect(GapAnalysis.round2(1.005) == 1.01) // stored as 1.00499…
        #expect(GapAnalysis.round2(2.675) == 2.68)
        #expect(GapAnalysis.round2(-1.005) == -1.01)
        #expect(GapAnalysis.round2(0.125) == 0.13)
        #expect(GapAnalysis.round2(80) == 80)
        #expect(GapAnalysis.round2(77.994) == 77.99)
        let z = GapAnalysis.round2(-0.001)
        #expect(z == 0 && z.sign == .plus)
        #expect(GapAnalysis.round2(.infinity) == .infinity)
    }

    @Test func thresholdSets() {
        #expect(JPMThresholds.named("pemetaan") == .pemetaan)
        #expect(JPMThresholds.named("pengisian_jabatan") == .pengisianJabatan)
        #expect(JPMThresholds.named("lain") == nil)
        #expect(JPMThresholds.all.map(\.purpose.rawValue) == ["pemetaan", "pengisian_jabatan"])
        #expect(
            [
                "optimal", "cukup_optimal", "kurang_optimal", "memenuhi_syarat", "masih_memenuhi_syarat",
                "kurang_memenuhi_syarat", "belum_dinilai",
            ].map { JPMCategory(rawValue: $0)?.label }
                == [
                    "Optimal", "Cukup optimal", "Kurang optimal", "Memenuhi syarat", "Masih memenuhi syarat",
                    "Kurang memenuhi syarat", "Belum dinilai",
                ])
        #expect(JPMFormula.allCases.map(\.rawValue) == ["capped", "strict"])
    }
}

@Suite("JPM from sums")
struct JPMFromSumsTests {
    @Test func sumsGiveTheSameAnswerAsItems() {
        // required [3,3,2,2], actual [3,2,2,—]: capped Σ 7/10 = 70.00 (kurang_optimal); 1 of 4 unassessed.
        let items = GapAnalysis.analyse(
            standard: [
                .init(competencyCode: "A", required: 3), .init(competencyCode: "B", required: 3),
                .init(competencyCode: "C", required: 2), .init(competencyCode: "D", required: 2),
            ],
            actual: ["A": 3, "B": 2, "C": 2], formula: .capped, thresholds: .pemetaan)
        let sums = GapAnalysis.match(.init(required: 10, counted: 7, assessed: 3), thresholds: .pemetaan)
        #expect(items.jpm == 70.0 && sums.jpm == 70.0)
        #expect(items.category == .kurangOptimal && sums.category == .kurangOptimal)
    }

    @Test func edgeCases() {
        #expect(GapAnalysis.match(.init(required: 0, counted: 0, assessed: 0), thresholds: .pemetaan).jpm == nil)
        #expect(GapAnalysis.match(.init(required: 4, counted: 5, assessed: 2), thresholds: .pemetaan).jpm == 100.0)
        #expect(
            GapAnalysis.match(.init(required: 10, counted: 0, assessed: 0), thresholds: .pemetaan).category
                == .belumDinilai)
        // 17/25 = 68.00 → masih_memenuhi_syarat (pengisian jabatan)
        #expect(
            GapAnalysis.match(.init(required: 25, counted: 17, assessed: 5), thresholds: .pengisianJabatan).category
                == .masihMemenuhiSyarat)
    }
}

@Suite("Gap tally")
struct GapTallyTests {
    @Test func meanIsOverAssessedOnlyAndNeverNetted() {
        // gaps 2, 1 and a surplus of 1 among 3 assessed of 5 required → shortfall (2 + 1 + 0) / 3 = 1,00
        // (netting would say 0,67); 2 of 3 below standard; the surplus 1 / 3 = 0,33 apart; 2 unassessed.
        var t = GapTally(required: 3, assessed: 2, gapSum: 3, withGap: 2)
        t.add(GapTally(required: 2, assessed: 1, gapSum: 0, withGap: 0, surplusSum: 1))
        #expect(t == GapTally(required: 5, assessed: 3, gapSum: 3, withGap: 2, surplusSum: 1))
        #expect(t.meanShortfall == 1.0 && t.shareBelow == 0.6667 && t.meanSurplus == 0.33 && t.unassessed == 2)
        #expect(GapTally(required: 4).meanShortfall == nil && GapTally(required: 4).shareBelow == nil)
    }

    @Test func strictAndCappedTotals() {
        let capped = GapAnalysis.JPMTotals(required: 4, sumActual: 5, sumMin: 3, assessed: 2, formula: .capped)
        let strict = GapAnalysis.JPMTotals(required: 4, sumActual: 5, sumMin: 3, assessed: 2, formula: .strict)
        #expect(GapAnalysis.match(capped, thresholds: .pemetaan).jpm == 100.0)
        #expect(GapAnalysis.match(strict, thresholds: .pemetaan).jpm == 75.0)
    }
}
