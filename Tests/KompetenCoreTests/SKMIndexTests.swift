import Testing

@testable import KompetenCore

@Suite("SKM: IKM from element tallies, Krejcie–Morgan sample")
struct SKMIndexTests {
    /// Nine tallies with the same sum and count.
    func uniform(sum: Int, answered: Int) -> [SKMElementTally] {
        SKMElement.codes.map { SKMElementTally(code: $0, sum: sum, answered: answered) }
    }

    @Test func allThreesGiveSeventyFive() throws {
        // 10 respondents answer 3 everywhere: NRR 3 each, Σ NRR/9 = 3, × 25 = 75,00 → C.
        let r = try #require(
            IKMCalculator.compute(tallies: uniform(sum: 30, answered: 10), respondents: 10, weight: .ninth))
        #expect(r.ikm == 75.00)
        #expect(r.grade == .C)
        #expect(r.label == "Kurang Baik")
        #expect(r.elements.map(\.code) == SKMElement.codes)
        #expect(r.elements.allSatisfy { $0.nrr == 3 })
        #expect(r.elements[2].name == "Waktu Penyelesaian")
        #expect(abs(r.elements[0].weightedNRR! - 1.0 / 3.0) < 1e-12)
        #expect(r.lowestElements == ["U1", "U2", "U3"]) // all tied: by code
        #expect(r.minimumSample == nil && !r.belowMinimumSample)
    }

    @Test func weightSettingChangesTheIndex() throws {
        // 0,11: 3 × 0,11 × 9 × 25 = 74,25 → C.
        let w011 = try #require(
            IKMCalculator.compute(tallies: uniform(sum: 30, answered: 10), respondents: 10, weight: .w011))
        #expect(w011.ikm == 74.25)
        #expect(w011.grade == .C)
        // 0,111: 3 × 0,111 × 9 × 25 = 74,925 → 74,93 (half up; the binary sum is 74,92499…).
        let w0111 = try #require(
            IKMCalculator.compute(tallies: uniform(sum: 30, answered: 10), respondents: 10, weight: .w0111))
        #expect(w0111.ikm == 74.93)
        #expect(abs(w0111.elements[0].weightedNRR! - 0.333) < 1e-12)
    }

    @Test func exactBoundariesFromTallies() throws {
        // Every element the same NRR, so IKM = NRR × 25 (the regulation's nilai interval).
        // 2500 respondents: NRR 8831/2500 = 3,5324 → 88,31 → A; 8830/2500 = 3,532 → 88,30 → B;
        // 7661/2500 = 3,0644 → 76,61 → B; 383/125 = 3,064 → 76,60 → C; 26/10 = 2,6 → 65,00 → C;
        // 6499/2500 = 2,5996 → 64,99 → D.
        let cases: [(Int, Int, Double, SKMGrade)] = [
            (8831, 2500, 88.31, .A), (8830, 2500, 88.30, .B),
            (7661, 2500, 76.61, .B), (383, 125, 76.60, .C),
            (26, 10, 65.00, .C), (6499, 2500, 64.99, .D),
        ]
        for (sum, answered, ikm, grade) in cases {
            let r = try #require(
                IKMCalculator.compute(
                    tallies: uniform(sum: sum, answered: answered), respondents: answered, weight: .ninth))
            #expect(r.ikm == ikm, "\(sum)/\(answered)")
            #expect(r.grade == grade, "\(sum)/\(answered)")
        }
    }

    @Test func oneVectorPerGrade() throws {
        // All 4 → 100,00 → A; all 2 → 50,00 → D; all 1 → 25,00 → D.
        #expect(
            IKMCalculator.compute(tallies: uniform(sum: 40, answered: 10), respondents: 10, weight: .ninth)?.grade == .A
        )
        #expect(
            IKMCalculator.compute(tallies: uniform(sum: 40, answered: 10), respondents: 10, weight: .ninth)?.ikm == 100)
        #expect(
            IKMCalculator.compute(tallies: uniform(sum: 20, answered: 10), respondents: 10, weight: .ninth)?.ikm == 50)
        #expect(
            IKMCalculator.compute(tallies: uniform(sum: 20, answered: 10), respondents: 10, weight: .ninth)?.grade == .D
        )
        #expect(
            IKMCalculator.compute(tallies: uniform(sum: 10, answered: 10), respondents: 10, weight: .ninth)?.ikm == 25)
    }

    @Test func realisticMixedVector() throws {
        // 10 respondents. Sums U1…U9: 32 30 25 38 31 33 35 27 29
        // NRR: 3,2 3,0 2,5 3,8 3,1 3,3 3,5 2,7 2,9; Σ = 28,0
        // IKM = 28,0 / 9 × 25 = 77,777… → 77,78 → B (Baik).
        // Lowest three: U3 (2,5), U8 (2,7), U9 (2,9).
        let sums = [32, 30, 25, 38, 31, 33, 35, 27, 29]
        let tallies = zip(SKMElement.codes, sums).map { SKMElementTally(code: $0, sum: $1, answered: 10) }
        let r = try #require(IKMCalculator.compute(tallies: tallies, respondents: 10, weight: .ninth, population: 100))
        #expect(r.ikm == 77.78)
        #expect(r.grade == .B)
        #expect(r.label == "Baik")
        #expect(r.elements[3].nrr == 3.8)
        #expect(r.lowestElements == ["U3", "U8", "U9"])
        // Population 100 → Krejcie–Morgan 80; 10 respondents are far too few.
        #expect(r.minimumSample == 80)
        #expect(r.belowMinimumSample)
        // With the same answers in a different tally order the result is the same.
        let shuffled = try #require(
            IKMCalculator.compute(tallies: tallies.reversed(), respondents: 10, weight: .ninth, population: 100))
        #expect(shuffled == r)
    }

    @Test func anElementNobodyAnswered() throws {
        // U8 left off the form: 8 elements with NRR 3, Σ = 24; the missing weight is not shared
        // out: 24 / 9 × 25 = 66,666… → 66,67, and the result is "tidak lengkap": no grade.
        let tallies = SKMElement.codes.map {
            SKMElementTally(code: $0, sum: $0 == "U8" ? 0 : 30, answered: $0 == "U8" ? 0 : 10)
        }
        let r = try #require(IKMCalculator.compute(tallies: tallies, respondents: 10, weight: .ninth))
        #expect(r.ikm == 66.67)
        #expect(!r.complete && r.value == nil && r.grade == nil && r.label == "Tidak lengkap")
        #expect(r.elements[7].code == "U8")
        #expect(r.elements[7].nrr == nil && r.elements[7].weightedNRR == nil)
        #expect(!r.lowestElements.contains("U8"))
        // A missing tally is the same as answered 0; unknown codes are ignored.
        let missing = tallies.filter { $0.code != "U8" } + [SKMElementTally(code: "U10", sum: 40, answered: 10)]
        #expect(IKMCalculator.compute(tallies: missing, respondents: 10, weight: .ninth) == r)
    }

    @Test func nothingToCompute() {
        #expect(IKMCalculator.compute(tallies: uniform(sum: 30, answered: 10), respondents: 0, weight: .ninth) == nil)
        #expect(IKMCalculator.compute(tallies: uniform(sum: 0, answered: 0), respondents: 5, weight: .ninth) == nil)
        #expect(IKMCalculator.compute(tallies: [], respondents: 5, weight: .ninth) == nil)
    }

    @Test func enoughRespondents() throws {
        // Population 10 → minimum 10 (9,77 rounded); 10 respondents suffice.
        let r = try #require(
            IKMCalculator.compute(
                tallies: uniform(sum: 30, answered: 10), respondents: 10, weight: .ninth, population: 10))
        #expect(r.minimumSample == 10)
        #expect(!r.belowMinimumSample)
    }

    @Test func krejcieMorganFormula() {
        // n = 3,841·N·0,25 / (0,0025·(N−1) + 3,841·0,25); N = 100: 96,025 / 1,20775 = 79,51 → 80.
        #expect(KrejcieMorgan.minimumSample(population: 100) == 80)
        #expect(KrejcieMorgan.minimumSample(population: 1000) == 278) // 277,71
        // The 1970 table; the formula reproduces each value.
        let table = [10: 10, 50: 44, 200: 132, 500: 217, 5000: 357, 10000: 370, 100_000: 383, 1_000_000: 384]
        for (population, sample) in table {
            #expect(KrejcieMorgan.minimumSample(population: population) == sample, "N = \(population)")
        }
        #expect(KrejcieMorgan.minimumSample(population: 1) == 1)
        #expect(KrejcieMorgan.minimumSample(population: 0) == nil)
        #expect(KrejcieMorgan.minimumSample(population: -5) == nil)
        #expect(KrejcieMorgan.minimumSample(population: Int.max) == 384)
    }
}
