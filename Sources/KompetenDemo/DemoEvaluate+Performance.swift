import KompetenCore

/// SKP performance ratings for 2024 and 2025 of every active employee.
///
/// Hasil kerja: about 15 % above expectation, 75 % as expected, 10 % below; perilaku kerja: 12 %,
/// 85 %, 3 %. Employees assessed above their standard, and those sent to good programmes, are a
/// little more often above expectation; about 70 % keep last year's hasil kerja rating.
extension DemoEvaluateContext {
    static let ratingYears = [2024, 2025]
    /// Shares (above, below) at merit 0; the rest is "as expected".
    static let hasilShares = (above: 0.15, below: 0.10), perilakuShares = (above: 0.12, below: 0.03)
    /// Chance to simply keep last year's rating; with the fresh draw's own chance of repeating
    /// (~60 % for hasil kerja) about 70 % keep it.
    static let hasilKeep = 0.27, perilakuKeep = 0.3

    func performance(rng: inout DemoRandom) -> [DemoPerformanceRating] {
        let employees = instansi.employees
        let active = employees.indices.filter { employees[$0].isActive }
        let merit = self.merit(active)
        var out: [DemoPerformanceRating] = []
        out.reserveCapacity(active.count * Self.ratingYears.count)
        for (k, e) in active.enumerated() {
            let m = merit[k]
            var hasil: SKPRating?
            var perilaku: SKPRating?
            for year in Self.ratingYears {
                let h =
                    hasil.flatMap { rng.chance(Self.hasilKeep) ? $0 : nil }
                    ?? Self.draw(
                        above: Self.hasilShares.above * (1 + 0.7 * m), below: Self.hasilShares.below * (1 - 0.7 * m),
                        rng: &rng)
                let p =
                    perilaku.flatMap { rng.chance(Self.perilakuKeep) ? $0 : nil }
                    ?? Self.draw(
                        above: Self.perilakuShares.above * (1 + 0.5 * m),
                        below: Self.perilakuShares.below * (1 - 0.5 * m), rng: &rng)
                hasil = h
                perilaku = p
                out.append(DemoPerformanceRating(nip: employees[e].nip, year: year, hasilKerja: h, perilakuKerja: p))
            }
        }
        return out
    }

    private static func draw(above: Double, below: Double, rng: inout DemoRandom) -> SKPRating {
        let r = rng.unit()
        return r < max(0, above)
            ? .aboveExpectation : r < max(0, above) + max(0, below) ? .belowExpectation : .asExpected
    }

    /// Per active employee, −1…1 and centred on 0 (so the shares stay on target): half from how far
    /// the latest counted levels lie above the standard, half from the quality of the completed
    /// programmes; 0 when neither is known.
    private func merit(_ active: [Int]) -> [Double] {
        var trainedSum = [Double](repeating: 0, count: instansi.employees.count)
        var trainedCount = [Int](repeating: 0, count: instansi.employees.count)
        for c in completed {
            trainedSum[c.employee] += quality[c.programme]
            trainedCount[c.employee] += 1
        }

        var assessed = [Double?](repeating: nil, count: active.count)
        for (k, e) in active.enumerated() where positionOf[e] >= 0 {
            var latest: [String: (day: Int, level: Int)] = [:]
            for i in assessmentsOf[e] {
                let a = instansi.assessments[i]
                guard a.method.countsTowardProfile else { continue }
                let day = DemoCalendar.day(a.date)
                for r in a.results where latest[r.competencyCode].map({ day >= $0.day }) ?? true {
                    latest[r.competencyCode] = (day, r.level)
                }
            }
            let gaps = instansi.positions[positionOf[e]].standard.compactMap { s in
                latest[s.competencyCode].map { Double($0.level - s.requiredLevel) }
            }
            if !gaps.isEmpty { assessed[k] = gaps.reduce(0, +) / Double(gaps.count) }
        }
        let known = assessed.compactMap { $0 }
        let mean = known.isEmpty ? 0 : known.reduce(0, +) / Double(known.count)
        let variance = known.isEmpty ? 0 : known.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(known.count)
        let sd = max(0.05, variance.squareRoot())

        var merit = [Double](repeating: 0, count: active.count)
        for (k, e) in active.enumerated() {
            let a = assessed[k].map { min(1, max(-1, ($0 - mean) / sd * 0.5)) } ?? 0
            let t = trainedCount[e] > 0 ? min(1, max(-1, (trainedSum[e] / Double(trainedCount[e]) - 0.6) * 3)) : 0
            merit[k] = 0.5 * a + 0.5 * t
        }
        let centre = merit.isEmpty ? 0 : merit.reduce(0, +) / Double(merit.count)
        return merit.map { min(1, max(-1, $0 - centre)) }
    }
}
