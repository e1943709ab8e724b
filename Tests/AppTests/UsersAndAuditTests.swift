import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

@Suite("User administration and the audit log")
struct UsersAndAuditTests {
    struct UserJSON: Decodable {
        let id: UUID
        let username: String
        let role: String
        let unitId: UUID?
        let employeeId: UUID?
        let active: Bool
    }

    @Test func adminCreatesAnOperatorWhoCanThenLogIn() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let r = try await admin.send(
                .POST, "/api/v1/users",
                json: NewUserInput(
                    username: "operator.dinkes", password: "Kupang-Sehat-2026", role: "operator", unitId: world.opdB.id,
                    employeeId: nil))
            #expect(r.status == .created)
            #expect(!r.body.string.contains("password"), "the hash is never returned")
            #expect(!r.body.string.contains("$2b$"))
            let user = try r.json(UserJSON.self)
            #expect(user.role == "operator" && user.unitId == world.opdB.id && user.active)
            let op = try await APIClient.login(app, "operator.dinkes", password: "Kupang-Sehat-2026")
            struct Page: Decodable { let items: [UnitDTO] }
            #expect(try await op.send(.GET, "/api/v1/units").json(Page.self).items.map(\.code) == ["DINKES"])
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "user").filter(\.$action == "create")
                .first()
            #expect(audit?.summary == "Membuat pengguna operator.dinkes (Operator OPD)")
            #expect(audit?.after?.contains("passwordHash") == false)
        }
    }

    @Test func userValidation() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func fields(_ input: NewUserInput) async throws -> [String] {
                let r = try await admin.send(.POST, "/api/v1/users", json: input)
                #expect(r.status == .unprocessableEntity)
                return try r.json(APIErrorBody.self).fields?.map(\.field) ?? []
            }
            #expect(
                try await fields(
                    NewUserInput(username: "Op", password: "pendek", role: "operator", unitId: nil, employeeId: nil))
                    == ["username", "password", "unitId"])
            #expect(
                try await fields(
                    NewUserInput(
                        username: "admin", password: "Panjang-Sekali-1", role: "admin", unitId: nil, employeeId: nil))
                    == ["username"])
            #expect(
                try await fields(
                    NewUserInput(
                        username: "boss", password: "Panjang-Sekali-1", role: "superadmin", unitId: nil, employeeId: nil
                    )) == ["role"])
            #expect(
                try await fields(
                    NewUserInput(
                        username: "pegawai2", password: "Panjang-Sekali-1", role: "employee", unitId: nil,
                        employeeId: world.otherEmployee.id)) == ["employeeId"])
            #expect(
                try await fields(
                    NewUserInput(
                        username: "op2", password: "Panjang-Sekali-1", role: "operator", unitId: world.otherOPD.id,
                        employeeId: nil)) == ["unitId"])
        }
    }

    @Test func deactivatingAUserEndsTheirAccessAndAdminCannotLockThemselvesOut() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let asesor = world.users["asesor"]!.id!
            let r = try await admin.send(
                .PUT, "/api/v1/users/\(asesor)",
                json: UserUpdateInput(role: nil, unitId: nil, employeeId: nil, active: false))
            #expect(r.status == .ok)
            #expect(try r.json(UserJSON.self).active == false)
            let login = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/auth/token", json: ["username": "asesor", "password": World.password])
            #expect(login.status == .unauthorized)
            let me = world.users["admin"]!.id!
            let selfLock = try await admin.send(
                .PUT, "/api/v1/users/\(me)",
                json: UserUpdateInput(role: nil, unitId: nil, employeeId: nil, active: false))
            #expect(selfLock.status == .unprocessableEntity)
            let entry = try await AuditEntry.query(on: app.db).filter(\.$entity == "user").filter(\.$action == "update")
                .first()
            #expect(entry?.before?.contains("\"active\":true") == true)
            #expect(entry?.after?.contains("\"active\":false") == true)
        }
    }

    @Test func webUserAdminResetsPassword() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let list = try await web.get("/admin/users")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("operator.a"))
            #expect(!list.body.string.contains("admin.lain"), "users of another instansi are not listed")
            let id = world.users["pegawai"]!.id!
            let short = try await web.post("/admin/users/\(id)/password", ["password": "pendek"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("Kata sandi minimal 10 karakter."))
            let ok = try await web.post("/admin/users/\(id)/password", ["password": "Sandi-Baru-Kupang-1"])
            #expect(ok.status == .seeOther)
            _ = try await APIClient.login(app, "pegawai", password: "Sandi-Baru-Kupang-1")
            let created = try await web.post(
                "/admin/users",
                [
                    "username": "Asesor.Dua", "password": "Sandi-Asesor-22", "role": "assessor", "unitId": "",
                    "employeeNip": "",
                ])
            #expect(created.status == .seeOther)
            #expect(try await User.query(on: app.db).filter(\.$username == "asesor.dua").count() == 1)
            // An employee account is linked by NIP, as people know it.
            let unknown = try await web.post(
                "/admin/users",
                [
                    "username": "debora", "password": "Sandi-Debora-22", "role": "employee", "unitId": "",
                    "employeeNip": "199999999999999999",
                ])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("Pegawai dengan NIP 199999999999999999 tidak ditemukan."))
            let linked = try await web.post(
                "/admin/users",
                [
                    "username": "debora", "password": "Sandi-Debora-22", "role": "employee", "unitId": "",
                    "employeeNip": world.staffB.nip,
                ])
            #expect(linked.status == .seeOther)
            #expect(
                try await User.query(on: app.db).filter(\.$username == "debora").first()?.employeeID == world.staffB.id)
            // The supervisor of an employee is chosen by NIP too.
            let moved = try await web.post(
                "/employees/\(world.staffB.id!)/edit",
                [
                    "nip": world.staffB.nip, "name": world.staffB.name, "employmentType": "PNS",
                    "rank": "III/a", "unitId": world.opdB.id!.uuidString, "positionId": "",
                    "supervisorNip": world.headA.nip, "active": "1",
                ])
            #expect(moved.status == .seeOther)
            #expect(try await Employee.find(world.staffB.id, on: app.db)?.supervisorID == world.headA.id)
        }
    }

    @Test func auditPageListsAndFilters() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            _ = try await web.post(
                "/units/\(world.kelurahan.id!)/edit",
                [
                    "code": "KEC.ALAK.NAIONI", "name": "Kelurahan Naioni Baru", "kind": "kelurahan",
                    "parentId": world.kecamatan.id!.uuidString,
                ])
            let page = try await web.get("/admin/audit?entity=unit")
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("Mengubah unit KEC.ALAK.NAIONI Kelurahan Naioni Baru"))
            #expect(html.contains("29 November 2026 10.00"))
            #expect(!html.contains("Masuk ke aplikasi"), "login entries are filtered out by entity=unit")
            let logins = try await web.get("/admin/audit?action=login").body.string
            #expect(logins.contains("Masuk ke aplikasi"))
            let none = try await web.get("/admin/audit?from=2026-11-30").body.string
            #expect(none.contains("dari 0 entri"))
        }
    }

    @Test func superadminCreatesAnInstansiWhoseAdminSeesOnlyIt() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "superadmin")
            #expect(try await web.get("/").location == "/superadmin/instansi")
            let r = try await web.post(
                "/superadmin/instansi",
                [
                    "code": "kab-tts", "name": "Pemerintah Kabupaten Timor Tengah Selatan",
                    "adminUsername": "admin.tts", "adminPassword": "Soe-Kota-Dingin-1",
                ])
            #expect(r.status == .seeOther)
            let admin = try await APIClient.login(app, "admin.tts", password: "Soe-Kota-Dingin-1")
            struct Page: Decodable {
                let items: [UnitDTO]
                let metadata: PagedResponse<UnitDTO>.Metadata
            }
            #expect(try await admin.send(.GET, "/api/v1/units").json(Page.self).metadata.total == 0)
            #expect(try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)").status == .notFound)
            // The superadmin sees no personal data.
            #expect(try await web.get("/employees").status == .forbidden)
            let dup = try await web.post(
                "/superadmin/instansi",
                ["code": "kab-tts", "name": "Lagi", "adminUsername": "admin.tts", "adminPassword": "Soe-Kota-Dingin-1"])
            #expect(dup.status == .unprocessableEntity)
            #expect(dup.body.string.contains("Kode instansi sudah dipakai."))
        }
    }
}
