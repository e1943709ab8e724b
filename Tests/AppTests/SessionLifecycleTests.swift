import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

/// When web sessions and API tokens end: an admin's password reset, role change or
/// deactivation ends all of that person's sessions and tokens; a session also ends 12 hours
/// after login however active it is; anonymous visits to the login page store nothing.
@Suite("Session lifecycle")
struct SessionLifecycleTests {
    /// Server-side session rows (the table of this build; the Fluent one before it).
    static func sessionRows(_ app: Application) async throws -> Int {
        let sql = try app.db.sql
        for table in ["web_sessions", "_fluent_sessions"] {
            if let n = try? await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .first()?.decode(column: "n", as: Int.self)
            {
                return n
            }
        }
        Issue.record("no session table")
        return -1
    }

    static func signedOut(_ web: WebClient) async throws -> Bool {
        let page = try await web.get("/")
        return page.status == .seeOther && page.location?.hasPrefix("/login") == true
    }

    @Test func anAdminPasswordResetEndsTheUsersSessionsAndTokens() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await WebClient.login(app, "pegawai")
            let laptop = try await WebClient.login(app, "pegawai")
            let token = try await APIClient.login(app, "pegawai")
            let bystander = try await WebClient.login(app, "atasan")
            let admin = try await WebClient.login(app, "admin")
            let reset = try await admin.post(
                SiteURL.userPassword(world.users["pegawai"]!.id!).path, ["password": "Baru-Sekali-2026"])
            #expect(reset.status == .seeOther)
            #expect(try await Self.signedOut(pegawai))
            #expect(try await Self.signedOut(laptop))
            #expect(try await token.send(.GET, "/api/v1/me/data").status == .unauthorized)
            #expect(try await !Self.signedOut(bystander), "another user's session is untouched")
            #expect(try await !Self.signedOut(admin))
        }
    }

    @Test func aRoleChangeEndsTheUsersSessionsAndTokens() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "operator.a")
            let token = try await APIClient.login(app, "operator.a")
            let admin = try await APIClient.login(app, "admin")
            let id = world.users["operator.a"]!.id!
            // Changing only the active flag's value to what it is (no role change) ends nothing.
            #expect(try await admin.send(.PUT, "/api/v1/users/\(id)", json: ["active": true]).status == .ok)
            #expect(try await !Self.signedOut(web))
            #expect(try await token.send(.GET, "/api/v1/units").status == .ok)
            #expect(try await admin.send(.PUT, "/api/v1/users/\(id)", json: ["role": "assessor"]).status == .ok)
            #expect(try await Self.signedOut(web))
            #expect(try await token.send(.GET, "/api/v1/units").status == .unauthorized)
        }
    }

    @Test func deactivationEndsSessionsForGoodEvenAfterReactivation() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "pegawai")
            let admin = try await APIClient.login(app, "admin")
            let id = world.users["pegawai"]!.id!
            #expect(try await admin.send(.PUT, "/api/v1/users/\(id)", json: ["active": false]).status == .ok)
            #expect(try await admin.send(.PUT, "/api/v1/users/\(id)", json: ["active": true]).status == .ok)
            #expect(try await Self.signedOut(web), "the session of before the deactivation stays dead")
            _ = try await WebClient.login(app, "pegawai") // signing in again works
        }
    }

    @Test func aSessionEndsTwelveHoursAfterLoginHoweverActive() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            for hour in stride(from: 1, through: 11, by: 2) {
                app.kompeten.clock = { testNow.addingTimeInterval(Double(hour) * 3600) }
                #expect(try await web.get("/units").status == .ok, "hour \(hour)")
            }
            app.kompeten.clock = { testNow.addingTimeInterval(12 * 3600 - 60) }
            #expect(try await web.get("/units").status == .ok)
            app.kompeten.clock = { testNow.addingTimeInterval(12 * 3600 + 1) }
            #expect(try await Self.signedOut(web))
        }
    }

    @Test func theAbsoluteLifetimeIsASetting() async throws {
        try await withTestApp(settings: { $0.sessionMaxLifetime = 2 * 3600 }) { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            app.kompeten.clock = { testNow.addingTimeInterval(2 * 3600 - 60) }
            #expect(try await !Self.signedOut(web))
            app.kompeten.clock = { testNow.addingTimeInterval(2 * 3600 + 60) }
            #expect(try await Self.signedOut(web))
        }
        #expect(try AppConfig.fromEnvironment([:]).sessionMaxLifetime == 12 * 3600)
        #expect(try AppConfig.fromEnvironment(["KOMPETEN_SESSION_MAX_HOURS": "4"]).sessionMaxLifetime == 4 * 3600)
    }

    /// `seen_at` is written at most once a minute, and an unchanged session is not written at all.
    @Test func aSessionIsNotRewrittenOnEveryRequest() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let sql = try app.db.sql
            struct Row: Decodable {
                let data: String
                let seen_at: Double
                let created_at: Double
                let user_id: String?
            }
            func row() async throws -> Row? {
                let id = try #require(web.cookie(named: "kompeten_session"))
                return try await sql.select().columns("data", "seen_at", "created_at", "user_id").from(
                    WebSessionDriver.table
                )
                .where("id", .equal, SQLBind(WebSessionDriver.hash(id))).first(decoding: Row.self)
            }
            let first = try #require(try await row())
            #expect(first.user_id == "\(try await User.query(on: app.db).filter(\.$username == "admin").first()!.id!)")
            #expect(first.seen_at == testNow.timeIntervalSince1970 && first.created_at == testNow.timeIntervalSince1970)
            // Overwrite the stored data behind the app's back: a write would restore it.
            try await sql.update(WebSessionDriver.table).set("data", to: SQLBind(first.data + " ")).run()
            app.kompeten.clock = { testNow.addingTimeInterval(59) }
            #expect(try await web.get("/units").status == .ok)
            #expect(try await row()?.data == first.data + " ", "59 s later, nothing written")
            #expect(try await row()?.seen_at == testNow.timeIntervalSince1970)
            app.kompeten.clock = { testNow.addingTimeInterval(61) }
            #expect(try await web.get("/units").status == .ok)
            #expect(try await row()?.seen_at == testNow.timeIntervalSince1970 + 61, "over a minute: seen_at moves on")
        }
    }

    @Test func housekeepingPurgesExpiredSessions() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            _ = try await WebClient.login(app, "admin")
            let idle = try await WebClient.login(app, "pegawai")
            let busy = try await WebClient.login(app, "atasan")
            #expect(try await WebSessionDriver.count(on: app.db) == 3)
            // 7 h later two are still within 8 idle hours; 9 h after login, only the one used at 7 h.
            app.kompeten.clock = { testNow.addingTimeInterval(7 * 3600) }
            _ = try await busy.get("/")
            _ = try await KompetenJobs.housekeeping.work(app, testNow.addingTimeInterval(7 * 3600))
            #expect(try await WebSessionDriver.count(on: app.db) == 3)
            _ = try await KompetenJobs.housekeeping.work(app, testNow.addingTimeInterval(9 * 3600))
            #expect(try await WebSessionDriver.count(on: app.db) == 1)
            // 12 h after login the busy one goes too, however recently used.
            _ = try await KompetenJobs.housekeeping.work(app, testNow.addingTimeInterval(12 * 3600))
            #expect(try await WebSessionDriver.count(on: app.db) == 0)
            _ = idle
        }
    }

    @Test func theSessionCountIsAMetric() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            _ = try await WebClient.login(app, "admin")
            _ = try await WebClient.login(app, "pegawai")
            let metrics = try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .GET, "/metrics")
            #expect(metrics.body.string.contains("kompeten_web_sessions 2"))
        }
    }

    @Test func anonymousLoginPagesStoreNoSessions() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let before = try await Self.sessionRows(app)
            for i in 0..<300 {
                let visitor = WebClient(app)
                // Some come back with a cookie the server no longer knows.
                if i % 3 == 0 { visitor.cookie = "kompeten_session=sudah-lama-kedaluwarsa-\(i)" }
                #expect(try await visitor.get("/login").status == .ok)
            }
            #expect(try await Self.sessionRows(app) == before)
            // The form still works, and its token is still checked.
            let web = WebClient(app)
            _ = try await web.get("/login")
            #expect(
                try await web.post(
                    "/login", ["username": "admin", "password": World.password, "_csrf": "palsu"], csrf: false
                ).status == .forbidden)
            #expect(
                try await web.post("/login", ["username": "admin", "password": World.password]).status == .seeOther)
            #expect(try await Self.sessionRows(app) == before + 1)
        }
    }
}
