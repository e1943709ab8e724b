import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// The demo's complaints tell a consistent story: the same every run, open ones unanswered only
/// when new, closed ones closed on or after their reply and never after the demo's today.
@Suite struct DemoComplaintsTests {
    static let today = SimpleDate(year: 2026, month: 10, day: 30)!
    static let codes = ["DUKCAPIL-AKTA", "DUKCAPIL-KTP", "DPMPTSP-PBG"]

    @Test func deterministicAndConsistent() {
        let a = DemoComplaintsGenerator.generate(
            serviceCodes: Self.codes, today: Self.today, perService: 6, seed: 0xAD0_2026)
        let b = DemoComplaintsGenerator.generate(
            serviceCodes: Self.codes, today: Self.today, perService: 6, seed: 0xAD0_2026)
        #expect(a == b)
        #expect((12...18).contains(a.count))
        for c in a {
            let age = c.received.date.days(to: Self.today)
            #expect((0...120).contains(age))
            if let r = c.replyAfterDays { #expect(r <= age && c.reply != nil) }
            if let close = c.closeAfterDays {
                #expect(close <= age)
                #expect(c.status.isClosed)
                if let r = c.replyAfterDays { #expect(close >= r) }
            } else {
                #expect(!c.status.isClosed)
            }
            // Closed as selesai only with a reply; a rejection always with a reason.
            if c.status == .done { #expect(c.reply != nil) }
            if c.status == .rejected { #expect(c.rejectReason != nil && c.reply == nil) }
            if c.status == .received { #expect(c.replyAfterDays == nil) }
        }
        // Something in every state a worklist filters by.
        #expect(Set(a.map(\.status)).isSuperset(of: [.received, .inProgress, .done]))
    }
}
