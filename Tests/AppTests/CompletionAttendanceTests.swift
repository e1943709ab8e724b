import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 11 through the API: completion from the batch's last day on, with an attendance
/// figure reaching the programme's minimum (default 90 %, set per programme), or a reason that
/// the audit log keeps. Test "today" is 29 November 2026.
@Suite("Completion: last day, attendance and the programme's minimum")
struct CompletionAttendanceTests {
    struct ProgrammeJSON: Decodable {
        let id: UUID
        let minimumAttendance: Int
    }
    struct EnrolmentJSON: Decodable {
        let id: UUID
        let status: String
        let attendancePercent: Int?
    }
    struct JPJSON: Decodable { let jp: Int }

    static func batch(_ admin: APIClient, _ programme: UUID, end: String) async throws -> UUID {
        struct Made: Decodable { let id: UUID }
        let r = try await admin.send(
            .POST, "/api/v1/programs/\(programme)/batches",
            json: BatchInput(
                name: "Angkatan \(end)", startDate: "2026-11-23", endDate: end, capacity: 10, place: "Aula BKPPD",
                online: false))
        #expect(r.status == .created)
        return try r.json(Made.self).id
    }

    static func enrol(_ admin: APIClient, _ batch: UUID, _ employee: UUID) async throws -> UUID {
        let r = try await admin.send(
            .POST, "/api/v1/batches/\(batch)/enrolments", json: EnrolmentInput(employeeId: employee))
        #expect(r.status == .created)
        return try r.json(EnrolmentJSON.self).id
    }

    static func fields(_ r: TestingHTTPResponse) throws -> [String] {
        try r.json(APIErrorBody.self).fields?.map(\.field) ?? []
    }

    @Test func notBeforeTheBatchsLastDay() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            // The batch ends the day after tomorrow (1 December): completion today is refused and credits nothing.
            let b = try await Self.batch(admin, c.publicService.id, end: "2026-12-01")
            let e = try await Self.enrol(admin, b, world.staffA.id!)
            let early = try await admin.send(
                .POST, "/api/v1/enrolments/\(e)/complete",
                json: CompletionInput(certificateNumber: "C-1", attendancePercent: 100))
            #expect(early.status == .unprocessableEntity)
            #expect(try Self.fields(early) == ["certificateNumber"])
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/jp?year=2026").json(JPJSON.self).jp
                    == 0)
            // Ending 30 November (tomorrow): still refused today.
            let b2 = try await Self.batch(admin, c.teamwork.id, end: "2026-11-30")
            let e2 = try await Self.enrol(admin, b2, world.headA.id!)
            #expect(
                try Self.fields(
                    try await admin.send(
                        .POST, "/api/v1/enrolments/\(e2)/complete",
                        json: CompletionInput(certificateNumber: "C-2", attendancePercent: 100))) == [
                        "certificateNumber"
                    ])
        }
    }

    @Test func attendanceAndTheMinimum() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            // Default minimum: 90 %.
            #expect(
                try await admin.send(.GET, "/api/v1/programs/\(c.publicService.id)").json(ProgrammeJSON.self)
                    .minimumAttendance == 90)
            let b = try await Self.batch(admin, c.publicService.id, end: "2026-11-29") // ends today
            let e = try await Self.enrol(admin, b, world.staffA.id!)
            let path = "/api/v1/enrolments/\(e)/complete"
            // No attendance at all: 422 naming attendancePercent.
            let none = try await admin.send(.POST, path, json: CompletionInput(certificateNumber: "C-1"))
            #expect(none.status == .unprocessableEntity)
            #expect(try Self.fields(none) == ["attendancePercent"])
            // 85 % with a 90 % minimum and no reason: 422 naming reason.
            let low = try await admin.send(
                .POST, path, json: CompletionInput(certificateNumber: "C-1", attendancePercent: 85))
            #expect(low.status == .unprocessableEntity)
            #expect(try Self.fields(low) == ["reason"])
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/jp?year=2026").json(JPJSON.self).jp
                    == 0)
            // With a reason: done, 24 JP credited, and the audit entry says why.
            let ok = try await admin.send(
                .POST, path,
                json: CompletionInput(
                    certificateNumber: "C-1", attendancePercent: 85, reason: "Sakit dua hari, surat dokter"))
            #expect(ok.status == .ok)
            #expect(try ok.json(EnrolmentJSON.self).attendancePercent == 85)
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/jp?year=2026").json(JPJSON.self).jp
                    == 24)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "enrolment").filter(
                \.$entityID == e.uuidString
            ).all().map(\.summary)
            #expect(
                audit.contains {
                    $0.contains("kehadiran 85 % di bawah minimum 90 %") && $0.contains("Sakit dua hari, surat dokter")
                })

            // Attendance recorded before counts; a programme with an 80 % minimum takes 85 % without a reason.
            let put = try await admin.send(
                .PUT, "/api/v1/programs/\(c.teamwork.id)",
                json: ProgrammeInput(
                    code: "KS-01", title: "Kerja Sama Tim", form: "klasikal", path: "KL03",
                    providerId: c.provider, competencies: [.init(competencyCode: "M.2", levelGain: 1)], jp: 16,
                    costPerParticipant: 750_000, capacity: 30,
                    description: nil, active: nil, minimumAttendance: 80))
            #expect(put.status == .ok)
            #expect(try put.json(ProgrammeJSON.self).minimumAttendance == 80)
            let b2 = try await Self.batch(admin, c.teamwork.id, end: "2026-11-29")
            let e2 = try await Self.enrol(admin, b2, world.headA.id!)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/enrolments/\(e2)/attendance", json: AttendanceInput(attendancePercent: 85)
                ).status == .ok)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/enrolments/\(e2)/complete", json: CompletionInput(certificateNumber: "C-2")
                ).status == .ok)
            // A minimum outside 1–100 is refused on its field.
            let bad = try await admin.send(
                .PUT, "/api/v1/programs/\(c.teamwork.id)",
                json: ProgrammeInput(
                    code: "KS-01", title: "Kerja Sama Tim", form: "klasikal", path: "KL03",
                    providerId: c.provider, competencies: [.init(competencyCode: "M.2", levelGain: 1)], jp: 16,
                    costPerParticipant: 750_000, capacity: 30,
                    description: nil, active: nil, minimumAttendance: 0))
            #expect(bad.status == .unprocessableEntity)
            #expect(try Self.fields(bad) == ["minimumAttendance"])
        }
    }

    @Test func theProgrammeFormCarriesTheMinimum() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let web = try await WebClient.login(app, "admin")
            let form = try await web.get("/programs/\(c.publicService.id)/edit").body.string
            #expect(form.contains("name=\"minimumAttendance\"") && form.contains("value=\"90\""))
            let page = try await web.get("/programs/\(c.publicService.id)").body.string
            #expect(page.contains("Kehadiran minimum untuk lulus"))
        }
    }
}
