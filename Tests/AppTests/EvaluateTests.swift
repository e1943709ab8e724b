import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Step 3 through the API and the pages: who fills which Kirkpatrick evaluation and when,
/// effectiveness from the records, re-assessments closing with the change, SKP and the 9-box.
@Suite("Evaluate: Kirkpatrick evaluations, re-assessment, SKP, talent, monitoring")
struct EvaluateTests {
    struct EvaluationJSON: Decodable {
        let id: UUID
        let level: Int
        let respondentRole: String
        let summary: Double?
        let scores: [String: Double]
    }
    struct EffectivenessJSON: Decodable {
        let l1Mean: Double?
        let l2MeanGain: Double?
        let l3MeanChange: Double?
        let l3SelfMeanChange: Double?
        let levelRaisedShare: Double?
        let n: Int
    }

    /// PP-01 (raises M.5) with a batch 20–31 July 2026; staffA (supervised by headA) and
    /// headA enrolled and completed by BKPPD: the L3 window (31 Oct 2026 – 31 Jan 2027) is open
    /// on the test's "today", 29 November 2026.
    static func completedTraining(_ app: Application, _ world: World, end: String = "2026-07-31") async throws -> (
        programme: UUID, enrolments: [UUID: UUID]
    ) {
        let c = try await DevelopmentTests.catalogue(app)
        let admin = try await APIClient.login(app, "admin")
        let batch = try await admin.send(
            .POST, "/api/v1/programs/\(c.publicService.id)/batches",
            json: BatchInput(
                name: "Angkatan Juli", startDate: "2026-07-20", endDate: end, capacity: 30, place: "Aula BKPPD",
                online: false))
        #expect(batch.status == .created)
        let batchID = try batch.json(DevelopmentTests.BatchJSON.self).id
        var ids: [UUID: UUID] = [:]
        for employee in [world.staffA, world.headA] {
            // Enrolment closes once a batch has ended, so the past enrolment is written directly.
            let e = Enrolment()
            e.id = UUID()
            e.instansiID = world.instansi.id!
            e.batchID = batchID
            e.programmeID = c.publicService.id
            e.employeeID = employee.id!
            e.status = EnrolmentStatus.enrolled.rawValue
            e.createdAt = testNow
            e.updatedAt = testNow
            try await e.create(on: app.db)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/enrolments/\(e.id!)/complete",
                    json: CompletionInput(certificateNumber: "BPSDMD/2026/\(employee.nip)", attendancePercent: 100)
                ).status == .ok)
            ids[employee.id!] = e.id!
        }
        return (c.publicService.id, ids)
    }

    static func l1(_ m: Double, _ f: Double, _ o: Double, _ u: Double) -> EvaluationInput {
        EvaluationInput(
            level: 1, respondentRole: "participant",
            scores: ["material": m, "facilitator": f, "organisation": o, "usefulness": u], comment: "Bermanfaat")
    }

    @Test func whoFillsWhichEvaluation() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (_, enrolments) = try await Self.completedTraining(app, world)
            let mine = enrolments[world.staffA.id!]!
            let path = "/api/v1/enrolments/\(mine)/evaluations"
            let employee = try await APIClient.login(app, "pegawai")
            let boss = try await APIClient.login(app, "atasan")

            // The participant fills L1 once: (4 + 3 + 3 + 4) / 4 = 3.5.
            let filled = try await employee.send(.POST, path, json: Self.l1(4, 3, 3, 4))
            #expect(filled.status == .created)
            #expect(try filled.json(EvaluationJSON.self).summary == 3.5)
            #expect(try await employee.send(.POST, path, json: Self.l1(1, 1, 1, 1)).status == .conflict)
            // … but never the supervisor's L3, and the supervisor never the participant's L1.
            let l3 = EvaluationInput(level: 3, respondentRole: "supervisor", scores: ["M.5": 2], comment: nil)
            #expect(try await employee.send(.POST, path, json: l3).status == .forbidden)
            #expect(try await boss.send(.POST, path, json: Self.l1(4, 4, 4, 4)).status == .forbidden)
            #expect(try await boss.send(.POST, path, json: l3).status == .created)
            // The participant's own L3 view is a separate record.
            #expect(
                try await employee.send(
                    .POST, path,
                    json: EvaluationInput(level: 3, respondentRole: "participant", scores: ["M.5": 1], comment: nil)
                ).status == .created)
            // Provider scores: the unbound provider login is refused, BKPPD may enter and correct.
            let l2 = EvaluationInput(
                level: 2, respondentRole: "provider", scores: ["pre": 40, "post": 70], comment: nil)
            #expect(try await APIClient.login(app, "lpk").send(.POST, path, json: l2).status == .forbidden)
            let admin = try await APIClient.login(app, "admin")
            #expect(try await admin.send(.POST, path, json: l2).status == .created)
            let corrected = try await admin.send(
                .POST, path,
                json: EvaluationInput(
                    level: 2, respondentRole: "provider", scores: ["pre": 40, "post": 85], comment: nil))
            #expect(corrected.status == .ok)
            #expect(try corrected.json(EvaluationJSON.self).summary == 0.75) // (85 − 40) / (100 − 40)

            // Bad input names its fields; L4 is computed, not filled.
            let missing = try await admin.send(
                .POST, path,
                json: EvaluationInput(level: 1, respondentRole: "participant", scores: ["material": 4], comment: nil))
            #expect(missing.status == .forbidden) // the admin is not the participant: refused before the form is read
            let bad = try await employee.send(
                .POST, "/api/v1/enrolments/\(enrolments[world.staffA.id!]!)/evaluations",
                json: EvaluationInput(level: 4, respondentRole: "participant", scores: [:], comment: nil))
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.json(APIErrorBody.self).fields?.map(\.field) == ["level"])
            let badScores = try await employee.send(
                .POST, "/api/v1/enrolments/\(enrolments[world.headA.id!]!)/evaluations", json: Self.l1(4, 4, 4, 9))
            #expect(badScores.status == .forbidden) // headA's enrolment is not staffA's

            // Reading: the participant's OPD operator sees the three records, another OPD's operator nothing.
            let list = try await APIClient.login(app, "operator.a").send(.GET, path)
            #expect(list.status == .ok)
            #expect(
                try list.json([EvaluationJSON].self).map { "\($0.level)/\($0.respondentRole)" }.sorted() == [
                    "1/participant", "2/provider", "3/participant", "3/supervisor",
                ])
            #expect(try await APIClient.login(app, "operator.b").send(.GET, path).status == .forbidden)
            #expect(try await APIClient.login(app, "admin.lain").send(.GET, path).status == .notFound)
        }
    }

    @Test func timingRulesAndValidation() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            // Completed 15 October: L1 is open (overdue after 29 October, still accepted); L3 opens 15 January 2027.
            let (_, enrolments) = try await Self.completedTraining(app, world, end: "2026-10-15")
            let path = "/api/v1/enrolments/\(enrolments[world.staffA.id!]!)/evaluations"
            let employee = try await APIClient.login(app, "pegawai")
            let early = try await employee.send(
                .POST, path,
                json: EvaluationInput(level: 3, respondentRole: "participant", scores: ["M.5": 1], comment: nil))
            #expect(early.status == .conflict)
            #expect(try early.json(APIErrorBody.self).reason.contains("15 Januari 2027"))
            let invalid = try await employee.send(
                .POST, path,
                json: EvaluationInput(
                    level: 1, respondentRole: "participant", scores: ["material": 5, "facilitator": 2.5], comment: nil))
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                Set(try invalid.json(APIErrorBody.self).fields?.map(\.field) ?? []) == [
                    "scores.organisation", "scores.usefulness", "scores.material", "scores.facilitator",
                ])
            // The pending list shows the overdue L1 (due 29 October) for the participant.
            struct Pending: Decodable {
                let level: Int
                let respondentRole: String
                let overdue: Bool
                let dueOn: String
            }
            let pending = try await employee.send(.GET, "/api/v1/evaluations/pending").json([Pending].self)
            #expect(
                pending.map { "\($0.level)/\($0.respondentRole)/\($0.dueOn)/\($0.overdue)" } == [
                    "1/participant/2026-10-29/true"
                ])
            #expect(try await employee.send(.POST, path, json: Self.l1(3, 3, 3, 3)).status == .created)
            #expect(try await employee.send(.GET, "/api/v1/evaluations/pending").json([Pending].self).isEmpty)
        }
    }

    @Test func effectivenessAndReassessmentClosing() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (programme, enrolments) = try await Self.completedTraining(app, world)
            let admin = try await APIClient.login(app, "admin")
            let asesor = try await APIClient.login(app, "asesor")
            // Before training (January) staffA was at M.5 level 2, headA at 3.
            for (employee, level) in [(world.staffA, 2), (world.headA, 3)] {
                #expect(
                    try await asesor.send(
                        .POST, "/api/v1/employees/\(employee.id!)/assessments",
                        json: AssessmentInput(
                            date: "2026-01-10", method: "uji_kompetensi", assessorName: "Tim", notes: nil,
                            results: [.init(competencyCode: "M.5", level: level)])
                    ).status == .created)
            }
            // Two L1 (3.5 and 2.75), one L2 (0.5), the supervisor's L3 for staffA (+2).
            #expect(
                try await APIClient.login(app, "pegawai").send(
                    .POST, "/api/v1/enrolments/\(enrolments[world.staffA.id!]!)/evaluations", json: Self.l1(4, 3, 3, 4)
                ).status == .created)
            #expect(
                try await APIClient.login(app, "atasan").send(
                    .POST, "/api/v1/enrolments/\(enrolments[world.headA.id!]!)/evaluations", json: Self.l1(3, 3, 2, 3)
                ).status == .created)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/enrolments/\(enrolments[world.staffA.id!]!)/evaluations",
                    json: EvaluationInput(
                        level: 2, respondentRole: "provider", scores: ["pre": 60, "post": 80], comment: nil)
                ).status == .created)
            #expect(
                try await APIClient.login(app, "atasan").send(
                    .POST, "/api/v1/enrolments/\(enrolments[world.staffA.id!]!)/evaluations",
                    json: EvaluationInput(level: 3, respondentRole: "supervisor", scores: ["M.5": 2], comment: nil)
                ).status == .created)

            // The worklist shows both dues (31 July + 6 months = 31 January 2027) until re-assessed.
            struct Due: Decodable {
                let nip: String
                let dueOn: String
                let levelBefore: Int?
                let levelAfter: Int?
            }
            struct Page: Decodable { let items: [Due] }
            let open = try await asesor.send(.GET, "/api/v1/reassessments?status=open").json(Page.self)
            #expect(open.items.map(\.dueOn) == ["2027-01-31", "2027-01-31"])
            // A self-rating does not close it; a result after the training does: staffA 2 → 3, headA 3 → 3.
            #expect(
                try await asesor.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-11-20", method: "self", assessorName: nil, notes: nil,
                        results: [.init(competencyCode: "M.5", level: 5)])
                ).status == .created)
            #expect(try await asesor.send(.GET, "/api/v1/reassessments?status=closed").json(Page.self).items.isEmpty)
            for (employee, level) in [(world.staffA, 3), (world.headA, 3)] {
                #expect(
                    try await asesor.send(
                        .POST, "/api/v1/employees/\(employee.id!)/assessments",
                        json: AssessmentInput(
                            date: "2026-11-25", method: "assessment_center", assessorName: "Tim", notes: nil,
                            results: [.init(competencyCode: "M.5", level: level)])
                    ).status == .created)
            }
            let closed = try await asesor.send(.GET, "/api/v1/reassessments?status=closed").json(Page.self).items.sorted
            { $0.nip < $1.nip }
            #expect(
                closed.map { "\($0.nip) \($0.levelBefore ?? 0)→\($0.levelAfter ?? 0)" } == [
                    "198503122010011002 3→3", "199001012015032005 2→3",
                ])

            let e = try await admin.send(.GET, "/api/v1/programs/\(programme)/effectiveness").json(
                EffectivenessJSON.self)
            #expect(e.n == 2)
            #expect(e.l1Mean == 3.13) // (3.5 + 2.75) / 2 = 3.125, half up
            #expect(e.l2MeanGain == 0.5) // (80 − 60) / (100 − 60)
            #expect(e.l3MeanChange == 2 && e.l3SelfMeanChange == nil)
            #expect(e.levelRaisedShare == 0.5) // staffA rose, headA did not
            // An operator of another OPD sees nothing of these people; an employee no figures at all.
            let other = try await APIClient.login(app, "operator.b").send(
                .GET, "/api/v1/programs/\(programme)/effectiveness"
            ).json(EffectivenessJSON.self)
            #expect(other.n == 0 && other.l1Mean == nil && other.levelRaisedShare == nil)
            #expect(
                try await APIClient.login(app, "pegawai").send(.GET, "/api/v1/programs/\(programme)/effectiveness")
                    .status == .forbidden)
        }
    }

    @Test func completionRecordedLateClosesTheDueAtOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            // Assessed on 20 August, after the batch ended (31 July) but before completion is recorded.
            #expect(
                try await APIClient.login(app, "asesor").send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-08-20", method: "uji_kompetensi", assessorName: "Tim", notes: nil,
                        results: [.init(competencyCode: "M.5", level: 3)])
                ).status == .created)
            _ = try await Self.completedTraining(app, world)
            let due = try await ReassessmentDue.query(on: app.db).filter(\.$employeeID == world.staffA.id!).first()
            #expect(due?.closedOn == "2026-08-20" && due?.levelAfter == 3 && due?.levelBefore == nil)
        }
    }

    @Test func performanceAndTalent() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let boss = try await APIClient.login(app, "atasan")
            let employee = try await APIClient.login(app, "pegawai")
            let path = "/api/v1/employees/\(world.staffA.id!)/performance"
            struct Perf: Decodable {
                let year: Int
                let predicate: String
            }
            let r = try await boss.send(
                .POST, path,
                json: PerformanceInput(
                    year: 2025, hasilKerja: "di_atas_ekspektasi", perilakuKerja: "di_atas_ekspektasi"))
            #expect(r.status == .created)
            #expect(try r.json(Perf.self).predicate == "Sangat Baik")
            #expect(r.body.string.contains(#""predicate":"Sangat Baik""#), "\(r.body.string)")
            #expect(
                try await employee.send(
                    .POST, path,
                    json: PerformanceInput(
                        year: 2025, hasilKerja: "di_atas_ekspektasi", perilakuKerja: "sesuai_ekspektasi")
                ).status == .forbidden)
            #expect(
                try await APIClient.login(app, "operator.b").send(
                    .POST, path,
                    json: PerformanceInput(
                        year: 2025, hasilKerja: "sesuai_ekspektasi", perilakuKerja: "sesuai_ekspektasi")
                ).status == .forbidden)
            let bad = try await boss.send(
                .POST, path,
                json: PerformanceInput(year: 2030, hasilKerja: "luar_biasa", perilakuKerja: "sesuai_ekspektasi"))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.json(APIErrorBody.self).fields?.map(\.field) ?? []) == ["year", "hasilKerja"])

            // Potential against staffA's own position's standard (M.1 3, M.2 3, M.5 2, SK.1 2): results 4, 3, 3, 3
            // differ by 1, 0, 1, 1 → 3 + 0.75 = 3.75, above the default "tinggi" cut-off 3.25, so box 9.
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            #expect(
                try await APIClient.login(app, "asesor").send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                    json: AssessmentInput(
                        date: "2026-03-01", method: "assessment_center", assessorName: "Tim", notes: nil,
                        results: [
                            .init(competencyCode: "M.1", level: 4), .init(competencyCode: "M.2", level: 3),
                            .init(competencyCode: "M.5", level: 3), .init(competencyCode: "SK.1", level: 3),
                        ])
                ).status == .created)
            struct Talent: Decodable {
                let box: Int?
                let performance: String?
                let potential: String?
                let recommendation: String?
                let successionPool: Bool
                let missing: String?
            }
            let admin = try await APIClient.login(app, "admin")
            let t = try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent?year=2025").json(
                Talent.self)
            #expect(t.box == 9 && t.performance == "di_atas" && t.potential == "tinggi" && t.successionPool)
            #expect(t.recommendation?.hasPrefix("Dipromosikan") == true)
            // The talent body carries the enums' raw values, the strings it always carried (key order is not fixed).
            let talentBody = try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent?year=2025").body
                .string
            for field in [#""predicate":"Sangat Baik""#, #""performance":"di_atas""#, #""potential":"tinggi""#] {
                #expect(talentBody.contains(field), "\(talentBody)")
            }
            // Just below the cut-off is menengah → box 7 (the cut-off raised to 3.76 instead of lowering the levels).
            let settings =
                try await InstansiSettings.query(on: app.db).filter(\.$instansiID == world.instansi.id!).first()
                ?? {
                    let s = InstansiSettings()
                    s.id = UUID()
                    s.instansiID = world.instansi.id!
                    s.jpmFormula = "capped"
                    s.jpmPurpose = "pemetaan"
                    s.updatedAt = testNow
                    DevelopmentSettings().apply(to: s)
                    return s
                }()
            EvaluationSettings(schedule: .standard, cutoffs: PotentialCutoffs(menengah: 2.5, tinggi: 3.76)!).apply(
                to: settings)
            try await settings.save(on: app.db)
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent?year=2025").json(Talent.self)
                    .box == 7)
            // No SKP that year: no box, and why.
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent?year=2024").json(Talent.self)
                    .missing == "no_performance")
            // The grid counts; the employee does not see talent data, another instansi's admin not the person.
            struct Grid: Decodable {
                let boxes: [String: Int]
                let placed: Int
                let successionPool: Int
            }
            let grid = try await admin.send(.GET, "/api/v1/talent/9-box?year=2025").json(Grid.self)
            #expect(grid.boxes["7"] == 1 && grid.placed == 1 && grid.successionPool == 1 && grid.boxes.count == 9)
            #expect(try await employee.send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent").status == .forbidden)
            #expect(try await employee.send(.GET, "/api/v1/talent/9-box").status == .forbidden)
            #expect(
                try await APIClient.login(app, "operator.b").send(.GET, "/api/v1/talent/9-box?unitId=\(world.opdA.id!)")
                    .status == .forbidden)
            #expect(
                try await APIClient.login(app, "admin.lain").send(.GET, "/api/v1/employees/\(world.staffA.id!)/talent")
                    .status == .notFound)
        }
    }

    @Test func pagesForEachRole() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (programme, enrolments) = try await Self.completedTraining(app, world)
            // The employee's home shows the L1 waiting; the form saves it and it disappears.
            let employee = try await WebClient.login(app, "pegawai")
            let home = try await employee.get("/")
            #expect(home.body.string.contains("evaluation-panel") && home.body.string.contains("L1 Reaksi"))
            let formPath = "/enrolments/\(enrolments[world.staffA.id!]!)/evaluate?level=1"
            #expect(try await employee.get(formPath).status == .ok)
            let incomplete = try await employee.post(
                formPath, ["score-material": "4", "comment": "<script>alert(1)</script>"])
            #expect(incomplete.status == .unprocessableEntity)
            #expect(
                incomplete.body.string.contains("Pilih salah satu nilai")
                    && !incomplete.body.string.contains("<script>alert(1)"))
            let saved = try await employee.post(
                formPath,
                ["score-material": "4", "score-facilitator": "4", "score-organisation": "3", "score-usefulness": "4"])
            #expect(saved.status == .seeOther)
            // The L1 link is gone from the home page; the L3 (open since 31 October) stays.
            let after = try await employee.get("/").body.string
            #expect(!after.contains("evaluate?level=1") && after.contains("evaluate?level=3"))
            // The supervisor's L3 form for staffA; the participant cannot open it.
            #expect(
                try await WebClient.login(app, "atasan").get(
                    "/enrolments/\(enrolments[world.staffA.id!]!)/evaluate?level=3"
                ).status == .ok)
            #expect(
                try await employee.get("/enrolments/\(enrolments[world.headA.id!]!)/evaluate?level=1").status
                    == .forbidden)

            // Provider scores on the batch page: one bad row and nothing is written.
            let admin = try await WebClient.login(app, "admin")
            let batchID = try await Enrolment.find(enrolments[world.staffA.id!]!, on: app.db)!.batchID
            let a = enrolments[world.staffA.id!]!.uuidString
            let h = enrolments[world.headA.id!]!.uuidString
            let rejected = try await admin.post(
                "/batches/\(batchID)/tests",
                ["max": "100", "pre-\(a)": "40", "post-\(a)": "70", "pre-\(h)": "50", "post-\(h)": "150"])
            #expect(rejected.status == .unprocessableEntity)
            #expect(try await EvaluationRecord.query(on: app.db).filter(\.$level == 2).count() == 0)
            #expect(
                try await admin.post(
                    "/batches/\(batchID)/tests",
                    ["max": "100", "pre-\(a)": "40", "post-\(a)": "70", "pre-\(h)": "50", "post-\(h)": "75"]
                ).status == .seeOther)
            #expect(
                try await EvaluationRecord.query(on: app.db).filter(\.$level == 2).all().compactMap(\.summary).sorted()
                    == [0.5, 0.5])

            // Monitoring, talent and worklists: BKPPD and operators; employees are refused.
            for path in [
                "/monitoring", "/talent", "/reassessments", "/monitoring/overdue",
                "/monitoring?format=csv&table=programmes", "/talent?box=9",
            ] {
                #expect(try await admin.get(path).status == .ok, "\(path)")
            }
            let op = try await WebClient.login(app, "operator.a")
            #expect(try await op.get("/monitoring").status == .ok)
            #expect(try await op.get("/monitoring?unit=\(world.opdB.id!)").status == .forbidden)
            #expect(try await admin.get("/monitoring?from=2026-13-01").status == .unprocessableEntity)
            for path in ["/monitoring", "/talent", "/reassessments"] {
                #expect(try await employee.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await WebClient.login(app, "asesor").get("/reassessments?status=open").status == .ok)
            // The SKP form on the profile: the supervisor records, the employee cannot.
            let boss = try await WebClient.login(app, "atasan")
            #expect(
                try await boss.post(
                    "/employees/\(world.staffA.id!)/performance",
                    ["year": "2025", "hasilKerja": "sesuai_ekspektasi", "perilakuKerja": "sesuai_ekspektasi"]
                ).status == .seeOther)
            #expect(
                try await boss.post(
                    "/employees/\(world.staffA.id!)/performance",
                    ["year": "2025", "hasilKerja": "x", "perilakuKerja": "sesuai_ekspektasi"]
                ).status == .unprocessableEntity)
            #expect(try await employee.get("/employees/\(world.staffA.id!)/performance").status == .forbidden)
            #expect(try await boss.get("/employees/\(world.staffA.id!)").body.string.contains("Baik"))
            // The programme page shows its effectiveness to BKPPD (two participants, the L2 mean 0,5), not to an employee.
            let page = try await admin.get("/programs/\(programme)").body.string
            #expect(page.contains("effectiveness-table") && page.contains("0,50"))
            #expect(!(try await employee.get("/programs/\(programme)").body.string.contains("effectiveness-table")))
        }
    }
}
