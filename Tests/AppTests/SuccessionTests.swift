import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// The career gap (against a target position) and the successor list, against a hand-built
/// case: a pengawas post requiring M.1:3 and M.2:3 (Σ 6), held by headA; staffA (bidang A) and
/// staffB (Dinkes) hold pelaksana posts.
@Suite("Career gap and successor list")
struct SuccessionTests {
    struct Successors: Decodable {
        struct Item: Decodable {
            let employeeId: UUID
            let jpm: Double
            let category: String?
            let box: Int?
            let readiness: String
        }
        let key: Bool
        let unassessed: Int
        let items: [Item]
    }
    struct Gap: Decodable {
        struct Item: Decodable {
            let competencyCode: String
            let required: Int
            let actual: Int?
            let gap: Int?
        }
        let positionId: UUID?
        let jpm: Double?
        let category: String?
        let items: [Item]
    }

    @Test func rankedCandidatesInTheReadersScopeAndTheGapToTheTarget() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func position(_ code: String, _ kind: String, _ unit: Unit, _ standard: [StandardDTO]) async throws -> UUID
            {
                try await admin.send(
                    .POST, "/api/v1/positions",
                    json: PositionInput(
                        code: code, name: "Jabatan \(code)", kind: kind, unitId: unit.id!, summary: nil, duties: nil,
                        standards: standard)
                ).json(CompetencyAndPositionTests.PositionJSON.self).id
            }
            let target = try await position(
                "DUKCAPIL.B1.J1", "pengawas", world.bidangA,
                [.init(competencyCode: "M.1", requiredLevel: 3), .init(competencyCode: "M.2", requiredLevel: 3)])
            let staffPost = try await position("DUKCAPIL.B1.J5", "pelaksana", world.bidangA, [])
            let dinkesPost = try await position("DINKES.J5", "pelaksana", world.opdB, [])
            let unassessedPost = try await position("DUKCAPIL.B1.J6", "pelaksana", world.bidangA, [])
            for (e, p) in [(world.headA, target), (world.staffA, staffPost), (world.staffB, dinkesPost)] {
                e.positionID = p
                try await e.save(on: app.db)
            }
            _ = unassessedPost
            func assess(_ e: Employee, _ m1: Int, _ m2: Int) async throws {
                let r = try await admin.send(
                    .POST, "/api/v1/employees/\(e.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-06-01", method: "assessment_center", assessorName: "Tim", notes: nil,
                        results: [.init(competencyCode: "M.1", level: m1), .init(competencyCode: "M.2", level: m2)]))
                #expect(r.status == .created, "\(r.body.string)")
            }
            // staffA: 4 + 3 = 7 of 6 → capped at 100 (memenuhi syarat); staffB: 3 + 1 = 4 of 6 = 66.67
            // (below 68: kurang memenuhi syarat). headA holds the post and is no candidate.
            try await assess(world.staffA, 4, 3)
            try await assess(world.staffB, 3, 1)
            try await assess(world.headA, 5, 5)

            let all = try await admin.send(.GET, "/api/v1/positions/\(target)/successors")
            #expect(all.status == .ok, "\(all.body.string)")
            let list = try all.json(Successors.self)
            // A pengawas post is not key by its kind (issue 17: JPT and administrator are); the
            // list is there for any position all the same.
            #expect(!list.key)
            #expect(list.items.map(\.employeeId) == [world.staffA.id!, world.staffB.id!])
            #expect(list.items.map(\.jpm) == [100, 66.67])
            #expect(list.items.map(\.category) == ["memenuhi_syarat", "kurang_memenuhi_syarat"])
            // No SKP rating in this world: nobody is on the grid, so memenuhi syarat is "1–2 tahun".
            #expect(list.items.map(\.box) == [nil, nil])
            #expect(list.items.map(\.readiness) == ["1_2_tahun", "belum"])
            #expect(list.unassessed == 0)

            // An operator sees the candidates of their own OPD only; others are refused.
            let own = try await APIClient.login(app, "operator.a").send(.GET, "/api/v1/positions/\(target)/successors")
            #expect(try own.json(Successors.self).items.map(\.employeeId) == [world.staffA.id!])
            for user in ["operator.b", "pegawai", "atasan", "asesor", "lpk", "admin.lain"] {
                let r = try await APIClient.login(app, user).send(.GET, "/api/v1/positions/\(target)/successors")
                #expect([.forbidden, .notFound].contains(r.status), "\(user): \(r.status)")
            }
            // The page and its download carry the same order.
            let csv = try await WebClient.login(app, "admin").get("/positions/\(target)/suksesi?format=csv")
            let lines = csv.body.string.split(whereSeparator: \.isNewline)
            #expect(lines.count == 3 && lines[1].contains(world.staffA.nip) && lines[2].contains(world.staffB.nip))
            #expect(lines[1].hasSuffix(";100.00;Memenuhi syarat;;1–2 tahun"))

            // The career gap of staffB to the post: M.1 met, M.2 short by 2, JPM 66.67.
            let gap = try await admin.send(.GET, "/api/v1/employees/\(world.staffB.id!)/gap?positionId=\(target)")
                .json(Gap.self)
            #expect(gap.positionId == target && gap.jpm == 66.67 && gap.category == "kurang_memenuhi_syarat")
            #expect(gap.items.map(\.gap) == [0, 2])
            // Without a target: the post held (no standard on it), as before.
            let held = try await admin.send(.GET, "/api/v1/employees/\(world.staffB.id!)/gap").json(Gap.self)
            #expect(held.positionId == dinkesPost && held.items.isEmpty)
            // A target position the reader may not see is refused, not computed.
            let other = try await APIClient.login(app, "operator.b").send(
                .GET, "/api/v1/employees/\(world.staffB.id!)/gap?positionId=\(target)")
            #expect([.forbidden, .notFound].contains(other.status))
        }
    }

    struct KeyMark: Decodable {
        let positionId: UUID
        let key: Bool
        let marked: Bool
    }

    @Test func bkppdMarksAKeyPositionAndNoOneElseCan() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func position(_ code: String, _ kind: String) async throws -> UUID {
                try await admin.send(
                    .POST, "/api/v1/positions",
                    json: PositionInput(
                        code: code, name: "Jabatan \(code)", kind: kind, unitId: world.bidangA.id!, summary: nil,
                        duties: nil, standards: [])
                ).json(CompetencyAndPositionTests.PositionJSON.self).id
            }
            let front = try await position("DUKCAPIL.B1.K1", "pengawas")
            let head = try await position("DUKCAPIL.B1.K2", "administrator")
            _ = try await position("DUKCAPIL.B1.K3", "pelaksana")
            // Refused before the body is read, for every role but admin; nothing changes.
            for user in ["operator.a", "atasan", "pegawai", "asesor", "lpk"] {
                let r = try await APIClient.login(app, user).send(
                    .PUT, "/api/v1/positions/\(front)/key-position", raw: "not json")
                #expect([.forbidden, .notFound].contains(r.status), "\(user): \(r.status)")
            }
            let stranger = try await APIClient.login(app, "admin.lain").send(
                .PUT, "/api/v1/positions/\(front)/key-position", json: ["key": true])
            #expect(stranger.status == .notFound)
            #expect(try await Position.find(front, on: app.db)?.keyPosition != true)

            let marked = try await admin.send(.PUT, "/api/v1/positions/\(front)/key-position", json: ["key": true])
            #expect(marked.status == .ok, "\(marked.body.string)")
            let m = try marked.json(KeyMark.self)
            #expect(m.positionId == front && m.key && m.marked)
            // Marking again changes nothing and records nothing more.
            #expect(
                try await admin.send(.PUT, "/api/v1/positions/\(front)/key-position", json: ["key": true]).status == .ok
            )
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "key_position").count()
            #expect(entries == 1)
            let list = try await admin.send(.GET, "/api/v1/positions/\(front)/successors").json(Successors.self)
            #expect(list.key)

            // An administrator is key by its kind: its mark cannot change.
            let fixed = try await admin.send(.PUT, "/api/v1/positions/\(head)/key-position", json: ["key": false])
            #expect(fixed.status == .unprocessableEntity && fixed.body.string.contains("\"key\""))
            let missing = try await admin.send(.PUT, "/api/v1/positions/\(front)/key-position", raw: "{}")
            #expect(missing.status == .unprocessableEntity)

            // The talent page counts it in its own row and links the list of key positions, which has
            // both the marked pengawas and the administrator.
            let web = try await WebClient.login(app, "admin")
            let talent = try await web.get("/talent")
            #expect(talent.body.string.contains("Ditandai BKPPD (Pengawas)"))
            let keyList = try await web.get("/positions?key=1").body.string
            #expect(keyList.contains("DUKCAPIL.B1.K1") && keyList.contains("DUKCAPIL.B1.K2"))
            #expect(!keyList.contains("DUKCAPIL.B1.K3"))

            // The button on the successor page removes the mark (and shows only to admin).
            let page = try await web.get("/positions/\(front)/suksesi").body.string
            #expect(page.contains("Batalkan tanda jabatan kunci"))
            let opPage = try await WebClient.login(app, "operator.a").get("/positions/\(front)/suksesi").body.string
            #expect(!opPage.contains("key-mark-form"))
            let post = try await web.post("/positions/\(front)/suksesi/kunci", ["key": "0"])
            #expect(post.status == .seeOther)
            #expect(try await Position.find(front, on: app.db)?.keyPosition == false)
        }
    }
}
