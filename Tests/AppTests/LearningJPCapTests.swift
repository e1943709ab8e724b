import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 13 through the API: outside learning's JP fit its dates (12 JP a day), and a
/// PPPK's 24 JP cap holds when their outside learning is verified.
@Suite("Outside learning: JP per day, PPPK cap at verification")
struct LearningJPCapTests {
    struct JPJSON: Decodable { let jp: Int }

    @Test func thirtyJPOverTwoDaysIsRefused() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let path = "/api/v1/employees/\(world.staffA.id!)/learning"
            // 10–11 October: 2 days × 12 JP = 24 at most.
            let r = try await pegawai.send(
                .POST, path,
                json: LearningInput(
                    title: "Bimtek Arsip", path: "NKL03", organiser: "ANRI",
                    startDate: "2026-10-10", endDate: "2026-10-11", jp: 30))
            #expect(r.status == .unprocessableEntity)
            #expect(try r.json(APIErrorBody.self).fields?.map(\.field) == ["jp"])
            #expect(
                try await pegawai.send(
                    .POST, path,
                    json: LearningInput(
                        title: "Bimtek Arsip", path: "NKL03", organiser: "ANRI",
                        startDate: "2026-10-10", endDate: "2026-10-11", jp: 24)
                ).status == .created)
        }
    }

    @Test func pppkCapAtVerification() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            // A PPPK (appointed 2022) in OPD A, supervised by headA (the "atasan" account).
            struct Made: Decodable { let id: UUID }
            let made = try await admin.send(
                .POST, "/api/v1/employees",
                json: EmployeeInput(
                    nip: "199001012022212005", name: "Ina Bessie", employmentType: "PPPK",
                    rank: "IX", unitId: world.bidangA.id!, positionId: nil, supervisorId: world.headA.id))
            #expect(made.status == .created)
            let pppk = try made.json(Made.self).id
            // 20 JP already credited in 2026.
            try await EnrolmentService.credit(
                employeeID: pppk, instansiID: world.instansi.id!, jp: 20,
                end: SimpleDate(year: 2026, month: 6, day: 30)!,
                source: "learning", sourceID: UUID(), title: "Webinar", at: testNow, on: app.db)
            func record(_ jp: Int) async throws -> UUID {
                let r = try await admin.send(
                    .POST, "/api/v1/employees/\(pppk)/learning",
                    json: LearningInput(
                        title: "E-learning Etika", path: "NKL03",
                        organiser: "LAN", startDate: "2026-10-01", endDate: "2026-10-01", jp: jp))
                #expect(r.status == .created)
                return try r.json(LearningDTO.self).id
            }
            let atasan = try await APIClient.login(app, "atasan")
            // 20 + 8 = 28 > 24: refused, nothing credited, the record still waits.
            let eight = try await record(8)
            let refused = try await atasan.send(.POST, "/api/v1/learning/\(eight)/decision", json: ["verify": true])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(APIErrorBody.self).fields?.map(\.field) == ["jp"])
            #expect(try await admin.send(.GET, "/api/v1/employees/\(pppk)/jp?year=2026").json(JPJSON.self).jp == 20)
            #expect(try await LearningRecord.find(eight, on: app.db)?.status == LearningStatus.submitted.rawValue)
            // 20 + 4 = 24: verified.
            let four = try await record(4)
            #expect(
                try await atasan.send(.POST, "/api/v1/learning/\(four)/decision", json: ["verify": true]).status == .ok)
            #expect(try await admin.send(.GET, "/api/v1/employees/\(pppk)/jp?year=2026").json(JPJSON.self).jp == 24)
        }
    }
}
