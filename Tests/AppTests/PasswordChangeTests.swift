import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// Changing one's own password (`/akun/password`, `POST /api/v1/me/password`) and temporary
/// passwords set by an admin, which must be replaced before anything else is done.
@Suite("Own password change and temporary passwords")
struct PasswordChangeTests {
    struct FieldsBody: Decodable {
        struct F: Decodable { let field: String }
        let reason: String
        let fields: [F]?
    }

    @Test func ownPasswordChangeThroughTheAPI() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let api = try await APIClient.login(app, "operator.a")
            let other = try await APIClient.login(app, "operator.a")
            let web = try await WebClient.login(app, "operator.a")

            let wrong = try await api.send(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": "bukan-sandinya-1", "newPassword": "Sandi-Baru-2026"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try wrong.json(FieldsBody.self).fields?.map(\.field) == ["currentPassword"])
            let weak = try await api.send(
                .POST, "/api/v1/me/password", json: ["currentPassword": World.password, "newPassword": "pendek"])
            #expect(weak.status == .unprocessableEntity)
            #expect(try weak.json(FieldsBody.self).fields?.map(\.field) == ["newPassword"])
            let missing = try await api.send(.POST, "/api/v1/me/password", json: ["currentPassword": World.password])
            #expect(missing.status == .unprocessableEntity)

            let ok = try await api.send(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": World.password, "newPassword": "Sandi-Baru-2026"])
            #expect(ok.status == .noContent)
            // The token that made the change keeps working; the user's other tokens and web sessions end.
            #expect(try await api.send(.GET, "/api/v1/units").status == .ok)
            #expect(try await other.send(.GET, "/api/v1/units").status == .unauthorized)
            #expect(try await SessionLifecycleTests.signedOut(web))
            // The old password is gone, the new one works.
            let anon = APIClient(app: app, token: nil)
            #expect(
                try await anon.send(
                    .POST, "/api/v1/auth/token", json: ["username": "operator.a", "password": World.password]
                ).status == .unauthorized)
            _ = try await APIClient.login(app, "operator.a", password: "Sandi-Baru-2026")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "password").count() == 1)
        }
    }

    @Test func ownPasswordChangeOnTheWebPage() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "pegawai")
            let elsewhere = try await WebClient.login(app, "pegawai")
            let home = try await web.get("/")
            #expect(home.body.string.contains("href=\"/akun/password\""), "the account menu links to the page")
            let page = try await web.get("/akun/password")
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains("name=\"currentPassword\"")
                    && page.body.string.contains("name=\"newPassword\""))

            let wrong = try await web.post(
                "/akun/password", ["currentPassword": "bukan-sandinya-1", "newPassword": "Sandi-Baru-2026"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Kata sandi saat ini salah."))
            let ok = try await web.post(
                "/akun/password", ["currentPassword": World.password, "newPassword": "Sandi-Baru-2026"])
            #expect(ok.status == .seeOther)
            #expect(try await !SessionLifecycleTests.signedOut(web), "this session stays signed in")
            #expect(try await SessionLifecycleTests.signedOut(elsewhere), "the other session ends")
            _ = try await WebClient.login(app, "pegawai", password: "Sandi-Baru-2026")
        }
    }

    @Test func aTemporaryPasswordMustBeReplacedBeforeUsingTheAPI() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            struct NewUser: Encodable {
                let username: String
                let password: String
                let role: String
                let unitId: UUID
                let temporary: Bool
            }
            let created = try await admin.send(
                .POST, "/api/v1/users",
                json: NewUser(
                    username: "operator.baru", password: "Sementara-2026", role: "operator", unitId: world.opdA.id!,
                    temporary: true))
            #expect(created.status == .created)
            let user = try await APIClient.login(app, "operator.baru", password: "Sementara-2026")
            let blocked = try await user.send(.GET, "/api/v1/units")
            #expect(blocked.status == .forbidden)
            #expect(try blocked.json(FieldsBody.self).reason.contains("/api/v1/me/password"))
            #expect(
                try await user.send(
                    .POST, "/api/v1/me/password",
                    json: ["currentPassword": "Sementara-2026", "newPassword": "Pilihan-Sendiri-9"]
                ).status == .noContent)
            #expect(try await user.send(.GET, "/api/v1/units").status == .ok)

            // Without "temporary" (integrations creating accounts) nothing changes.
            let plain = try await admin.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "operator.lain", "password": "Integrasi-2026", "role": "operator",
                    "unitId": world.opdA.id!.uuidString,
                ])
            #expect(plain.status == .created)
            #expect(
                try await APIClient.login(app, "operator.lain", password: "Integrasi-2026").send(.GET, "/api/v1/units")
                    .status == .ok)
        }
    }

    /// `POST /api/v1/users/:id/password`: the admin's reset through the API, optionally temporary;
    /// never for the admin's own account (that needs the current password).
    @Test func theAdminResetsAPasswordThroughTheAPI() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let web = try await WebClient.login(app, "asesor")
            let id = world.users["asesor"]!.id!
            let weak = try await admin.send(.POST, "/api/v1/users/\(id)/password", json: ["password": "pendek"])
            #expect(weak.status == .unprocessableEntity)
            #expect(try weak.json(FieldsBody.self).fields?.map(\.field) == ["password"])
            struct Reset: Encodable {
                let password: String
                let temporary: Bool
            }
            let ok = try await admin.send(
                .POST, "/api/v1/users/\(id)/password", json: Reset(password: "Sementara-2026", temporary: true))
            #expect(ok.status == .noContent)
            #expect(try await SessionLifecycleTests.signedOut(web))
            struct Shown: Decodable { let temporaryPassword: Bool }
            #expect(try await admin.send(.GET, "/api/v1/users/\(id)").json(Shown.self).temporaryPassword)
            // Another instansi's admin does not find the account; the admin's own is refused.
            let stranger = try await APIClient.login(app, "admin.lain")
            #expect(
                try await stranger.send(.POST, "/api/v1/users/\(id)/password", json: ["password": "Sandi-Lain-2026"])
                    .status == .notFound)
            let own = try await admin.send(
                .POST, "/api/v1/users/\(world.users["admin"]!.id!)/password", json: ["password": "Sandi-Lain-2026"])
            #expect(own.status == .forbidden)
            let ownTemporary = try await admin.send(
                .PUT, "/api/v1/users/\(world.users["admin"]!.id!)", json: ["temporary": true])
            #expect(ownTemporary.status == .unprocessableEntity)
            #expect(try ownTemporary.json(FieldsBody.self).fields?.map(\.field) == ["temporary"])
            #expect(try await admin.send(.GET, "/api/v1/units").status == .ok)
        }
    }

    @Test func aTemporaryPasswordSetOnTheWebMustBeReplacedAtTheNextWebLogin() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let reset = try await admin.post(
                SiteURL.userPassword(world.users["pegawai"]!.id!).path,
                ["password": "Sementara-2026", "temporary": "1"])
            #expect(reset.status == .seeOther)
            let web = try await WebClient.login(app, "pegawai", password: "Sementara-2026")
            for path in ["/", "/akun/data", "/akun/token"] {
                let page = try await web.get(path)
                #expect(page.status == .seeOther && page.location == "/akun/password", "\(path)")
            }
            #expect(try await web.get("/akun/password").status == .ok)
            #expect(try await web.post("/akun/token", ["label": "x"]).status == .forbidden)
            #expect(
                try await web.post(
                    "/akun/password", ["currentPassword": "Sementara-2026", "newPassword": "Pilihan-Sendiri-9"]
                ).status == .seeOther)
            #expect(try await web.get("/").status == .ok)
        }
    }
}
