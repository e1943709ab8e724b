import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

@Suite("Organisation units: API and pages, validation, audit")
struct UnitsTests {
    struct UnitJSON: Decodable {
        let id: UUID
        let code: String
        let name: String
        let parentId: UUID?
        let kind: String
    }
    struct Page: Decodable {
        let items: [UnitJSON]
        let metadata: Meta
    }
    struct Meta: Decodable {
        let page: Int
        let per: Int
        let total: Int
    }

    @Test func adminCreatesReadsUpdatesAndDeletesWithAuditTrail() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")

            let created = try await admin.send(
                .POST, "/api/v1/units",
                json: UnitInput(
                    code: "DUKCAPIL.B2", name: "Bidang Pencatatan Sipil", kind: "bidang", parentId: world.opdA.id))
            #expect(created.status == .created)
            let unit = try created.json(UnitJSON.self)
            #expect(unit.code == "DUKCAPIL.B2" && unit.parentId == world.opdA.id && unit.kind == "bidang")
            let stored = try #require(try await Unit.find(unit.id, on: app.db))
            #expect(stored.opdID == world.opdA.id)

            let shown = try await admin.send(.GET, "/api/v1/units/\(unit.id)")
            #expect(try shown.json(UnitJSON.self).name == "Bidang Pencatatan Sipil")

            let updated = try await admin.send(
                .PUT, "/api/v1/units/\(unit.id)",
                json: UnitInput(
                    code: "DUKCAPIL.B2", name: "Bidang Pelayanan Pencatatan Sipil", kind: "bidang",
                    parentId: world.opdA.id))
            #expect(updated.status == .ok)
            #expect(try updated.json(UnitJSON.self).name == "Bidang Pelayanan Pencatatan Sipil")

            #expect(try await admin.send(.DELETE, "/api/v1/units/\(unit.id)").status == .noContent)
            #expect(try await admin.send(.GET, "/api/v1/units/\(unit.id)").status == .notFound)

            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "unit").sort(\.$action).all()
            #expect(entries.map(\.action) == ["create", "delete", "update"])
            let update = entries.first { $0.action == "update" }!
            #expect(update.username == "admin")
            #expect(update.at == testNow)
            #expect(update.instansiID == world.instansi.id)
            #expect(update.before?.contains("\"name\":\"Bidang Pencatatan Sipil\"") == true)
            #expect(update.after?.contains("\"name\":\"Bidang Pelayanan Pencatatan Sipil\"") == true)
            #expect(entries.first { $0.action == "delete" }?.after == nil)
        }
    }

    @Test func listIsPagedAndSortedByCode() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let page1 = try await admin.send(.GET, "/api/v1/units?page=1&per=2").json(Page.self)
            #expect(page1.metadata.total == 5)
            #expect(page1.items.map(\.code) == ["DINKES", "DUKCAPIL"])
            let page3 = try await admin.send(.GET, "/api/v1/units?page=3&per=2").json(Page.self)
            #expect(page3.items.map(\.code) == ["KEC.ALAK.NAIONI"])
            let bad = try await admin.send(.GET, "/api/v1/units?per=0")
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.json(APIErrorBody.self).fields?.first?.field == "per")
            let notANumber = try await admin.send(.GET, "/api/v1/units?page=abc")
            #expect(notANumber.status == .unprocessableEntity)
        }
    }

    @Test func invalidUnitsAre422WithFieldNames() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func fields(_ input: UnitInput) async throws -> [String] {
                let r = try await admin.send(.POST, "/api/v1/units", json: input)
                #expect(r.status == .unprocessableEntity)
                return try r.json(APIErrorBody.self).fields?.map(\.field) ?? []
            }
            #expect(try await fields(UnitInput(code: "", name: "ab", kind: "opd", parentId: nil)) == ["code", "name"])
            #expect(
                try await fields(UnitInput(code: "DINKES", name: "Dinas Kesehatan Lagi", kind: "opd", parentId: nil))
                    == ["code"])
            #expect(
                try await fields(
                    UnitInput(
                        code: "KEL.X", name: "Kelurahan Tanpa Kecamatan", kind: "kelurahan", parentId: world.opdA.id))
                    == ["kind"])
            #expect(
                try await fields(UnitInput(code: "BID.X", name: "Bidang Melayang", kind: "bidang", parentId: nil)) == [
                    "kind"
                ])
            #expect(
                try await fields(UnitInput(code: "X", name: "Unit Tanpa Induk", kind: "bidang", parentId: UUID())) == [
                    "parentId"
                ])
            #expect(
                try await fields(
                    UnitInput(code: "dinkes.x", name: "Huruf kecil", kind: "bidang", parentId: world.opdB.id)) == [
                        "code"
                    ])
            #expect(
                try await fields(UnitInput(code: "X2", name: "Jenis aneh", kind: "dinas", parentId: nil)) == ["kind"])
            // A unit cannot move under its own descendant.
            let cycle = try await admin.send(
                .PUT, "/api/v1/units/\(world.opdA.id!)",
                json: UnitInput(
                    code: "DUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: "bidang",
                    parentId: world.bidangA.id))
            #expect(cycle.status == .unprocessableEntity)
        }
    }

    @Test func unitWithChildrenOrEmployeesCannotBeDeleted() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let withChild = try await admin.send(.DELETE, "/api/v1/units/\(world.kecamatan.id!)")
            #expect(withChild.status == .conflict)
            #expect(try withChild.json(APIErrorBody.self).reason.contains("sub-unit"))
            let withPeople = try await admin.send(.DELETE, "/api/v1/units/\(world.bidangA.id!)")
            #expect(withPeople.status == .conflict)
            #expect(try await Unit.find(world.bidangA.id, on: app.db) != nil)
            // A unit that still has positions is not deleted either.
            _ = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "KEL.NAIONI.J1", name: "Lurah Naioni", kind: "pengawas",
                    unitId: world.kelurahan.id!, summary: nil, duties: nil, standards: []))
            let withPosition = try await admin.send(.DELETE, "/api/v1/units/\(world.kelurahan.id!)")
            #expect(withPosition.status == .conflict)
            #expect(try withPosition.json(APIErrorBody.self).reason.contains("jabatan"))
        }
    }

    @Test func movingASubUnitToAnotherOPDMovesItsSubtree() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let seksi = try await admin.send(
                .POST, "/api/v1/units",
                json: UnitInput(
                    code: "DUKCAPIL.B1.S1", name: "Seksi Identitas Penduduk", kind: "seksi", parentId: world.bidangA.id)
            ).json(UnitJSON.self)
            let moved = try await admin.send(
                .PUT, "/api/v1/units/\(world.bidangA.id!)",
                json: UnitInput(
                    code: "DUKCAPIL.B1", name: "Bidang Pelayanan Pendaftaran Penduduk", kind: "bidang",
                    parentId: world.opdB.id))
            #expect(moved.status == .ok)
            #expect(try await Unit.find(seksi.id, on: app.db)?.opdID == world.opdB.id)
            #expect(try await Unit.find(world.bidangA.id, on: app.db)?.opdID == world.opdB.id)
        }
    }

    @Test func webTreeDetailAndFormRoundTrip() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let tree = try await web.get("/units")
            #expect(tree.body.string.contains("id=\"unit-tree\""))
            #expect(tree.body.string.components(separatedBy: "class=\"unit-link\"").count - 1 == 5)

            let kec = try await web.get("/units/\(world.kecamatan.id!)")
            let html = kec.body.string
            #expect(html.contains("<h1>Kecamatan Alak</h1>"))
            #expect(html.contains("class=\"breadcrumbs\""))
            #expect(html.contains("Kelurahan Naioni"))

            // Invalid input re-renders the form with the message and keeps what was typed.
            let invalid = try await web.post(
                "/units",
                ["code": "bidang baru", "name": "Bi", "kind": "bidang", "parentId": world.opdB.id!.uuidString])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("Kode unit hanya boleh berisi huruf"))
            #expect(invalid.body.string.contains("value=\"BIDANG BARU\""))

            let ok = try await web.post(
                "/units",
                [
                    "code": "dinkes.b1", "name": "Bidang Pelayanan Kesehatan", "kind": "bidang",
                    "parentId": world.opdB.id!.uuidString,
                ])
            #expect(ok.status == .seeOther)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$code == "DINKES.B1").first())
            #expect(ok.location == "/units/\(unit.id!.uuidString)")
            let flash = try await web.get(ok.location!)
            #expect(flash.body.string.contains("Unit Bidang Pelayanan Kesehatan berhasil dibuat."))
        }
    }

    @Test func htmlEscapesUnitNames() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let evil = try await admin.send(
                .POST, "/api/v1/units",
                json: UnitInput(
                    code: "XSS", name: "<script>alert(1)</script> \"Kupang\"", kind: "bidang", parentId: world.opdB.id)
            ).json(UnitJSON.self)
            let web = try await WebClient.login(app, "admin")
            let html = try await web.get("/units/\(evil.id)").body.string
            #expect(!html.contains("<script>alert(1)</script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
