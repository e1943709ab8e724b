import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Testing
import VaporTesting

@testable import App

@Suite("Employees, assessments, gap and JPM")
struct EmployeeAndGapTests {
    struct EmployeeJSON: Decodable {
        let id: UUID
        let nip: String
        let employmentType: String
        let rank: String
        let positionId: UUID?
    }
    struct GapJSON: Decodable {
        struct Item: Decodable {
            let competencyCode: String
            let required: Int
            let actual: Int?
            let gap: Int?
            let status: String
        }
        let employeeId: UUID
        let positionId: UUID?
        let jpm: Double?
        let category: String?
        let items: [Item]
    }

    /// A position requiring M.1:3, M.2:3, M.5:2, SK.1:2 (Σ 10) held by staffA.
    static func positionForStaffA(_ app: Application, _ world: World) async throws -> UUID {
        let admin = try await APIClient.login(app, "admin")
        let p = try await admin.send(
            .POST, "/api/v1/positions",
            json: PositionInput(
                code: "DUKCAPIL.B1.J2", name: "Pengadministrasi Kependudukan",
                kind: "pelaksana", unitId: world.bidangA.id!, summary: nil, duties: nil,
                standards: [
                    .init(competencyCode: "M.1", requiredLevel: 3), .init(competencyCode: "M.2", requiredLevel: 3),
                    .init(competencyCode: "M.5", requiredLevel: 2), .init(competencyCode: "SK.1", requiredLevel: 2),
                ])
        )
        .json(CompetencyAndPositionTests.PositionJSON.self)
        let r = try await admin.send(
            .PUT, "/api/v1/employees/\(world.staffA.id!)",
            json: EmployeeInput(
                nip: world.staffA.nip, name: world.staffA.name,
                employmentType: "PNS", rank: "III/a", unitId: world.bidangA.id!, positionId: p.id,
                supervisorId: world.headA.id))
        #expect(r.status == .ok)
        return p.id
    }

    @Test func employeeValidationAndDuplicates() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func input(_ nip: String, _ type: String = "PNS", rank: String = "III/b", position: UUID? = nil)
                -> EmployeeInput
            {
                EmployeeInput(
                    nip: nip, name: "Agustinus Tefa", employmentType: type, rank: rank, unitId: world.opdB.id!,
                    positionId: position, supervisorId: nil)
            }
            let ok = try await admin.send(.POST, "/api/v1/employees", json: input("199203152019031007"))
            #expect(ok.status == .created)
            let e = try ok.json(EmployeeJSON.self)
            #expect(e.employmentType == "PNS" && e.rank == "III/b")
            let stored = try await Employee.find(e.id, on: app.db)
            #expect(stored?.birthDate == "1992-03-15" && stored?.sex == 1)

            let badNIP = try await admin.send(.POST, "/api/v1/employees", json: input("19920315201903100"))
            #expect(badNIP.status == .unprocessableEntity)
            #expect(try badNIP.json(APIErrorBody.self).fields?.map(\.field) == ["nip"])
            #expect(
                try await admin.send(.POST, "/api/v1/employees", json: input("199203152019031007")).status == .conflict)
            let wrongKind = try await admin.send(.POST, "/api/v1/employees", json: input("199001012022212005", "PNS"))
            #expect(try wrongKind.json(APIErrorBody.self).fields?.map(\.field) == ["employmentType"])
            let pppk = try await admin.send(
                .POST, "/api/v1/employees", json: input("199001012022212005", "PPPK", rank: "ix"))
            #expect(try pppk.json(EmployeeJSON.self).rank == "IX")
            let op = try await APIClient.login(app, "operator.a")
            #expect(
                try await op.send(.POST, "/api/v1/employees", json: input("198811112010011003")).status == .forbidden)
        }
    }

    @Test func jpmFromAHandCheckedHistory() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let positionID = try await Self.positionForStaffA(app, world)
            let asesor = try await APIClient.login(app, "asesor")
            let path = "/api/v1/employees/\(world.staffA.id!)/assessments"
            // 2025-01-10 assessment centre: M.1 3, M.2 2, M.5 2
            #expect(
                try await asesor.send(
                    .POST, path,
                    json: AssessmentInput(
                        date: "2025-01-10", method: "assessment_center", assessorName: "Tim AC",
                        notes: nil,
                        results: [
                            .init(competencyCode: "M.1", level: 3), .init(competencyCode: "M.2", level: 2),
                            .init(competencyCode: "M.5", level: 2),
                        ])
                ).status == .created)
            // 2026-01-01 self-rating: M.1 5, M.2 5 — recorded, never counted
            #expect(
                try await asesor.send(
                    .POST, path,
                    json: AssessmentInput(
                        date: "2026-01-01", method: "self", assessorName: nil,
                        notes: nil,
                        results: [.init(competencyCode: "M.1", level: 5), .init(competencyCode: "M.2", level: 5)])
                ).status == .created)
            // 2026-02-01 uji kompetensi: M.2 3
            #expect(
                try await asesor.send(
                    .POST, path,
                    json: AssessmentInput(
                        date: "2026-02-01", method: "uji_kompetensi", assessorName: nil,
                        notes: nil, results: [.init(competencyCode: "M.2", level: 3)])
                ).status == .created)

            // Current profile M.1 3, M.2 3, M.5 2, SK.1 never: JPM = (3+3+2+0)/10 = 80.00 → cukup_optimal.
            let gap = try await asesor.send(.GET, "/api/v1/employees/\(world.staffA.id!)/gap").json(GapJSON.self)
            #expect(gap.positionId == positionID)
            #expect(gap.jpm == 80.0)
            #expect(gap.category == "cukup_optimal")
            #expect(gap.items.map(\.competencyCode) == ["M.1", "M.2", "M.5", "SK.1"])
            #expect(gap.items.map(\.actual) == [3, 3, 2, nil])
            #expect(gap.items.map(\.gap) == [0, 0, 0, nil])
            #expect(gap.items.last?.status == "belum_dinilai")

            // Pengisian jabatan thresholds: 80.00 ≥ 80 → memenuhi_syarat.
            let web = try await WebClient.login(app, "admin")
            #expect(
                try await web.post("/admin/settings", ["formula": "strict", "purpose": "pengisian_jabatan"]).status
                    == .seeOther)
            let strict = try await asesor.send(.GET, "/api/v1/employees/\(world.staffA.id!)/gap").json(GapJSON.self)
            #expect(strict.jpm == 80.0 && strict.category == "memenuhi_syarat")

            // The profile page shows the radar chart and the JPM.
            let page = try await web.get("/employees/\(world.staffA.id!)").body.string
            #expect(page.contains("<svg") && page.contains("id=\"radar-chart\""))
            #expect(page.contains("80,00%"))
            #expect(page.contains("tidak dihitung"), "the self-rating is listed but marked as not counted")
        }
    }

    @Test func assessmentRulesAndAccess() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let path = "/api/v1/employees/\(world.staffA.id!)/assessments"
            let pegawai = try await APIClient.login(app, "pegawai")
            let own = AssessmentInput(
                date: "2026-03-01", method: "assessment_center", assessorName: nil, notes: nil,
                results: [.init(competencyCode: "M.1", level: 3)])
            #expect(try await pegawai.send(.POST, path, json: own).status == .forbidden)
            let asesor = try await APIClient.login(app, "asesor")
            let future = try await asesor.send(
                .POST, path,
                json: AssessmentInput(
                    date: "2026-12-01", method: "cat_sjt", assessorName: nil, notes: nil,
                    results: [.init(competencyCode: "M.1", level: 3)]))
            #expect(future.status == .unprocessableEntity)
            #expect(try future.json(APIErrorBody.self).fields?.map(\.field) == ["date"])
            let bad = try await asesor.send(
                .POST, path,
                json: AssessmentInput(
                    date: "2026-03-01", method: "tebakan", assessorName: nil, notes: nil,
                    results: [.init(competencyCode: "X.1", level: 7)]))
            #expect(
                try bad.json(APIErrorBody.self).fields?.map(\.field) == [
                    "method", "results.0.competencyCode", "results.0.level",
                ])
            // An employee reads their own gap but not a colleague's.
            #expect(try await pegawai.send(.GET, "/api/v1/employees/\(world.staffA.id!)/gap").status == .ok)
            #expect(try await pegawai.send(.GET, "/api/v1/employees/\(world.headA.id!)/gap").status == .forbidden)
        }
    }

    @Test func unitGapSummaryIncludesSubUnits() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await Self.positionForStaffA(app, world)
            let asesor = try await APIClient.login(app, "asesor")
            _ = try await asesor.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                json: AssessmentInput(
                    date: "2026-03-01",
                    method: "assessment_center", assessorName: nil, notes: nil,
                    results: [
                        .init(competencyCode: "M.1", level: 2), .init(competencyCode: "M.2", level: 3),
                        .init(competencyCode: "M.5", level: 1), .init(competencyCode: "SK.1", level: 2),
                    ]))
            struct Summary: Decodable {
                struct Line: Decodable {
                    let competencyCode: String
                    let meanGap: Double?
                    let employeesWithGap: Int
                }
                let employees: Int
                let assessed: Int
                let meanJpm: Double?
                let categories: [String: Int]
                let competencies: [Line]
            }
            // OPD A = headA (no position) + staffA (in the bidang): JPM (2+3+1+2)/10 = 80.00.
            let s = try await asesor.send(.GET, "/api/v1/units/\(world.opdA.id!)/gap-summary").json(Summary.self)
            #expect(s.employees == 2)
            #expect(s.assessed == 1)
            #expect(s.meanJpm == 80.0)
            #expect(s.categories["cukup_optimal"] == 1)
            #expect(s.categories["optimal"] == 0)
            // JPMCategory encodes as its raw value: the bodies carry the codes they carried as strings,
            // and the counts stay an object keyed by the code, never an array of pairs. Key order
            // in a body is not fixed, so each field on its own.
            let summaryBody = try await asesor.send(.GET, "/api/v1/units/\(world.opdA.id!)/gap-summary").body.string
            #expect(summaryBody.contains(#""categories":{"#), "\(summaryBody)")
            for (code, n) in [("optimal", 0), ("cukup_optimal", 1), ("kurang_optimal", 0), ("belum_dinilai", 0)] {
                #expect(summaryBody.contains(#""\#(code)":\#(n)"#), "\(summaryBody)")
            }
            let gapBody = try await asesor.send(.GET, "/api/v1/employees/\(world.staffA.id!)/gap").body.string
            #expect(gapBody.contains(#""category":"cukup_optimal""#), "\(gapBody)")
            #expect(s.competencies.map(\.competencyCode) == ["M.1", "M.2", "M.5", "SK.1"])
            #expect(s.competencies.map(\.meanGap) == [1.0, 0.0, 1.0, 0.0])
            #expect(s.competencies.map(\.employeesWithGap) == [1, 0, 1, 0])
            let op = try await APIClient.login(app, "operator.b")
            #expect(try await op.send(.GET, "/api/v1/units/\(world.opdA.id!)/gap-summary").status == .forbidden)

            // The heat map's CSV export carries the same mean shortfalls, each with the share below standard.
            let web = try await WebClient.login(app, "admin")
            let csv = try await web.get("/reports/heat-map?format=csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let text = csv.body.string
            #expect(
                text.contains(
                    "DUKCAPIL;Dinas Kependudukan dan Pencatatan Sipil;2;1.00;100.0;0.00;0.0;1.00;100.0;0.00;0.0"))
            let list = try await web.get("/reports/gaps?competency=M.5").body.string
            #expect(list.contains("Maria Fanggidae"))
            let xlsx = try await web.get("/reports/jpm?format=xlsx")
            #expect(xlsx.status == .ok)
            let table = try XLSXReader.read(Data(buffer: xlsx.body))
            #expect(table.header.prefix(5) == ["Kode Unit", "Unit", "Pegawai", "Sudah dinilai", "Rata-rata JPM"])
        }
    }
}
