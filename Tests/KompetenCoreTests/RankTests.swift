import Testing

@testable import KompetenCore

@Suite("Golongan (rank)")
struct RankTests {
    @Test func pnsRanksAreSeventeen() {
        // 4 + 4 + 4 + 5 rooms
        #expect(Rank.pns.count == 17)
        #expect(Rank.pns.first == "I/a" && Rank.pns.last == "IV/e")
    }

    @Test func spellingIsForgiven() {
        #expect(Rank.normalise("iii/B", for: .pns) == "III/b")
        #expect(Rank.normalise(" III / b ", for: .pns) == "III/b")
        #expect(Rank.normalise("ix", for: .pppk) == "IX")
    }

    @Test func wrongRanksAreRefused() {
        #expect(Rank.normalise("IV/f", for: .pns) == nil)
        #expect(Rank.normalise("V/a", for: .pns) == nil)
        #expect(Rank.normalise("III/b", for: .pppk) == nil)
        #expect(Rank.normalise("XVIII", for: .pppk) == nil)
        #expect(Rank.problem("IX", for: .pns) == "Golongan PNS harus berbentuk I/a sampai IV/e (mis. III/b).")
        #expect(Rank.problem("III/a", for: .pns) == nil)
    }
}
