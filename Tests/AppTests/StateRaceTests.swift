import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Security item 7: a state change succeeds once. Requests sent at the same moment (on
/// PostgreSQL really in parallel) for the same transition: exactly one 200, the rest 409, and the
/// follow-up work (a freed seat, a JP credit, an audit entry) done once.
// On both databases. On SQLite the racing requests wait for each other's write lock; they once
// hung `swift test` because SQLiteNIO's waiting spins on a thread of the blocking pool and the
// apps shared one of 2 threads (see SQLiteStallTests); each SQLite app now has its own wider pool.
@Suite("Races: state transitions succeed once")
struct StateRaceTests {
    typealias EnrolmentJSON = DevelopmentTests.EnrolmentJSON
    typealias PlanJSON = DevelopmentTests.PlanJSON

    /// Sends `count` copies of a request at once; returns the statuses sorted by code.
    static func together(_ count: Int, _ send: @escaping @Sendable (Int) async throws -> HTTPStatus) async throws
        -> [HTTPStatus]
    {
        try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for i in 0..<count { group.addTask { try await send(i) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }.sorted { $0.code < $1.code }
    }

    static let oneWinner: [HTTPStatus] = [.ok] + Array(repeating: .conflict, count: 5)

    @Test func sixConcurrentCancelsFreeOneSeat() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let b = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 1)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/batches/\(b.id)/enrolments"
            let seat = try await admin.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!)).json(
                EnrolmentJSON.self)
            let waiting = try await admin.send(
                .POST, path, json: EnrolmentInput(employeeId: world.headA.id!, waitlist: true)
            ).json(EnrolmentJSON.self)
            #expect(seat.status == "enrolled" && waiting.status == "waitlisted")

            let statuses = try await Self.together(6) { _ in
                try await admin.send(.POST, "/api/v1/enrolments/\(seat.id)/cancel").status
            }
            #expect(statuses == Self.oneWinner)
            // One seat was freed and went to the one person waiting: the batch is full again (1 of 1).
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 1)
            let list = try await admin.send(.GET, path).json([EnrolmentJSON].self)
            #expect(
                Dictionary(uniqueKeysWithValues: list.map { ($0.employeeId, $0.status) }) == [
                    world.staffA.id!: "cancelled", world.headA.id!: "enrolled",
                ])
            // So a newcomer finds it full, instead of a second seat freed by a repeated cancel.
            #expect(
                try await admin.send(.POST, path, json: EnrolmentInput(employeeId: world.staffB.id!)).status
                    == .conflict)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "enrolment").filter(
                    \.$summary ~~ "Membatalkan"
                ).count() == 1)
        }
    }

    @Test func concurrentCancelsWithoutWaitingListThenTwoNewcomers() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let b = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 1)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/batches/\(b.id)/enrolments"
            let seat = try await admin.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!)).json(
                EnrolmentJSON.self)
            let statuses = try await Self.together(6) { _ in
                try await admin.send(.POST, "/api/v1/enrolments/\(seat.id)/cancel").status
            }
            #expect(statuses == Self.oneWinner)
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 0)
            // The one free seat goes to one of two newcomers enrolling at once.
            let newcomers = [world.headA.id!, world.staffB.id!]
            let enrolled = try await Self.together(2) { i in
                try await admin.send(.POST, path, json: EnrolmentInput(employeeId: newcomers[i])).status
            }
            #expect(enrolled == [.created, .conflict])
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 1)
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$batchID == b.id).filter(\.$status == "enrolled").count()
                    == 1)
        }
    }

    @Test func concurrentReEnrolmentsOfACancelledPlaceTakeOneSeat() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let b = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 3)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/batches/\(b.id)/enrolments"
            let seat = try await admin.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!)).json(
                EnrolmentJSON.self)
            #expect(try await admin.send(.POST, "/api/v1/enrolments/\(seat.id)/cancel").status == .ok)
            // Four requests re-enrol the same person through the one cancelled row: one seat, not four.
            let statuses = try await Self.together(4) { _ in
                try await admin.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!)).status
            }
            #expect(statuses == [.created, .conflict, .conflict, .conflict])
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 1)
        }
    }

    @Test func webCancelOfAnAlreadyCancelledEnrolmentSaysSo() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let b = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 2)
            let admin = try await APIClient.login(app, "admin")
            let seat = try await admin.send(
                .POST, "/api/v1/batches/\(b.id)/enrolments", json: EnrolmentInput(employeeId: world.staffA.id!)
            ).json(EnrolmentJSON.self)
            let web = try await WebClient.login(app, "admin")
            #expect(try await web.post("/enrolments/\(seat.id)/cancel", [:]).status == .seeOther)
            // The second click (another tab) lands on the batch page with a message, not an error page.
            let again = try await web.post("/enrolments/\(seat.id)/cancel", [:])
            #expect(again.status == .seeOther)
            #expect(again.location == "/batches/\(b.id)")
            let page = try await web.get("/batches/\(b.id)")
            #expect(
                page.body.string.contains("tidak dapat dibatalkan")
                    || page.body.string.contains("sudah diubah oleh permintaan lain"))
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 0)
        }
    }

    @Test func sixConcurrentApprovalsOfOnePlanStepOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let atasan = try await APIClient.login(app, "atasan")
            let plan = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching oleh kepala bidang", jp: 4)])
            ).json(PlanJSON.self)
            #expect(
                try await pegawai.send(
                    .POST, "/api/v1/plans/\(plan.id)/transition", json: TransitionInput(to: "submitted")
                ).status == .ok)
            let before = try await AuditEntry.query(on: app.db).filter(\.$entity == "plan").count()
            // Three approvals and three rejections at once: exactly one of the six decides.
            let statuses = try await Self.together(6) { i in
                try await atasan.send(
                    .POST, "/api/v1/plans/\(plan.id)/transition",
                    json: i % 2 == 0
                        ? TransitionInput(to: "approved_supervisor")
                        : TransitionInput(to: "rejected", reason: "Fokus pelayanan")
                ).status
            }
            #expect(statuses == Self.oneWinner)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "plan").count() == before + 1)
            let status = try await pegawai.send(.GET, "/api/v1/plans/\(plan.id)").json(PlanJSON.self).status
            #expect(["approved_supervisor", "rejected"].contains(status))
        }
    }

    @Test func sixConcurrentLearningDecisionsDecideOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let atasan = try await APIClient.login(app, "atasan")
            let id = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/learning",
                json: LearningInput(
                    title: "Webinar Literasi Digital", path: "NKL03", organiser: "Kominfo",
                    startDate: "2026-10-01", endDate: "2026-10-01", jp: 6)
            ).json(LearningDTO.self).id
            struct Decision: Encodable {
                let verify: Bool
                let reason: String?
            }
            let statuses = try await Self.together(6) { i in
                try await atasan.send(
                    .POST, "/api/v1/learning/\(id)/decision",
                    json: i % 2 == 0
                        ? Decision(verify: true, reason: nil) : Decision(verify: false, reason: "Bukti tidak terbaca")
                ).status
            }
            #expect(statuses == Self.oneWinner)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "learning").filter(\.$action == "update")
                    .count() == 1)
            // The JP is credited exactly when the one decision was a verification: 6 JP or none.
            let record = try #require(try await LearningRecord.find(id, on: app.db))
            let credited = try await JPCredit.query(on: app.db).filter(\.$sourceID == id).all().map(\.jp)
            #expect(credited == (record.status == "verified" ? [6] : []))
        }
    }

    @Test func concurrentAssessmentsGetDistinctSequenceNumbers() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let asesor = try await APIClient.login(app, "asesor")
            let path = "/api/v1/employees/\(world.staffA.id!)/assessments"
            let statuses = try await Self.together(5) { i in
                try await asesor.send(
                    .POST, path,
                    json: AssessmentInput(
                        date: "2026-03-0\(i + 1)", method: "assessment_center", assessorName: "Tim AC",
                        notes: nil, results: [ResultDTO(competencyCode: "M.5", level: 2 + i % 3)])
                ).status
            }
            // Each either stored (201) or refused cleanly (409); never a 500, never a shared number.
            #expect(statuses.allSatisfy { $0 == .created || $0 == .conflict })
            let stored = try await Assessment.query(on: app.db).filter(\.$employeeID == world.staffA.id!).all().map(
                \.sequence
            ).sorted()
            #expect(stored == Array(1...statuses.filter { $0 == .created }.count))
        }
    }

    @Test func sequenceNumbersAreUniquePerEmployeeInTheSchema() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            func assessment(_ sequence: Int) -> Assessment {
                let a = Assessment()
                a.id = UUID()
                a.instansiID = world.instansi.id!
                a.employeeID = world.staffA.id!
                a.assessedOn = "2026-03-01"
                a.method = "assessment_center"
                a.assessorName = "Tim AC"
                a.notes = ""
                a.createdAt = testNow
                a.sequence = sequence
                return a
            }
            try await assessment(1).create(on: app.db)
            await #expect(throws: (any Error).self) { try await assessment(1).create(on: app.db) }
        }
    }
}
