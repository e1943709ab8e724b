import Testing

@testable import KompetenCore

/// Issue 15 item 11: completion (and the JP it credits) from the batch's last day on, only with
/// an attendance figure, and under the programme's minimum only with a reason.
@Suite("Completion rule: last day, attendance, minimum")
struct CompletionRuleTests {
    static let end = SimpleDate(year: 2026, month: 11, day: 30)!

    func fields(_ r: Result<CompletionRule.Decision, CompletionRule.Refusal>) -> [String] {
        if case .failure(let f) = r { return f.errors.map(\.field) }
        return []
    }

    @Test func notBeforeTheLastDay() {
        // 29 November, the batch ends on the 30th: refused though attendance is 100 %.
        let dayBefore = CompletionRule.check(
            today: SimpleDate(year: 2026, month: 11, day: 29)!, batchEnd: Self.end,
            requested: 100, recorded: nil, minimum: 90, reason: nil)
        #expect(fields(dayBefore) == ["certificateNumber"])
        // On the last day and after it: fine.
        for day in [30] {
            let r = CompletionRule.check(
                today: SimpleDate(year: 2026, month: 11, day: day)!, batchEnd: Self.end, requested: 100, recorded: nil,
                minimum: 90, reason: nil)
            #expect((try? r.get()) == CompletionRule.Decision(attendance: 100, belowMinimum: false, reason: nil))
        }
        let later = CompletionRule.check(
            today: SimpleDate(year: 2026, month: 12, day: 15)!, batchEnd: Self.end, requested: nil, recorded: 92,
            minimum: 90, reason: nil)
        #expect((try? later.get())?.attendance == 92)
    }

    @Test func attendanceIsNeeded() {
        let none = CompletionRule.check(
            today: Self.end, batchEnd: Self.end, requested: nil, recorded: nil, minimum: 90, reason: nil)
        #expect(fields(none) == ["attendancePercent"])
        // The request's figure wins over the recorded one.
        let both = CompletionRule.check(
            today: Self.end, batchEnd: Self.end, requested: 95, recorded: 50, minimum: 90, reason: nil)
        #expect((try? both.get())?.attendance == 95)
        #expect(
            fields(
                CompletionRule.check(
                    today: Self.end, batchEnd: Self.end, requested: 101, recorded: nil, minimum: 90, reason: nil)) == [
                    "attendancePercent"
                ])
    }

    @Test func belowTheMinimumNeedsAReason() {
        // 85 % with a 90 % minimum: no reason → refused on `reason`; blank → the same; a reason → passes, flagged.
        #expect(
            fields(
                CompletionRule.check(
                    today: Self.end, batchEnd: Self.end, requested: 85, recorded: nil, minimum: 90, reason: nil)) == [
                    "reason"
                ])
        #expect(
            fields(
                CompletionRule.check(
                    today: Self.end, batchEnd: Self.end, requested: 85, recorded: nil, minimum: 90, reason: "  \n"))
                == ["reason"])
        let excused = CompletionRule.check(
            today: Self.end, batchEnd: Self.end, requested: 85, recorded: nil, minimum: 90,
            reason: " Sakit 1 hari (surat dokter) ")
        #expect(
            (try? excused.get())
                == CompletionRule.Decision(attendance: 85, belowMinimum: true, reason: "Sakit 1 hari (surat dokter)"))
        // Exactly on the minimum is enough; a programme with a 75 % minimum takes 85 % without a reason.
        #expect(
            (try? CompletionRule.check(
                today: Self.end, batchEnd: Self.end, requested: 90, recorded: nil, minimum: 90, reason: nil
            ).get())?.belowMinimum == false)
        #expect(
            (try? CompletionRule.check(
                today: Self.end, batchEnd: Self.end, requested: 85, recorded: nil, minimum: 75, reason: nil
            ).get())?.belowMinimum == false)
        #expect(CompletionRule.defaultMinimumAttendance == 90)
        #expect(
            !CompletionRule.isValidMinimum(0) && CompletionRule.isValidMinimum(1) && CompletionRule.isValidMinimum(100)
                && !CompletionRule.isValidMinimum(101))
    }
}
