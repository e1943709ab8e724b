import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

@Suite("Competency dictionary and positions")
struct CompetencyAndPositionTests {
    struct LevelJSON: Codable {
        let level: Int
        let description: String
        let indicators: [String]
    }
    struct CompetencyJSON: Decodable {
        let id: UUID
        let code: String
        let group: String
        let levels: [LevelJSON]
    }
    struct PositionJSON: Decodable {
        let id: UUID
        let code: String
        let kind: String
        let unitId: UUID
        let standards: [StandardDTO]
    }

    static func teknis(_ code: String = "T.ADMDUK") -> CompetencyInput {
        CompetencyInput(
            code: code, name: "Pelayanan Administrasi Kependudukan", group: "teknis",
            definition: "Kemampuan melayani pendaftaran penduduk dan pencatatan sipil.",
            field: "administrasi kependudukan",
            levels: (1...5).map {
                CompetencyLevelDTO(level: $0, description: "Level \($0)", indicators: ["Indikator \($0)"])
            })
    }

    @Test func nationalDictionaryIsSeededAndTeknisCanBeAdded() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let list = try await admin.send(.GET, "/api/v1/competencies").json([CompetencyJSON].self)
            #expect(list.map(\.code) == ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"])
            #expect(list.allSatisfy { $0.levels.map(\.level) == [1, 2, 3, 4, 5] })
            #expect(list.filter { $0.group == "manajerial" }.count == 8)

            let created = try await admin.send(.POST, "/api/v1/competencies", json: Self.teknis())
            #expect(created.status == .created)
            #expect(try created.json(CompetencyJSON.self).levels.first?.indicators == ["Indikator 1"])
            #expect(try await admin.send(.POST, "/api/v1/competencies", json: Self.teknis()).status == .conflict)
            var national = Self.teknis("M.9")
            national.group = "manajerial"
            let refused = try await admin.send(.POST, "/api/v1/competencies", json: national)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(APIErrorBody.self).fields?.map(\.field) == ["group"])
            let operatorClient = try await APIClient.login(app, "operator.a")
            #expect(
                try await operatorClient.send(.POST, "/api/v1/competencies", json: Self.teknis("T.X")).status
                    == .forbidden)
        }
    }

    @Test func aCompetencyInUseIsRetiredNotDeleted() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let c = try await admin.send(.POST, "/api/v1/competencies", json: Self.teknis()).json(CompetencyJSON.self)
            _ = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.J9", name: "Analis Kependudukan", kind: "fungsional",
                    unitId: world.opdA.id!, summary: nil, duties: nil,
                    standards: [StandardDTO(competencyCode: "T.ADMDUK", requiredLevel: 3)]))
            let web = try await WebClient.login(app, "admin")
            let delete = try await web.post("/competencies/\(c.id)/delete", [:])
            #expect(delete.status == .seeOther)
            #expect(try await Competency.find(c.id, on: app.db) != nil, "in use: not deleted")
            _ = try await web.post("/competencies/\(c.id)/retire", ["retired": "1"])
            #expect(try await Competency.find(c.id, on: app.db)?.retiredAt == testNow)
            let active = try await admin.send(.GET, "/api/v1/competencies?group=teknis").json([CompetencyJSON].self)
            #expect(active.isEmpty)
            let all = try await admin.send(.GET, "/api/v1/competencies?group=teknis&includeRetired=true").json(
                [CompetencyJSON].self)
            #expect(all.map(\.code) == ["T.ADMDUK"])
        }
    }

    @Test func positionWithStandardCopyAndBulkEdit() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let standard = [
                StandardDTO(competencyCode: "M.1", requiredLevel: 3),
                StandardDTO(competencyCode: "M.5", requiredLevel: 2),
            ]
            let r = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.J2", name: "Pengadministrasi Kependudukan",
                    kind: "pelaksana", unitId: world.bidangA.id!, summary: "Melayani berkas",
                    duties: ["Menerima berkas", "Memeriksa"], standards: standard))
            #expect(r.status == .created)
            let p = try r.json(PositionJSON.self)
            #expect(p.standards == standard)
            let shown = try await admin.send(.GET, "/api/v1/positions/\(p.id)").json(PositionJSON.self)
            #expect(shown.kind == "pelaksana" && shown.unitId == world.bidangA.id)

            let bad = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DINKES.J2", name: "Perawat", kind: "fungsional",
                    unitId: world.opdB.id!, summary: nil, duties: nil,
                    standards: [
                        StandardDTO(competencyCode: "M.99", requiredLevel: 3),
                        StandardDTO(competencyCode: "M.1", requiredLevel: 6),
                    ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(
                try bad.json(APIErrorBody.self).fields?.map(\.field) == [
                    "standards.0.competencyCode", "standards.1.requiredLevel",
                ])
            let dup = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.J2", name: "Lagi", kind: "pelaksana",
                    unitId: world.bidangA.id!, summary: nil, duties: nil, standards: []))
            #expect(dup.status == .conflict)

            // Copy: a new position takes the whole standard of DUKCAPIL.J2.
            let other = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DINKES.J3", name: "Pengadministrasi Umum",
                    kind: "pelaksana", unitId: world.opdB.id!, summary: nil, duties: nil, standards: [])
            ).json(PositionJSON.self)
            let web = try await WebClient.login(app, "admin")
            _ = try await web.post("/positions/\(other.id)/copy-standard", ["sourceCode": "dukcapil.j2"])
            #expect(
                try await admin.send(.GET, "/api/v1/positions/\(other.id)").json(PositionJSON.self).standards
                    == standard)

            // Bulk: every pelaksana position now requires M.5 at level 3.
            let bulk = try await web.post(
                "/positions/bulk-standards", ["kind": "pelaksana", "competency": "M.5", "level": "3"])
            #expect(bulk.status == .seeOther)
            for id in [p.id, other.id] {
                let s = try await admin.send(.GET, "/api/v1/positions/\(id)").json(PositionJSON.self).standards
                #expect(s.first { $0.competencyCode == "M.5" }?.requiredLevel == 3)
            }
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entity == "position").all()
            #expect(audits.filter { $0.summary.contains("ubah massal") }.count == 2)
        }
    }

    @Test func operatorPositionsStayInsideTheirOPD() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let op = try await APIClient.login(app, "operator.a")
            let own = try await op.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.J5", name: "Pengolah Data", kind: "pelaksana",
                    unitId: world.bidangA.id!, summary: nil, duties: nil, standards: []))
            #expect(own.status == .created)
            let other = try await op.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DINKES.J5", name: "Pengolah Data", kind: "pelaksana",
                    unitId: world.opdB.id!, summary: nil, duties: nil, standards: []))
            #expect(other.status == .forbidden)
        }
    }
}
