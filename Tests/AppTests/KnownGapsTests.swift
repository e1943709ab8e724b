import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Testing
import Vapor
import VaporTesting

@testable import App

/// Shared set-up of the "figures a BKPPD can defend" tests: staffA holds a position requiring
/// M.1 3, M.2 3, M.5 2, SK.1 2 (EmployeeAndGapTests.positionForStaffA).
extension EmployeeAndGapTests {
    /// staffA assessed at level 1 in all four competencies of the standard: known gaps M.1 2,
    /// M.2 2, M.5 1, SK.1 1 (tests that need training needs need KNOWN levels).
    static func assessStaffAAtLevel1(_ app: Application, _ world: World) async throws {
        let asesor = try await APIClient.login(app, "asesor")
        let r = try await asesor.send(
            .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
            json: AssessmentInput(
                date: "2026-03-01",
                method: "assessment_center", assessorName: "Tim AC", notes: nil,
                results: ["M.1", "M.2", "M.5", "SK.1"].map { .init(competencyCode: $0, level: 1) }))
        #expect(r.status == .created, "\(r.body.string)")
    }

    /// headA holds staffA's position too, appointed 15 January 2020 (an assignment row of that date).
    static func headAInSamePosition(_ app: Application, _ world: World, position: UUID) async throws {
        world.headA.positionID = position
        try await world.headA.save(on: app.db)
        let a = EmployeeAssignment()
        a.id = UUID()
        a.employeeID = world.headA.id!
        a.unitID = world.opdA.id!
        a.positionID = position
        a.startedAt = Date(timeIntervalSince1970: 1_579_053_600) // 2020-01-15 10:00 WITA
        a.recordedBy = "test"
        try await a.create(on: app.db)
    }
}

struct AssessmentNeedsJSON: Decodable {
    struct Item: Decodable {
        let employeeId: UUID
        let nip: String
        let name: String
        let unit: String
        let competencies: [String]
        let since: String
    }
    struct Unit: Decodable {
        struct Line: Decodable, Equatable {
            let code: String
            let people: Int
        }
        let unitId: UUID
        let name: String
        let people: Int
        let competencies: [Line]
    }
    struct Meta: Decodable {
        let page: Int
        let per: Int
        let total: Int
    }
    let people: Int
    let units: [Unit]
    let items: [Item]
    let metadata: Meta
}

@Suite("Unknown is not a gap: needs and plans use known levels, the rest need an assessment")
struct UnknownIsNotAGapTests {
    struct TNAJSON: Decodable {
        struct Item: Decodable {
            let employeeId: UUID
            let competencyCode: String
            let actual: Int?
            let gap: Int
        }
        struct Meta: Decodable { let total: Int }
        let items: [Item]
        let metadata: Meta
    }

    @Test func aNeverAssessedEmployeeHasNoNeedButNeedsAnAssessment() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            let admin = try await APIClient.login(app, "admin")
            // staffA was never assessed: four unknown levels, not 4 needs totalling 10 levels.
            let tna = try await admin.send(.GET, "/api/v1/tna?year=2027").json(TNAJSON.self)
            #expect(tna.items.isEmpty && tna.metadata.total == 0)
            let needs = try await admin.send(.GET, "/api/v1/assessment-needs").json(AssessmentNeedsJSON.self)
            #expect(needs.people == 1)
            #expect(needs.items.map(\.employeeId) == [world.staffA.id!])
            #expect(needs.items.first?.competencies == ["M.1", "M.2", "M.5", "SK.1"])
            #expect(needs.items.first?.since == "2026-11-29") // appointed by the PUT at "now"
            #expect(needs.items.first?.unit == world.bidangA.name)
            #expect(needs.units.map(\.unitId) == [world.opdA.id!])

            // Two of four assessed (M.1 2, M.5 2): one known need (M.1 gap 1), two unknowns left.
            let asesor = try await APIClient.login(app, "asesor")
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "assessment_center", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "M.1", level: 2), .init(competencyCode: "M.5", level: 2)])
                ).status == .created)
            let after = try await admin.send(.GET, "/api/v1/tna?year=2027").json(TNAJSON.self)
            #expect(after.items.map(\.competencyCode) == ["M.1"])
            #expect(after.items.map(\.gap) == [1] && after.items.map(\.actual) == [2])
            let left = try await admin.send(.GET, "/api/v1/assessment-needs").json(AssessmentNeedsJSON.self)
            #expect(left.items.first?.competencies == ["M.2", "SK.1"])

            // The needs page counts staffA once (M.1) and links the assessment list.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/development/needs").body.string
            #expect(page.contains("/development/assessment-needs"))
            let people = try await web.get("/development/needs?view=people&format=csv").body.string
            #expect(people.contains(";M.1;3;2;1;") && !people.contains(";M.2;") && !people.contains("belum dinilai"))
        }
    }

    @Test func assessmentNeedsPerOPDOldestFirstWithExportsAndAccess() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let position = try await EmployeeAndGapTests.positionForStaffA(app, world)
            try await EmployeeAndGapTests.headAInSamePosition(app, world, position: position)
            let asesor = try await APIClient.login(app, "asesor")
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "assessment_center", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "M.1", level: 2), .init(competencyCode: "M.5", level: 2)])
                ).status == .created)
            // A self-rating is no accepted result: headA stays unknown in SK.1.
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.headA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "self", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "SK.1", level: 4)])
                ).status == .created)

            // By hand: headA (since 2020-01-15) all four; staffA (since 2026-11-29) M.2 and SK.1.
            // OPD A: 2 people; M.1 1, M.2 2, M.5 1, SK.1 2.
            let all = try await asesor.send(.GET, "/api/v1/assessment-needs").json(AssessmentNeedsJSON.self)
            #expect(all.people == 2 && all.metadata.total == 2)
            #expect(all.items.map(\.employeeId) == [world.headA.id!, world.staffA.id!])
            #expect(all.items.map(\.since) == ["2020-01-15", "2026-11-29"])
            #expect(all.items.map(\.competencies) == [["M.1", "M.2", "M.5", "SK.1"], ["M.2", "SK.1"]])
            #expect(all.units.count == 1 && all.units[0].people == 2 && all.units[0].name == world.opdA.name)
            #expect(
                all.units[0].competencies == [
                    .init(code: "M.1", people: 1), .init(code: "M.2", people: 2), .init(code: "M.5", people: 1),
                    .init(code: "SK.1", people: 2),
                ])
            // Paged: one per page, the oldest first.
            let second = try await asesor.send(.GET, "/api/v1/assessment-needs?page=2&per=1").json(
                AssessmentNeedsJSON.self)
            #expect(second.items.map(\.employeeId) == [world.staffA.id!] && second.metadata.total == 2)
            #expect(try await asesor.send(.GET, "/api/v1/assessment-needs?per=0").status == .unprocessableEntity)

            // Access: the admin and the assessor all, an operator their own OPD, nobody else.
            let opA = try await APIClient.login(app, "operator.a")
            #expect(try await opA.send(.GET, "/api/v1/assessment-needs").json(AssessmentNeedsJSON.self).people == 2)
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.GET, "/api/v1/assessment-needs").json(AssessmentNeedsJSON.self).items.isEmpty)
            #expect(try await opB.send(.GET, "/api/v1/assessment-needs?unitId=\(world.opdA.id!)").status == .forbidden)
            for name in ["pegawai", "atasan", "lpk"] {
                #expect(
                    try await APIClient.login(app, name).send(.GET, "/api/v1/assessment-needs").status == .forbidden,
                    "\(name)")
            }

            // The page and its downloads pass the same rule.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/development/assessment-needs")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Yohanes Benu") && html.contains("Maria Fanggidae"))
            #expect(
                html.range(of: "Yohanes Benu")!.lowerBound < html.range(of: "Maria Fanggidae")!.lowerBound,
                "oldest first")
            let csv = try await web.get("/development/assessment-needs?format=csv").body.string
            #expect(csv.contains("NIP;Nama;Unit kerja;Kompetensi belum dinilai;Jumlah;Sejak"))
            #expect(
                csv.contains(
                    "198503122010011002;Yohanes Benu;Dinas Kependudukan dan Pencatatan Sipil;M.1, M.2, M.5, SK.1;4;2020-01-15"
                ))
            let xlsx = try await web.get("/development/assessment-needs?format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(try XLSXReader.read(Data(buffer: xlsx.body)).rows.count == 2)
            let opBWeb = try await WebClient.login(app, "operator.b")
            let opBcsv = try await opBWeb.get("/development/assessment-needs?format=csv").body.string
            #expect(!opBcsv.contains("Yohanes") && !opBcsv.contains("Maria"))
            #expect(
                try await opBWeb.get("/development/assessment-needs?unit=\(world.opdA.id!)&format=csv").status
                    == .forbidden)
            #expect(
                try await WebClient.login(app, "pegawai").get("/development/assessment-needs?format=csv").status
                    == .forbidden)
            let asesorWeb = try await WebClient.login(app, "asesor")
            #expect(
                try await asesorWeb.get("/development/assessment-needs?format=csv").body.string.contains(
                    "Maria Fanggidae"))
            // Linked from the reports menu.
            #expect(try await web.get("/reports").body.string.contains("/development/assessment-needs"))
        }
    }

    @Test func theAnnualPlanGetsNoUnknownGapAndShowsWhoNeedsAnAssessment() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            _ = try await DevelopmentTests.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            struct Result: Decodable {
                let gapClosed: Double
                let upperBound: Double
            }
            // staffA never assessed: no gap to close at all (the plan may still buy JP for the 20 JP right).
            let r = try await admin.send(
                .POST, "/api/v1/plans/optimize",
                json: AnnualPlanService.Request(year: 2027, budget: 3_000_000, unitId: nil)
            ).json(Result.self)
            #expect(r.gapClosed == 0 && r.upperBound == 0)
            let page = try await WebClient.login(app, "admin").get("/development/annual-plan").body.string
            #expect(
                page.contains("id=\"assessment-needed\"") && page.contains("<strong>1</strong> pegawai perlu asesmen")
                    && page.contains("href=\"/development/assessment-needs\""))
        }
    }
}

@Suite("A surplus never hides a shortfall: mean shortfall and share below standard")
struct ShortfallNeverNettedTests {
    @Test func levelsTwoAndFourOnAStandardOfThree() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let position = try await EmployeeAndGapTests.positionForStaffA(app, world)
            try await EmployeeAndGapTests.headAInSamePosition(app, world, position: position)
            let asesor = try await APIClient.login(app, "asesor")
            // M.1 (standard 3): staffA 2, headA 4. M.5 (standard 2): staffA 2, headA never.
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "assessment_center", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "M.1", level: 2), .init(competencyCode: "M.5", level: 2)])
                ).status == .created)
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.headA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "assessment_center", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "M.1", level: 4)])
                ).status == .created)
            struct Summary: Decodable {
                struct Line: Decodable {
                    let competencyCode: String
                    let meanGap: Double?
                    let meanShortfall: Double?
                    let shareBelow: Double?
                    let meanSurplus: Double?
                    let employeesWithGap: Int
                    let assessed: Int
                    let unassessed: Int
                }
                let competencies: [Line]
            }
            let s = try await asesor.send(.GET, "/api/v1/units/\(world.opdA.id!)/gap-summary").json(Summary.self)
            let m1 = try #require(s.competencies.first { $0.competencyCode == "M.1" })
            // By hand: shortfalls max(0, 3−2) = 1 and max(0, 3−4) = 0 → mean 0,5; one of two below → 50 %; surplus 1 → mean 0,5.
            #expect(m1.meanShortfall == 0.5 && m1.shareBelow == 0.5 && m1.meanSurplus == 0.5)
            #expect(m1.meanGap == 0.5, "the old netted mean was 0: now the same as the shortfall")
            #expect(m1.employeesWithGap == 1 && m1.assessed == 2 && m1.unassessed == 0)
            let m5 = try #require(s.competencies.first { $0.competencyCode == "M.5" })
            #expect(m5.meanShortfall == 0 && m5.shareBelow == 0 && m5.assessed == 1 && m5.unassessed == 1)
            let m2 = try #require(s.competencies.first { $0.competencyCode == "M.2" })
            #expect(m2.meanShortfall == nil && m2.shareBelow == nil && m2.assessed == 0 && m2.unassessed == 2)

            // The heat map shows 0,50 and 50 % for M.1 in the Dukcapil row, never 0 (green).
            let web = try await WebClient.login(app, "admin")
            let csv = try await web.get("/reports/heat-map?format=csv").body.string
            #expect(csv.contains("Rata-rata kekurangan M.1;Di bawah standar M.1 (%)"))
            #expect(csv.contains("DUKCAPIL;Dinas Kependudukan dan Pencatatan Sipil;2;0.50;50.0;"))
            let html = try await web.get("/reports/heat-map").body.string
            #expect(html.contains("0,50") && html.contains("50 %"))
        }
    }
}

@Suite("JPM columns agree: means over the assessed, the unassessed counted beside them")
struct JPMOverTheAssessedTests {
    @Test func theImpactPageAveragesTheAssessedOnly() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await PublicServicesTests.service(app, world)
            let position = try await EmployeeAndGapTests.positionForStaffA(app, world)
            try await EmployeeAndGapTests.headAInSamePosition(app, world, position: position)
            // staffA meets the whole standard (JPM 100); headA was never assessed (JPM unknown, not 0).
            let asesor = try await APIClient.login(app, "asesor")
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01",
                        method: "assessment_center", assessorName: nil, notes: nil,
                        results: [
                            .init(competencyCode: "M.1", level: 3), .init(competencyCode: "M.2", level: 3),
                            .init(competencyCode: "M.5", level: 2), .init(competencyCode: "SK.1", level: 2),
                        ])
                ).status == .created)
            struct Impact: Decodable {
                struct Comp: Decodable {
                    let staff: Int
                    let meanJPM: Double?
                    let assessed: Int
                    let unassessed: Int
                    let publicServiceGap: Double?
                }
                let competency: Comp
            }
            let admin = try await APIClient.login(app, "admin")
            let i = try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)/impact?from=2026-07-01&to=2026-08-31")
                .json(Impact.self)
            // Old: (100 + 0) / 2 = 50. Now: 100 over the 1 assessed, 1 unassessed beside it.
            #expect(i.competency.staff == 2 && i.competency.meanJPM == 100)
            #expect(i.competency.assessed == 1 && i.competency.unassessed == 1)
            #expect(i.competency.publicServiceGap == 0)
            let csv = try await WebClient.login(app, "admin").get("/impact?from=2026-07-01&to=2026-08-31&format=csv")
                .body.string
            #expect(csv.contains("JPM belum dinilai"))
            #expect(csv.contains(";100,0;1;"))

            // The unit gap summary says the same: mean JPM 100 over 1 assessed.
            struct Summary: Decodable {
                let assessed: Int
                let unassessed: Int
                let meanJpm: Double?
            }
            let s = try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)/gap-summary").json(Summary.self)
            #expect(s.meanJpm == 100 && s.assessed == 1 && s.unassessed == 1)
        }
    }
}

@Suite("GapEngine, TNAQueries and AssessmentNeedsQueries (SQL) agree with the core rules on random data")
struct GapSQLMatchesCoreTests {
    /// A small deterministic generator (the same data on every run and both databases).
    struct LCG {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func sqlAndCoreAgree() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let db = app.db
            let codes = ["M.1", "M.2", "M.3", "M.5", "SK.1"]
            let competencies = try await Competency.query(on: db).filter(\.$instansiID == world.instansi.id!).filter(
                \.$code ~~ codes
            ).all()
            let idOf = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0.id!) })
            var rng = LCG(state: 2026)
            // Three positions with random standards (2–5 competencies, level 1–5).
            var standards: [UUID: [StandardItem]] = [:]
            for i in 0..<3 {
                let p = Position()
                p.id = UUID()
                p.instansiID = world.instansi.id!
                p.unitID = world.opdA.id!
                p.code = "ACAK.\(i)"
                p.name = "Jabatan acak \(i)"
                p.kind = "pelaksana"
                p.summary = ""
                p.duties = ""
                p.createdAt = testNow
                p.updatedAt = testNow
                try await p.create(on: db)
                let chosen = codes.filter { _ in rng.next(3) > 0 }.prefix(5)
                standards[p.id!] = chosen.map { StandardItem(competencyCode: $0, required: 1 + rng.next(5)) }
                for s in standards[p.id!]! {
                    try await PositionStandard(
                        positionID: p.id!, competencyID: idOf[s.competencyCode]!, requiredLevel: s.required
                    ).create(on: db)
                }
            }
            let positions = Array(standards.keys).sorted { $0.uuidString < $1.uuidString }
            // 40 people in three units: a position or none, each competency unknown or level 1–5.
            var people: [(id: UUID, unit: UUID, position: UUID?, levels: [String: Int])] = []
            for i in 0..<40 {
                let e = Employee()
                e.id = UUID()
                e.instansiID = world.instansi.id!
                e.unitID = [world.opdA, world.bidangA, world.opdB][rng.next(3)].id!
                e.nip = String(format: "1990010120150310%02d", i)
                e.name = "Pegawai \(i)"
                e.sex = 1
                e.birthDate = "1990-01-01"
                e.employmentType = "pns"
                e.rank = "III/a"
                e.isActive = true
                e.createdAt = testNow
                e.updatedAt = testNow
                e.positionID = rng.next(5) == 0 ? nil : positions[rng.next(positions.count)]
                try await e.create(on: db)
                var levels: [String: Int] = [:]
                for code in codes where rng.next(3) > 0 { levels[code] = 1 + rng.next(5) }
                if !levels.isEmpty {
                    let a = Assessment()
                    a.id = UUID()
                    a.instansiID = world.instansi.id!
                    a.employeeID = e.id!
                    a.assessedOn = "2026-03-01"
                    a.method = "assessment_center"
                    a.assessorName = "Tim"
                    a.notes = ""
                    a.createdAt = testNow
                    a.sequence = 1
                    try await a.create(on: db)
                    for (code, level) in levels {
                        let c = CurrentLevel()
                        c.id = UUID()
                        c.instansiID = world.instansi.id!
                        c.employeeID = e.id!
                        c.competencyID = idOf[code]!
                        c.level = level
                        c.assessedOn = "2026-03-01"
                        c.assessmentID = a.id!
                        try await c.create(on: db)
                    }
                }
                people.append((e.id!, e.unitID, e.positionID, levels))
            }
            let mine = Set(people.map(\.id))

            let computed = try await GapEngine.compute(instansiID: world.instansi.id!, unitIDs: nil, on: db)
            var expectedCells: [String: GapTally] = [:]
            var expectedNeeds: Set<String> = []
            var expectedUnknown: [UUID: [String]] = [:]
            for p in people {
                let person = try #require(computed.persons.first { $0.id == p.id })
                guard let position = p.position else {
                    #expect(person.jpm == nil && person.category == nil)
                    continue
                }
                let standard = standards[position]!
                let core = GapAnalysis.analyse(
                    standard: standard, actual: p.levels, formula: computed.formula, thresholds: computed.thresholds)
                #expect(
                    person.jpm == core.jpm && person.category == core.category && person.assessed == core.assessedCount,
                    "\(p.levels) vs \(standard)")
                for item in core.items {
                    expectedCells["\(p.unit)|\(item.competencyCode)", default: GapTally()].record(
                        required: item.required, actual: item.actual)
                }
                for n in Need.from(employee: p.id.uuidString, gap: core) {
                    expectedNeeds.insert("\(n.employee)|\(n.competencyCode)|\(n.gap)")
                }
                let unknown = AssessmentNeeds.unknownCompetencies(core)
                if !unknown.isEmpty { expectedUnknown[p.id] = unknown.sorted() }
            }
            // Only the random people hold a position here, so every cell is theirs.
            let cells = Dictionary(
                uniqueKeysWithValues: computed.cells.map { ("\($0.unitID)|\($0.competencyCode)", $0.tally) })
            #expect(cells == expectedCells)
            #expect(
                !expectedCells.values.filter { $0.surplusSum > 0 && $0.gapSum > 0 }.isEmpty,
                "the data has surplus beside shortfall")

            let needs = try await TNAQueries.needs(instansiID: world.instansi.id!, unitIDs: nil, on: db).filter {
                mine.contains($0.employeeID)
            }
            #expect(Set(needs.map { "\($0.employeeID.uuidString)|\($0.competencyCode)|\($0.gap)" }) == expectedNeeds)
            #expect(!expectedNeeds.isEmpty)
            let unknown = try await AssessmentNeedsQueries.people(instansiID: world.instansi.id!, unitIDs: nil, on: db)
                .filter { mine.contains($0.id) }
            #expect(
                Dictionary(uniqueKeysWithValues: unknown.map { ($0.id, $0.competencies.sorted()) }) == expectedUnknown)
            #expect(!expectedUnknown.isEmpty)
            let tally = try await AssessmentNeedsQueries.tally(instansiID: world.instansi.id!, unitIDs: nil, on: db)
            var expectedTally: [UUID: AssessmentNeeds.UnitTally] = [:]
            for p in unknown { expectedTally[p.unitID, default: .init()].add(p.need) }
            #expect(tally == expectedTally)
        }
    }
}
