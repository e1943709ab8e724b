import Foundation
import KompetenCore
import Testing

/// Issue 15, items 1–3: figures a BKPPD can defend. Every expected value is worked out by hand.
@Suite("Shortfall tally: a surplus never hides a shortfall")
struct ShortfallTallyTests {
    @Test func levelsTwoAndFourOnAStandardOfThree() {
        var t = GapTally()
        t.record(required: 3, actual: 2) // 1 below
        t.record(required: 3, actual: 4) // 1 above: not −1 against the other's +1
        #expect(t == GapTally(required: 2, assessed: 2, gapSum: 1, withGap: 1, surplusSum: 1))
        #expect(t.meanShortfall == 0.5)
        #expect(t.shareBelow == 0.5)
        #expect(t.meanSurplus == 0.5)
        #expect(t.meanShortfall != 0)
    }

    @Test func theNeverAssessedAreCountedApart() {
        var t = GapTally()
        t.record(required: 3, actual: nil)
        t.record(required: 3, actual: 3)
        #expect(t.required == 2 && t.assessed == 1 && t.unassessed == 1)
        #expect(t.meanShortfall == 0 && t.shareBelow == 0)
        var nobody = GapTally()
        nobody.record(required: 4, actual: nil)
        #expect(
            nobody.meanShortfall == nil && nobody.shareBelow == nil && nobody.meanSurplus == nil
                && nobody.unassessed == 1)
    }

    @Test func sharesRoundHalfUpToFourDecimals() {
        // 1 of 3 below: 0,3333; 2 of 3: 0,6667; shortfalls 1 + 1 over 3: 0,67.
        var t = GapTally()
        t.record(required: 3, actual: 2)
        t.record(required: 3, actual: 3)
        t.record(required: 3, actual: 5)
        #expect(t.shareBelow == 0.3333)
        t.record(required: 3, actual: 2)
        #expect(t.shareBelow == 0.5)
        #expect(GapTally(required: 3, assessed: 3, gapSum: 2, withGap: 2).shareBelow == 0.6667)
        #expect(GapTally(required: 3, assessed: 3, gapSum: 2, withGap: 2).meanShortfall == 0.67)
    }
}

@Suite("JPM mean: over the assessed, the unassessed beside it")
struct JPMMeanRuleTests {
    @Test func theNeverAssessedAreNotAveragedInAsZero() {
        let standard = [
            StandardItem(competencyCode: "M.1", required: 3), StandardItem(competencyCode: "M.2", required: 3),
        ]
        let met = GapAnalysis.analyse(
            standard: standard, actual: ["M.1": 3, "M.2": 3], formula: .capped, thresholds: .pemetaan)
        // 3/6 = 50
        let half = GapAnalysis.analyse(standard: standard, actual: ["M.1": 3], formula: .capped, thresholds: .pemetaan)
        // JPM "0", unknown
        let never = GapAnalysis.analyse(standard: standard, actual: [:], formula: .capped, thresholds: .pemetaan)
        var m = JPMMean()
        m.add(met)
        m.add(half)
        m.add(never)
        m.add(jpm: nil, assessedCount: 0) // no position: neither
        // (100 + 50) / 2 = 75, not (100 + 50 + 0) / 3 = 50.
        #expect(m.mean == 75 && m.assessed == 2 && m.unassessed == 1)
        var empty = JPMMean()
        empty.add(never)
        #expect(empty.mean == nil && empty.unassessed == 1)
    }
}

@Suite("Needs from known levels only; unknown levels need an assessment")
struct KnownNeedsRuleTests {
    static let nine = (1...9).map { StandardItem(competencyCode: "T.\($0)", required: 3) }

    @Test func aNeverAssessedEmployeeHasNoNeedButNineUnknowns() {
        let gap = GapAnalysis.analyse(standard: Self.nine, actual: [:], formula: .capped, thresholds: .pemetaan)
        // Not 9 needs totalling 27 levels: none; all nine need an assessment.
        #expect(Need.from(employee: "e", gap: gap).isEmpty)
        #expect(TrainingNeeds.summary(Need.from(employee: "e", gap: gap)).isEmpty)
        #expect(AssessmentNeeds.unknownCompetencies(gap) == (1...9).map { "T.\($0)" })
        #expect(
            AssessmentNeeds.need(employee: "e", name: "A", gap: gap, since: Date(timeIntervalSince1970: 0))?
                .competencies.count == 9)
    }

    @Test func aPartlyAssessedEmployeeHasKnownNeedsAndTheRestUnknown() {
        // T.1 at 1 (gap 2), T.2 at 3 (met), T.3 at 5 (surplus): one need of 2; T.4–T.9 unknown.
        let gap = GapAnalysis.analyse(
            standard: Self.nine, actual: ["T.1": 1, "T.2": 3, "T.3": 5], formula: .capped, thresholds: .pemetaan)
        #expect(Need.from(employee: "e", gap: gap) == [Need(employee: "e", competencyCode: "T.1", gap: 2)])
        #expect(AssessmentNeeds.unknownCompetencies(gap) == (4...9).map { "T.\($0)" })
        let known = GapAnalysis.analyse(
            standard: Self.nine, actual: Dictionary(uniqueKeysWithValues: (1...9).map { ("T.\($0)", 3) }),
            formula: .capped, thresholds: .pemetaan)
        #expect(AssessmentNeeds.need(employee: "e", name: "A", gap: known, since: Date()) == nil)
    }

    @Test func oldestFirstAndTalliedPerUnit() {
        let d = { (s: Double) in Date(timeIntervalSince1970: s) }
        let a = AssessmentNeed(employee: "a", name: "Yohanes", competencies: ["M.1", "M.2"], since: d(100))
        let b = AssessmentNeed(employee: "b", name: "Maria", competencies: ["M.2"], since: d(200))
        let c = AssessmentNeed(employee: "c", name: "Agus", competencies: ["M.2"], since: d(200))
        #expect([b, c, a].sorted(by: AssessmentNeeds.precedes).map(\.employee) == ["a", "c", "b"])
        var t = AssessmentNeeds.UnitTally()
        t.add(a)
        t.add(b)
        var other = AssessmentNeeds.UnitTally()
        other.add(c)
        t.add(other)
        #expect(t == AssessmentNeeds.UnitTally(people: 3, byCompetency: ["M.1": 1, "M.2": 3]))
    }
}
