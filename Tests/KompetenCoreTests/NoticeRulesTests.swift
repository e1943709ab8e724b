import Foundation
import Testing

@testable import KompetenCore

@Suite struct NoticeRulesTests {
    func notice(_ kind: NoticeKind, _ ref: String, _ t: TimeInterval) -> Notice {
        Notice(kind: kind, ref: ref, text: ref, link: "/", createdAt: Date(timeIntervalSince1970: t))
    }

    @Test func newestFirstWithReadFlagsAndTheUnreadCountOfAll() {
        let a = notice(.evaluation, "a", 100)
        let b = notice(.complaint, "b", 300)
        let c = notice(.approval, "c", 200)
        let (unread, items) = NoticeInbox.arrange([a, b, c], read: ["pengaduan.b", "unknown.x"])
        #expect(unread == 2)
        #expect(items.map(\.0.id) == ["pengaduan.b", "persetujuan.c", "evaluasi.a"])
        #expect(items.map(\.1) == [true, false, false])
        // More than the limit: 60 notices, 10 read → 50 shown, 50 unread counted.
        let many = (0..<60).map { notice(.evaluation, "n\($0)", TimeInterval($0)) }
        let (u, shown) = NoticeInbox.arrange(many, read: Set((50..<60).map { "evaluasi.n\($0)" }))
        #expect(shown.count == 50 && u == 50)
        #expect(shown.first?.0.id == "evaluasi.n59")
    }

    @Test func onlyWellFormedIdsAreAccepted() {
        #expect(NoticeInbox.isWellFormed("evaluasi.6F1C2D1E-0000-4000-8000-000000000001.3"))
        #expect(NoticeInbox.isWellFormed("asesmen_ulang.2026-12-07"))
        for bad in [
            "", "evaluasi", "evaluasi.", "lain.abc", "evaluasi.a b", "evaluasi.a'--", "evaluasi.a/b",
            "pengaduan." + String(repeating: "a", count: 100),
        ] {
            #expect(!NoticeInbox.isWellFormed(bad), "\(bad)")
        }
    }

    @Test func weeksStartOnMonday() {
        // 7 December 2026 is a Monday; 13 December a Sunday; 1 January 2026 a Thursday.
        let monday = SimpleDate(year: 2026, month: 12, day: 7)!
        #expect(NoticeInbox.weekStart(monday) == monday)
        #expect(NoticeInbox.weekStart(SimpleDate(year: 2026, month: 12, day: 13)!) == monday)
        #expect(
            NoticeInbox.weekStart(SimpleDate(year: 2026, month: 1, day: 1)!) == SimpleDate(
                year: 2025, month: 12, day: 29)!)
    }
}
