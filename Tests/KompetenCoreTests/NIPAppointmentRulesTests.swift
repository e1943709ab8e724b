import Foundation
import Testing

@testable import KompetenCore

/// Issue 15 item 12: the appointment (TMT) on a NIP must be possible — not in a later year, not
/// under 18 by full dates, no NI PPPK before 2019 — and whitespace pasted from a spreadsheet is
/// removed before checking. Every example worked out by hand.
@Suite("NIP: appointment rules and pasted whitespace")
struct NIPAppointmentRulesTests {
    func problem(_ raw: String, year: Int = 2026) -> NIP.Problem? {
        if case .failure(let p) = NIP.parse(raw, currentYear: year) { return p }
        return nil
    }

    @Test func underEighteenAtTMTByFullDates() {
        // Born 5 December 2000, TMT 1 January 2018: 17 years and ~1 month old. The old rule
        // (2018 − 2000 = 18) accepted it.
        #expect(problem("200012052018011001") == .appointmentBeforeBirth)
        // Same person, TMT 1 December 2018: birthday on the 5th not yet reached, still 17.
        #expect(problem("200012052018121001") == .appointmentBeforeBirth)
        // Born 1 December 2000, TMT 1 December 2018: 18 that day.
        #expect(problem("200012012018121001") == nil)
        // Born 12 March 1992, TMT January 2010: 17 (the old rule's 18 by years).
        #expect(problem("199203122010011002") == .appointmentBeforeBirth)
        #expect(
            NIP.age(born: SimpleDate(year: 2000, month: 12, day: 5)!, appointmentYear: 2018, appointmentMonth: 1) == 17)
    }

    @Test func pppkAgeUsesTheWholeYear() {
        // A NI PPPK has only the year: born 1 June 2001, appointed 2019 → 18 by 31 December 2019.
        #expect(problem("200106012019211001") == nil)
        // Born 1 January 2002, appointed 2019: 17 even on 31 December.
        #expect(problem("200201012019211001") == .appointmentBeforeBirth)
    }

    @Test func appointmentAfterTheCurrentYear() {
        // TMT January 2027 while it is 2026: refused; the same NIP in 2027 is fine.
        #expect(problem("199001012027011001", year: 2026) == .appointmentInFuture(2027))
        #expect(problem("199001012027011001", year: 2027) == nil)
        // December of the current year is allowed (an appointment decided this year).
        #expect(problem("199001012026121001", year: 2026) == nil)
        #expect(NIP.Problem.appointmentInFuture(2027).message.contains("2027"))
    }

    @Test func pppkBefore2019() {
        #expect(problem("199001012018211001") == .pppkBefore2019(2018))
        #expect(problem("199001012019211001") == nil)
        // A PNS TMT in 2018 is not affected.
        #expect(problem("199001012018011001") == nil)
    }

    @Test func unicodeWhitespaceIsRemoved() throws {
        // U+00A0 (no-break space, what spreadsheets paste), U+202F, U+2007, a tab, a line break
        // and a zero-width space: all removed; the digits are 198503122010011002.
        let pasted = "19850312\u{00A0}201001\u{202F}1\u{2007}002\t\n\u{200B}"
        let nip = try NIP.parse(pasted, currentYear: 2026).get()
        #expect(nip.digits == "198503122010011002")
        #expect(problem("\u{00A0}198503122010011002\u{00A0}") == nil)
        // Anything else is still refused: a letter, a dash.
        #expect(problem("19850312\u{00A0}20100110O2") == .notDigits)
    }

    @Test func currentYearIsWITA() {
        // 31 December 2026 17:00 UTC is 1 January 2027 01:00 in Kupang (UTC+8).
        #expect(NIP.currentYear(Date(timeIntervalSince1970: 1_798_736_400)) == 2027)
    }
}
