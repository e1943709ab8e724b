import Fluent
import Foundation
import KompetenCore
import NIOCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Sessions and tokens (logout kills the server-side session, tokens listed and revoked),
/// personal data (NIK masked until revealed and logged, one's own data downloadable), backup
/// and restore, and oversized bodies refused.
@Suite("Privacy, sessions, tokens, backup, body limits")
struct PrivacyAndSessionTests {
    @Test func logoutKillsTheServerSideSessionAndLoginRotatesIt() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = WebClient(app)
            _ = try await web.get("/login")
            let anonymous = try #require(web.cookie)
            let form = try await web.post("/login", ["username": "admin", "password": World.password])
            #expect(form.status == .seeOther)
            let signedIn = try #require(web.cookie)
            #expect(signedIn != anonymous) // rotated on login: a planted id is worthless
            #expect(try await web.get("/employees").status == .ok)
            #expect(try await web.post("/logout", [:]).status == .seeOther)
            // Replaying the old cookie (as a thief would) gets the login page, not the data.
            let thief = WebClient(app)
            thief.cookie = signedIn
            let replay = try await thief.get("/employees")
            #expect(replay.status == .seeOther && replay.location?.hasPrefix("/login") == true)
            let id = try #require(thief.cookie(named: "kompeten_session"))
            let rows = try await app.db.sql.select().column("id").from(WebSessionDriver.table)
                .where("id", .equal, SQLBind(WebSessionDriver.hash(id))).all()
            #expect(rows.isEmpty)
        }
    }

    @Test func tokensAreListedPerUserAndRevocable() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            struct Token: Decodable {
                let id: UUID
                let label: String?
                let current: Bool
            }
            let first = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/auth/token",
                json: ["username": "operator.a", "password": World.password, "label": "Integrasi SIMPEG"])
            let simpeg = APIClient(app: app, token: try first.json([String: String].self)["token"])
            let laptop = try await APIClient.login(app, "operator.a")
            let listed = try await laptop.send(.GET, "/api/v1/auth/tokens").json([Token].self)
            #expect(listed.count == 2)
            #expect(listed.filter(\.current).count == 1 && listed.first(where: \.current)?.label == nil)
            let simpegID = try #require(listed.first { $0.label == "Integrasi SIMPEG" }?.id)
            // Revoking one token: it stops working at once; the other keeps working.
            #expect(try await laptop.send(.DELETE, "/api/v1/auth/tokens/\(simpegID)").status == .noContent)
            #expect(try await simpeg.send(.GET, "/api/v1/units").status == .unauthorized)
            #expect(try await laptop.send(.GET, "/api/v1/units").status == .ok)
            // Nobody revokes another user's token through their own list.
            let admin = try await APIClient.login(app, "admin")
            let adminTokens = try await admin.send(.GET, "/api/v1/auth/tokens").json([Token].self)
            #expect(try await laptop.send(.DELETE, "/api/v1/auth/tokens/\(adminTokens[0].id)").status == .notFound)
            // The admin lists and revokes all of a user's tokens; another instansi's admin cannot.
            let opA = world.users["operator.a"]!.id!
            #expect(try await admin.send(.GET, "/api/v1/users/\(opA)/tokens").json([Token].self).count == 1)
            let stranger = try await APIClient.login(app, "admin.lain")
            #expect(try await stranger.send(.DELETE, "/api/v1/users/\(opA)/tokens").status == .notFound)
            #expect(try await laptop.send(.GET, "/api/v1/units").status == .ok)
            #expect(try await admin.send(.DELETE, "/api/v1/users/\(opA)/tokens").status == .noContent)
            #expect(try await laptop.send(.GET, "/api/v1/units").status == .unauthorized)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "revoke").count() == 2)
            // The web page lists them too, and makes one shown once.
            let web = try await WebClient.login(app, "pegawai")
            let made = try await web.post("/akun/token", ["label": "Laporan saya"])
            #expect(made.status == .ok && made.body.string.contains("hanya ditampilkan sekali"))
            #expect(try await web.get("/akun/token").body.string.contains("Laporan saya"))
        }
    }

    @Test func nikIsMaskedUntilAnAdminRevealsItAndTheRevealIsLogged() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let path = "/employees/\(world.staffA.id!)"
            let admin = try await WebClient.login(app, "admin")
            let page = try await admin.get(path).body.string
            #expect(page.contains("••••••••••••0001") && !page.contains("5371011203850001") && !page.contains("5371••"))
            let revealed = try await admin.post(path + "/nik", [:])
            #expect(revealed.status == .ok && revealed.body.string.contains("5371011203850001"))
            #expect(revealed.headers.first(name: .cacheControl) == "no-store")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "reveal").all()
            #expect(
                entries.count == 1 && entries.first?.entityID == world.staffA.id!.uuidString
                    && entries.first?.username == "admin")
            // The edit form does not carry it either.
            #expect(try await !admin.get(path + "/edit").body.string.contains("5371011203850001"))
            // An operator may not reveal, even in their own OPD; another instansi's admin finds nothing.
            let op = try await WebClient.login(app, "operator.a")
            #expect(try await op.post(path + "/nik", [:]).status == .forbidden)
            let stranger = try await WebClient.login(app, "admin.lain")
            #expect(try await stranger.post(path + "/nik", [:]).status == .notFound)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "reveal").count() == 1)
        }
    }

    @Test func anEmployeeDownloadsTheirOwnData() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let me = try await APIClient.login(app, "pegawai")
            let r = try await me.send(.GET, "/api/v1/me/data")
            #expect(r.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
            let account = try #require(object["akun"] as? [String: Any])
            #expect(account["username"] as? String == "pegawai" && account["password_hash"] == nil)
            let employee = try #require(object["pegawai"] as? [String: Any])
            #expect(employee["nip"] as? String == world.staffA.nip && employee["nik"] as? String == "5371011203850001")
            let related = try #require(object["data_terkait"] as? [String: Any])
            #expect(related["enrolments"] is [Any] && related["assessments"] is [Any])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "download").count() == 1)
            // The web download is an attachment.
            let web = try await WebClient.login(app, "pegawai")
            let file = try await web.get("/akun/data.json")
            #expect(file.headers.first(name: .contentDisposition)?.contains("data-pribadi-kompeten.json") == true)
        }
    }

    /// Back up, change, restore: every table is as it was at the backup.
    @Test func backupAndRestoreGiveBackIdenticalData() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kompeten-backup-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dbPath = dir + "/live.sqlite"
        let backup = dir + "/cadangan.sqlite"
        func withFileApp(_ body: (Application) async throws -> Void) async throws {
            let app = try await Application.make(.testing)
            do {
                var config = try AppConfig.fromEnvironment([:])
                config.database = .sqliteFile(dbPath)
                app.logger.logLevel = .warning
                try await configure(app, config: config)
                app.kompeten.clock = { testNow }
                try await body(app)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
        var before: [String: [String]] = [:]
        try await withFileApp { (app: Application) async throws in
            try await app.autoMigrate()
            let world = try await World.make(on: app)
            before = try await Self.dump(try app.db.sql)
            try await DatabaseBackup.backupSQLite(try app.db.sql, to: backup)
            // A second backup never overwrites the first.
            await #expect(throws: DatabaseBackup.Failure.self) {
                try await DatabaseBackup.backupSQLite(try app.db.sql, to: backup)
            }
            // Changes after the backup.
            let unit = try await Unit.find(world.opdA.id, on: app.db)!
            unit.name = "Diubah setelah cadangan"
            try await unit.save(on: app.db)
            try await Employee.query(on: app.db).filter(\.$id == world.staffB.id!).delete()
            #expect(try await Self.dump(try app.db.sql) != before)
        }
        // A file that is not a Kompeten backup is refused and the database left alone.
        let junk = dir + "/bukan.sqlite"
        try Data("bukan database".utf8).write(to: URL(fileURLWithPath: junk))
        await #expect(throws: (any Error).self) { try await DatabaseBackup.restoreSQLite(from: junk, to: dbPath) }
        try await DatabaseBackup.restoreSQLite(from: backup, to: dbPath)
        let expected = before
        try await withFileApp { (app: Application) async throws in
            let after = try await Self.dump(try app.db.sql)
            #expect(after == expected)
            #expect(after["units"]?.contains { $0.contains("Diubah setelah cadangan") } == false)
        }
    }

    /// Every row of every table, as text, sorted: equal dumps mean identical data.
    static func dump(_ sql: any SQLDatabase) async throws -> [String: [String]] {
        struct Table: Decodable { let name: String }
        let tables = try await sql.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).all(decoding: Table.self)
        var out: [String: [String]] = [:]
        for t in tables {
            let rows = try await sql.select().columns("*").from(t.name).all()
            out[t.name] = rows.map { row in
                row.allColumns.map { c in
                    if let s = try? row.decode(column: c, as: String.self) { return "\(c)=\(s)" }
                    if let d = try? row.decode(column: c, as: Double.self) { return "\(c)=\(d)" }
                    return "\(c)=nil"
                }.joined(separator: "|")
            }.sorted()
        }
        return out
    }

    /// JSON over 1 MB and uploads over the configured limit get 413, over a real socket.
    @Test func oversizedBodiesAre413() async throws {
        try await withTestApp(settings: { $0.uploadLimitMB = 1 }) { app in
            _ = try await World.make(on: app)
            let token = try await APIClient.login(app, "admin").token!
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            let big = "{\"code\":\"X\",\"name\":\"" + String(repeating: "a", count: 1_100_000) + "\"}"
            let client = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            let json = try await client.sendRequest(
                .POST, "/api/v1/units", headers: headers, body: ByteBuffer(string: big))
            #expect(json.status == .payloadTooLarge)
            headers.contentType = .init(type: "text", subType: "csv")
            let upload = try await client.sendRequest(
                .POST, "/api/v1/employees/import", headers: headers,
                body: ByteBuffer(string: String(repeating: "x", count: 1_200_000)))
            #expect(upload.status == .payloadTooLarge)
            #expect(try await Unit.query(on: app.db).filter(\.$code == "X").count() == 0)
        }
    }
}
