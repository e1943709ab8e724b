import Testing

@testable import KompetenCore

/// Issue 17 (partners): an agreement's status on a day, with both dates inclusive and the
/// 90-day warning; a batch covered by one agreement or by a renewal that follows without a gap;
/// a programme accreditation past its expiry.
@Suite("Partner agreements: validity, status, coverage")
struct PartnerAgreementTests {
    static func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }
    /// PKS 1 January 2026 – 31 December 2026.
    static let year2026 = AgreementTerm(start: d("2026-01-01"), end: d("2026-12-31"))

    @Test func validOnBothEndDatesNotOutside() {
        let t = Self.year2026
        #expect(!t.isValid(on: Self.d("2025-12-31")))
        #expect(t.isValid(on: Self.d("2026-01-01")))
        #expect(t.isValid(on: Self.d("2026-12-31")))
        #expect(!t.isValid(on: Self.d("2027-01-01")))
    }

    @Test func statusAtTheBoundaries() {
        let t = Self.year2026
        #expect(t.status(on: Self.d("2025-12-31")) == .belumBerlaku)
        #expect(t.status(on: Self.d("2026-01-01")) == .berlaku)
        // 31 December is 91 days after 1 October (30 + 30 + 31), 90 days after 2 October.
        #expect(t.status(on: Self.d("2026-10-01")) == .berlaku)
        #expect(t.status(on: Self.d("2026-10-02")) == .akanBerakhir)
        #expect(t.status(on: Self.d("2026-12-31")) == .akanBerakhir)
        #expect(t.status(on: Self.d("2027-01-01")) == .berakhir)
        #expect(AgreementStatus.akanBerakhir.isInForce && AgreementStatus.berlaku.isInForce)
        #expect(!AgreementStatus.berakhir.isInForce && !AgreementStatus.belumBerlaku.isInForce)
    }

    @Test func daysLeftCountsTheEndDay() {
        #expect(Self.year2026.daysLeft(on: Self.d("2026-12-31")) == 1)
        #expect(Self.year2026.daysLeft(on: Self.d("2026-12-01")) == 31)
        #expect(Self.year2026.daysLeft(on: Self.d("2027-01-05")) == 0)
    }

    @Test func aBatchInsideOneAgreement() {
        let terms = [Self.year2026]
        #expect(AgreementCoverage.covers(terms, from: Self.d("2026-03-02"), to: Self.d("2026-03-06")))
        #expect(AgreementCoverage.covers(terms, from: Self.d("2026-01-01"), to: Self.d("2026-12-31")))
        // Starting the day before, or ending the day after: outside.
        #expect(!AgreementCoverage.covers(terms, from: Self.d("2025-12-31"), to: Self.d("2026-01-02")))
        #expect(!AgreementCoverage.covers(terms, from: Self.d("2026-12-30"), to: Self.d("2027-01-01")))
        #expect(!AgreementCoverage.covers([], from: Self.d("2026-03-02"), to: Self.d("2026-03-06")))
    }

    @Test func aRenewalWithoutAGapCarriesABatchAcross() {
        let renewal = AgreementTerm(start: Self.d("2027-01-01"), end: Self.d("2027-12-31"))
        // 28 December 2026 – 8 January 2027 over two back-to-back agreements, given in any order.
        #expect(
            AgreementCoverage.covers([renewal, Self.year2026], from: Self.d("2026-12-28"), to: Self.d("2027-01-08")))
        // The renewal signed a day late (from 2 January): 1 January is not covered.
        let late = AgreementTerm(start: Self.d("2027-01-02"), end: Self.d("2027-12-31"))
        #expect(!AgreementCoverage.covers([Self.year2026, late], from: Self.d("2026-12-28"), to: Self.d("2027-01-08")))
        // A batch wholly after the gap is covered by the late renewal alone.
        #expect(AgreementCoverage.covers([Self.year2026, late], from: Self.d("2027-02-01"), to: Self.d("2027-02-05")))
    }

    @Test func aProvidersStandingWithAllItsAgreements() {
        let today = Self.d("2026-11-29")
        #expect(AgreementTerm.standing(of: [], on: today) == nil)
        // The 2026 PKS alone ends in 33 days: akan berakhir.
        #expect(AgreementTerm.standing(of: [Self.year2026], on: today) == .akanBerakhir)
        // Renewed for 2027 without a gap: berlaku.
        let renewal = AgreementTerm(start: Self.d("2027-01-01"), end: Self.d("2027-12-31"))
        #expect(AgreementTerm.standing(of: [Self.year2026, renewal], on: today) == .berlaku)
        // Only the renewal, not yet in force: belum berlaku; only an old one: berakhir.
        #expect(AgreementTerm.standing(of: [renewal], on: today) == .belumBerlaku)
        let old = AgreementTerm(start: Self.d("2024-01-02"), end: Self.d("2025-12-31"))
        #expect(AgreementTerm.standing(of: [old], on: today) == .berakhir)
        #expect(AgreementTerm.standing(of: [old, Self.year2026], on: today) == .akanBerakhir)
    }

    @Test func onlyInHouseTrainingNeedsNoAgreement() {
        #expect(ProviderKind.allCases.filter { !$0.needsAgreement } == [.inHouse])
        #expect(ProviderKind(rawValue: "internal") == .inHouse)
    }

    @Test func programmeAccreditationExpires() {
        let until = Self.d("2027-06-30")
        #expect(ProgrammeAccreditation.effective(.a, until: until, on: Self.d("2027-06-30")) == .a)
        #expect(ProgrammeAccreditation.effective(.a, until: until, on: Self.d("2027-07-01")) == .belum)
        #expect(ProgrammeAccreditation.effective(.b, until: nil, on: Self.d("2030-01-01")) == .b)
        #expect(ProgrammeAccreditation.effective(.belum, until: until, on: Self.d("2026-01-01")) == .belum)
        #expect(
            ProgrammeAccreditation.label(.a, until: until, on: Self.d("2026-11-29"))
                == "Terakreditasi A s.d. 30 Juni 2027")
        #expect(
            ProgrammeAccreditation.label(.a, until: until, on: Self.d("2027-07-01"))
                == "Terakreditasi A (kedaluwarsa 30 Juni 2027)")
    }
}

@Suite("Partner agreements: the signed document")
struct AgreementDocumentTests {
    @Test func aPDFByItsHeaderAndSize() {
        #expect(AgreementDocument.problem(Array("%PDF-1.7\n".utf8)) == nil)
        #expect(AgreementDocument.problem(Array("PK\u{3}\u{4}docx".utf8)) == "Berkas harus PDF (isinya bukan PDF).")
        #expect(AgreementDocument.problem(Array("%PDF".utf8)) == "Berkas harus PDF (isinya bukan PDF).")
        #expect(AgreementDocument.problem([UInt8]()) == "Pilih berkas PDF naskah perjanjian.")
        // 5 MB = 5,242,880 bytes is accepted; one byte more is not.
        var exact = Array("%PDF-".utf8)
        exact += [UInt8](repeating: 0x20, count: 5_242_880 - 5)
        #expect(AgreementDocument.problem(exact) == nil)
        exact.append(0x20)
        #expect(AgreementDocument.problem(exact) == "Berkas paling besar 5 MB.")
    }
}
