import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Job analysis (anjab) and workload (ABK) through the API and the pages, against hand-worked
/// figures: the tasks of the core test (Σ 1,656 hours a year) held by three people.
@Suite("Job analysis and workload (ABK)")
struct JobAnalysisTests {
    struct Task: Codable, Equatable {
        let description: String
        let output: String
        let unit: String
        let annualVolume: Int
        let normHours: Double
    }
    struct Body: Encodable {
        var positionClass: Int? = 7
        var qualification = ["education": "D-III Administrasi", "training": "Diklat teknis SIAK", "experience": ""]
        var tasks: [Task]? = JobAnalysisTests.tasks
        var tools: String? = "Komputer\nPencetak KTP-el"
        var risks: String? = nil
        var version: Int? = nil
        var functionalGrade: String? = nil
    }
    struct Read: Decodable {
        struct Workload: Decodable, Equatable {
            let effectiveHours: Int
            let hours: Double
            let needed: Double
            let holders: Int
            let difference: Double
            let status: String
        }
        struct ReadTask: Decodable {
            let description: String
            let annualVolume: Int
            let normHours: Double
            let hours: Double
        }
        let positionClass: Int?
        let qualification: [String: String]
        let tasks: [ReadTask]
        let tools: String
        let risks: String
        let workload: Workload
        let version: Int
    }
    struct UnitWorkload: Decodable {
        struct Item: Decodable {
            let positionCode: String
            let tasks: Int
            let needed: Double
            let holders: Int
            let difference: Double
            let status: String?
        }
        struct Totals: Decodable, Equatable {
            let positions: Int, analysed: Int
            let needed: Double
            let holders: Int
            let difference: Double
            let kurang: Int, sesuai: Int, lebih: Int
        }
        let effectiveHours: Int
        let items: [Item]
        let totals: Totals
    }

    static let tasks = [
        Task(
            description: "Memverifikasi berkas permohonan KTP-el", output: "Berkas terverifikasi", unit: "berkas",
            annualVolume: 4_800, normHours: 0.25),
        Task(
            description: "Merekam data biometrik pemohon", output: "Data terekam", unit: "pemohon", annualVolume: 240,
            normHours: 1.5),
        Task(
            description: "Menyusun laporan bulanan pelayanan", output: "Laporan", unit: "laporan", annualVolume: 12,
            normHours: 8),
    ]

    /// A position in bidang A held by headA, staffA and staffB (3 active holders).
    static func position(_ app: Application, _ world: World, code: String = "DUKCAPIL.B1.J9", holders: [Employee])
        async throws -> UUID
    {
        let admin = try await APIClient.login(app, "admin")
        let p = try await admin.send(
            .POST, "/api/v1/positions",
            json: PositionInput(
                code: code, name: "Pengadministrasi Kependudukan \(code.suffix(2))", kind: "pelaksana",
                unitId: world.bidangA.id!, summary: nil, duties: nil,
                standards: [.init(competencyCode: "M.5", requiredLevel: 2)])
        ).json(CompetencyAndPositionTests.PositionJSON.self)
        for e in holders {
            e.positionID = p.id
            try await e.save(on: app.db)
        }
        return p.id
    }

    @Test func roundTripWithTheHandWorkedWorkload() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.position(app, world, holders: [world.headA, world.staffA, world.staffB])
            let op = try await APIClient.login(app, "operator.a")
            let put = try await op.send(.PUT, "/api/v1/positions/\(id)/job-analysis", json: Body())
            #expect(put.status == .ok, "\(put.body.string)")
            let read = try await op.send(.GET, "/api/v1/positions/\(id)/job-analysis").json(Read.self)
            #expect(read.positionClass == 7)
            #expect(
                read.qualification == [
                    "education": "D-III Administrasi", "training": "Diklat teknis SIAK", "experience": "",
                ])
            #expect(read.tasks.map(\.description) == Self.tasks.map(\.description))
            #expect(read.tasks.map(\.annualVolume) == [4_800, 240, 12])
            #expect(read.tasks.map(\.normHours) == [0.25, 1.5, 8])
            // 4,800 × 0.25 = 1,200; 240 × 1.5 = 360; 12 × 8 = 96 (hours).
            #expect(read.tasks.map(\.hours) == [1_200, 360, 96])
            #expect(read.tools == "Komputer\nPencetak KTP-el" && read.risks == "")
            // Σ 1,656 h ÷ 1,250 = 1.3248 → 1.32 people; 3 holders − 1.32 = 1.68 → lebih.
            #expect(
                read.workload
                    == .init(
                        effectiveHours: 1_250, hours: 1_656, needed: 1.32, holders: 3, difference: 1.68, status: "lebih"
                    ))

            // A stale version is refused and changes nothing; the current one saves.
            var stale = Body(tasks: [])
            stale.version = read.version - 1
            #expect(try await op.send(.PUT, "/api/v1/positions/\(id)/job-analysis", json: stale).status == .conflict)
            #expect(try await op.send(.GET, "/api/v1/positions/\(id)/job-analysis").json(Read.self).tasks.count == 3)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entity == "job_analysis").count()
            #expect(audits == 1)
        }
    }

    @Test func badInputNamesTheFieldsAndStoresNothing() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.position(app, world, holders: [])
            let admin = try await APIClient.login(app, "admin")
            var body = Body()
            body.positionClass = 18
            body.tasks = [
                Self.tasks[0],
                Task(description: "Rekam", output: "Data", unit: "data", annualVolume: 10, normHours: 0.125),
            ]
            let r = try await admin.send(.PUT, "/api/v1/positions/\(id)/job-analysis", json: body)
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.string.contains("positionClass") && r.body.string.contains("tasks[1].normHours"))
            let missing = try await admin.send(
                .PUT, "/api/v1/positions/\(id)/job-analysis", raw: #"{"positionClass":5}"#)
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("\"tasks\""))
            let text = try await admin.send(
                .PUT, "/api/v1/positions/\(id)/job-analysis", raw: #"{"tasks":[{"annualVolume":"banyak"}]}"#)
            #expect([.badRequest, .unprocessableEntity].contains(text.status))
            #expect(try await PositionTask.query(on: app.db).count() == 0)
            #expect(try await JobAnalysisRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func accessByRoleIsCheckedBeforeTheBody() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.position(app, world, holders: [world.staffA])
            // An invalid body: a stranger must get 403/404, never a 422 that reveals the fields.
            var bad = Body()
            bad.positionClass = 99
            for user in ["operator.b", "pegawai", "atasan", "asesor", "lpk", "admin.lain"] {
                let client = try await APIClient.login(app, user)
                let r = try await client.send(.PUT, "/api/v1/positions/\(id)/job-analysis", json: bad)
                #expect([.forbidden, .notFound].contains(r.status), "\(user): \(r.status)")
            }
            // Reading: the OPD's own people and the assessor; another OPD's operator and another instansi not.
            for (user, allowed) in [
                ("admin", true), ("operator.a", true), ("asesor", true), ("pegawai", true), ("operator.b", false),
                ("admin.lain", false), ("lpk", false),
            ] {
                let r = try await APIClient.login(app, user).send(.GET, "/api/v1/positions/\(id)/job-analysis")
                #expect((r.status == .ok) == allowed, "\(user): \(r.status)")
            }
            // The unit's ABK: report roles for their scope only.
            for (user, allowed) in [("admin", true), ("operator.a", true), ("operator.b", false), ("pegawai", false)] {
                let r = try await APIClient.login(app, user).send(.GET, "/api/v1/units/\(world.opdA.id!)/workload")
                #expect((r.status == .ok) == allowed, "\(user): \(r.status)")
            }
            #expect(try await PositionTask.query(on: app.db).count() == 0)
        }
    }

    @Test func unitWorkloadTotalsOnlyTheAnalysedPositions() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let p1 = try await Self.position(
                app, world, code: "DUKCAPIL.B1.J1", holders: [world.headA, world.staffA, world.staffB])
            let p2 = try await Self.position(app, world, code: "DUKCAPIL.B1.J2", holders: [])
            _ = try await Self.position(app, world, code: "DUKCAPIL.B1.J3", holders: []) // no tasks: listed, not judged
            #expect(try await admin.send(.PUT, "/api/v1/positions/\(p1)/job-analysis", json: Body()).status == .ok)
            // 2,500 × 1.25 h = 3,125 h ÷ 1,250 = 2.50 → 3 whole people; nobody holds it → kurang.
            let body2 = Body(tasks: [
                Task(
                    description: "Menerbitkan akta kelahiran", output: "Akta", unit: "akta", annualVolume: 2_500,
                    normHours: 1.25)
            ])
            #expect(try await admin.send(.PUT, "/api/v1/positions/\(p2)/job-analysis", json: body2).status == .ok)
            let w = try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)/workload").json(UnitWorkload.self)
            #expect(w.effectiveHours == 1_250)
            #expect(w.items.map(\.positionCode) == ["DUKCAPIL.B1.J1", "DUKCAPIL.B1.J2", "DUKCAPIL.B1.J3"])
            #expect(w.items.map(\.status) == ["lebih", "kurang", nil])
            #expect(w.items.map(\.needed) == [1.32, 2.5, 0])
            #expect(w.items[1].difference == -2.5)
            // Needed 1.32 + 2.50 = 3.82; holders 3 + 0 = 3; difference −0.82.
            #expect(
                w.totals
                    == .init(
                        positions: 3, analysed: 2, needed: 3.82, holders: 3, difference: -0.82, kurang: 1, sesuai: 0,
                        lebih: 1))

            // The same table as a page and a download, for the same scope.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/reports/abk?unit=\(world.opdA.id!)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"<dd id="workload-needed">3,82</dd>"#))
            let csv = try await web.get("/reports/abk?unit=\(world.opdA.id!)&format=csv")
            #expect(
                csv.body.string.contains(
                    "DUKCAPIL.B1.J2;Pengadministrasi Kependudukan J2;1;3125.00;1250;2.50;0;-2.50;Kurang"))

            // The unit page carries the same totals as a need beside the competency gaps; a reader
            // without the gap reports does not get them.
            let unitPage = try await web.get("/units/\(world.opdA.id!)")
            #expect(
                unitPage.body.string.contains(#"id="unit-formation""#)
                    && unitPage.body.string.contains("<strong>3,82</strong>"))
            let employeePage = try await WebClient.login(app, "pegawai").get("/units/\(world.opdA.id!)")
            #expect(!employeePage.body.string.contains("unit-formation"))

            // Another divisor (a setting): 1,656 h ÷ 1,200 = 1.38.
            let settings =
                try await InstansiSettings.query(on: app.db).filter(\.$instansiID == world.instansi.id!).first()
                ?? {
                    let s = InstansiSettings()
                    s.id = UUID()
                    s.instansiID = world.instansi.id!
                    s.jpmFormula = "capped"
                    s.jpmPurpose = "pemetaan"
                    s.updatedAt = testNow
                    DevelopmentSettings(
                        reassessmentMonths: 6, weights: [:], frontLineUnitCodes: [], frontLineMultiplier: 1
                    ).apply(to: s)
                    EvaluationSettings().apply(to: s)
                    return s
                }()
            settings.workloadEffectiveHours = 1_200
            try await settings.save(on: app.db)
            let again = try await admin.send(.GET, "/api/v1/positions/\(p1)/job-analysis").json(Read.self)
            #expect(again.workload.needed == 1.38 && again.workload.effectiveHours == 1_200)
        }
    }

    @Test func theFormSkipsBlankRowsAndNamesTheRowPeopleSee() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.position(app, world, holders: [world.staffA])
            let web = try await WebClient.login(app, "operator.a")
            let form = try await web.get("/positions/\(id)/anjab/edit")
            #expect(form.status == .ok)
            func rows(_ r: [(String, String, String, String, String)]) -> [(String, String)] {
                r.flatMap {
                    [
                        ("taskDescription[]", $0.0), ("taskOutput[]", $0.1), ("taskUnit[]", $0.2),
                        ("taskVolume[]", $0.3), ("taskNorm[]", $0.4),
                    ]
                }
            }
            // Row 3 (after a blank row 2) has a norm time with three decimals.
            let bad = try await web.post(
                "/positions/\(id)/anjab/edit",
                pairs: [("positionClass", "7"), ("version", "")]
                    + rows([
                        ("Memverifikasi berkas permohonan", "Berkas", "berkas", "4.800", "0,25"), ("", "", "", "", ""),
                        ("Merekam data", "Data", "pemohon", "240", "0,125"),
                    ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Baris 3: Norma waktu"))
            // …and beside row 3 of the table, which still holds what was typed there.
            let row3 =
                bad.body.string.components(separatedBy: "<td class=\"num\">3</td>").dropFirst().first?
                .components(separatedBy: "</tr>").first ?? ""
            #expect(row3.contains("Baris 3: Norma waktu") && row3.contains("0,125"), "\(row3)")
            #expect(bad.body.string.contains("Memverifikasi berkas permohonan"), "what was typed is kept")
            // A class that is not a number is named once, beside the other problems.
            let word = try await web.post(
                "/positions/\(id)/anjab/edit",
                pairs: [("positionClass", "tujuh")] + rows([("Re", "Data", "data", "10", "1")]))
            #expect(word.status == .unprocessableEntity)
            #expect(
                word.body.string.components(separatedBy: "Kelas jabatan 1 sampai 17.").count - 1 == 2, "summary + field"
            )
            #expect(word.body.string.contains("Baris 1: Uraian tugas 3–500 karakter."))
            let good = try await web.post(
                "/positions/\(id)/anjab/edit",
                pairs: [("positionClass", "7"), ("tools", "Komputer")]
                    + rows([
                        ("Memverifikasi berkas permohonan", "Berkas", "berkas", "4.800", "0,25"), ("", "", "", "", ""),
                        ("Merekam data", "Data", "pemohon", "240", "1,5"),
                    ]))
            #expect(good.status == .seeOther, "\(good.body.string.prefix(400))")
            let stored = try await PositionTask.query(on: app.db).sort(\.$ordinal).all()
            #expect(stored.map(\.annualVolume) == [4_800, 240])
            #expect(stored.map(\.normHundredths) == [25, 150])
            // 4,800 × 0.25 + 240 × 1.5 = 1,560 h ÷ 1,250 = 1.248 → 1.25; one holder → sesuai.
            let page = try await web.get("/positions/\(id)/anjab")
            #expect(page.body.string.contains(#"<dd id="anjab-needed">1,25</dd>"#))
            #expect(page.body.string.contains(#"id="anjab-status">Sesuai<"#))
        }
    }

    /// The jenjang of a fungsional position goes in through the API and the form and shows on
    /// the informasi jabatan; on another kind it is refused by name and nothing is stored.
    @Test func aFungsionalPositionCarriesItsJenjang() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let pelaksana = try await Self.position(app, world, holders: [])
            var body = Body()
            body.functionalGrade = "ahli_muda"
            let refused = try await admin.send(.PUT, "/api/v1/positions/\(pelaksana)/job-analysis", json: body)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("functionalGrade"))
            #expect(try await JobAnalysisRecord.query(on: app.db).count() == 0)

            let fungsional = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: "DUKCAPIL.B1.F1", name: "Pranata Komputer", kind: "fungsional", unitId: world.bidangA.id!,
                    summary: nil, duties: nil, standards: [])
            ).json(CompetencyAndPositionTests.PositionJSON.self).id
            let put = try await admin.send(.PUT, "/api/v1/positions/\(fungsional)/job-analysis", json: body)
            #expect(put.status == .ok, "\(put.body.string)")
            struct Grade: Decodable { let functionalGrade: String? }
            let read = try await admin.send(.GET, "/api/v1/positions/\(fungsional)/job-analysis")
            #expect(try read.json(Grade.self).functionalGrade == "ahli_muda")
            let web = try await WebClient.login(app, "admin")
            #expect(try await web.get("/positions/\(fungsional)/anjab").body.string.contains("Keahlian — Ahli Muda"))
            // The form offers the ladder for a fungsional position only.
            #expect(
                try await web.get("/positions/\(fungsional)/anjab/edit").body.string.contains("field-functionalGrade"))
            #expect(
                !(try await web.get("/positions/\(pelaksana)/anjab/edit").body.string.contains("field-functionalGrade"))
            )
        }
    }
}
