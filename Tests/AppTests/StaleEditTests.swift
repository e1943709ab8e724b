import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Security item 7 (stale edits): edit forms and API PUTs carry the record's version; a save over
/// a newer version is a 409, and the web form comes back with what the user typed.
@Suite("Stale edits: employees, positions and standards carry a version")
struct StaleEditTests {
    struct VersionJSON: Decodable {
        let version: Int
        let name: String
    }

    static func employeeInput(_ e: Employee, name: String, version: Int?) -> EmployeeInput {
        EmployeeInput(
            nip: e.nip, name: name, employmentType: e.employmentType, rank: e.rank, unitId: e.unitID,
            positionId: e.positionID, supervisorId: e.supervisorID, nik: nil, active: true, version: version)
    }

    @Test func staleEmployeePutIsAConflict() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/employees/\(world.staffA.id!)"
            let shown = try await admin.send(.GET, path).json(VersionJSON.self)
            #expect(shown.version == 0)
            let first = try await admin.send(
                .PUT, path, json: Self.employeeInput(world.staffA, name: "Maria Fanggidae, S.Sos.", version: 0))
            #expect(first.status == .ok)
            #expect(try first.json(VersionJSON.self).version == 1)
            // A second client still holding version 0 is refused, and nothing of it is stored.
            let stale = try await admin.send(
                .PUT, path, json: Self.employeeInput(world.staffA, name: "Maria F.", version: 0))
            #expect(stale.status == .conflict)
            #expect(try await Employee.find(world.staffA.id, on: app.db)?.name == "Maria Fanggidae, S.Sos.")
            // Without a version (older clients) the save goes through and still raises the version.
            let blind = try await admin.send(
                .PUT, path, json: Self.employeeInput(world.staffA, name: "Maria Fanggidae", version: nil))
            #expect(try blind.json(VersionJSON.self).version == 2)
        }
    }

    @Test func staleEmployeeFormKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let form = try await web.get("/employees/\(world.staffA.id!)/edit")
            #expect(form.body.string.contains(#"name="version" value="0""#))
            func fields(_ name: String) -> [String: String] {
                [
                    "nip": world.staffA.nip, "name": name, "employmentType": "PNS", "rank": "III/a",
                    "unitId": world.bidangA.id!.uuidString,
                    "supervisorNip": world.headA.nip, "active": "1", "version": "0",
                ]
            }
            // Someone else saves first (same starting version 0) …
            #expect(
                try await web.post("/employees/\(world.staffA.id!)/edit", fields("Maria Fanggidae, S.Sos.")).status
                    == .seeOther)
            // … so this save, made on the form opened before, is refused and shown again as typed.
            let stale = try await web.post("/employees/\(world.staffA.id!)/edit", fields("Maria Ketikan Saya"))
            #expect(stale.status == .conflict)
            let page = stale.body.string
            #expect(page.contains(#"value="Maria Ketikan Saya""#))
            #expect(page.contains("sudah diubah oleh pengguna lain"))
            // The form now carries the stored version: saving again is a deliberate overwrite.
            #expect(page.contains(#"name="version" value="1""#))
            #expect(try await Employee.find(world.staffA.id, on: app.db)?.name == "Maria Fanggidae, S.Sos.")
        }
    }

    struct PositionJSON: Decodable {
        let id: UUID
        let version: Int
    }

    static func createPosition(_ app: Application, _ world: World) async throws -> PositionJSON {
        let admin = try await APIClient.login(app, "admin")
        let r = try await admin.send(
            .POST, "/api/v1/positions",
            json: PositionInput(
                code: "DUKCAPIL.J2", name: "Pengadministrasi Kependudukan",
                kind: "pelaksana", unitId: world.bidangA.id!, summary: "Melayani berkas", duties: ["Menerima berkas"],
                standards: [
                    StandardDTO(competencyCode: "M.1", requiredLevel: 3),
                    StandardDTO(competencyCode: "M.5", requiredLevel: 2),
                ]))
        return try r.json(PositionJSON.self)
    }

    @Test func stalePositionPutIsAConflict() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let p = try await Self.createPosition(app, world)
            #expect(p.version == 0)
            func input(_ level: Int, version: Int?) -> PositionInput {
                PositionInput(
                    code: "DUKCAPIL.J2", name: "Pengadministrasi Kependudukan", kind: "pelaksana",
                    unitId: world.bidangA.id!,
                    summary: "Melayani berkas", duties: ["Menerima berkas"],
                    standards: [StandardDTO(competencyCode: "M.5", requiredLevel: level)], version: version)
            }
            #expect(try await admin.send(.PUT, "/api/v1/positions/\(p.id)", json: input(3, version: 0)).status == .ok)
            #expect(
                try await admin.send(.PUT, "/api/v1/positions/\(p.id)", json: input(4, version: 0)).status == .conflict)
            let levels = try await PositionStandard.query(on: app.db).filter(\.$positionID == p.id).all().map(
                \.requiredLevel)
            #expect(levels == [3])
        }
    }

    @Test func staleStandardFormAfterACopyKeepsTheTypedLevels() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let p = try await Self.createPosition(app, world)
            let web = try await WebClient.login(app, "admin")
            let form = try await web.get("/positions/\(p.id)/edit")
            #expect(form.body.string.contains(#"name="version" value="0""#))
            // Meanwhile someone copies another position's standard onto this one …
            let admin = try await APIClient.login(app, "admin")
            let source = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.J3", name: "Verifikator Berkas",
                    kind: "pelaksana", unitId: world.bidangA.id!, summary: nil, duties: nil,
                    standards: [StandardDTO(competencyCode: "M.2", requiredLevel: 2)]))
            #expect(source.status == .created)
            #expect(
                try await web.post("/positions/\(p.id)/copy-standard", ["sourceCode": "DUKCAPIL.J3"]).status
                    == .seeOther)
            // … so the standard typed on the form opened before is not saved over it.
            let stale = try await web.post(
                "/positions/\(p.id)/edit",
                [
                    "code": "DUKCAPIL.J2", "name": "Pengadministrasi Ketikan", "kind": "pelaksana",
                    "unitId": world.bidangA.id!.uuidString, "summary": "", "duties": "",
                    "std[M.5]": "4", "version": "0",
                ])
            #expect(stale.status == .conflict)
            let page = stale.body.string
            #expect(page.contains(#"value="Pengadministrasi Ketikan""#))
            #expect(page.contains(#"<option value="4" selected>"#))
            #expect(page.contains("sudah diubah oleh pengguna lain"))
            let stored = try await PositionStandard.query(on: app.db).filter(\.$positionID == p.id).all().map(
                \.requiredLevel)
            #expect(stored == [2]) // the copied M.2:2, untouched
        }
    }
}
