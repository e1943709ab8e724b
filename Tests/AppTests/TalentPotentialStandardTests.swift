import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 16: the stored 9-box potential (`employees.potential_score`) is measured
/// against the person's own position's standard and rewritten on every path that changes it:
/// an assessment, the position's standard, the employee's position.
@Suite("Talent 9-box: potential against the own position's standard (stored)")
struct TalentPotentialStandardTests {
    struct Made: Decodable { let id: UUID }
    struct Talent: Decodable {
        let potential: String?
        let potentialScore: Double?
    }

    static func score(_ app: Application, _ id: UUID) async throws -> Double? {
        try await Employee.find(id, on: app.db)?.potentialScore
    }

    @Test func aPelaksanaAtTheirStandardIsNotRendah() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            // A pelaksana position whose standard asks level 2 in M.1, M.2, M.5 and SK.1.
            func standards(_ m1: Int) -> [StandardDTO] {
                [
                    .init(competencyCode: "M.1", requiredLevel: m1), .init(competencyCode: "M.2", requiredLevel: 2),
                    .init(competencyCode: "M.5", requiredLevel: 2), .init(competencyCode: "SK.1", requiredLevel: 2),
                ]
            }
            let position = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.B1.P1", name: "Pengadministrasi Umum",
                    kind: "pelaksana", unitId: world.bidangA.id!, summary: nil, duties: nil, standards: standards(2))
            ).json(Made.self).id
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/employees/\(world.staffA.id!)",
                    json: EmployeeInput(
                        nip: world.staffA.nip, name: world.staffA.name,
                        employmentType: "PNS", rank: "II/c", unitId: world.bidangA.id!, positionId: position,
                        supervisorId: world.headA.id)
                ).status == .ok)
            // staffA has exactly level 2 in each: the old mean of levels (2.0) was below the 2.5 cut-off → rendah.
            // Against the standard: 3 + mean(0, 0, 0, 0) = 3.0 → menengah.
            #expect(
                try await APIClient.login(app, "asesor").send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01", method: "assessment_center", assessorName: "Tim", notes: nil,
                        results: [
                            .init(competencyCode: "M.1", level: 2), .init(competencyCode: "M.2", level: 2),
                            .init(competencyCode: "M.5", level: 2),
                            .init(competencyCode: "SK.1", level: 2),
                        ])
                ).status == .created)
            #expect(try await Self.score(app, world.staffA.id!) == 3.0)
            let talent = try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent?year=2025").json(
                Talent.self)
            #expect(talent.potential == "menengah")

            // The position's standard drops M.1 to 1: staffA is one level above it there → 3 + 1/4 = 3.25.
            let p = try await admin.send(
                .PUT, "/api/v1/positions/\(position)",
                json: PositionInput(
                    code: "DUKCAPIL.B1.P1", name: "Pengadministrasi Umum",
                    kind: "pelaksana", unitId: world.bidangA.id!, summary: nil, duties: nil, standards: standards(1)))
            #expect(p.status == .ok)
            #expect(try await Self.score(app, world.staffA.id!) == 3.25)
            // Bulk: every pelaksana position asks SK.1 at 4 → differences (1, 0, 0, −2) → 3 − 1/4 = 2.75.
            let web = try await WebClient.login(app, "admin")
            _ = try await web.post(
                "/positions/bulk-standards", ["kind": "pelaksana", "competency": "SK.1", "level": "4"])
            #expect(try await Self.score(app, world.staffA.id!) == 2.75)
            // Moved to no position: nothing to measure against → no score (belum dinilai), not rendah.
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/employees/\(world.staffA.id!)",
                    json: EmployeeInput(
                        nip: world.staffA.nip, name: world.staffA.name,
                        employmentType: "PNS", rank: "II/c", unitId: world.bidangA.id!, positionId: nil,
                        supervisorId: world.headA.id)
                ).status == .ok)
            #expect(try await Self.score(app, world.staffA.id!) == nil)
            // The talent page says the rule.
            #expect(try await web.get("/talent").body.string.contains("standar jabatan pegawai itu sendiri"))
        }
    }
}
