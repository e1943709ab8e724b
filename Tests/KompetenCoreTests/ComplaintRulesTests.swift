import Foundation
import Testing

@testable import KompetenCore

/// The complaint rules, checked against hand-worked cases (calendar of November–December 2026:
/// the 23rd and 30th of November are Mondays).
@Suite struct ComplaintRulesTests {
    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    @Test func workflowAllowsOnlyTheDocumentedSteps() {
        // from → the targets that are allowed, written out from the rule, not from the code.
        let allowed: [ComplaintStatus: Set<ComplaintStatus>] = [
            .received: [.inProgress, .done, .rejected],
            .inProgress: [.done, .rejected],
            .done: [],
            .rejected: [],
        ]
        for from in ComplaintStatus.allCases {
            for to in ComplaintStatus.allCases {
                let result = ComplaintWorkflow.validate(
                    from: from, to: to.rawValue, reason: "Bukan kewenangan unit ini.", hasReply: true)
                let ok = (try? result.get()) == to
                #expect(ok == allowed[from]!.contains(to), "\(from) → \(to)")
            }
        }
    }

    @Test func doneNeedsAReplyAndRejectionNeedsAReason() {
        let noReply = ComplaintWorkflow.validate(from: .inProgress, to: "selesai", reason: nil, hasReply: false)
        #expect(Self.fields(noReply) == ["to"])
        let noReason = ComplaintWorkflow.validate(from: .received, to: "ditolak", reason: "   ", hasReply: false)
        #expect(Self.fields(noReason) == ["reason"])
        let tooLong = ComplaintWorkflow.validate(
            from: .received, to: "ditolak", reason: String(repeating: "x", count: 1_001), hasReply: false)
        #expect(Self.fields(tooLong) == ["reason"])
        #expect(
            Self.fields(ComplaintWorkflow.validate(from: .received, to: "dibuang", reason: nil, hasReply: true)) == [
                "to"
            ])
        #expect(
            (try? ComplaintWorkflow.validate(
                from: .received, to: "ditolak", reason: "Di luar layanan ini.", hasReply: false
            ).get()) == .rejected)
    }

    @Test func rawValuesAndLabelsAreTheAPIAndTheUI() {
        #expect(ComplaintStatus.allCases.map(\.rawValue) == ["diterima", "diproses", "selesai", "ditolak"])
        #expect(ComplaintStatus.allCases.map(\.label) == ["Diterima", "Diproses", "Selesai", "Ditolak"])
        #expect(ComplaintStatus.allCases.filter(\.isClosed) == [.done, .rejected])
    }

    @Test func submissionValidatesEveryFieldAtOnce() {
        let bad = ComplaintSubmission.validate(
            text: "terlalu pendek", name: String(repeating: "a", count: 101), contact: "0812\n3456")
        #expect(Self.fields(bad) == ["text", "name", "contact"])
        let ok = try? ComplaintSubmission.validate(
            text: "  Antrean KTP-el di loket 2 tidak bergerak selama tiga jam pada Senin pagi.  ", name: " ",
            contact: "0812 3456 7890"
        ).get()
        #expect(ok?.text == "Antrean KTP-el di loket 2 tidak bergerak selama tiga jam pada Senin pagi.")
        #expect(ok?.name == nil)
        #expect(ok?.contact == "0812 3456 7890")
        #expect(Self.fields(ComplaintSubmission.validate(text: nil, name: nil, contact: nil)) == ["text"])
    }

    @Test func replyIsTrimmedAndRefusedOnceClosed() {
        #expect(
            (try? ComplaintReply.validate("  Sudah kami perbaiki.  ", status: .inProgress).get())
                == "Sudah kami perbaiki.")
        #expect(Self.fields(ComplaintReply.validate("Sudah kami perbaiki.", status: .done)) == ["text"])
        #expect(Self.fields(ComplaintReply.validate("ok", status: .received)) == ["text"])
    }

    @Test func trackingCodesAreCrockfordAndForgiving() {
        struct Counter: RandomNumberGenerator {
            var n: UInt64 = 0
            mutating func next() -> UInt64 {
                n += 1
                return n
            }
        }
        var rng = Counter()
        // next() gives 1…8; the alphabet's characters 1…8 are "12345678".
        #expect(TrackingCode.make(using: &rng) == "ADU-12345678")
        var system = SystemRandomNumberGenerator()
        let code = TrackingCode.make(using: &system)
        #expect(code.count == 12 && code.hasPrefix("ADU-"))
        #expect(TrackingCode.normalise(code) == code)
        #expect(TrackingCode.normalise("adu-7k4m 2q9x") == "ADU-7K4M2Q9X")
        #expect(TrackingCode.normalise("7K4M-2Q9X") == "ADU-7K4M2Q9X")
        // O, I and L are read as 0, 1, 1; U is never issued.
        #expect(TrackingCode.normalise("ADU-O1IL2345") == "ADU-01112345")
        #expect(TrackingCode.normalise("ADU-U1234567") == nil)
        #expect(TrackingCode.normalise("ADU-1234567") == nil)
        #expect(TrackingCode.normalise("ADU-123456789") == nil)
        #expect(TrackingCode.normalise("../etc/passwd") == nil)
    }

    @Test func workingDaysAndTheUnitSummaryByHand() {
        let calendar = WorkingCalendar(holidays: [Self.day("2026-12-01")])
        // Friday → Monday: 1 working day. Same day: 0.
        #expect(
            ComplaintTimeliness.workingDays(
                from: Self.day("2026-11-27"), to: Self.day("2026-11-30"), calendar: calendar) == 1)
        #expect(
            ComplaintTimeliness.workingDays(
                from: Self.day("2026-11-27"), to: Self.day("2026-11-27"), calendar: calendar) == 0)
        // Mon 23 Nov → Mon 30 Nov: Tue, Wed, Thu, Fri, Mon = 5 (within a target of 5).
        // Tue 24 Nov → Thu 3 Dec, Tue 1 Dec a holiday: 25, 26, 27, 30 Nov, 2, 3 Dec = 6 (late).
        // One still open. Median of 5 and 6 = 5.5.
        let s = ComplaintTimeliness.summary(
            [
                .init(received: Self.day("2026-11-23"), closed: Self.day("2026-11-30")),
                .init(received: Self.day("2026-11-24"), closed: Self.day("2026-12-03")),
                .init(received: Self.day("2026-11-27"), closed: nil),
            ], targetDays: 5, calendar: calendar)
        #expect(s.received == 3 && s.closed == 2 && s.closedWithinTarget == 1)
        #expect(s.medianDaysToClose == 5.5)
        #expect(ComplaintTimeliness.summary([], targetDays: 5, calendar: calendar).medianDaysToClose == nil)
    }

    static func fields<T>(_ r: Result<T, ValidationFailure>) -> [String] {
        if case .failure(let f) = r { return f.errors.map(\.field) }
        return []
    }
}

/// Who handles a complaint (and so sees the complainant's name and contact), by hand.
@Suite struct ComplaintAccessTests {
    static let instansi = UUID(), opdA = UUID(), opdB = UUID()

    static func actor(_ role: Role, opd: UUID? = nil, instansi: UUID? = ComplaintAccessTests.instansi) -> Principal {
        Principal(
            userID: UUID(), username: "u", role: role, instansiID: instansi, opdID: opd, employeeID: nil,
            providerID: nil)
    }

    @Test func onlyTheDeliveringOPDAndBKPPDHandleAComplaint() {
        let complaint = Placement(instansiID: Self.instansi, opdID: Self.opdA)
        let cases: [(String, Principal, Bool)] = [
            ("BKPPD", Self.actor(.admin), true),
            ("operator OPD A", Self.actor(.operator, opd: Self.opdA), true),
            ("operator OPD B", Self.actor(.operator, opd: Self.opdB), false),
            ("operator tanpa OPD", Self.actor(.operator), false),
            ("atasan", Self.actor(.supervisor, opd: Self.opdA), false),
            ("pegawai", Self.actor(.employee, opd: Self.opdA), false),
            ("asesor", Self.actor(.assessor), false),
            ("lembaga", Self.actor(.provider), false),
            ("BKPPD instansi lain", Self.actor(.admin, instansi: UUID()), false),
            ("superadmin", Self.actor(.superadmin, instansi: nil), false),
        ]
        for (name, actor, allowed) in cases {
            #expect(AccessPolicy.handleComplaint(actor, complaint).isAllowed == allowed, "\(name)")
        }
        #expect((try? AccessPolicy.complaintScope(Self.actor(.admin)).get()) == .some(nil))
        #expect((try? AccessPolicy.complaintScope(Self.actor(.operator, opd: Self.opdA)).get()) == .some(Self.opdA))
        #expect((try? AccessPolicy.complaintScope(Self.actor(.employee, opd: Self.opdA)).get()) == nil)
    }
}

/// The optional SKM suggestion (saran): trimmed, blank means none, at most 500 characters.
@Suite struct SurveySuggestionRulesTests {
    static let answers = Dictionary(uniqueKeysWithValues: SKMElement.codes.map { ($0, 3) })

    @Test func suggestionIsOptionalTrimmedAndLimited() {
        let none = try? SurveySubmission.validate(answers: Self.answers, respondent: [:], suggestion: "   ").get()
        #expect(none != nil && none?.suggestion == nil)
        let some = try? SurveySubmission.validate(
            answers: Self.answers, respondent: [:], suggestion: "  Tambah kursi di ruang tunggu.\n"
        ).get()
        #expect(some?.suggestion == "Tambah kursi di ruang tunggu.")
        let long = SurveySubmission.validate(
            answers: Self.answers, respondent: [:], suggestion: String(repeating: "a", count: 501))
        if case .failure(let f) = long {
            #expect(f.errors.map(\.field) == ["suggestion"])
        } else {
            Issue.record("accepted 501")
        }
        #expect(
            (try? SurveySubmission.validate(
                answers: Self.answers, respondent: [:], suggestion: String(repeating: "a", count: 500)
            ).get()) != nil)
    }
}
