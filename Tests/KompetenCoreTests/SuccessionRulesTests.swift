import Testing

@testable import KompetenCore

/// Successor readiness at the edges of its rule (pengisian jabatan thresholds 80/68, pool 7–9,
/// below-expectation boxes 1, 3, 6), and the ranking.
@Suite struct SuccessionRulesTests {
    @Test func readinessAtTheEdges() {
        let cases: [(Double, Int?, Succession.Readiness)] = [
            (80, 7, .siapSekarang), (100, 9, .siapSekarang), (80, 8, .siapSekarang),
            (79.99, 9, .satuDuaTahun), // masih memenuhi syarat, in the pool
            (80, 5, .satuDuaTahun), // memenuhi syarat outside the pool
            (80, nil, .satuDuaTahun), // not placed on the grid (no SKP or potential)
            (68, 9, .satuDuaTahun), (67.99, 9, .belum),
            (95, 6, .belum), (95, 3, .belum), (95, 1, .belum), // performance below expectation
            (95, 4, .satuDuaTahun), (95, 2, .satuDuaTahun),
        ]
        for (jpm, box, expected) in cases {
            #expect(Succession.readiness(jpm: jpm, box: box) == expected, "JPM \(jpm), box \(String(describing: box))")
        }
    }

    @Test func feedersAreTheSameKindAndTheOneBelow() {
        #expect(Succession.feederKinds(for: .jpt) == [.jpt, .administrator])
        #expect(Succession.feederKinds(for: .administrator) == [.administrator, .pengawas])
        #expect(Succession.feederKinds(for: .pengawas) == [.pengawas, .pelaksana, .fungsional])
        #expect(Succession.feederKinds(for: .pelaksana) == [.pelaksana])
        // Issue 17: JPT and administrator are key by their kind; any other only when BKPPD marks it.
        #expect(Succession.isKey(.jpt) && Succession.isKey(.administrator))
        #expect(!Succession.isKey(.pengawas) && !Succession.isKey(.pelaksana) && !Succession.isKey(.fungsional))
        #expect(Succession.isKey(.pengawas, marked: true) && Succession.isKey(.fungsional, marked: true))
        #expect(Succession.canMark(.pengawas) && !Succession.canMark(.jpt) && !Succession.canMark(.administrator))
    }

    @Test func rankingIsReadinessThenMatchThenBoxThenName() {
        let list = [
            Succession.Candidate(employee: "e1", name: "Yanti", jpm: 100, box: 5), // 1–2 tahun
            Succession.Candidate(employee: "e2", name: "Budi", jpm: 82, box: 7), // siap
            Succession.Candidate(employee: "e3", name: "Ani", jpm: 82, box: 9), // siap, higher box
            Succession.Candidate(employee: "e4", name: "Citra", jpm: 90, box: 8), // siap, higher match
            Succession.Candidate(employee: "e5", name: "Dewi", jpm: 60, box: 9), // belum
            Succession.Candidate(employee: "e6", name: "Ama", jpm: 100, box: 5), // as e1, name first
        ]
        #expect(Succession.ranked(list).map(\.employee) == ["e4", "e3", "e2", "e6", "e1", "e5"])
    }
}
