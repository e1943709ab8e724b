import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 20: the bearer read (token, user and OPD in one statement), the one-statement gap and
/// the survey writer's own SQLite connections. Nothing on these paths is cached, so what one
/// instance changes (a revoked token, a deactivated user, the JPM settings) holds on the other
/// instance's very next request: two `Application`s on one database (a SQLite file, or one
/// PostgreSQL database when KOMPETEN_TEST_POSTGRES_URL is set).
@Suite("API hot path: one read per call, nothing cached that another instance can change")
struct APIHotPathTests {
    struct GapJSON: Decodable {
        struct Item: Decodable {
            let competencyCode: String
            let actual: Int?
        }
        let positionId: UUID?
        let jpm: Double?
        let category: String?
        let items: [Item]
    }

    /// Two app instances on one fresh, migrated database; `a` holds the world.
    static func withTwoInstances(_ test: (Application, Application, World) async throws -> Void) async throws {
        let location: DatabaseLocation
        var file: String?
        if TestDatabase.postgresURL != nil {
            location = try await TestDatabase.fresh()
        } else {
            file = NSTemporaryDirectory() + "kompeten-two-\(UUID().uuidString).sqlite"
            location = .sqliteFile(file!)
        }
        defer {
            if let file {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    try? FileManager.default.removeItem(atPath: file + suffix)
                }
            }
        }
        var apps: [Application] = []
        do {
            for _ in 0..<2 {
                let app = try await Application.make(.testing)
                apps.append(app)
                var config = try AppConfig.fromEnvironment([:])
                config.database = location
                if case .postgres = location { config.databasePoolSize = 2 }
                app.logger.logLevel = .warning
                try await configure(app, config: config)
                app.kompeten.clock = { testNow }
            }
            try await apps[0].autoMigrate()
            let world = try await World.make(on: apps[0])
            try await test(apps[0], apps[1], world)
        } catch {
            for app in apps { try? await app.asyncShutdown() }
            throw error
        }
        for app in apps { try await app.asyncShutdown() }
    }

    @Test func aTokenRevokedThroughOneInstanceIsRefusedByTheOtherAtOnce() async throws {
        try await Self.withTwoInstances { a, b, world in
            let onA = try await APIClient.login(a, "asesor")
            let onB = APIClient(app: b, token: onA.token)
            let gap = "/api/v1/employees/\(world.staffA.id!)/gap"
            #expect(try await onB.send(.GET, gap).status == .ok)
            struct Token: Decodable {
                let id: UUID
                let current: Bool
            }
            let tokens = try await onA.send(.GET, "/api/v1/auth/tokens").json([Token].self)
            let current = try #require(tokens.first { $0.current })
            #expect(try await onA.send(.DELETE, "/api/v1/auth/tokens/\(current.id)").status == .noContent)
            #expect(try await onB.send(.GET, gap).status == .unauthorized)
            #expect(try await onA.send(.GET, gap).status == .unauthorized)
        }
    }

    @Test func aUserDeactivatedThroughOneInstanceIsRefusedByTheOtherAtOnce() async throws {
        try await Self.withTwoInstances { a, b, world in
            let asesor = try await APIClient.login(a, "asesor")
            let onB = APIClient(app: b, token: asesor.token)
            let gap = "/api/v1/employees/\(world.staffA.id!)/gap"
            #expect(try await onB.send(.GET, gap).status == .ok)
            let admin = try await APIClient.login(a, "admin")
            let id = try #require(world.users["asesor"]?.id)
            #expect(try await admin.send(.PUT, "/api/v1/users/\(id)", json: ["active": false]).status == .ok)
            #expect(try await onB.send(.GET, gap).status == .unauthorized)
        }
    }

    @Test func aSettingsChangeThroughOneInstanceShowsInTheOthersGapAtOnce() async throws {
        try await Self.withTwoInstances { a, b, world in
            let positionID = try await EmployeeAndGapTests.positionForStaffA(a, world)
            let asesor = try await APIClient.login(a, "asesor")
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2025-01-10", method: "assessment_center", assessorName: "Tim AC", notes: nil,
                        results: [
                            .init(competencyCode: "M.1", level: 3), .init(competencyCode: "M.2", level: 3),
                            .init(competencyCode: "M.5", level: 2),
                        ])
                ).status == .created)
            let onB = APIClient(app: b, token: asesor.token)
            let path = "/api/v1/employees/\(world.staffA.id!)/gap"
            // Standard M.1 3, M.2 3, M.5 2, SK.1 2; levels 3, 3, 2, none: (3+3+2+0)/10 = 80 % →
            // cukup optimal on the pemetaan thresholds (the default: no settings row yet).
            let before = try await onB.send(.GET, path).json(GapJSON.self)
            #expect(before.positionId == positionID)
            #expect(before.jpm == 80.0 && before.category == "cukup_optimal")
            #expect(before.items.map(\.competencyCode) == ["M.1", "M.2", "M.5", "SK.1"])
            #expect(before.items.map(\.actual) == [3, 3, 2, nil])
            // Through instance a: pengisian jabatan thresholds, where 80 % ≥ 80 → memenuhi syarat.
            let web = try await WebClient.login(a, "admin")
            #expect(
                try await web.post("/admin/settings", ["formula": "strict", "purpose": "pengisian_jabatan"]).status
                    == .seeOther)
            let after = try await onB.send(.GET, path).json(GapJSON.self)
            #expect(after.jpm == 80.0 && after.category == "memenuhi_syarat")
        }
    }

    @Test func theOneReadResolvesEachRolesOPD() async throws {
        try await Self.withTwoInstances { a, b, world in
            // An employee (OPD through their employee record) reads their own gap, not a colleague's;
            // a stranger's id and another instansi's employee are 404; a malformed id is 422.
            let pegawai = APIClient(app: b, token: try await APIClient.login(a, "pegawai").token)
            #expect(try await pegawai.send(.GET, "/api/v1/employees/\(world.staffA.id!)/gap").status == .ok)
            #expect(try await pegawai.send(.GET, "/api/v1/employees/\(world.headA.id!)/gap").status == .forbidden)
            let asesor = try await APIClient.login(a, "asesor")
            #expect(try await asesor.send(.GET, "/api/v1/employees/\(world.otherEmployee.id!)/gap").status == .notFound)
            #expect(try await asesor.send(.GET, "/api/v1/employees/\(UUID())/gap").status == .notFound)
            #expect(try await asesor.send(.GET, "/api/v1/employees/bukan-uuid/gap").status == .unprocessableEntity)
            // Without a position there is no standard: no JPM, no items.
            let none = try await asesor.send(.GET, "/api/v1/employees/\(world.staffB.id!)/gap").json(GapJSON.self)
            #expect(none.positionId == nil && none.jpm == nil && none.category == nil && none.items.isEmpty)
        }
    }

    @Test func surveysWrittenThroughTheWritersOwnConnectionsAreAllStored() async throws {
        try await Self.withTwoInstances { a, b, world in
            let service = try await PublicServicesTests.service(a, world)
            // 30 responses at once, half through each instance: every 201 is a stored row.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        try await PublicServicesTests.post(i % 2 == 0 ? a : b, service.id, [4, 4, 3, 3, 4, 4, 3, 3, 4])
                            .status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.count == 30 && statuses.allSatisfy { $0 == .created })
            let admin = try await APIClient.login(a, "admin")
            let ikm = try await admin.send(
                .GET, "/api/v1/services/\(service.id)/ikm?from=2000-01-01&to=2100-12-31"
            ).json(PublicServicesTests.IKM.self)
            #expect(ikm.respondents == 30)
        }
    }

    @Test func aJSONBodyWithoutEscapesSkipsTheSecondParseButControlsAreStillRefused() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            let path = "/api/v1/public/services/\(service.id)/survey"
            let answers = #""answers":{"U1":4,"U2":4,"U3":4,"U4":4,"U5":4,"U6":4,"U7":4,"U8":4,"U9":4}"#
            let client = APIClient(app: app, token: nil)
            #expect(try await client.send(.POST, path, raw: "{\(answers),\"suggestion\":\"Bagus\"}").status == .created)
            // An escaped BEL and a raw DEL byte: both are control characters, refused by name.
            for suggestion in [#"Bagus\u0007"#, "Bagus\u{7F}"] {
                let r = try await client.send(.POST, path, raw: "{\(answers),\"suggestion\":\"\(suggestion)\"}")
                #expect(r.status == .unprocessableEntity)
                #expect(try r.json(APIErrorBody.self).fields?.map(\.field) == ["suggestion"])
            }
        }
    }

    @Test func theTableHexMatchesTheStoredHashes() {
        // Stored token hashes must not change with the faster hex: SHA-256("abc") from FIPS 180-2.
        #expect(Hex.lower([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(TokenHasher.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The survey sender hash: the first 12 bytes of SHA-256("s|10.0.0.1|ua") (Python's hashlib).
        #expect(SurveyService.clientHash(address: "10.0.0.1", userAgent: "ua", salt: "s") == "dc4b814529329c84c8a780cf")
    }

    @Test func theRequestIdAndTheLoggedMillisecondsKeepTheirForm() throws {
        let id = try #require(UUID(uuidString: "F6FC758B-CB45-4FE5-B5D2-88BA25F687AB"))
        #expect(Hex.uuidLower(id) == "f6fc758b-cb45-4fe5-b5d2-88ba25f687ab")
        // 0.01234 s = 12.34 ms → "12.3"; 0.00006 s = 0.06 ms → "0.1"; 1.5 s → "1500.0".
        #expect(RequestLogMiddleware.milliseconds(0.01234) == "12.3")
        #expect(RequestLogMiddleware.milliseconds(0.00006) == "0.1")
        #expect(RequestLogMiddleware.milliseconds(1.5) == "1500.0")
    }
}
