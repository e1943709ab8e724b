import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 14 through the API: an admin whose account is also the employee does not
/// approve their own plan (409 from the workflow) nor verify their own learning (403).
@Suite("Nobody approves their own plan or learning")
struct SelfApprovalTests {
    struct PlanJSON: Decodable {
        let id: UUID
        let status: String
    }

    @Test func anAdminWhoIsTheEmployee() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            // The admin account belongs to headA, head of OPD A with no supervisor in the system:
            // BKPPD decides both steps of headA's plan — but not headA themself.
            let adminUser = world.users["admin"]!
            adminUser.employeeID = world.headA.id
            try await adminUser.save(on: app.db)
            let admin = try await APIClient.login(app, "admin")
            let created = try await admin.send(
                .POST, "/api/v1/employees/\(world.headA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching kepemimpinan", jp: 8)]))
            #expect(created.status == .created)
            let plan = try created.json(PlanJSON.self)
            let step = "/api/v1/plans/\(plan.id)/transition"
            #expect(try await admin.send(.POST, step, json: TransitionInput(to: "submitted")).status == .ok)
            #expect(
                try await admin.send(.POST, step, json: TransitionInput(to: "approved_supervisor")).status == .conflict)
            #expect(
                try await admin.send(.POST, step, json: TransitionInput(to: "rejected", reason: "tidak")).status
                    == .conflict)
            #expect(try await admin.send(.GET, "/api/v1/plans/\(plan.id)").json(PlanJSON.self).status == "submitted")

            // Their own outside learning: never verified by themselves.
            let l = try await admin.send(
                .POST, "/api/v1/employees/\(world.headA.id!)/learning",
                json: LearningInput(
                    title: "Webinar SPBE", path: "NKL03", organiser: "Kominfo", startDate: "2026-10-01",
                    endDate: "2026-10-01", jp: 4))
            #expect(l.status == .created)
            let id = try l.json(LearningDTO.self).id
            #expect(
                try await admin.send(.POST, "/api/v1/learning/\(id)/decision", json: ["verify": true]).status
                    == .forbidden)
        }
    }

    @Test func anAdminWhoIsTheEmployeeAtTheBKPPDStep() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            // The admin account is staffA's; staffA's supervisor (headA, "atasan") approves first.
            let adminUser = world.users["admin"]!
            adminUser.employeeID = world.staffA.id
            try await adminUser.save(on: app.db)
            let admin = try await APIClient.login(app, "admin")
            let atasan = try await APIClient.login(app, "atasan")
            let plan = try await admin.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Magang di Disdukcapil Provinsi", jp: 16)])
            ).json(PlanJSON.self)
            let step = "/api/v1/plans/\(plan.id)/transition"
            #expect(try await admin.send(.POST, step, json: TransitionInput(to: "submitted")).status == .ok)
            #expect(try await atasan.send(.POST, step, json: TransitionInput(to: "approved_supervisor")).status == .ok)
            // The old rule let any admin take the BKPPD step.
            #expect(try await admin.send(.POST, step, json: TransitionInput(to: "approved")).status == .conflict)
            #expect(
                try await admin.send(.GET, "/api/v1/plans/\(plan.id)").json(PlanJSON.self).status
                    == "approved_supervisor")
        }
    }
}
