@testable import KompetenCore
@testable import KompetenDemo

/// A seeded city-size plan instance (SplitMix64 via `DemoRandom`, so the same on every platform):
/// PNS are ~70 % of the candidates with 0…40 JP so far, PPPK have 0…24; each candidate has 0–10
/// gaps of 1–3 levels over 30 competency codes; each programme costs Rp 500.000–15.000.000, has
/// 30–400 seats and 8–80 JP, and raises 1–3 competencies by 1–2 levels. About one in seven
/// candidates is front-line staff for whom K01 (Pelayanan Publik) counts double.
///
/// Seats and the drawn budget are quoted for a city of 7.000 candidates and scale with the
/// number asked for, so a smaller test city is a miniature of the real one: the same seats and
/// money per employee, hence the same competition for them.
enum PlanCity {
    struct Instance {
        let programmes: [PlanProgramme]
        let candidates: [PlanCandidate]
        let weights: [String: Double]
        let budget: Int
    }

    static let codes = (1...30).map { "K" + ($0 < 10 ? "0" : "") + "\($0)" }

    static let cityCandidates = 7_000

    /// `budget` nil draws Rp 2–5 milliar (for 7.000 candidates, scaled) from the seed.
    static func instance(seed: UInt64, candidates n: Int, programmes m: Int, budget: Int? = nil) -> Instance {
        var rng = DemoRandom(seed: seed)
        let scale = Double(n) / Double(cityCandidates)
        func scaled(_ x: Int) -> Int { max(1, Int((Double(x) * scale).rounded())) }
        /// `count` distinct codes, by a partial Fisher–Yates over the code list.
        func distinctCodes(_ count: Int) -> [String] {
            var pool = codes
            for k in 0..<count { pool.swapAt(k, k + rng.below(pool.count - k)) }
            return Array(pool.prefix(count))
        }
        let programmes = (0..<m).map { k in
            var raises: [String: Int] = [:]
            for code in distinctCodes(rng.int(in: 1...3)) { raises[code] = rng.int(in: 1...2) }
            return PlanProgramme(
                id: "PRG-\(padded(k, 3))", costPerParticipant: rng.int(in: 500...15_000) * 1_000,
                capacity: scaled(rng.int(in: 30...400)), jp: rng.int(in: 8...80), raises: raises)
        }
        let candidates = (0..<n).map { k in
            let isPNS = rng.chance(0.7)
            let jpSoFar = isPNS ? rng.int(in: 0...40) : rng.int(in: 0...24)
            var gaps: [String: Int] = [:]
            for code in distinctCodes(rng.int(in: 0...10)) { gaps[code] = rng.int(in: 1...3) }
            let frontLine = rng.chance(1.0 / 7)
            return PlanCandidate(
                id: "EMP-\(padded(k, 5))", isPNS: isPNS, jpSoFar: jpSoFar, gaps: gaps,
                weights: frontLine ? ["K01": 2] : [:])
        }
        let weights: [String: Double] = ["K01": 1, "K02": 1.5, "K03": 2, "K07": 0.5, "K12": 1.25]
        return Instance(
            programmes: programmes, candidates: candidates, weights: weights,
            budget: budget ?? scaled(rng.int(in: 2_000...5_000) * 1_000_000))
    }

    static func padded(_ k: Int, _ width: Int) -> String {
        let s = String(k)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// The kind of small instance (issue 15, item 4): 60 employees × 12 programmes with real
/// competition for money and seats — Rp 0,5–5 juta per seat, 3–15 seats, 8–40 JP, 1–3 of 10
/// competencies raised by 1–2 levels; ~70 % PNS at 0–30 JP, PPPK at 0–24; 0–5 gaps of 1–3 levels;
/// a Rp 40–80 juta budget. Seeded (SplitMix64 via `DemoRandom`), the same on every platform.
enum PlanSixty {
    static let codes = (1...10).map { "K" + ($0 < 10 ? "0" : "") + "\($0)" }

    static func instance(seed: UInt64) -> PlanCity.Instance {
        var rng = DemoRandom(seed: seed)
        func distinctCodes(_ count: Int) -> [String] {
            var pool = codes
            for k in 0..<count { pool.swapAt(k, k + rng.below(pool.count - k)) }
            return Array(pool.prefix(count))
        }
        let programmes = (0..<12).map { k in
            var raises: [String: Int] = [:]
            for code in distinctCodes(rng.int(in: 1...3)) { raises[code] = rng.int(in: 1...2) }
            return PlanProgramme(
                id: "PRG-\(PlanCity.padded(k, 2))", costPerParticipant: rng.int(in: 5...50) * 100_000,
                capacity: rng.int(in: 3...15), jp: rng.int(in: 8...40), raises: raises)
        }
        let candidates = (0..<60).map { k in
            let isPNS = rng.chance(0.7)
            var gaps: [String: Int] = [:]
            for code in distinctCodes(rng.int(in: 0...5)) { gaps[code] = rng.int(in: 1...3) }
            return PlanCandidate(
                id: "EMP-\(PlanCity.padded(k, 2))", isPNS: isPNS,
                jpSoFar: isPNS ? rng.int(in: 0...30) : rng.int(in: 0...24),
                gaps: gaps, weights: rng.chance(1.0 / 7) ? ["K01": 2] : [:])
        }
        return PlanCity.Instance(
            programmes: programmes, candidates: candidates,
            weights: ["K01": 1, "K02": 1.5, "K03": 2, "K07": 0.5],
            budget: rng.int(in: 40...80) * 1_000_000)
    }
}
