import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 19: notices come from the work waiting for each person, only for them, and their read
/// marks hold until the work changes.
@Suite("Notifications")
struct NotificationsTests {
    struct Inbox: Decodable {
        struct Item: Decodable {
            let id: String
            let kind: String
            let text: String
            let link: String
            let read: Bool
        }
        let unread: Int
        let items: [Item]
    }
    struct PlanJSON: Decodable { let id: UUID }

    @Test func aSubmittedPlanReachesTheSupervisorAndTheDecisionTheEmployee() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai") // staffA
            let atasan = try await APIClient.login(app, "atasan") // headA, staffA's supervisor
            func inbox(_ c: APIClient) async throws -> Inbox {
                try await c.send(.GET, "/api/v1/me/notifications").json(Inbox.self)
            }
            #expect(try await inbox(atasan).items.filter { $0.kind == "persetujuan" }.isEmpty)

            let plan = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching oleh kepala bidang", jp: 4)])
            ).json(PlanJSON.self)
            let step = "/api/v1/plans/\(plan.id)/transition"
            #expect(try await pegawai.send(.POST, step, json: TransitionInput(to: "submitted")).status == .ok)

            let waiting = try await inbox(atasan)
            let notice = try #require(waiting.items.first { $0.kind == "persetujuan" })
            #expect(waiting.unread == 1 && !notice.read)
            #expect(notice.link == "/plans/\(plan.id)")
            #expect(notice.text.contains(world.staffA.name) && notice.text.contains("2027"))
            // Nobody else's list has it, and nobody else can mark it.
            for user in ["pegawai", "operator.b", "asesor"] {
                let other = try await APIClient.login(app, user)
                #expect(try await inbox(other).items.allSatisfy { $0.id != notice.id }, "\(user)")
                let r = try await other.send(.POST, "/api/v1/me/notifications/\(notice.id)/read")
                #expect(r.status == .notFound, "\(user): \(r.status)")
            }
            #expect(
                try await APIClient.login(app, "superadmin").send(.GET, "/api/v1/me/notifications").status == .forbidden
            )
            #expect(
                try await atasan.send(.POST, "/api/v1/me/notifications/bukan-id/read").status == .unprocessableEntity)
            let madeUp = "persetujuan.\(UUID().uuidString).1"
            #expect(try await atasan.send(.POST, "/api/v1/me/notifications/\(madeUp)/read").status == .notFound)

            // Read once, read twice: both 204, one mark stored.
            for _ in 0..<2 {
                #expect(try await atasan.send(.POST, "/api/v1/me/notifications/\(notice.id)/read").status == .noContent)
            }
            let after = try await inbox(atasan)
            #expect(after.unread == 0 && after.items.first { $0.id == notice.id }?.read == true)
            #expect(try await NotificationRead.query(on: app.db).count() == 1)

            // The supervisor sends it back: their notice is gone (the work is done) and the
            // employee is told why.
            #expect(
                try await atasan.send(
                    .POST, step, json: TransitionInput(to: "rejected", reason: "Tambah pelatihan teknis")
                )
                .status == .ok)
            #expect(try await inbox(atasan).items.allSatisfy { $0.kind != "persetujuan" })
            let told = try await inbox(pegawai)
            let decided = try #require(told.items.first { $0.kind == "rencana" })
            #expect(decided.text.contains("dikembalikan") && decided.text.contains("Tambah pelatihan teknis"))
            #expect(told.unread >= 1)
        }
    }

    @Test func theBellCountsAndThePageMarksAllRead() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let plan = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching oleh kepala bidang", jp: 4)])
            ).json(PlanJSON.self)
            _ = try await pegawai.send(
                .POST, "/api/v1/plans/\(plan.id)/transition", json: TransitionInput(to: "submitted"))

            let web = try await WebClient.login(app, "atasan")
            let home = try await web.get("/").body.string
            #expect(home.contains(#"aria-label="1 pemberitahuan belum dibaca""#))
            let list = try await web.get("/notifikasi").body.string
            #expect(list.contains("/plans/\(plan.id)") && list.contains("Tandai semua sudah dibaca"))
            #expect(try await web.post("/notifikasi/semua-dibaca", [:]).status == .seeOther)
            // Marking read forgets the cached count at once.
            let again = try await web.get("/").body.string
            #expect(again.contains(#"aria-label="Pemberitahuan""#) && !again.contains("bell-count"))
        }
    }

    /// On MandatoryTrainingTests' hand-built city (29 November 2026): staffA's Latsar is overdue
    /// (a notice), their PKP done (none); headA's PKA is due today (a notice naming the day).
    @Test func ownMandatoryTrainingDueOrOverdue() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await MandatoryTrainingTests.build(app, world)
            func mandatory(_ user: String) async throws -> [Inbox.Item] {
                try await APIClient.login(app, user).send(.GET, "/api/v1/me/notifications").json(Inbox.self).items
                    .filter { $0.kind == "pelatihan_wajib" }
            }
            let staff = try await mandatory("pegawai")
            #expect(staff.map(\.id) == ["pelatihan_wajib.latsar.overdue"])
            #expect(staff.first?.text.contains("lewat batas 1 Maret 2016") == true)
            let head = try await mandatory("atasan")
            #expect(head.map(\.id) == ["pelatihan_wajib.pka.due"])
            #expect(head.first?.text.contains("paling lambat 29 November 2026") == true)
            #expect(try await mandatory("operator.a").isEmpty)
        }
    }
}
