/// Small descriptive statistics for the reports (city-wide JPM distribution, heat map means).
public enum Stats {
    /// JPM class edges for the city-wide distribution. The inner edges are the category thresholds
    /// of both purposes (68/80 pengisian jabatan, 78/90 pemetaan), so every bin lies within one
    /// category of either set and the chart can be read against both.
    public static let jpmBinEdges: [Double] = [0, 50, 60, 68, 78, 80, 90, 100]

    /// Arithmetic mean; nil for no values (an empty cell has no mean, not a mean of 0).
    public static func mean(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        return xs.reduce(0, +) / Double(xs.count)
    }

    /// The p-th quantile (p in 0…1) by linear interpolation between the two nearest ranks:
    /// with the values sorted as x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p, it is
    /// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋) (Excel's PERCENTILE.INC, R's default type 7).
    /// Interpolating rather than taking a nearest rank keeps the band of the JPM trend from jumping
    /// when one of 51 OPDs crosses another. NaN and infinities are ignored; nil for no values or a
    /// p outside 0…1.
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        let xs = values.filter(\.isFinite).sorted()
        guard !xs.isEmpty, p >= 0, p <= 1 else { return nil }
        let h = Double(xs.count - 1) * p
        let i = Int(h.rounded(.down))
        guard i + 1 < xs.count else { return xs[i] }
        return xs[i] + (h - Double(i)) * (xs[i + 1] - xs[i])
    }

    /// Counts per bin for ascending `edges`: bins [e0, e1), [e1, e2), …, and a closed last bin
    /// [e(n−1), e(n)] so that a JPM of exactly 100 is counted. Values outside [e0, en] and NaN
    /// are not counted. Fewer than two edges define no bin.
    public static func histogram(_ values: [Double], edges: [Double]) -> [Int] {
        guard edges.count >= 2 else { return [] }
        let binCount = edges.count - 1
        var counts = Array(repeating: 0, count: binCount)
        for v in values {
            guard v >= edges[0], v <= edges[binCount] else { continue } // also drops NaN
            // Binary search for the last edge ≤ v: 100,000 employees × 7 bins is cheap either way,
            // but callers may pass finer edges.
            var lo = 0
            var hi = binCount // invariant: edges[lo] ≤ v, answer in lo..<hi
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if edges[mid] <= v { lo = mid } else { hi = mid }
            }
            counts[lo] += 1
        }
        return counts
    }

    /// Labels for the bins of `edges`, e.g. `0–<50` … `90–100` (the last bin includes its top).
    public static func binLabels(_ edges: [Double]) -> [String] {
        guard edges.count >= 2 else { return [] }
        return (0..<(edges.count - 1)).map { i in
            let last = i == edges.count - 2
            return "\(number(edges[i]))–\(last ? "" : "<")\(number(edges[i + 1]))"
        }
    }

    /// Whole edges print as integers; others with the Indonesian decimal comma.
    static func number(_ x: Double) -> String {
        x == x.rounded() && x.magnitude < 1e15 ? IndonesianFormat.integer(Int(x)) : IndonesianFormat.decimal(x)
    }
}
