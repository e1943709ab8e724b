import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite("Authentication: tokens, sessions, CSRF, throttling")
struct AuthTests {
    @Test func tokenForGoodCredentialsAnd401ForBad() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let anon = APIClient(app: app, token: nil)
            let good = try await anon.send(
                .POST, "/api/v1/auth/token", json: ["username": "admin", "password": World.password])
            #expect(good.status == .ok)
            struct Token: Decodable {
                let token: String
                let expiresAt: Date
            }
            let token = try good.json(Token.self)
            #expect(token.token.count >= 40)
            // 12 hours after the fixed clock
            #expect(token.expiresAt == testNow.addingTimeInterval(12 * 3600))

            let bad = try await anon.send(
                .POST, "/api/v1/auth/token", json: ["username": "admin", "password": "salah-sekali-123"])
            #expect(bad.status == .unauthorized)
            let body = try bad.json(APIErrorBody.self)
            #expect(body.error && body.reason == "Nama pengguna atau kata sandi salah.")
        }
    }

    @Test func apiNeedsBearerToken() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let none = try await APIClient(app: app, token: nil).send(.GET, "/api/v1/units")
            #expect(none.status == .unauthorized)
            let forged = try await APIClient(app: app, token: "bukan-token").send(.GET, "/api/v1/units")
            #expect(forged.status == .unauthorized)
            let admin = try await APIClient.login(app, "admin")
            #expect(try await admin.send(.GET, "/api/v1/units").status == .ok)
        }
    }

    @Test func expiredTokenAndDeactivatedUserAreRefused() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let client = try await APIClient.login(app, "operator.a")
            app.kompeten.clock = { testNow.addingTimeInterval(13 * 3600) }
            #expect(try await client.send(.GET, "/api/v1/units").status == .unauthorized)
            app.kompeten.clock = { testNow }
            let again = try await APIClient.login(app, "pegawai")
            let user = world.users["pegawai"]!
            user.isActive = false
            try await user.save(on: app.db)
            #expect(try await again.send(.GET, "/api/v1/units").status == .unauthorized)
        }
    }

    @Test func malformedJSONIs400AndMissingFieldIs422() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let anon = APIClient(app: app, token: nil)
            let broken = try await anon.send(.POST, "/api/v1/auth/token", raw: #"{"username": "admin", "#)
            #expect(broken.status == .badRequest)
            #expect(try broken.json(APIErrorBody.self).error)
            let missing = try await anon.send(.POST, "/api/v1/auth/token", json: ["username": "admin"])
            #expect(missing.status == .unprocessableEntity)
            #expect(try missing.json(APIErrorBody.self).fields?.map(\.field) == ["password"])
        }
    }

    @Test func fiveFailuresLockTheUsernameEvenForTheRightPassword() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let anon = APIClient(app: app, token: nil)
            for _ in 1...5 {
                let r = try await anon.send(
                    .POST, "/api/v1/auth/token", json: ["username": "asesor", "password": "tebakan-salah-1"])
                #expect(r.status == .unauthorized)
            }
            let locked = try await anon.send(
                .POST, "/api/v1/auth/token", json: ["username": "asesor", "password": World.password])
            #expect(locked.status == .tooManyRequests)
            #expect(try locked.json(APIErrorBody.self).reason.contains("15 menit"))
            // 15 minutes after the last failure the lock is gone.
            app.kompeten.clock = { testNow.addingTimeInterval(15 * 60 + 1) }
            #expect(
                try await anon.send(
                    .POST, "/api/v1/auth/token", json: ["username": "asesor", "password": World.password]
                ).status == .ok)
        }
    }

    @Test func webLoginDashboardAndLogout() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = WebClient(app)
            let redirect = try await web.get("/")
            #expect(redirect.status == .seeOther)
            #expect(redirect.location?.hasPrefix("/login") == true)

            let page = try await web.get("/login")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("id=\"login-form\""))
            let cookieHeader = page.headers.first(name: .setCookie) ?? ""
            #expect(cookieHeader.contains("HttpOnly"))
            #expect(cookieHeader.contains("SameSite=Lax"))
            let before = web.cookie

            let wrong = try await web.post("/login", ["username": "admin", "password": "salah-salah-1"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Nama pengguna atau kata sandi salah."))

            let ok = try await web.post("/login", ["username": "admin", "password": World.password])
            #expect(ok.status == .seeOther)
            #expect(ok.location == "/")
            #expect(web.cookie != before, "login rotates the session id")

            let home = try await web.get("/")
            #expect(home.status == .ok)
            let html = home.body.string
            #expect(html.contains("<h1>Beranda</h1>"))
            #expect(html.contains("id=\"units-link\""))
            #expect(html.contains("29 November 2026"))
            // The organisation tree moved to /units (issue 19): the instansi's own units only.
            let units = try await web.get("/units").body.string
            #expect(units.contains("Dinas Kependudukan dan Pencatatan Sipil"))
            #expect(units.contains("Kecamatan Alak"))
            #expect(!units.contains("Dinas Dukcapil Kabupaten Kupang"), "another instansi's unit must not show")
            #expect(!html.contains("Dinas Dukcapil Kabupaten Kupang"))

            let out = try await web.post("/logout", [:])
            #expect(out.location == "/login")
            #expect(try await web.get("/").status == .seeOther)
        }
    }

    @Test func formsWithoutCSRFTokenAreRefused() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = WebClient(app)
            _ = try await web.get("/login")
            let noToken = try await web.post("/login", ["username": "admin", "password": World.password], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.string.contains("token CSRF"))

            let admin = try await WebClient.login(app, "admin")
            let forged = try await admin.post(
                "/units", ["code": "X1", "name": "Unit Palsu", "kind": "opd", "_csrf": "salah"], csrf: false)
            #expect(forged.status == .forbidden)
            let count = try await Unit.query(on: app.db).filter(\.$code == "X1").count()
            #expect(count == 0)
            _ = world
        }
    }

    @Test func loginNextParameterCannotRedirectOffSite() {
        #expect(AuthController.safeNext("/units") == "/units")
        #expect(AuthController.safeNext("//evil.example") == "/")
        #expect(AuthController.safeNext("https://evil.example") == "/")
        #expect(AuthController.safeNext(nil) == "/")
    }
}

@Suite("Web sessions")
struct SessionTests {
    @Test func sessionEndsAfterEightIdleHoursOnTheServer() async throws {
        // The absolute lifetime (12 h by default) is tested in SessionLifecycleTests.
        try await withTestApp(settings: { $0.sessionMaxLifetime = 48 * 3600 }) { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            app.kompeten.clock = { testNow.addingTimeInterval(7 * 3600) }
            #expect(try await web.get("/units").status == .ok, "7 hours idle: still signed in")
            app.kompeten.clock = { testNow.addingTimeInterval(7 * 3600 + 8 * 3600 - 60) }
            #expect(try await web.get("/units").status == .ok, "activity slides the window")
            app.kompeten.clock = { testNow.addingTimeInterval(7 * 3600 + 16 * 3600) }
            let expired = try await web.get("/units")
            #expect(expired.status == .seeOther)
            #expect(expired.location?.hasPrefix("/login") == true)
        }
    }
}
