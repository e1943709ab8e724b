import Testing

@testable import KompetenCore

/// Issue 15 item 10: each element's NRR is over the forms that answered it; an element nobody
/// answered makes the IKM "tidak lengkap", not graded.
@Suite("SKM: blank answers — NRR per answering form, unanswered element not graded")
struct IKMBlankAnswersTests {
    @Test func nrrIsOverTheFormsThatAnsweredTheElement() throws {
        // Three forms. U1: 4, blank, 2 → Σ 6 over 2 answers → NRR 3 (not 6/3 = 2).
        // U2…U9: 3, 3, 3 → NRR 3. IKM = 9 × 3 / 9 × 25 = 75,00 → C. (Had the blank counted
        // as a form, U1 = 2 and IKM = 26/9 × 25 = 72,22.)
        var tallies = [SKMElementTally(code: "U1", sum: 6, answered: 2)]
        tallies += SKMElement.codes.dropFirst().map { SKMElementTally(code: $0, sum: 9, answered: 3) }
        let r = try #require(IKMCalculator.compute(tallies: tallies, respondents: 3, weight: .ninth))
        #expect(r.elements[0].nrr == 3)
        #expect(r.ikm == 75.00 && r.value == 75.00 && r.grade == .C && r.complete)
    }

    @Test func anElementNobodyAnsweredMakesTheIKMIncomplete() throws {
        // U8 left off every form: U1…U7 and U9 all 4 (NRR 4). No IKM value, no grade.
        let tallies = SKMElement.codes.map {
            SKMElementTally(code: $0, sum: $0 == "U8" ? 0 : 8, answered: $0 == "U8" ? 0 : 2)
        }
        let r = try #require(IKMCalculator.compute(tallies: tallies, respondents: 2, weight: .ninth))
        #expect(!r.complete)
        #expect(r.value == nil && r.grade == nil)
        #expect(r.label == "Tidak lengkap")
        #expect(r.elements[7].nrr == nil && r.elements[0].nrr == 4)
        #expect(PublicIKM.of(r) == .incomplete(respondents: 2))
        #expect(PublicIKM.of(r).note == "tidak lengkap")
    }
}
