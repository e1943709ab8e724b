import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Step 2 through the API: catalogue, enrolment, completion and the JP ledger, plans and their
/// workflow, the needs analysis and the annual plan — with the access rules around each.
@Suite("Develop: catalogue, enrolment, plans, JP, needs analysis")
struct DevelopmentTests {
    struct ProviderJSON: Decodable {
        let id: UUID
        let code: String
    }
    struct ProgrammeJSON: Decodable {
        let id: UUID
        let code: String
        let competencies: [RaiseDTO]
        let jp: Int
        let providerId: UUID
    }
    struct PageJSON<T: Decodable>: Decodable {
        let items: [T]
        let metadata: PagedResponse<ProgrammeDTO>.Metadata
    }
    struct BatchJSON: Decodable {
        let id: UUID
        let capacity: Int
        let seatsTaken: Int
    }
    struct EnrolmentJSON: Decodable {
        let id: UUID
        let employeeId: UUID
        let status: String
        let certificateNumber: String?
    }
    struct JPJSON: Decodable {
        let year: Int
        let jp: Int
        let minimum: Int
        let met: Bool
    }
    struct PlanJSON: Decodable {
        struct Item: Decodable {
            let programId: UUID?
            let competencyCode: String?
            let title: String
            let jp: Int
            let source: String
        }
        let id: UUID
        let status: String
        let year: Int
        let items: [Item]
        let totalJp: Int
        let totalCost: Int
        let rejectionReason: String?
    }

    struct Catalogue {
        let provider: UUID
        let publicService: ProgrammeJSON
        let teamwork: ProgrammeJSON
    }

    /// BPSDMD with two programmes: "PP-01" raises M.5 by 2 (24 JP, Rp 1.500.000) and "KS-01"
    /// raises M.2 by 1 (16 JP, Rp 750.000).
    static func catalogue(_ app: Application) async throws -> Catalogue {
        let admin = try await APIClient.login(app, "admin")
        let provider = try await admin.send(
            .POST, "/api/v1/providers",
            json: ProviderInput(
                code: "BPSDMD-NTT", name: "BPSDMD Provinsi NTT", kind: "bpsdmd",
                accreditation: "A", contactName: "Yuliana Lay", phone: "0380-833123",
                email: "diklat@bpsdmd.nttprov.go.id", address: "Jl. Polisi Militer, Kupang", active: true))
        #expect(provider.status == .created)
        let p = try provider.json(ProviderJSON.self)
        func programme(_ code: String, _ title: String, _ raises: [RaiseDTO], jp: Int, cost: Int) async throws
            -> ProgrammeJSON
        {
            let r = try await admin.send(
                .POST, "/api/v1/programs",
                json: ProgrammeInput(
                    code: code, title: title, form: "klasikal", path: "KL03",
                    providerId: p.id, competencies: raises, jp: jp, costPerParticipant: cost, capacity: 30,
                    description: nil, active: nil))
            #expect(r.status == .created)
            return try r.json(ProgrammeJSON.self)
        }
        return Catalogue(
            provider: p.id,
            publicService: try await programme(
                "PP-01", "Pelatihan Pelayanan Prima", [.init(competencyCode: "M.5", levelGain: 2)], jp: 24,
                cost: 1_500_000),
            teamwork: try await programme(
                "KS-01", "Kerja Sama Tim", [.init(competencyCode: "M.2", levelGain: 1)], jp: 16, cost: 750_000))
    }

    /// A batch running 23–29 November 2026 (test "today" is 29 November: still open for enrolment, and on its last
    /// day, so completion can be recorded — CompletionRule credits JP from the batch's last day on).
    static func batch(_ app: Application, _ programme: UUID, capacity: Int) async throws -> BatchJSON {
        let admin = try await APIClient.login(app, "admin")
        let r = try await admin.send(
            .POST, "/api/v1/programs/\(programme)/batches",
            json: BatchInput(
                name: "Angkatan I 2026", startDate: "2026-11-23", endDate: "2026-11-29", capacity: capacity,
                place: "Aula BKPPD", online: false))
        #expect(r.status == .created)
        return try r.json(BatchJSON.self)
    }

    @Test func catalogueValidationAndProviderScope() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            #expect(c.publicService.competencies == [RaiseDTO(competencyCode: "M.5", levelGain: 2)])
            // Duplicate code, wrong path for the form, unknown competency, zero JP: refused with field names.
            #expect(
                try await admin.send(
                    .POST, "/api/v1/programs",
                    json: ProgrammeInput(
                        code: "pp-01", title: "Lagi", form: "klasikal", path: "KL03",
                        providerId: c.provider, competencies: [.init(competencyCode: "M.5", levelGain: 1)], jp: 8,
                        costPerParticipant: 0, capacity: 10)
                ).status == .conflict)
            let bad = try await admin.send(
                .POST, "/api/v1/programs",
                json: ProgrammeInput(
                    code: "X-1", title: "Salah", form: "nonklasikal", path: "KL03",
                    providerId: c.provider, competencies: [.init(competencyCode: "Z.9", levelGain: 1)], jp: 0,
                    costPerParticipant: -1, capacity: 10))
            #expect(bad.status == .unprocessableEntity)
            #expect(
                Set(try bad.json(APIErrorBody.self).fields?.map(\.field) ?? []) == [
                    "path", "jp", "costPerParticipant", "competencies.0.competencyCode",
                ])
            // An operator reads the catalogue but does not write it.
            let op = try await APIClient.login(app, "operator.a")
            #expect(try await op.send(.GET, "/api/v1/programs").json(PageJSON<ProgrammeJSON>.self).metadata.total == 2)
            #expect(
                try await op.send(
                    .POST, "/api/v1/providers", json: ProviderInput(code: "LPK-X", name: "LPK X", kind: "swasta")
                ).status == .forbidden)

            // The provider login sees and writes only its own programmes.
            let other = try await admin.send(
                .POST, "/api/v1/providers",
                json: ProviderInput(code: "UNDANA", name: "Universitas Nusa Cendana", kind: "universitas")
            )
            .json(ProviderJSON.self)
            let lpk = world.users["lpk"]!
            lpk.providerID = other.id
            try await lpk.save(on: app.db)
            let provider = try await APIClient.login(app, "lpk")
            #expect(
                try await provider.send(.GET, "/api/v1/programs").json(PageJSON<ProgrammeJSON>.self).metadata.total == 0
            )
            #expect(try await provider.send(.GET, "/api/v1/programs/\(c.publicService.id)").status == .notFound)
            #expect(
                try await provider.send(
                    .POST, "/api/v1/programs/\(c.publicService.id)/batches",
                    json: BatchInput(name: "Angkatan X", startDate: "2026-12-01", endDate: "2026-12-02")
                ).status == .notFound)
            let own = try await provider.send(
                .POST, "/api/v1/programs",
                json: ProgrammeInput(
                    code: "UNDANA-01", title: "Statistik Pelayanan",
                    form: "klasikal", path: "KL08", providerId: other.id,
                    competencies: [.init(competencyCode: "M.4", levelGain: 1)], jp: 32, costPerParticipant: 2_000_000,
                    capacity: 25))
            #expect(own.status == .created)
            #expect(
                try await provider.send(
                    .POST, "/api/v1/programs",
                    json: ProgrammeInput(
                        code: "UNDANA-02", title: "Atas nama lain",
                        form: "klasikal", path: "KL08", providerId: c.provider,
                        competencies: [.init(competencyCode: "M.4", levelGain: 1)], jp: 32, costPerParticipant: 0,
                        capacity: 25)
                ).status == .forbidden)
            // Another instansi does not see this catalogue at all.
            let foreign = try await APIClient.login(app, "admin.lain")
            #expect(try await foreign.send(.GET, "/api/v1/programs/\(c.publicService.id)").status == .notFound)
            #expect(
                try await foreign.send(.GET, "/api/v1/programs").json(PageJSON<ProgrammeJSON>.self).metadata.total == 0)
        }
    }

    @Test func enrolmentCapacityWaitingListAndCancellation() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let b = try await Self.batch(app, c.publicService.id, capacity: 1)
            let op = try await APIClient.login(app, "operator.a")
            let path = "/api/v1/batches/\(b.id)/enrolments"
            let first = try await op.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!))
            #expect(first.status == .created)
            let seat = try first.json(EnrolmentJSON.self)
            #expect(seat.status == "enrolled")
            #expect(
                // already enrolled
                try await op.send(.POST, path, json: EnrolmentInput(employeeId: world.staffA.id!)).status == .conflict)
            #expect(
                // full
                try await op.send(.POST, path, json: EnrolmentInput(employeeId: world.headA.id!)).status == .conflict)
            let waiting = try await op.send(
                .POST, path, json: EnrolmentInput(employeeId: world.headA.id!, waitlist: true))
            #expect(try waiting.json(EnrolmentJSON.self).status == "waitlisted")
            // Operator A may not enrol OPD B's staff; the provider role does not choose participants.
            #expect(
                try await op.send(.POST, path, json: EnrolmentInput(employeeId: world.staffB.id!, waitlist: true))
                    .status == .forbidden)
            // Cancelling the seat gives it to the first on the waiting list.
            #expect(try await op.send(.POST, "/api/v1/enrolments/\(seat.id)/cancel").status == .ok)
            let list = try await op.send(.GET, path).json([EnrolmentJSON].self)
            #expect(
                Dictionary(uniqueKeysWithValues: list.map { ($0.employeeId, $0.status) }) == [
                    world.staffA.id!: "cancelled", world.headA.id!: "enrolled",
                ])
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 1)
            // Operator B sees none of OPD A's participants.
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.GET, path).json([EnrolmentJSON].self).isEmpty)
        }
    }

    @Test func twoRequestsForTheLastSeat() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let b = try await Self.batch(app, c.publicService.id, capacity: 1)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/batches/\(b.id)/enrolments"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for e in [world.staffA, world.staffB] {
                    group.addTask { try await admin.send(.POST, path, json: EnrolmentInput(employeeId: e.id!)).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.created, .conflict])
            #expect(try await Batch.find(b.id, on: app.db)?.seatsTaken == 1)
            #expect(try await Enrolment.query(on: app.db).filter(\.$batchID == b.id).count() == 1)
        }
    }

    @Test func completionCreditsJPAndSchedulesReassessment() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let b = try await Self.batch(app, c.publicService.id, capacity: 10)
            let admin = try await APIClient.login(app, "admin")
            let e = try await admin.send(
                .POST, "/api/v1/batches/\(b.id)/enrolments", json: EnrolmentInput(employeeId: world.staffA.id!)
            ).json(EnrolmentJSON.self)
            let jpPath = "/api/v1/employees/\(world.staffA.id!)/jp?year=2026"
            let before = try await admin.send(.GET, jpPath).json(JPJSON.self)
            #expect(before.jp == 0 && before.minimum == 20 && !before.met)

            // Only the programme's provider (or BKPPD) records completion.
            let lpk = world.users["lpk"]!
            lpk.providerID = c.provider
            try await lpk.save(on: app.db)
            let provider = try await APIClient.login(app, "lpk")
            #expect(
                try await APIClient.login(app, "operator.a").send(
                    .POST, "/api/v1/enrolments/\(e.id)/complete",
                    json: CompletionInput(certificateNumber: "X")
                ).status == .forbidden)
            let done = try await provider.send(
                .POST, "/api/v1/enrolments/\(e.id)/complete",
                json: CompletionInput(certificateNumber: "BPSDMD-NTT/2026/KL03/00017", attendancePercent: 95))
            #expect(done.status == .ok)
            #expect(try done.json(EnrolmentJSON.self).status == "completed")
            #expect(
                try await provider.send(
                    .POST, "/api/v1/enrolments/\(e.id)/complete", json: CompletionInput(certificateNumber: "lagi")
                ).status == .conflict)

            // 24 JP in 2026 (the batch ends 29 November 2026): the 20 JP right is met; nothing in 2027.
            let after = try await admin.send(.GET, jpPath).json(JPJSON.self)
            #expect(after.jp == 24 && after.met)
            #expect(
                try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/jp?year=2027").json(JPJSON.self).jp
                    == 0)
            // Re-assessment of M.5 due six months after the end date: 29 May 2027.
            let dues = try await ReassessmentDue.query(on: app.db).filter(\.$employeeID == world.staffA.id!).all()
            #expect(dues.map(\.dueOn) == ["2027-05-29"])
            // The JP list is the employee's own business and their supervisor's; not another OPD's.
            #expect(try await APIClient.login(app, "pegawai").send(.GET, jpPath).status == .ok)
            #expect(try await APIClient.login(app, "operator.b").send(.GET, jpPath).status == .forbidden)
        }
    }

    @Test func planWorkflowByRole() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            let c = try await Self.catalogue(app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let atasan = try await APIClient.login(app, "atasan")
            let admin = try await APIClient.login(app, "admin")
            let opA = try await APIClient.login(app, "operator.a")
            let opB = try await APIClient.login(app, "operator.b")
            try await EmployeeAndGapTests.assessStaffAAtLevel1(app, world)

            // staffA (level 1 in all four) is below standard in M.1 by 2, M.2 by 2, M.5 by 1 and SK.1 by 1. From the TNA:
            // M.2 → KS-01 (the only programme raising it), M.5 → PP-01; M.1 and SK.1 have no programme.
            let created = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: nil, fromTna: true))
            #expect(created.status == .created)
            let plan = try created.json(PlanJSON.self)
            #expect(plan.status == "draft")
            #expect(Set(plan.items.map(\.title)) == ["Kerja Sama Tim", "Pelatihan Pelayanan Prima"])
            #expect(plan.totalJp == 40 && plan.totalCost == 2_250_000)
            #expect(
                try await pegawai.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/plans", json: PlanInput(year: 2027)
                ).status == .conflict)
            // The employee proposes a free-text item while it is a draft.
            #expect(
                try await pegawai.send(
                    .POST, "/api/v1/plans/\(plan.id)/items",
                    json: PlanItemInput(competencyCode: "SK.1", title: "Coaching oleh kepala bidang", jp: 4)
                ).status == .created)

            let step = "/api/v1/plans/\(plan.id)/transition"
            func to(_ client: APIClient, _ target: String, _ reason: String? = nil) async throws -> HTTPStatus {
                try await client.send(.POST, step, json: TransitionInput(to: target, reason: reason)).status
            }
            #expect(try await to(atasan, "submitted") == .conflict) // not the author
            #expect(try await to(pegawai, "approved") == .conflict) // no such step from draft
            #expect(try await to(opB, "submitted") == .forbidden) // another OPD: not even readable
            #expect(try await to(pegawai, "submitted") == .ok)
            #expect(
                try await pegawai.send(
                    .POST, "/api/v1/plans/\(plan.id)/items", json: PlanItemInput(title: "Terlambat", jp: 2)
                ).status == .conflict)
            #expect(try await to(pegawai, "approved_supervisor") == .conflict) // the employee cannot approve
            #expect(try await to(admin, "approved_supervisor") == .conflict) // staffA has a supervisor: BKPPD waits
            #expect(try await to(atasan, "rejected") == .unprocessableEntity) // no reason
            #expect(try await to(atasan, "rejected", "Fokuskan pada pelayanan") == .ok)
            #expect(
                try await pegawai.send(.GET, "/api/v1/plans/\(plan.id)").json(PlanJSON.self).rejectionReason
                    == "Fokuskan pada pelayanan")
            #expect(try await to(pegawai, "draft") == .ok)
            #expect(try await to(opA, "submitted") == .ok) // the OPD operator may submit for them
            #expect(try await to(atasan, "approved_supervisor") == .ok)
            #expect(try await to(opA, "approved") == .conflict)
            #expect(try await to(admin, "approved") == .ok)
            #expect(try await to(admin, "done") == .ok)
            #expect(try await pegawai.send(.GET, "/api/v1/plans/\(plan.id)").json(PlanJSON.self).status == "done")
            // Every step is in the audit log: create, the added item, 7 transitions (submit, reject, reopen, submit, 3 approvals).
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "plan").count()
            #expect(entries == 9)
        }
    }

    @Test func needsAnalysisAndCompliance() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            let c = try await Self.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            try await EmployeeAndGapTests.assessStaffAAtLevel1(app, world)
            struct TNAJSON: Decodable {
                struct Item: Decodable {
                    let employeeId: UUID
                    let competencyCode: String
                    let gap: Int
                    let programIds: [UUID]
                }
                let year: Int
                let items: [Item]
            }
            let tna = try await admin.send(.GET, "/api/v1/tna?year=2027").json(TNAJSON.self)
            #expect(tna.year == 2027)
            #expect(tna.items.map(\.competencyCode) == ["M.1", "M.2", "M.5", "SK.1"])
            #expect(tna.items.map(\.gap) == [2, 2, 1, 1])
            #expect(tna.items.map(\.programIds) == [[], [c.teamwork.id], [c.publicService.id], []])
            // Operator B is held to OPD B (nobody with a standard there); OPD A's unit is refused.
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.GET, "/api/v1/tna").json(TNAJSON.self).items.isEmpty)
            #expect(try await opB.send(.GET, "/api/v1/tna?unitId=\(world.opdA.id!)").status == .forbidden)
            #expect(try await APIClient.login(app, "pegawai").send(.GET, "/api/v1/tna").status == .forbidden)

            // Compliance: staffA completes 24 JP; headA (PNS) has none → OPD A 1 of 2 PNS.
            let b = try await Self.batch(app, c.publicService.id, capacity: 5)
            let e = try await admin.send(
                .POST, "/api/v1/batches/\(b.id)/enrolments", json: EnrolmentInput(employeeId: world.staffA.id!)
            ).json(EnrolmentJSON.self)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/enrolments/\(e.id)/complete",
                    json: CompletionInput(certificateNumber: "C-1", attendancePercent: 100)
                ).status == .ok)
            struct ComplianceJSON: Decodable {
                struct Row: Decodable {
                    let unitId: UUID
                    let pns: Int
                    let pnsMet: Int
                    let share: Double?
                }
                let pns: Int
                let pnsMet: Int
                let share: Double?
                let units: [Row]
            }
            let all = try await admin.send(.GET, "/api/v1/jp/compliance?year=2026").json(ComplianceJSON.self)
            #expect(all.pns == 3 && all.pnsMet == 1 && all.share == 0.33)
            #expect(
                all.units.first { $0.unitId == world.opdA.id! }.map { ($0.pns, $0.pnsMet, $0.share) } ?? (0, 0, nil)
                    == (2, 1, 0.5))
        }
    }

    @Test func outsideLearningNeedsTheSupervisor() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let r = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/learning",
                json: LearningInput(
                    title: "Webinar Literasi Digital", path: "NKL03", organiser: "Kominfo", startDate: "2026-10-01",
                    endDate: "2026-10-01", jp: 6))
            #expect(r.status == .created)
            let id = try r.json(LearningDTO.self).id
            let decide = "/api/v1/learning/\(id)/decision"
            #expect(try await pegawai.send(.POST, decide, json: ["verify": true]).status == .forbidden)
            #expect(
                try await APIClient.login(app, "admin").send(.POST, decide, json: ["verify": true]).status == .forbidden
            )
            #expect(try await APIClient.login(app, "atasan").send(.POST, decide, json: ["verify": true]).status == .ok)
            #expect(
                try await pegawai.send(.GET, "/api/v1/employees/\(world.staffA.id!)/jp?year=2026").json(JPJSON.self).jp
                    == 6)
            // A future activity cannot be recorded yet.
            let future = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/learning",
                json: LearningInput(
                    title: "Nanti", path: "NKL03", organiser: "LAN", startDate: "2026-12-01", endDate: "2026-12-02",
                    jp: 4))
            #expect(try future.json(APIErrorBody.self).fields?.map(\.field) == ["endDate"])
        }
    }
}

extension DevelopmentTests {
    struct OptimizeJSON: Decodable {
        struct Pair: Decodable, Equatable {
            let employeeId: UUID
            let programId: UUID
        }
        struct GapOnly: Decodable {
            let gapClosed: Double
            let employeesReaching20Jp: Int
        }
        let enrolments: [Pair]
        let totalCost: Int
        let gapClosed: Double
        let upperBound: Double
        let gapOnly: GapOnly
        let employeesReaching20Jp: Int
        let pnsCandidates: Int
        struct Bounds: Decodable {
            let employeesReaching20Jp: Int
            let gapClosed: Double
        }
        let bounds: Bounds
        let method: String
    }

    @Test func annualPlanOnAHandCheckedInstance() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            let c = try await Self.catalogue(app)
            try await EmployeeAndGapTests.assessStaffAAtLevel1(app, world)
            // headA and staffB already have 20 JP in 2027 (and no position, so no gap): only staffA
            // (0 JP; known gaps M.1 2, M.2 2, M.5 1, SK.1 1) needs the plan.
            for e in [world.headA, world.staffB] {
                try await EnrolmentService.credit(
                    employeeID: e.id!, instansiID: world.instansi.id!, jp: 20,
                    end: SimpleDate(year: 2027, month: 1, day: 20)!,
                    source: "learning", sourceID: UUID(), title: "Webinar", at: testNow, on: app.db)
            }
            let admin = try await APIClient.login(app, "admin")
            let input = AnnualPlanService.Request(year: 2027, budget: 3_000_000, unitId: nil)
            #expect(
                try await APIClient.login(app, "operator.a").send(.POST, "/api/v1/plans/optimize", json: input).status
                    == .forbidden)
            // JP phase: the cheapest useful programme first, KS-01 (16 JP, Rp 750.000), is not enough,
            // so PP-01 (24 JP, Rp 1.500.000) too: 40 JP for Rp 2.250.000, closing M.2 by 1 and M.5 by 1 (its
            // whole known gap; PP-01's second level closes nothing). The remaining Rp 750.000 buys nothing
            // useful. The bound: the two pairs are all there is, 2.
            // Chasing gap alone buys the same two pairs (they are the only ones closing anything).
            let r = try await admin.send(.POST, "/api/v1/plans/optimize", json: input).json(OptimizeJSON.self)
            #expect(Set(r.enrolments.map(\.programId)) == [c.publicService.id, c.teamwork.id])
            #expect(Set(r.enrolments.map(\.employeeId)) == [world.staffA.id!])
            #expect(r.totalCost == 2_250_000 && r.gapClosed == 2 && r.upperBound == 2)
            #expect(r.gapOnly.gapClosed == 2 && r.gapOnly.employeesReaching20Jp == 3)
            #expect(r.employeesReaching20Jp == 3 && r.pnsCandidates == 3)
            // Lexicographic bounds: 3 PNS is everyone; among plans reaching 3 no plan closes more than 2
            // (the two useful pairs are all there is). Solved to proven optimality.
            #expect(r.bounds.employeesReaching20Jp == 3 && r.bounds.gapClosed == 2 && r.method == "optimal")
            // Too small a budget for the 20 JP: the plan spends nothing it cannot justify, never more than the budget.
            let tight = try await admin.send(
                .POST, "/api/v1/plans/optimize", json: AnnualPlanService.Request(year: 2027, budget: 1_000_000)
            ).json(OptimizeJSON.self)
            #expect(tight.totalCost <= 1_000_000 && tight.employeesReaching20Jp == 2)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/plans/optimize", json: AnnualPlanService.Request(year: 1999, budget: -1)
                ).status == .unprocessableEntity)

            // Front line: DUKCAPIL staff weigh Pelayanan Publik (M.5) double → 1 + 1 × 2 = 3.
            let settings = InstansiSettings()
            settings.id = UUID()
            settings.instansiID = world.instansi.id!
            settings.jpmFormula = "capped"
            settings.jpmPurpose = "pemetaan"
            settings.updatedAt = testNow
            DevelopmentSettings(
                reassessmentMonths: 6, weights: [:], frontLineUnitCodes: ["DUKCAPIL"], frontLineMultiplier: 2
            ).apply(to: settings)
            EvaluationSettings().apply(to: settings)
            try await settings.create(on: app.db)
            #expect(
                try await admin.send(.POST, "/api/v1/plans/optimize", json: input).json(OptimizeJSON.self).gapClosed
                    == 3)

            // Adoption writes staffA's 2027 draft plan with both items, once.
            struct AdoptionJSON: Decodable, Equatable {
                let plansCreated: Int
                let itemsAdded: Int
                let skipped: Int
            }
            #expect(
                try await admin.send(.POST, "/api/v1/plans/optimize/adopt", json: input).json(AdoptionJSON.self)
                    == .init(plansCreated: 1, itemsAdded: 2, skipped: 0))
            #expect(
                try await admin.send(.POST, "/api/v1/plans/optimize/adopt", json: input).json(AdoptionJSON.self)
                    == .init(plansCreated: 0, itemsAdded: 0, skipped: 0))
            let plans = try await admin.send(.GET, "/api/v1/employees/\(world.staffA.id!)/plans").json([PlanJSON].self)
            #expect(
                plans.map(\.status) == ["draft"] && plans[0].year == 2027
                    && Set(plans[0].items.map(\.source)) == ["optimiser"] && plans[0].totalJp == 40)
        }
    }
}

extension DevelopmentTests {
    @Test func pppkAreNotEnrolledPast24JP() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            struct Created: Decodable { let id: UUID }
            let pppk = try await admin.send(
                .POST, "/api/v1/employees",
                json: EmployeeInput(
                    nip: "199001012022212005", name: "Yuliana Nenobais",
                    employmentType: "PPPK", rank: "IX", unitId: world.bidangA.id!, positionId: nil,
                    supervisorId: world.headA.id)
            ).json(Created.self)
            // 2 JP already credited in 2026 (a webinar) + KS-01 (16 JP) = 18 ≤ 24: allowed.
            try await EnrolmentService.credit(
                employeeID: pppk.id, instansiID: world.instansi.id!, jp: 2,
                end: SimpleDate(year: 2026, month: 3, day: 2)!,
                source: "learning", sourceID: UUID(), title: "Webinar", at: testNow, on: app.db)
            let teamwork = try await Self.batch(app, c.teamwork.id, capacity: 5)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/batches/\(teamwork.id)/enrolments", json: EnrolmentInput(employeeId: pppk.id)
                ).status == .created)
            // + PP-01 (24 JP) would make 2 + 16 + 24 = 42 > 24: refused, naming the field.
            let service = try await Self.batch(app, c.publicService.id, capacity: 5)
            let refused = try await admin.send(
                .POST, "/api/v1/batches/\(service.id)/enrolments", json: EnrolmentInput(employeeId: pppk.id))
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(APIErrorBody.self).fields?.map(\.field) == ["employeeId"])
            // A PNS has no cap: staffA takes both.
            #expect(
                try await admin.send(
                    .POST, "/api/v1/batches/\(teamwork.id)/enrolments",
                    json: EnrolmentInput(employeeId: world.staffA.id!)
                ).status == .created)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/batches/\(service.id)/enrolments",
                    json: EnrolmentInput(employeeId: world.staffA.id!)
                ).status == .created)
            // The PPPK's JP status reads against the cap.
            let jp = try await admin.send(.GET, "/api/v1/employees/\(pppk.id)/jp?year=2026").json(JPJSON.self)
            #expect(jp.jp == 2 && jp.minimum == 0 && jp.met)
        }
    }
}

extension DevelopmentTests {
    @Test func providerAccountsAreBoundToTheirInstitution() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let c = try await Self.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            let unbound = try await admin.send(
                .POST, "/api/v1/users",
                json: NewUserInput(username: "lpk.baru", password: "Rahasia-Lembaga-1", role: "provider"))
            #expect(unbound.status == .unprocessableEntity)
            #expect(try unbound.json(APIErrorBody.self).fields?.map(\.field) == ["providerId"])
            let bound = try await admin.send(
                .POST, "/api/v1/users",
                json: NewUserInput(
                    username: "lpk.baru", password: "Rahasia-Lembaga-1", role: "provider", providerId: c.provider))
            #expect(bound.status == .created)
            struct UserJSON: Decodable { let providerId: UUID? }
            #expect(try bound.json(UserJSON.self).providerId == c.provider)
            // The new login sees its institution's two programmes.
            let provider = try await APIClient.login(app, "lpk.baru", password: "Rahasia-Lembaga-1")
            #expect(
                try await provider.send(.GET, "/api/v1/programs").json(PageJSON<ProgrammeJSON>.self).metadata.total == 2
            )
            #expect(
                try await provider.send(.GET, "/api/v1/providers").json([ProviderJSON].self).map(\.id) == [c.provider])
        }
    }
}

@Suite("Develop: pages and their access")
struct DevelopmentPageTests {
    @Test func pagesRenderForTheRightRolesOnly() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await EmployeeAndGapTests.positionForStaffA(app, world)
            try await EmployeeAndGapTests.assessStaffAAtLevel1(app, world)
            let c = try await DevelopmentTests.catalogue(app)
            let b = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 3)
            let admin = try await WebClient.login(app, "admin")
            for path in [
                "/providers", "/providers/new", "/programs", "/programs/new", "/programs/\(c.publicService.id)",
                "/batches/\(b.id)",
                "/development/needs", "/development/needs?view=people", "/development/jp", "/development/annual-plan",
                "/plans",
                "/employees/\(world.staffA.id!)", "/employees/\(world.staffA.id!)/plans", "/admin/settings", "/",
            ] {
                let r = try await admin.get(path)
                #expect(r.status == .ok, "admin \(path): \(r.status)")
            }
            let csv = try await admin.get("/development/needs?format=csv")
            #expect(csv.body.string.contains("Kode kompetensi;Kompetensi;Sasaran pegawai (orang)"))
            #expect(csv.body.string.contains("M.5;") && csv.body.string.contains("PP-01 Pelatihan Pelayanan Prima"))

            let pegawai = try await WebClient.login(app, "pegawai")
            for path in [
                "/development/needs", "/development/jp", "/development/annual-plan", "/plans", "/providers/new",
            ] {
                #expect(try await pegawai.get(path).status == .forbidden, "pegawai \(path)")
            }
            #expect(try await pegawai.get("/programs").status == .ok)
            #expect(try await pegawai.get("/employees/\(world.staffA.id!)/plans").status == .ok)
            #expect(try await pegawai.get("/employees/\(world.headA.id!)/plans").status == .forbidden)
            let opB = try await WebClient.login(app, "operator.b")
            #expect(try await opB.get("/development/needs?unit=\(world.opdA.id!)").status == .forbidden)
            #expect(try await opB.get("/development/jp").status == .ok)
            #expect(try await opB.get("/development/annual-plan").status == .forbidden)
        }
    }

    @Test func everyRoleHasADashboard() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let lpk = world.users["lpk"]!
            lpk.providerID = c.provider
            try await lpk.save(on: app.db)
            for user in ["admin", "operator.a", "atasan", "pegawai", "asesor", "lpk"] {
                let r = try await WebClient.login(app, user).get("/")
                #expect(r.status == .ok, "dashboard of \(user): \(r.status)")
            }
            let provider = try await WebClient.login(app, "lpk").get("/")
            #expect(provider.body.string.contains("stat-provider-programmes"))
            let pegawai = try await WebClient.login(app, "pegawai").get("/")
            #expect(pegawai.body.string.contains("id=\"my-jp\""))
        }
    }

    @Test func bulkApprovalIsAllOrNothing() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let admin = try await APIClient.login(app, "admin")
            // Two plans of headA's subordinate staffA (years 2027 and 2028): one submitted, one still a draft.
            var ids: [UUID] = []
            for year in [2027, 2028] {
                let plan = try await admin.send(
                    .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                    json: PlanInput(year: year, items: [.init(programId: c.publicService.id)])
                ).json(DevelopmentTests.PlanJSON.self)
                ids.append(plan.id)
            }
            #expect(
                try await admin.send(
                    .POST, "/api/v1/plans/\(ids[0])/transition", json: TransitionInput(to: "submitted")
                ).status == .ok)
            let atasan = try await WebClient.login(app, "atasan")
            let inbox = try await atasan.get("/plans")
            #expect(
                inbox.body.string.contains("pick-\(ids[0].uuidString)")
                    && !inbox.body.string.contains("pick-\(ids[1].uuidString)"))
            // Asking for both: the draft cannot be approved, so neither is.
            _ = try await atasan.post(
                "/plans/bulk-approve", pairs: [("plan[]", ids[0].uuidString), ("plan[]", ids[1].uuidString)])
            #expect(try await DevelopmentPlan.find(ids[0], on: app.db)?.status == "submitted")
            _ = try await atasan.post("/plans/bulk-approve", pairs: [("plan[]", ids[0].uuidString)])
            #expect(try await DevelopmentPlan.find(ids[0], on: app.db)?.status == "approved_supervisor")
        }
    }
}
