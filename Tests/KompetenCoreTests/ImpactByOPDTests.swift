import Testing

@testable import KompetenCore

/// Issue 15 item 5: treatment is decided per OPD, so the OPD is the unit of the difference in
/// differences. Every expected figure below was worked by hand (t quantiles: R `qt`, checked
/// with scipy `stats.t.ppf`), never read back from the code.
@Suite("Impact: difference in differences with OPDs as the unit")
struct ImpactByOPDTests {
    /// On-time share in points. Each OPD has two services; the weight is the service's volume over
    /// both windows, the same for before and after.
    static let treated: [[ServiceOutcome]] = [
        [.init(before: 50, after: 53, weight: 100), .init(before: 70, after: 77, weight: 300)], // T1
        [.init(before: 60, after: 65, weight: 100), .init(before: 80, after: 89, weight: 300)], // T2
        [.init(before: 40, after: 47, weight: 50), .init(before: 60, after: 71, weight: 150)], // T3
        [.init(before: 70, after: 79, weight: 20), .init(before: 50, after: 63, weight: 60)], // T4
    ]
    static let control: [[ServiceOutcome]] = [
        [.init(before: 80, after: 78, weight: 100), .init(before: 60, after: 62, weight: 300)], // C1
        [.init(before: 70, after: 69, weight: 10), .init(before: 50, after: 53, weight: 30)], // C2
        [.init(before: 90, after: 90, weight: 40), .init(before: 70, after: 74, weight: 120)], // C3
        [.init(before: 60, after: 63, weight: 25), .init(before: 80, after: 87, weight: 75)], // C4
    ]

    @Test func handWorkedFourAndFourOPDs() throws {
        // Per OPD, weights 1 : 3 within each OPD:
        //   T1 before (50·100 + 70·300)/400 = 26000/400 = 65, after (53·100 + 77·300)/400 = 28400/400 = 71 → +6
        //   T2 (6000 + 24000)/400 = 75 → (6500 + 26700)/400 = 83 → +8
        //   T3 (2000 + 9000)/200 = 55 → (2350 + 10650)/200 = 65 → +10
        //   T4 (1400 + 3000)/80 = 55 → (1580 + 3780)/80 = 67 → +12
        //   C1 (8000 + 18000)/400 = 65 → (7800 + 18600)/400 = 66 → +1
        //   C2 (700 + 1500)/40 = 55 → (690 + 1590)/40 = 57 → +2
        //   C3 (3600 + 8400)/160 = 75 → (3600 + 8880)/160 = 78 → +3
        //   C4 (1500 + 6000)/100 = 75 → (1575 + 6525)/100 = 81 → +6
        // (An unweighted mean of T1's services would say +5, not +6: the volume matters.)
        let t1 = try #require(BeforeAfter(volumeWeighted: Self.treated[0]))
        #expect(t1 == BeforeAfter(before: 65, after: 71))
        #expect(Self.treated.compactMap(BeforeAfter.init(volumeWeighted:)).map(\.change) == [6, 8, 10, 12])
        #expect(Self.control.compactMap(BeforeAfter.init(volumeWeighted:)).map(\.change) == [1, 2, 3, 6])

        // Means 36/4 = 9 and 12/4 = 3 → estimate 6.
        // s²_t = (9 + 1 + 1 + 9)/3 = 20/3; s²_c = (4 + 1 + 0 + 9)/3 = 14/3.
        // SE = √(20/12 + 14/12) = √(34/12) = 1,6832508.
        // Welch df = (34/12)² / ((20/12)²/3 + (14/12)²/3) = (1156/144) / (596/432) = 3468/596 = 5,8187919.
        // t(0,975; 5,8187919) = 2,4655025; half-width 2,4655025 × 1,6832508 = 4,1500591
        // → 95 % CI [1,8499; 10,1501].
        let r = try #require(DifferenceInDifferences.byOPD(treated: Self.treated, control: Self.control))
        let e = r.estimate
        #expect(e.treatedCount == 4 && e.controlCount == 4)
        #expect(r.treatedServices == 8 && r.controlServices == 8)
        #expect(e.treatedChange == 9 && e.controlChange == 3 && e.estimate == 6)
        #expect(abs(e.standardError! - 1.6832508) < 1e-6)
        #expect(abs(e.degreesOfFreedom! - 5.8187919) < 1e-6)
        #expect(abs(e.lower95! - 1.8499409) < 1e-5)
        #expect(abs(e.upper95! - 10.1500591) < 1e-5)
        #expect(e.intervalUnavailable == nil && e.intervalNote == nil)
    }

    @Test func theOldPerServiceIntervalWasTooNarrow() throws {
        // The same data with every service as one observation (the old rule):
        //   treated changes 3, 7, 5, 9, 7, 11, 9, 13 (mean 8), control −2, 2, −1, 3, 0, 4, 3, 7 (mean 2);
        //   s²_t = 72/7, s²_c = 60/7; SE = √(72/56 + 60/56) = 1,5352989; Welch df = 13,8852459;
        //   t = 2,1464508 → [2,7046; 9,2954], width 6,59 on "16 services".
        // Per OPD the width is 2 × 4,1500591 = 8,30 on 4 + 4 OPDs: 26 % wider, and honest about n.
        let old = try #require(
            DifferenceInDifferences.estimate(
                treated: Self.treated.flatMap { $0.map { BeforeAfter(before: $0.before, after: $0.after) } },
                control: Self.control.flatMap { $0.map { BeforeAfter(before: $0.before, after: $0.after) } }))
        #expect(old.treatedCount == 8 && old.controlCount == 8)
        #expect(abs(old.lower95! - 2.7045563) < 1e-5 && abs(old.upper95! - 9.2954437) < 1e-5)
        let new = try #require(DifferenceInDifferences.byOPD(treated: Self.treated, control: Self.control)).estimate
        let oldWidth = old.upper95! - old.lower95!
        let newWidth = new.upper95! - new.lower95!
        #expect(abs(oldWidth - 6.5908874) < 1e-5 && abs(newWidth - 8.3001182) < 1e-5)
        #expect(newWidth > oldWidth * 1.25)
    }

    @Test func belowFourOPDsTheFiguresComeWithoutAnInterval() throws {
        // Three trained OPDs (T1–T3: +6, +8, +10, mean 8) against C1–C4 (mean 3): estimate 5, no interval.
        let r = try #require(
            DifferenceInDifferences.byOPD(treated: Array(Self.treated.prefix(3)), control: Self.control))
        let e = r.estimate
        #expect(e.treatedCount == 3 && e.controlCount == 4 && r.treatedServices == 6)
        #expect(e.treatedChange == 8 && e.controlChange == 3 && e.estimate == 5)
        #expect(e.lower95 == nil && e.upper95 == nil && e.standardError == nil && e.degreesOfFreedom == nil)
        #expect(e.intervalUnavailable == .tooFewUnits)
        let note = try #require(e.intervalNote)
        #expect(note.contains("OPD terlatih 3") && note.contains("sekurang-kurangnya 4 OPD"))
        // One OPD a side: the point estimate still exists, the interval does not.
        let one = try #require(DifferenceInDifferences.byOPD(treated: [Self.treated[0]], control: [Self.control[0]]))
            .estimate
        #expect(one.estimate == 5 && one.intervalUnavailable == .tooFewUnits)
        // No OPD with figures on one side: nothing to compare.
        #expect(DifferenceInDifferences.byOPD(treated: [], control: Self.control) == nil)
        #expect(
            DifferenceInDifferences.byOPD(treated: [[.init(before: 1, after: 2, weight: 0)]], control: Self.control)
                == nil)
    }

    @Test func zeroVarianceIsNotComputableNeverZeroToZero() throws {
        // Every trained OPD gained exactly 10 points, every comparison OPD 0: SE = 0. The old rule
        // printed "10,00 s.d. 10,00"; the data cannot measure the uncertainty, so there is no interval.
        let same = { (change: Double) in
            (0..<4).map { i in [ServiceOutcome(before: 60 + Double(i), after: 60 + Double(i) + change, weight: 10)] }
        }
        let e = try #require(DifferenceInDifferences.byOPD(treated: same(10), control: same(0))).estimate
        #expect(e.estimate == 10 && e.standardError == 0)
        #expect(e.lower95 == nil && e.upper95 == nil && e.degreesOfFreedom == nil)
        #expect(e.intervalUnavailable == .zeroVariance)
        #expect(e.intervalNote?.contains("tidak dapat dihitung") == true)
        // Alike up to rounding noise is alike: 0,1 + 0,2 − 0,1 and 0,3 − 0 differ in the last bit only.
        let noisy = try #require(
            DifferenceInDifferences.estimate(
                treated: [0.1, 0.2, 0.0, 0.5].map { BeforeAfter(before: $0, after: $0 + 0.2 + 0.1) },
                control: [0.7, 0.6, 0.3, 0.1].map { BeforeAfter(before: $0 * 100, after: $0 * 100) }))
        #expect(noisy.intervalUnavailable == .zeroVariance && noisy.lower95 == nil)
        #expect(
            IntervalUnavailable.zeroVariance.rawValue == "zero_variance"
                && IntervalUnavailable.tooFewUnits.rawValue == "too_few_opds")
    }

    @Test func preTrendIsTheSameComparisonOverTheTwoEarlierWindows() throws {
        // Wave July–August 2026 (whole months): before May–June, after September–October
        // (today 29 November), and the pre-trend window March–April, of the same two months.
        let w = ImpactWindows(
            from: SimpleDate(year: 2026, month: 7, day: 1)!, to: SimpleDate(year: 2026, month: 8, day: 31)!,
            today: SimpleDate(year: 2026, month: 11, day: 29)!)
        #expect(
            w.earlier
                == .init(
                    from: SimpleDate(year: 2026, month: 3, day: 1)!, to: SimpleDate(year: 2026, month: 4, day: 30)!))
        #expect(
            w.before
                == .init(
                    from: SimpleDate(year: 2026, month: 5, day: 1)!, to: SimpleDate(year: 2026, month: 6, day: 30)!))
        #expect(
            w.after
                == .init(
                    from: SimpleDate(year: 2026, month: 9, day: 1)!, to: SimpleDate(year: 2026, month: 10, day: 31)!))
        // A 10-day wave 10–19 July: before 30 June – 9 July, earlier 20–29 June.
        let d = ImpactWindows(
            from: SimpleDate(year: 2026, month: 7, day: 10)!, to: SimpleDate(year: 2026, month: 7, day: 19)!,
            today: SimpleDate(year: 2026, month: 11, day: 29)!)
        #expect(
            d.before
                == .init(
                    from: SimpleDate(year: 2026, month: 6, day: 30)!, to: SimpleDate(year: 2026, month: 7, day: 9)!))
        #expect(
            d.earlier
                == .init(
                    from: SimpleDate(year: 2026, month: 6, day: 20)!, to: SimpleDate(year: 2026, month: 6, day: 29)!))

        // Earlier → before, one service per OPD: treated +1, +2, +3, +2 (mean 2), control +2, +1, +2, +3 (mean 2).
        // Estimate 0; s² = 2/3 in both; SE = √(2 × (2/3)/4) = √(1/3) = 0,5773503; df = (1/3)² / (2 × (1/6)²/3) = 6;
        // t(0,975; 6) = 2,4469119 → ±1,4127252: the interval covers 0, the groups moved alike before the wave.
        func opd(_ before: Double, _ change: Double) -> [ServiceOutcome] {
            [ServiceOutcome(before: before, after: before + change, weight: 50)]
        }
        let pre = try #require(
            DifferenceInDifferences.byOPD(
                treated: [opd(60, 1), opd(70, 2), opd(50, 3), opd(65, 2)],
                control: [opd(60, 2), opd(55, 1), opd(75, 2), opd(70, 3)])
        ).estimate
        #expect(pre.estimate == 0)
        #expect(abs(pre.standardError! - 0.5773503) < 1e-6 && abs(pre.degreesOfFreedom! - 6) < 1e-9)
        #expect(abs(pre.lower95! + 1.4127252) < 1e-5 && abs(pre.upper95! - 1.4127252) < 1e-5)
    }

    @Test func exposureThresholds() {
        // ≥ 50 % trained → trained; < 25 % → control; between, or no staff → left out.
        #expect(TrainingExposure.of(staff: 4, trained: 2) == .trained)
        #expect(TrainingExposure.of(staff: 4, trained: 1) == .excluded)
        #expect(TrainingExposure.of(staff: 5, trained: 1) == .control)
        #expect(TrainingExposure.of(staff: 0, trained: 0) == .excluded)
    }
}
