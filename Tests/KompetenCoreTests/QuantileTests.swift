import Testing

@testable import KompetenCore

/// The band of the monitoring page's JPM trend is the 25th–75th percentile of the OPDs.
@Suite("Stats.quantile") struct QuantileTests {
    @Test func interpolatesBetweenTheNearestRanks() {
        // Sorted 60, 70, 80, 90; h = 3·p.
        let xs: [Double] = [90, 60, 80, 70]
        #expect(Stats.quantile(xs, 0.25) == 67.5) // h = 0,75: 60 + 0,75 × 10
        #expect(Stats.quantile(xs, 0.5) == 75) // h = 1,5: 70 + 0,5 × 10
        #expect(Stats.quantile(xs, 0.75) == 82.5) // h = 2,25: 80 + 0,25 × 10
        #expect(Stats.quantile(xs, 0) == 60)
        #expect(Stats.quantile(xs, 1) == 90)
        // Three OPDs 62, 69, 75: h = 0,5 → 62 + 3,5; h = 1,5 → 69 + 3.
        #expect(Stats.quantile([75, 62, 69], 0.25) == 65.5)
        #expect(Stats.quantile([75, 62, 69], 0.75) == 72)
    }

    @Test func edgeCases() {
        #expect(Stats.quantile([], 0.25) == nil)
        #expect(Stats.quantile([.nan, .infinity], 0.5) == nil)
        #expect(Stats.quantile([42], 0.25) == 42)
        #expect(Stats.quantile([1, .nan, 3], 0.5) == 2) // NaN ignored: median of 1 and 3
        #expect(Stats.quantile([1, 2], -0.1) == nil)
        #expect(Stats.quantile([1, 2], 1.1) == nil)
    }
}
