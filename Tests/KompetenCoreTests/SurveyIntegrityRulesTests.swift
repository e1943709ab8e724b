import Foundation
import KompetenCore
import Testing

/// The rules that keep a unit from bending the IKM it is graded by: the sender rule of the
/// duplicate check, the dates a paper form may carry, and who may reject a response.
@Suite("SKM sender rule: repeats within ten minutes are flagged, kiosks are not")
struct SurveySenderRuleTests {
    let a = [3, 3, 3, 3, 3, 3, 3, 3, 3]
    let b = [4, 4, 4, 4, 4, 4, 4, 4, 4]

    @Test func identicalAnswersAreADuplicateAndVariedOnesARepeatSender() {
        #expect(SurveyDuplicateRule.flag(previous: nil, current: a, at: 1000) == nil)
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: a, at: 1300) == .duplicate)
        // Different answers from the same sender 5 minutes later: still flagged for review.
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: b, at: 1300) == .repeatSender)
        // Exactly ten minutes is inside; one second more is not. A clock behind counts the same.
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: b, at: 1600) == .repeatSender)
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: b, at: 1601) == nil)
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: b, at: 500) == .repeatSender)
    }

    @Test func aRegisteredKioskIsNeverSenderFlagged() {
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: b, at: 1010, fromKiosk: true) == nil)
        #expect(SurveyDuplicateRule.flag(previous: (a, 1000), current: a, at: 1010, fromKiosk: true) == nil)
    }

    @Test func theSenderHashIsKeptForTheWindowAndADay() {
        #expect(SurveyDuplicateRule.senderHashKeptFor == 600 + 24 * 3600)
        #expect(SurveyFlag(rawValue: "repeat_sender") == .repeatSender)
    }
}

@Suite("SKM paper forms: only the period being entered, never before the service or in the future")
struct PaperSurveyPeriodTests {
    func d(_ s: String) -> SimpleDate { SimpleDate(iso: s)! }

    @Test func theCurrentMonthAndLastMonthUntilThe10th() {
        let created = d("2024-01-15")
        // 29 November: November only.
        #expect(PaperSurveyPeriod.problem(d("2026-11-01"), today: d("2026-11-29"), serviceCreated: created) == nil)
        #expect(PaperSurveyPeriod.problem(d("2026-11-29"), today: d("2026-11-29"), serviceCreated: created) == nil)
        #expect(PaperSurveyPeriod.problem(d("2026-10-31"), today: d("2026-11-29"), serviceCreated: created) != nil)
        // 10 December: November is still being closed; October is not.
        #expect(PaperSurveyPeriod.problem(d("2026-11-01"), today: d("2026-12-10"), serviceCreated: created) == nil)
        #expect(PaperSurveyPeriod.problem(d("2026-10-31"), today: d("2026-12-10"), serviceCreated: created) != nil)
        // 11 December: November is closed.
        #expect(PaperSurveyPeriod.problem(d("2026-11-30"), today: d("2026-12-11"), serviceCreated: created) != nil)
        // January reaches back into December of the year before.
        #expect(PaperSurveyPeriod.open(today: d("2027-01-05"), serviceCreated: created).from == d("2026-12-01"))
    }

    @Test func neverInTheFutureNorBeforeTheServiceExisted() {
        #expect(
            PaperSurveyPeriod.problem(d("2026-11-30"), today: d("2026-11-29"), serviceCreated: d("2024-01-15"))
                == "Tanggal pengisian tidak boleh di masa depan.")
        #expect(
            PaperSurveyPeriod.problem(d("2023-11-29"), today: d("2026-11-29"), serviceCreated: d("2024-01-15")) != nil)
        // A service registered on 20 November: the 19th is before it, the 20th is fine.
        #expect(
            PaperSurveyPeriod.problem(d("2026-11-19"), today: d("2026-11-29"), serviceCreated: d("2026-11-20"))?
                .contains("sebelum layanan terdaftar") == true)
        #expect(
            PaperSurveyPeriod.problem(d("2026-11-20"), today: d("2026-11-29"), serviceCreated: d("2026-11-20")) == nil)
        #expect(PaperSurveyPeriod.open(today: d("2026-12-03"), serviceCreated: d("2026-11-20")).from == d("2026-11-20"))
    }
}

@Suite("SKM review access: operators reject flagged responses only, BKPPD any")
struct SurveyReviewAccessTests {
    let instansi = UUID(), opd = UUID(), otherOPD = UUID()
    func actor(_ role: Role, opd: UUID?) -> Principal {
        Principal(userID: UUID(), username: "u", role: role, instansiID: instansi, opdID: opd, employeeID: nil)
    }

    @Test func theUnitsOperatorOnlyActsOnFlaggedResponses() {
        let service = Placement(instansiID: instansi, opdID: opd)
        #expect(AccessPolicy.reviewSurveyResponse(actor(.operator, opd: opd), service, flagged: true) == .allow)
        #expect(!AccessPolicy.reviewSurveyResponse(actor(.operator, opd: opd), service, flagged: false).isAllowed)
        #expect(!AccessPolicy.reviewSurveyResponse(actor(.operator, opd: otherOPD), service, flagged: true).isAllowed)
        #expect(AccessPolicy.reviewSurveyResponse(actor(.admin, opd: nil), service, flagged: false) == .allow)
        #expect(!AccessPolicy.reviewSurveyResponse(actor(.employee, opd: opd), service, flagged: true).isAllowed)
        // Another instansi's BKPPD: no.
        let elsewhere = Principal(
            userID: UUID(), username: "x", role: .admin, instansiID: UUID(), opdID: nil, employeeID: nil)
        #expect(!AccessPolicy.reviewSurveyResponse(elsewhere, service, flagged: true).isAllowed)
    }
}
