import KompetenCore
import Testing

@Suite("NIK mask: only the last 4 digits are shown")
struct NIKMaskTests {
    @Test func showsTheLastFourDigitsOnly() {
        // The old mask kept the region code "5371" and 2 digits; digits 7–12 (the birth date)
        // follow from the NIP, so region + date + 2 digits narrowed the person down.
        #expect(NIKMask.mask("5371011203850001") == "••••••••••••0001")
        #expect(!NIKMask.mask("5371011203850001").contains("5371"))
    }

    @Test func missingAndMalformed() {
        #expect(NIKMask.mask(nil) == "—")
        #expect(NIKMask.mask("1234") == "••••")
        #expect(NIKMask.mask("12345678") == "••••5678")
    }
}
