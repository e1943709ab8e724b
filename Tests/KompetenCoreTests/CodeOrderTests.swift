import Testing

@testable import KompetenCore

@Suite struct CodeOrderTests {
    @Test func numbersByValueLettersWithoutCase() {
        let codes = ["SK.1", "M.10", "M.2", "m.3", "T.1.10", "T.1.2", "M.1", "SK.01"]
        // By hand: M.1, M.2, m.3, M.10 (2 < 3 < 10), then SK.01 and SK.1 (equal as numbers, "SK.01"
        // before "SK.1" in plain order), then T.1.2 before T.1.10.
        #expect(
            codes.sorted(by: CodeOrder.precedes) == ["M.1", "M.2", "m.3", "M.10", "SK.01", "SK.1", "T.1.2", "T.1.10"])
    }

    @Test func aPrefixComesFirstAndEqualCodesAreNotBeforeEachOther() {
        #expect(CodeOrder.precedes("M", "M.1"))
        #expect(!CodeOrder.precedes("M.1", "M"))
        #expect(!CodeOrder.precedes("M.1", "M.1"))
        // Equal but for case: plain order ("M" < "m"), so the order is total.
        #expect(CodeOrder.precedes("M.1", "m.1") && !CodeOrder.precedes("m.1", "M.1"))
    }
}
