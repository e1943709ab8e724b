import Testing

@testable import KompetenCore

@Suite("Services: Student t and difference-in-differences")
struct ServicesStatisticsTests {
    @Test func tQuantilesMatchTheTable() throws {
        let table: [(Double, Double)] = [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042), (1000, 1.962)]
        for (df, t) in table {
            let q = try #require(StudentT.quantile(0.975, df: df))
            #expect(abs(q - t) < 5e-4, "df \(df): \(q)")
        }
        // More digits (R: qt(0.975, df)) and non-integer df.
        #expect(abs(StudentT.quantile(0.975, df: 1)! - 12.7062047) < 1e-4)
        #expect(abs(StudentT.quantile(0.975, df: 10)! - 2.2281389) < 1e-6)
        #expect(abs(StudentT.quantile(0.975, df: 2.5)! - 3.5746548) < 1e-6)
        #expect(abs(StudentT.quantile(0.975, df: 3.92)! - 2.7989349) < 1e-6)
        #expect(abs(StudentT.quantile(0.9, df: 7)! - 1.4149239) < 1e-6)
        #expect(abs(StudentT.quantile(0.025, df: 10)! + 2.2281389) < 1e-6)
        #expect(StudentT.quantile(0.5, df: 4) == 0)
        #expect(StudentT.quantile(0.975, df: 0) == nil)
        #expect(StudentT.quantile(1, df: 5) == nil)
    }

    @Test func tCDF() {
        #expect(abs(StudentT.cdf(0, df: 3) - 0.5) < 1e-12)
        #expect(abs(StudentT.cdf(1.5, df: 3.3) - 0.8887484) < 1e-6)
        // df = 1 is the Cauchy distribution: P(T ≤ 1) = 3/4.
        #expect(abs(StudentT.cdf(1, df: 1) - 0.75) < 1e-12)
        #expect(abs(StudentT.cdf(-1, df: 1) - 0.25) < 1e-12)
    }

    @Test func handComputedEstimate() throws {
        // Treated changes 2, 4, 6 (mean 4); control changes 1, 1, 4 (mean 2); estimate 4 − 2 = 2.
        // s²_t = (4 + 0 + 4)/2 = 4; s²_c = (1 + 1 + 4)/2 = 3.
        // SE = √(4/3 + 3/3) = √(7/3) = 1,527525.
        // Welch df = (7/3)² / ((4/3)²/2 + 1²/2) = (49/9) / (8/9 + 1/2) = (49/9)/(25/18) = 98/25 = 3,92.
        // t(0,975; 3,92) = 2,798935 (R: qt(0.975, 3.92)); half-width 2,798935 × 1,527525 = 4,275444
        // → 95 % CI [−2,2754; 6,2754]. The Welch arithmetic, with the minimum lowered to 2 units a
        // side; at the default minimum of 4 OPDs, three a side give the figures without an interval.
        let treated = [
            BeforeAfter(before: 10, after: 12), BeforeAfter(before: 10, after: 14), BeforeAfter(before: 20, after: 26),
        ]
        let control = [
            BeforeAfter(before: 5, after: 6), BeforeAfter(before: 7, after: 8), BeforeAfter(before: 1, after: 5),
        ]
        let atDefault = try #require(DifferenceInDifferences.estimate(treated: treated, control: control))
        #expect(atDefault.estimate == 2 && atDefault.lower95 == nil && atDefault.intervalUnavailable == .tooFewUnits)
        let d = try #require(DifferenceInDifferences.estimate(treated: treated, control: control, minimumPerGroup: 2))
        #expect(d.treatedCount == 3 && d.controlCount == 3)
        #expect(d.treatedChange == 4 && d.controlChange == 2 && d.estimate == 2)
        #expect(abs(d.standardError! - 1.5275252) < 1e-6)
        #expect(abs(d.degreesOfFreedom! - 3.92) < 1e-9)
        #expect(abs(d.lower95! + 2.2754437) < 1e-5)
        #expect(abs(d.upper95! - 6.2754437) < 1e-5)
    }

    @Test func zeroVarianceHasNoInterval() throws {
        // Every treated unit gained 5, every control 1: SE 0. No "4,00 s.d. 4,00": the interval is
        // missing, with the reason (issue 15 item 5).
        let d = try #require(
            DifferenceInDifferences.estimate(
                treated: [
                    BeforeAfter(before: 0, after: 5), BeforeAfter(before: 1, after: 6),
                    BeforeAfter(before: 2, after: 7),
                ],
                control: [BeforeAfter(before: 0, after: 1), BeforeAfter(before: 3, after: 4)], minimumPerGroup: 2))
        #expect(d.estimate == 4)
        #expect(d.standardError == 0)
        #expect(d.degreesOfFreedom == nil && d.lower95 == nil && d.upper95 == nil)
        #expect(d.intervalUnavailable == .zeroVariance)
    }

    @Test func tooFewUnits() throws {
        #expect(DifferenceInDifferences.estimate(treated: [], control: [BeforeAfter(before: 1, after: 2)]) == nil)
        #expect(DifferenceInDifferences.estimate(treated: [BeforeAfter(before: 1, after: 2)], control: []) == nil)
        // One unit per group: the point estimate exists, the interval does not.
        let d = try #require(
            DifferenceInDifferences.estimate(
                treated: [BeforeAfter(before: 1, after: 4)],
                control: [BeforeAfter(before: 2, after: 3), BeforeAfter(before: 2, after: 4)]))
        #expect(d.estimate == 1.5)
        #expect(d.standardError == nil && d.degreesOfFreedom == nil && d.lower95 == nil && d.upper95 == nil)
        #expect(d.intervalUnavailable == .tooFewUnits)
    }
}
