import Testing

@testable import KompetenCore

@Suite struct NIPTests {
    func problem(_ raw: String) -> NIP.Problem? {
        if case .failure(let p) = NIP.parse(raw) { return p }
        return nil
    }

    @Test func validPNS() throws {
        let nip = try NIP.parse("198503122010011002").get()
        #expect(nip.birthDate == SimpleDate(year: 1985, month: 3, day: 12))
        #expect(nip.appointmentYear == 2010)
        #expect(nip.appointmentMonth == 1)
        #expect(nip.kind == .pns)
        #expect(nip.sex == .male)
        #expect(nip.sequence == 2)
        #expect(nip.description == "198503122010011002")
    }

    @Test func validPPPK() throws {
        let nip = try NIP.parse("199001012022212005").get()
        #expect(nip.birthDate == SimpleDate(year: 1990, month: 1, day: 1))
        #expect(nip.appointmentYear == 2022)
        #expect(nip.appointmentMonth == nil)
        #expect(nip.kind == .pppk)
        #expect(nip.sex == .female)
        #expect(nip.sequence == 5)
    }

    @Test func spacedFormIsAccepted() throws {
        let nip = try NIP.parse("19850312 201001 1 002").get()
        #expect(nip.digits == "198503122010011002")
        #expect(nip == (try NIP.parse("198503122010011002").get()))
    }

    @Test func wrongLength() {
        #expect(problem("19850312201001100") == .length(17))
        #expect(problem("1985031220100110020") == .length(19))
        #expect(problem("") == .length(0))
        #expect(NIP.Problem.length(17).message == "NIP harus 18 digit (tertulis 17 digit).")
    }

    @Test func notDigits() {
        #expect(problem("19850312201001100A") == .notDigits)
        #expect(problem("1985-03-12-2010011") == .notDigits)
        #expect(problem("１９８５0312201001100２".prefix(18).description) == .notDigits) // full-width digits
    }

    @Test func badBirthDate() {
        #expect(problem("198502302010011002") == .birthDate) // 30 February
        #expect(problem("198513122010011002") == .birthDate) // month 13
        #expect(problem("198503002010011002") == .birthDate) // day 0
    }

    @Test func badAppointmentMonth() {
        #expect(problem("198503122010131002") == .appointment) // 13
        #expect(problem("198503122010001002") == .appointment) // 00
        #expect(problem("198503122010201002") == .appointment) // 20 (only 21 means PPPK)
    }

    @Test func badSexDigit() {
        #expect(problem("198503122010013002") == .sex)
        #expect(problem("198503122010010002") == .sex)
    }

    @Test func zeroSequence() {
        #expect(problem("198503122010011000") == .sequence)
    }

    @Test func appointedTooYoung() {
        // Born 1995, appointed 2010: 15 years old.
        #expect(problem("199503122010011002") == .appointmentBeforeBirth)
        // Born 1 January 1992, TMT 1 January 2010: 18 that very day, accepted. (Born 12 March 1992
        // with the same TMT is 17 — see NIPAppointmentRulesTests.)
        #expect(problem("199201012010011002") == nil)
    }

    @Test func makeRoundTrips() throws {
        let birth = SimpleDate(year: 1985, month: 3, day: 12)!
        let pns = NIP.make(birth: birth, appointmentYear: 2010, appointmentMonth: 1, sex: .male, sequence: 2)
        #expect(pns == "198503122010011002")
        let parsed = try NIP.parse(pns).get()
        #expect(
            parsed.birthDate == birth && parsed.appointmentMonth == 1 && parsed.sex == .male && parsed.sequence == 2)

        let pppk = NIP.make(
            birth: SimpleDate(year: 1990, month: 1, day: 1)!, appointmentYear: 2022,
            appointmentMonth: nil, sex: .female, sequence: 5)
        #expect(pppk == "199001012022212005")
        #expect((try NIP.parse(pppk).get()).kind == .pppk)

        let late = NIP.make(
            birth: SimpleDate(year: 2000, month: 12, day: 31)!, appointmentYear: 2024,
            appointmentMonth: 11, sex: .female, sequence: 123)
        #expect(late == "200012312024112123")
        #expect((try NIP.parse(late).get()).sequence == 123)
    }
}
