import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Small privacy leaks: a position page shows its holders only to readers the employee rule
/// allows (a pegawai sees the position and its standard, and only themselves among its
/// holders); a training provider gets supervisors' L3 evaluations only as aggregates, never the
/// record with its comment and author.
@Suite("Privacy: position holders by the employee rule, supervisors' L3 only as aggregates for providers")
struct HolderAndEvaluationPrivacyTests {
    static let head = "198503122010011002", staff = "199001012015032005"

    @Test func positionHoldersFollowTheEmployeeReadRule() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            // headA and staffA both hold one position of OPD A.
            let admin = try await APIClient.login(app, "admin")
            struct Made: Decodable { let id: UUID }
            let position = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.ANALIS", name: "Analis Kependudukan",
                    kind: "pelaksana", unitId: world.bidangA.id!, summary: nil, duties: nil,
                    standards: [.init(competencyCode: "M.1", requiredLevel: 3)])
            ).json(Made.self).id
            for e in [world.headA, world.staffA] {
                e.positionID = position
                try await e.save(on: app.db)
            }
            // Who sees which holder's NIP on the page, worked out from the employee rule by hand.
            let expected: [String: Set<String>] = [
                "admin": [Self.head, Self.staff], "operator.a": [Self.head, Self.staff],
                "asesor": [Self.head, Self.staff],
                "atasan": [Self.head, Self.staff], "pegawai": [Self.staff],
            ]
            for (role, nips) in expected {
                let page = try await WebClient.login(app, role).get("/positions/\(position)")
                #expect(page.status == .ok, "\(role)")
                let html = page.body.string
                #expect(html.contains("Analis Kependudukan"), "\(role) sees the position")
                let shown = Set([Self.head, Self.staff].filter { html.contains($0) })
                #expect(shown == nips, "\(role): \(shown.sorted())")
            }
            // Another OPD's operator does not reach the position at all.
            #expect(try await WebClient.login(app, "operator.b").get("/positions/\(position)").status == .forbidden)
        }
    }

    @Test func providersGetSupervisorL3OnlyAsAggregates() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (programme, enrolments) = try await EvaluateTests.completedTraining(app, world)
            let lpk = world.users["lpk"]!
            lpk.providerID = try #require(try await Programme.find(programme, on: app.db)).providerID
            try await lpk.save(on: app.db)
            let mine = enrolments[world.staffA.id!]!
            let path = "/api/v1/enrolments/\(mine)/evaluations"
            let comment = "Maria kini melayani antrean KTP-el jauh lebih cepat"
            let boss = try await APIClient.login(app, "atasan")
            let employee = try await APIClient.login(app, "pegawai")
            #expect(
                try await boss.send(
                    .POST, path,
                    json: EvaluationInput(level: 3, respondentRole: "supervisor", scores: ["M.5": 2], comment: comment)
                ).status == .created)
            #expect(try await employee.send(.POST, path, json: EvaluateTests.l1(4, 4, 4, 4)).status == .created)

            struct Record: Decodable {
                let level: Int
                let respondentRole: String
                let comment: String
            }
            // The provider reads the participant's L1 but not the supervisor's L3 record …
            let provider = try await APIClient.login(app, "lpk")
            let list = try await provider.send(.GET, path)
            #expect(list.status == .ok)
            #expect(try list.json([Record].self).map { "\($0.level)/\($0.respondentRole)" } == ["1/participant"])
            #expect(!list.body.string.contains(comment))
            // … and gets it as an aggregate: one supervisor L3, mean change +2.
            struct Effect: Decodable {
                let l3MeanChange: Double?
                let l3Count: Int
            }
            let effect = try await provider.send(.GET, "/api/v1/programs/\(programme)/effectiveness")
            #expect(effect.status == .ok)
            #expect(try effect.json(Effect.self).l3MeanChange == 2)
            #expect(try effect.json(Effect.self).l3Count == 1)
            #expect(!effect.body.string.contains(comment))
            // BKPPD and the participant's operator still read the record itself.
            for role in ["admin", "operator.a"] {
                let full = try await APIClient.login(app, role).send(.GET, path)
                #expect(
                    try full.json([Record].self).contains {
                        $0.level == 3 && $0.respondentRole == "supervisor" && $0.comment == comment
                    }, "\(role)")
            }
            // The provider's pages show no comment either.
            let web = try await WebClient.login(app, "lpk")
            for page in ["/programs/\(programme)", "/evaluations", "/enrolments/\(mine)/evaluate?level=3"] {
                #expect(!(try await web.get(page)).body.string.contains(comment), "\(page)")
            }
        }
    }
}
