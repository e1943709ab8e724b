import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Jabatan tujuan (issue 17): BKPPD or the person's OPD operator sets the post someone is
/// prepared for; its gap becomes a development need of source `jabatan tujuan` in the TNA.
/// Hand-built: the pengawas post DUKCAPIL.B1.T1 requires M.1:3 and M.2:3; staffB (Dinkes) is
/// assessed M.1 3 and M.2 1, so the one need is M.2 level 1 → 3.
@Suite("Jabatan tujuan")
struct TargetPositionTests {
    struct Target: Decodable {
        let employeeId: UUID
        let positionId: UUID?
        let positionName: String?
    }
    struct TNA: Decodable {
        struct Item: Decodable {
            let employeeId: UUID
            let source: String
            let subject: String?
        }
        let items: [Item]
    }

    @Test func setByTheTalentManagersAndItsGapIsANeed() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let target = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.B1.T1", name: "Kepala Seksi Pendaftaran", kind: "pengawas",
                    unitId: world.bidangA.id!, summary: nil, duties: nil,
                    standards: [
                        .init(competencyCode: "M.1", requiredLevel: 3), .init(competencyCode: "M.2", requiredLevel: 3),
                    ])
            ).json(CompetencyAndPositionTests.PositionJSON.self).id
            let held = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DINKES.T5", name: "Pengadministrasi Umum", kind: "pelaksana", unitId: world.opdB.id!,
                    summary: nil, duties: nil, standards: [])
            ).json(CompetencyAndPositionTests.PositionJSON.self).id
            world.staffB.positionID = held
            try await world.staffB.save(on: app.db)
            let assessed = try await admin.send(
                .POST, "/api/v1/employees/\(world.staffB.id!)/assessments",
                json: AssessmentInput(
                    date: "2026-06-01", method: "assessment_center", assessorName: "Tim", notes: nil,
                    results: [.init(competencyCode: "M.1", level: 3), .init(competencyCode: "M.2", level: 1)]))
            #expect(assessed.status == .created)
            let path = "/api/v1/employees/\(world.staffB.id!)/target-position"

            // Refused before the body is read: another OPD's operator, the employee, the supervisor.
            for user in ["operator.a", "pegawai", "atasan", "asesor"] {
                let r = try await APIClient.login(app, user).send(.PUT, path, raw: "not json")
                #expect([.forbidden, .notFound].contains(r.status), "\(user): \(r.status)")
            }
            let own = try await admin.send(.PUT, path, json: ["positionId": held])
            #expect(own.status == .unprocessableEntity && own.body.string.contains("positionId"))
            let unknown = try await admin.send(.PUT, path, json: ["positionId": UUID()])
            #expect(unknown.status == .unprocessableEntity)

            // Dinkes's own operator sets it; reading it back names the post.
            let set = try await APIClient.login(app, "operator.b").send(.PUT, path, json: ["positionId": target])
            #expect(set.status == .ok, "\(set.body.string)")
            #expect(try set.json(Target.self).positionName == "Kepala Seksi Pendaftaran")
            #expect(try await admin.send(.GET, path).json(Target.self).positionId == target)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "target_position").count() == 1)

            let tna = try await admin.send(.GET, "/api/v1/tna?source=jabatan_tujuan").json(TNA.self)
            #expect(tna.items.map(\.employeeId) == [world.staffB.id!])
            #expect(tna.items.map(\.subject) == ["M.2 level 1 → 3 (Kepala Seksi Pendaftaran)"])

            // The successor page offers the button to admin and shows the mark; clearing removes the need.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/positions/\(target)/suksesi").body.string
            #expect(page.contains("target-mark"))
            #expect(
                try await web.post(
                    "/positions/\(target)/suksesi/tujuan", ["employee": world.staffB.id!.uuidString, "clear": "1"]
                ).status == .seeOther)
            #expect(try await Employee.find(world.staffB.id, on: app.db)?.targetPositionID == nil)
            let after = try await admin.send(.GET, "/api/v1/tna?source=jabatan_tujuan").json(TNA.self)
            #expect(after.items.isEmpty)
        }
    }
}
