import Foundation
import Testing

@testable import KompetenCore

@Suite("Kirkpatrick forms, schedule, effectiveness and who fills what")
struct EvaluationFormTests {
    private func fields(_ r: Result<EvaluationScore, ValidationFailure>) -> [String] {
        if case .failure(let f) = r { return f.errors.map(\.field) }
        return []
    }

    @Test func reactionFormMeanOfFourItems() throws {
        let r = EvaluationForm.validate(
            level: 1, respondent: "participant",
            scores: ["material": 4, "facilitator": 3, "organisation": 2, "usefulness": 4], raisedCodes: ["M.5"])
        // (4 + 3 + 2 + 4) / 4 = 3.25
        #expect(try r.get().summary == 3.25)
        // Missing item, out of scale, a fraction and an unknown key: each named.
        let bad = EvaluationForm.validate(
            level: 1, respondent: "participant",
            scores: ["material": 5, "facilitator": 2.5, "organisation": 0, "venue": 3], raisedCodes: [])
        #expect(
            Set(fields(bad)) == [
                "scores.usefulness", "scores.venue", "scores.material", "scores.facilitator", "scores.organisation",
            ])
    }

    @Test func learningGainAndItsEdges() throws {
        // (80 − 40) / (100 − 40) = 0.666…
        let r = try EvaluationForm.validate(
            level: 2, respondent: "provider", scores: ["pre": 40, "post": 80], raisedCodes: []
        ).get()
        #expect(abs(r.summary! - 2.0 / 3.0) < 1e-12)
        #expect(r.scores["max"] == 100)
        // pre = max: nothing to gain, kept without a gain rather than counted as 0 or 1.
        let full = try EvaluationForm.validate(
            level: 2, respondent: "provider", scores: ["pre": 50, "post": 50, "max": 50], raisedCodes: []
        ).get()
        #expect(full.summary == nil)
        // A drop is a negative gain: (30 − 60) / (100 − 60) = −0.75.
        #expect(
            try EvaluationForm.validate(
                level: 2, respondent: "provider", scores: ["pre": 60, "post": 30], raisedCodes: []
            ).get().summary == -0.75)
        #expect(
            fields(
                EvaluationForm.validate(
                    level: 2, respondent: "provider", scores: ["pre": 40, "post": 120], raisedCodes: [])) == [
                    "scores.post"
                ])
    }

    @Test func behaviourItemsAreTheRaisedCompetencies() throws {
        let r = try EvaluationForm.validate(
            level: 3, respondent: "supervisor", scores: ["M.5": 2, "T.01": 1, "S.1": -1],
            raisedCodes: ["M.5", "T.01", "S.1"]
        ).get()
        #expect(abs(r.summary! - 2.0 / 3.0) < 1e-12)
        let missing = EvaluationForm.validate(
            level: 3, respondent: "participant", scores: ["M.5": 3], raisedCodes: ["M.5", "T.01"])
        #expect(Set(fields(missing)) == ["scores.M.5", "scores.T.01"])
    }

    @Test func respondentMustFitTheLevelAndL4IsComputed() {
        #expect(
            fields(EvaluationForm.validate(level: 1, respondent: "supervisor", scores: [:], raisedCodes: [])) == [
                "respondentRole"
            ])
        #expect(
            fields(EvaluationForm.validate(level: 2, respondent: "participant", scores: [:], raisedCodes: [])) == [
                "respondentRole"
            ])
        #expect(
            fields(EvaluationForm.validate(level: 3, respondent: "provider", scores: [:], raisedCodes: [])) == [
                "respondentRole"
            ])
        #expect(
            fields(EvaluationForm.validate(level: 4, respondent: "supervisor", scores: [:], raisedCodes: [])) == [
                "level"
            ])
        #expect(
            fields(EvaluationForm.validate(level: 0, respondent: "participant", scores: [:], raisedCodes: [])) == [
                "level"
            ])
        #expect(
            fields(EvaluationForm.validate(level: 1, respondent: "boss", scores: [:], raisedCodes: [])) == [
                "respondentRole"
            ])
    }

    @Test func hugeScoresAreRefusedNotTrapped() {
        let r = EvaluationForm.validate(
            level: 1, respondent: "participant",
            scores: ["material": 1e19, "facilitator": -1e300, "organisation": 3, "usefulness": 3], raisedCodes: [])
        #expect(Set(fields(r)) == ["scores.material", "scores.facilitator"])
        #expect(
            Set(
                fields(
                    EvaluationForm.validate(
                        level: 3, respondent: "supervisor", scores: ["M.5": 9e18], raisedCodes: ["M.5"]))) == [
                    "scores.M.5"
                ])
    }

    @Test func firstNotOverdueAgreesWithStateAtMonthEnds() {
        let s = EvaluationSchedule.standard
        var today = SimpleDate(iso: "2026-01-01")!
        // Every day of a year: completions before the boundary are overdue, the boundary is not.
        for _ in 0..<366 {
            for level in [EvaluationLevel.reaction, .behaviour] {
                let c = s.firstNotOverdue(level, today: today)
                if case .overdue = s.state(level, completedOn: c, today: today) {
                    Issue.record("\(level) \(today): \(c) is overdue")
                }
                guard case .overdue = s.state(level, completedOn: c.adding(days: -1), today: today) else {
                    Issue.record("\(level) \(today): the day before \(c) is not overdue")
                    continue
                }
            }
            today = today.adding(days: 1)
        }
        // 31 March 2026: a 30 September completion (due 30 March) is overdue, 1 October is not.
        #expect(s.firstNotOverdue(.behaviour, today: SimpleDate(iso: "2026-03-31")!).iso == "2025-10-01")
        #expect(EvaluationSchedule(behaviourFromMonths: 6, behaviourToMonths: 13) == nil)
    }

    @Test func scheduleWindows() {
        let done = SimpleDate(year: 2026, month: 3, day: 31)!
        let s = EvaluationSchedule.standard
        // L3 opens 30 June (31 March + 3 months, clamped) and is due 30 September.
        #expect(
            s.state(.behaviour, completedOn: done, today: SimpleDate(iso: "2026-06-29")!)
                == .notYet(opens: SimpleDate(iso: "2026-06-30")!))
        #expect(
            s.state(.behaviour, completedOn: done, today: SimpleDate(iso: "2026-09-30")!)
                == .open(due: SimpleDate(iso: "2026-09-30")!))
        #expect(
            s.state(.behaviour, completedOn: done, today: SimpleDate(iso: "2026-10-01")!)
                == .overdue(due: SimpleDate(iso: "2026-09-30")!))
        // L1: due two weeks after, 14 April.
        #expect(s.state(.reaction, completedOn: done, today: done) == .open(due: SimpleDate(iso: "2026-04-14")!))
        #expect(EvaluationSchedule(behaviourFromMonths: 6, behaviourToMonths: 3) == nil)
    }

    @Test func addingDaysAgreesWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = SimpleDate(iso: "2023-12-20")!
        let base = calendar.date(from: DateComponents(year: 2023, month: 12, day: 20))!
        for days in stride(from: -800, through: 800, by: 7) {
            let c = calendar.dateComponents(
                [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: base)!)
            #expect(start.adding(days: days) == SimpleDate(year: c.year!, month: c.month!, day: c.day!)!, "\(days)")
        }
        #expect(SimpleDate(iso: "2024-02-28")!.adding(days: 1).iso == "2024-02-29")
    }

    @Test func effectivenessMeansAndVerdict() {
        var t = EffectivenessTally()
        for s in [4.0, 3.5, 3.0] { t.add(level: .reaction, respondent: .participant, summary: s) }
        t.add(level: .learning, respondent: .provider, summary: 0.5)
        t.add(level: .learning, respondent: .provider, summary: 0.25)
        t.add(level: .behaviour, respondent: .supervisor, summary: 1)
        t.add(level: .behaviour, respondent: .participant, summary: 2)
        t.reassessed = 3
        t.raised = 2
        #expect(t.l1Mean == 3.5)
        #expect(t.l2MeanGain == 0.38) // 0.375 rounds half up
        #expect(t.l3MeanChange == 1)
        #expect(t.l3SelfMeanChange == 2)
        #expect(t.levelRaisedShare == 0.67)
        #expect(t.verdict() == .tooFew)
        #expect(t.verdict(minimumEvidence: 3) == .good)
        var weak = EffectivenessTally()
        weak.add(level: .reaction, respondent: .participant, summary: 2.5)
        weak.add(level: .learning, respondent: .provider, summary: 0.1)
        #expect(weak.verdict(minimumEvidence: 1) == .review)
        #expect(EffectivenessTally().l1Mean == nil && EffectivenessTally().levelRaisedShare == nil)
    }

    @Test func jpmHistoryWorkedExample() {
        let d = { SimpleDate(iso: $0)! }
        let standard = [StandardItem(competencyCode: "A", required: 4), StandardItem(competencyCode: "B", required: 2)]
        // Person 1: A=2 in Jan 2025, A=4 in Jul 2025 (after training); B=2 in Jan 2025.
        let p1 = JPMHistory.Person(
            group: "X", standard: standard,
            results: [
                AssessedLevel(
                    competencyCode: "A", level: 2, date: d("2025-01-10"), method: .ujiKompetensi, sequence: 1),
                AssessedLevel(
                    competencyCode: "B", level: 2, date: d("2025-01-10"), method: .ujiKompetensi, sequence: 1),
                AssessedLevel(
                    competencyCode: "A", level: 4, date: d("2025-07-01"), method: .ujiKompetensi, sequence: 2),
                // A self-rating never counts.
                AssessedLevel(
                    competencyCode: "B", level: 5, date: d("2025-08-01"), method: .selfAssessment, sequence: 3),
            ])
        // Person 2: never assessed; in the group's people but not in the mean.
        let p2 = JPMHistory.Person(group: "X", standard: standard, results: [])
        let points = JPMHistory.points(
            [p1, p2], dates: [d("2024-12-31"), d("2025-03-31"), d("2025-09-30")], formula: .capped)
        #expect(points[d("2024-12-31")]!["X"]!.assessed == 0)
        let march = points[d("2025-03-31")]!["X"]!
        // (2 + 2) / (4 + 2) = 66.67 %; gap in A: one person, gap 2.
        #expect(march.people == 2 && march.assessed == 1 && march.meanJPM == 66.67)
        #expect(march.gaps["A"] == GapTally(required: 2, assessed: 1, gapSum: 2, withGap: 1))
        let september = points[d("2025-09-30")]!["X"]!
        #expect(september.meanJPM == 100 && september.gaps["A"]!.gapSum == 0)
    }

    @Test func quarterEndsUpToToday() {
        let ends = JPMHistory.quarterEnds(count: 4, today: SimpleDate(iso: "2026-11-29")!)
        #expect(ends.map(\.iso) == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-11-29"])
        #expect(
            JPMHistory.quarterEnds(count: 2, today: SimpleDate(iso: "2026-02-01")!).map(\.iso) == [
                "2025-12-31", "2026-02-01",
            ])
        #expect(JPMHistory.quarterLabel(SimpleDate(iso: "2026-11-29")!) == "Triwulan IV 2026")
    }

    @Test func whoFillsWhich() {
        let instansi = UUID()
        let opd = UUID()
        let otherOPD = UUID()
        let provider = UUID()
        let participant = UUID()
        let supervisor = UUID()
        let parties = AccessPolicy.EnrolmentParties(
            participantID: participant, supervisorID: supervisor, providerID: provider,
            placement: Placement(instansiID: instansi, opdID: opd))
        func p(
            _ role: Role, employee: UUID? = nil, opd: UUID? = nil, provider: UUID? = nil, instansiID: UUID? = instansi
        ) -> Principal {
            Principal(
                userID: UUID(), username: "u", role: role, instansiID: instansiID, opdID: opd, employeeID: employee,
                providerID: provider)
        }
        let me = p(.employee, employee: participant, opd: opd)
        let boss = p(.supervisor, employee: supervisor, opd: opd)
        #expect(AccessPolicy.fillEvaluation(me, as: .participant, parties) == .allow)
        #expect(AccessPolicy.fillEvaluation(me, as: .supervisor, parties) != .allow)
        #expect(AccessPolicy.fillEvaluation(boss, as: .supervisor, parties) == .allow)
        #expect(AccessPolicy.fillEvaluation(boss, as: .participant, parties) != .allow)
        #expect(AccessPolicy.fillEvaluation(p(.provider, provider: provider), as: .provider, parties) == .allow)
        #expect(AccessPolicy.fillEvaluation(p(.provider, provider: UUID()), as: .provider, parties) != .allow)
        #expect(AccessPolicy.fillEvaluation(p(.operator, opd: opd), as: .provider, parties) != .allow)
        #expect(AccessPolicy.fillEvaluation(p(.admin), as: .provider, parties) == .allow)
        #expect(
            AccessPolicy.fillEvaluation(
                p(.employee, employee: participant, instansiID: UUID()), as: .participant, parties) != .allow)
        // Reading: the own OPD's operator yes, another OPD's no.
        #expect(AccessPolicy.readEvaluations(p(.operator, opd: opd), parties) == .allow)
        #expect(AccessPolicy.readEvaluations(p(.operator, opd: otherOPD), parties) != .allow)
        #expect(AccessPolicy.readEvaluations(p(.employee, employee: UUID(), opd: opd), parties) != .allow)
        // SKP: the supervisor or the OPD, never oneself.
        let place = Placement(instansiID: instansi, opdID: opd)
        #expect(
            AccessPolicy.recordPerformance(boss, employee: place, employeeID: participant, supervisorID: supervisor)
                == .allow)
        #expect(
            AccessPolicy.recordPerformance(me, employee: place, employeeID: participant, supervisorID: supervisor)
                != .allow)
        #expect(
            AccessPolicy.recordPerformance(
                p(.operator, opd: otherOPD), employee: place, employeeID: participant, supervisorID: supervisor)
                != .allow)
        #expect(
            AccessPolicy.readTalent(me, employee: place, employeeID: participant, supervisorID: supervisor) != .allow)
        #expect(
            AccessPolicy.readTalent(boss, employee: place, employeeID: participant, supervisorID: supervisor) == .allow)
        // An admin who is also an employee does not see their own box, but sees their own SKP.
        let adminEmployee = p(.admin, employee: participant)
        #expect(
            AccessPolicy.readTalent(adminEmployee, employee: place, employeeID: participant, supervisorID: supervisor)
                != .allow)
        #expect(
            AccessPolicy.readPerformance(me, employee: place, employeeID: participant, supervisorID: supervisor)
                == .allow)
        #expect(
            AccessPolicy.readPerformance(
                p(.assessor), employee: place, employeeID: participant, supervisorID: supervisor) != .allow)
    }
}
