import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Mandatory training on a hand-built city, judged on the test day, 29 November 2026 (WITA), with
/// the standard 12 months for every kind:
///
/// | who            | OPD      | requirement | from (TMT)  | due         | completion             | status  |
/// |----------------|----------|-------------|-------------|-------------|------------------------|---------|
/// | headA          | DUKCAPIL | PKA         | 2025-11-29  | 2026-11-29  | —                      | due (the deadline day itself) |
/// | staffA         | DUKCAPIL | Latsar      | 2015-03-01  | 2016-03-01  | —                      | overdue |
/// | staffA         | DUKCAPIL | PKP         | 2025-11-28  | 2026-11-28  | catalogue, 2026-06-30  | done    |
/// | staffB         | DINKES   | PKP         | 2024-02-29  | 2025-02-28  | outside, 2025-03-10    | done, late |
/// | new CPNS       | DINKES   | Latsar      | 2026-01-01  | 2027-01-01  | —                      | due     |
///
/// Per OPD: DUKCAPIL due 1, overdue 1, done 1; DINKES due 1, overdue 0, done 1; city 2 / 1 / 2.
@Suite("Mandatory training")
struct MandatoryTrainingTests {
    struct ListJSON: Decodable {
        struct Counts: Decodable, Equatable {
            let due: Int, overdue: Int, done: Int
        }
        struct Item: Decodable {
            let employeeId: UUID
            let requirement: String
            let startDate: String
            let dueDate: String
            let status: String
            let completedOn: String?
            let late: Bool
        }
        let today: String
        let counts: Counts
        let items: [Item]
    }
    struct EmployeeJSON: Decodable {
        let id: UUID
        let employmentType: String
        let cpnsTmt: String?
        let positionTmt: String?
    }

    static func build(_ app: Application, _ world: World) async throws -> UUID {
        let admin = try await APIClient.login(app, "admin")
        let maker = try await RecordMaker(app, "admin")
        func position(_ code: String, _ kind: String, _ unit: Unit) async throws -> UUID {
            try await maker.make(
                "/api/v1/positions",
                PositionInput(
                    code: code, name: "Jabatan \(code)", kind: kind, unitId: unit.id!, summary: nil, duties: nil,
                    standards: []))
        }
        let sekretaris = try await position("DUKCAPIL.SEK", "administrator", world.opdA)
        let kasiA = try await position("DUKCAPIL.B1.KASI", "pengawas", world.bidangA)
        let kasiB = try await position("DINKES.KASI", "pengawas", world.opdB)

        // headA through the API: a TMT jabatan exactly 12 months before the test day.
        let put = try await admin.send(
            .PUT, "/api/v1/employees/\(world.headA.id!)",
            json: EmployeeInput(
                nip: world.headA.nip, name: world.headA.name, employmentType: "PNS", rank: "III/a",
                unitId: world.opdA.id!, positionId: sekretaris, supervisorId: nil, positionTmt: "2025-11-29"))
        #expect(put.status == .ok, "\(put.body.string)")
        let head = try put.json(EmployeeJSON.self)
        #expect(head.employmentType == "PNS" && head.positionTmt == "2025-11-29" && head.cpnsTmt == nil)

        // staffA: still a CPNS on the NIP's TMT (March 2015), and a pengawas since 28 November 2025.
        world.staffA.cpnsTMT = "2015-03-01"
        world.staffA.positionID = kasiA
        world.staffA.positionTMT = "2025-11-28"
        try await world.staffA.save(on: app.db)
        world.staffB.positionID = kasiB
        world.staffB.positionTMT = "2024-02-29"
        try await world.staffB.save(on: app.db)

        // A new CPNS through the API: TMT January 2026 in the NIP.
        let created = try await admin.send(
            .POST, "/api/v1/employees",
            json: EmployeeInput(
                nip: "199805102026011001", name: "Yakobus Lakapu", employmentType: "CPNS", rank: "III/a",
                unitId: world.opdB.id!, positionId: nil, supervisorId: nil))
        #expect(created.status == .created, "\(created.body.string)")
        let cpns = try created.json(EmployeeJSON.self)
        #expect(cpns.employmentType == "CPNS" && cpns.cpnsTmt == "2026-01-01")

        // PKP from the catalogue for staffA; PKP elsewhere, verified, for staffB.
        let provider = try await maker.make(
            "/api/v1/providers", ProviderInput(code: "BPSDMD", name: "BPSDMD Provinsi NTT", kind: "bpsdmd"))
        let pkp = try await maker.make(
            "/api/v1/programs",
            ProgrammeInput(
                code: "PKP-2026", title: "Pelatihan Kepemimpinan Pengawas", form: "klasikal", path: "KL01",
                providerId: provider, competencies: [.init(competencyCode: "M.1", levelGain: 1)], jp: 30,
                costPerParticipant: 1_000_000, capacity: 30, description: nil, active: nil, mandatoryKind: "pkp"))
        let batch = try await maker.make(
            "/api/v1/programs/\(pkp)/batches",
            BatchInput(
                name: "Angkatan I", startDate: "2026-11-23", endDate: "2026-11-30", capacity: 10, place: "Kupang",
                online: false))
        let enrolment = Enrolment()
        enrolment.id = UUID()
        enrolment.instansiID = world.instansi.id!
        enrolment.batchID = batch
        enrolment.programmeID = pkp
        enrolment.employeeID = world.staffA.id!
        enrolment.status = EnrolmentStatus.completed.rawValue
        enrolment.completedOn = "2026-06-30"
        enrolment.createdAt = testNow
        enrolment.updatedAt = testNow
        try await enrolment.create(on: app.db)
        let learning = LearningRecord()
        learning.id = UUID()
        learning.instansiID = world.instansi.id!
        learning.employeeID = world.staffB.id!
        learning.title = "PKP BPSDM Provinsi Jawa Timur"
        learning.path = "KL01"
        learning.organiser = "BPSDM Jawa Timur"
        learning.startDate = "2025-01-13"
        learning.endDate = "2025-03-10"
        learning.jp = 30
        learning.status = LearningStatus.verified.rawValue
        learning.mandatoryKind = "pkp"
        learning.createdBy = world.users["admin"]!.id!
        learning.createdAt = testNow
        try await learning.create(on: app.db)
        return cpns.id
    }

    @Test func dueDatesStatusesAndCountsPerOPD() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let newCPNS = try await Self.build(app, world)
            let admin = try await APIClient.login(app, "admin")

            let all = try await admin.send(.GET, "/api/v1/mandatory-training").json(ListJSON.self)
            #expect(all.today == "2026-11-29")
            #expect(all.counts == .init(due: 2, overdue: 1, done: 2))
            // Overdue first, then by due date.
            let rows = all.items.map { "\($0.employeeId) \($0.requirement) \($0.startDate) \($0.dueDate) \($0.status)" }
            #expect(
                rows == [
                    "\(world.staffA.id!) latsar 2015-03-01 2016-03-01 overdue",
                    "\(world.headA.id!) pka 2025-11-29 2026-11-29 due",
                    "\(newCPNS) latsar 2026-01-01 2027-01-01 due",
                    "\(world.staffB.id!) pkp 2024-02-29 2025-02-28 done",
                    "\(world.staffA.id!) pkp 2025-11-28 2026-11-28 done",
                ])
            let staffB = all.items.first { $0.employeeId == world.staffB.id! }
            #expect(staffB?.completedOn == "2025-03-10" && staffB?.late == true)
            let staffAPKP = all.items.first { $0.employeeId == world.staffA.id! && $0.requirement == "pkp" }
            #expect(staffAPKP?.completedOn == "2026-06-30" && staffAPKP?.late == false)

            let a = try await admin.send(.GET, "/api/v1/mandatory-training?unitId=\(world.opdA.id!)").json(
                ListJSON.self)
            #expect(a.counts == .init(due: 1, overdue: 1, done: 1))
            let b = try await admin.send(.GET, "/api/v1/mandatory-training?unitId=\(world.opdB.id!)").json(
                ListJSON.self)
            #expect(b.counts == .init(due: 1, overdue: 0, done: 1))
            let overdue = try await admin.send(.GET, "/api/v1/mandatory-training?status=overdue").json(ListJSON.self)
            #expect(overdue.items.map(\.employeeId) == [world.staffA.id!])

            // Bad filters name their field (422); another OPD's unit is refused to an operator.
            let badUnit = try await admin.send(.GET, "/api/v1/mandatory-training?unitId=bukan-uuid")
            #expect(badUnit.status == .unprocessableEntity && badUnit.body.string.contains("unitId"))
            let badStatus = try await admin.send(.GET, "/api/v1/mandatory-training?status=lambat")
            #expect(badStatus.status == .unprocessableEntity && badStatus.body.string.contains("status"))
            let opB = try await APIClient.login(app, "operator.b")
            #expect(
                try await opB.send(.GET, "/api/v1/mandatory-training?unitId=\(world.opdA.id!)").status == .forbidden)
            #expect(try await opB.send(.GET, "/api/v1/mandatory-training").json(ListJSON.self).counts == b.counts)
            // The employee sees their own two requirements only.
            let own = try await APIClient.login(app, "pegawai").send(.GET, "/api/v1/mandatory-training")
                .json(ListJSON.self)
            #expect(Set(own.items.map(\.employeeId)) == [world.staffA.id!] && own.items.count == 2)
            let ownCSV = try await WebClient.login(app, "pegawai").get("/development/pelatihan-wajib?format=csv")
            let ownLines = ownCSV.body.string.split(whereSeparator: \.isNewline)
            #expect(ownLines.count == 3 && ownLines.dropFirst().allSatisfy { $0.contains(";\(world.bidangA.name);") })

            // The page: the per-OPD table and its download carry the same figures.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/development/pelatihan-wajib")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("mandatory-per-unit"))
            let csv = try await web.get("/development/pelatihan-wajib?status=done&format=csv")
            let lines = csv.body.string.split(whereSeparator: \.isNewline)
            #expect(lines.count == 3)
            #expect(lines.dropFirst().allSatisfy { $0.contains(";PKP;") && $0.contains(";Selesai;") })
            // The dashboard panel counts the same.
            let home = try await web.get("/").body.string
            #expect(home.contains("stat-mandatory-overdue"))
            // BKPPD's panel per OPD: DINKES 1 / 0 / 1, DUKCAPIL 1 / 1 / 1, each row linking to its list.
            #expect(home.contains("id=\"mandatory-panel\""))
            #expect(
                home.contains(
                    "<a href=\"/development/pelatihan-wajib?unit=\(world.opdB.id!.uuidString)\">Dinas Kesehatan</a></td><td class=\"num\">1</td><td class=\"num\"><a href=\"/development/pelatihan-wajib?unit=\(world.opdB.id!.uuidString)&amp;status=overdue\">0</a></td><td class=\"num\">1</td>"
                ))

            // A period outside 1–60 months is refused by name and the typed value stays; 6 months
            // for PKA moves headA's deadline to 2026-05-29, which has passed.
            let bad = try await web.post(
                "/admin/settings", ["formula": "capped", "purpose": "pemetaan", "pkaMonths": "0", "pkpMonths": "abc"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.string.contains("Tenggat PKA: 1–60 bulan.")
                    && bad.body.string.contains("Tenggat PKP: 1–60 bulan."))
            #expect(bad.body.string.contains("value=\"abc\""))
            let saved = try await web.post(
                "/admin/settings", ["formula": "capped", "purpose": "pemetaan", "pkaMonths": "6"])
            #expect(saved.status == .seeOther)
            let shorter = try await admin.send(.GET, "/api/v1/mandatory-training?unitId=\(world.opdA.id!)")
                .json(ListJSON.self)
            let pka = shorter.items.first { $0.requirement == "pka" }
            #expect(pka?.dueDate == "2026-05-29" && pka?.status == "overdue")
            #expect(shorter.counts == .init(due: 0, overdue: 2, done: 1))
            // The employee list filters CPNS; the programme page names the training it fulfils.
            let listed = try await web.get("/employees?type=CPNS").body.string
            #expect(listed.contains("Yakobus Lakapu") && listed.contains(world.staffA.nip))
            #expect(!listed.contains(world.headA.nip) && !listed.contains(world.staffB.nip))
            let programmes = try await Programme.query(on: app.db).filter(\.$mandatoryKind == "pkp").all()
            let programmePage = try await web.get("/programs/\(programmes[0].id!)").body.string
            #expect(programmes.count == 1 && programmePage.contains("Memenuhi PKP (Pelatihan Kepemimpinan Pengawas)"))
            // The profile shows the status and the TMT jabatan.
            let profile = try await web.get("/employees/\(world.staffA.id!)").body.string
            #expect(profile.contains("CPNS sejak 1 Maret 2015") && profile.contains("28 November 2025"))
        }
    }

    @Test func cpnsIsAStatusOfAPNSNumberAndTheTMTJabatanIsChecked() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            // A PPPK number cannot be a CPNS.
            let pppk = try await admin.send(
                .POST, "/api/v1/employees",
                json: EmployeeInput(
                    nip: "199203152021212001", name: "Agustina Ndolu", employmentType: "CPNS", rank: "IX",
                    unitId: world.opdB.id!, positionId: nil, supervisorId: nil))
            #expect(pppk.status == .unprocessableEntity && pppk.body.string.contains("employmentType"))
            // A TMT jabatan that is not a date, or without a position, is refused by field.
            for tmt in ["29-11-2025", "2025-02-30"] {
                let r = try await admin.send(
                    .POST, "/api/v1/employees",
                    json: EmployeeInput(
                        nip: "199805102026011002", name: "Yohana Tefa", employmentType: "CPNS", rank: "III/a",
                        unitId: world.opdB.id!, positionId: nil, supervisorId: nil, positionTmt: tmt))
                #expect(r.status == .unprocessableEntity && r.body.string.contains("positionTmt"), "\(tmt)")
            }
            // Appointed PNS: the CPNS status (and its Latsar requirement) ends.
            let made = try await admin.send(
                .POST, "/api/v1/employees",
                json: EmployeeInput(
                    nip: "199805102026011003", name: "Markus Bana", employmentType: "CPNS", rank: "III/a",
                    unitId: world.opdB.id!, positionId: nil, supervisorId: nil)
            ).json(EmployeeJSON.self)
            let appointed = try await admin.send(
                .PUT, "/api/v1/employees/\(made.id)",
                json: EmployeeInput(
                    nip: "199805102026011003", name: "Markus Bana", employmentType: "PNS", rank: "III/a",
                    unitId: world.opdB.id!, positionId: nil, supervisorId: nil)
            ).json(EmployeeJSON.self)
            #expect(appointed.employmentType == "PNS" && appointed.cpnsTmt == nil)
            #expect(try await admin.send(.GET, "/api/v1/mandatory-training").json(ListJSON.self).items.isEmpty)
        }
    }
}

/// The employee import reads CPNS and TMT Jabatan, all or nothing, problems by row and column.
@Suite("Mandatory training: employee import")
struct MandatoryImportTests {
    @Test func cpnsAndTMTJabatanImportAndBadDatesAreNamed() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let maker = try await RecordMaker(app, "admin")
            _ = try await maker.make(
                "/api/v1/positions",
                PositionInput(
                    code: "DINKES.KASI", name: "Kepala Seksi", kind: "pengawas", unitId: world.opdB.id!, summary: nil,
                    duties: nil, standards: []))
            let admin = try await APIClient.login(app, "admin")
            func post(_ csv: String) async throws -> TestingHTTPResponse {
                try await ImportTests().post(admin, csv)
            }
            let header = "NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit;Kode Jabatan;NIP Atasan;TMT Jabatan\n"
            let bad = try await post(
                header + "199805102026011001;Yakobus Lakapu;CPNS;III/a;DINKES;;;2026-02-30\n"
                    + "199203152021212001;Agustina Ndolu;CPNS;III/a;DINKES;;;\n")
            #expect(bad.status == .unprocessableEntity)
            let problems = try bad.json(ImportTests.Problems.self).errors
            #expect(problems.map(\.row) == [2, 3])
            #expect(problems.map(\.column) == ["TMT Jabatan", "Jenis Kepegawaian"])
            #expect(try await Employee.query(on: app.db).filter(\.$nip == "199805102026011001").count() == 0)

            let good = try await post(
                header + "199805102026011001;Yakobus Lakapu;CPNS;III/a;DINKES;;;\n"
                    + "198807072012122003;Debora Ndun;PNS;III/a;DINKES;DINKES.KASI;;2026-03-02\n")
            #expect(good.status == .ok, "\(good.body.string)")
            let cpns = try await Employee.query(on: app.db).filter(\.$nip == "199805102026011001").first()
            #expect(cpns?.cpnsTMT == "2026-01-01" && cpns?.employmentType == "PNS")
            let head = try await Employee.query(on: app.db).filter(\.$nip == "198807072012122003").first()
            #expect(head?.positionTMT == "2026-03-02" && head?.cpnsTMT == nil)
            // The download says CPNS and carries the TMT jabatan, so it imports back unchanged.
            let csv = try await WebClient.login(app, "admin").get("/exports/employees?format=csv").body.string
            #expect(csv.contains("199805102026011001;Yakobus Lakapu;CPNS;"))
            #expect(csv.contains(";DINKES.KASI;;2026-03-02"))
        }
    }
}

/// The TNA's need sources on a hand-built case, plan year 2026 (so SKP 2025):
/// - staffA (Maria Fanggidae): M.1 required 3, assessed 2 → standar jabatan, gap 1; SKP 2025
///   results below expectation with behaviour as expected → Butuh Perbaikan → kinerja;
/// - staffB (Debora Ndun): a CPNS since March 2015 without Latsar → pelatihan wajib, overdue
///   since 2016-03-01;
/// - headA (Yohanes Benu): SKP 2025 Baik → no need.
@Suite("TNA need sources")
struct TNASourceTests {
    struct TNAJSON: Decodable {
        struct Item: Decodable {
            let employeeId: UUID
            let source: String
            let competencyCode: String?
            let gap: Int?
            let subject: String?
        }
        struct Metadata: Decodable { let total: Int }
        let items: [Item]
        let metadata: Metadata
    }

    @Test func eachNeedNamesItsSource() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let maker = try await RecordMaker(app, "admin")
            let post = try await maker.make(
                "/api/v1/positions",
                PositionInput(
                    code: "DUKCAPIL.B1.J2", name: "Pengadministrasi", kind: "pelaksana", unitId: world.bidangA.id!,
                    summary: nil, duties: nil, standards: [.init(competencyCode: "M.1", requiredLevel: 3)]))
            world.staffA.positionID = post
            try await world.staffA.save(on: app.db)
            let assessed = try await admin.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/assessments",
                json: AssessmentInput(
                    date: "2026-03-01", method: "assessment_center", assessorName: "Tim AC", notes: nil,
                    results: [.init(competencyCode: "M.1", level: 2)]))
            #expect(assessed.status == .created, "\(assessed.body.string)")
            for (e, hasil, perilaku) in [
                (world.staffA, "di_bawah_ekspektasi", "sesuai_ekspektasi"),
                (world.headA, "sesuai_ekspektasi", "sesuai_ekspektasi"),
            ] {
                let r = try await admin.send(
                    .POST, "/api/v1/employees/\(e.id!)/performance",
                    json: PerformanceInput(year: 2025, hasilKerja: hasil, perilakuKerja: perilaku))
                #expect(r.status == .created, "\(r.body.string)")
            }
            world.staffB.cpnsTMT = "2015-03-01"
            try await world.staffB.save(on: app.db)

            let all = try await admin.send(.GET, "/api/v1/tna?year=2026").json(TNAJSON.self)
            #expect(all.metadata.total == 3)
            #expect(all.items.map(\.employeeId) == [world.staffA.id!, world.staffB.id!, world.staffA.id!])
            #expect(all.items.map(\.source) == ["standar_jabatan", "pelatihan_wajib", "kinerja"])
            #expect(all.items[0].competencyCode == "M.1" && all.items[0].gap == 1 && all.items[0].subject == nil)
            #expect(all.items[1].subject == "Latsar CPNS (terlambat sejak 2016-03-01)")
            #expect(all.items[2].subject == "SKP 2025: Butuh Perbaikan")
            // One source at a time; a page that starts past the competency gaps.
            let kinerja = try await admin.send(.GET, "/api/v1/tna?year=2026&source=kinerja").json(TNAJSON.self)
            #expect(kinerja.items.map(\.employeeId) == [world.staffA.id!] && kinerja.metadata.total == 1)
            let second = try await admin.send(.GET, "/api/v1/tna?year=2026&per=1&page=2").json(TNAJSON.self)
            #expect(second.items.map(\.source) == ["pelatihan_wajib"])
            let bad = try await admin.send(.GET, "/api/v1/tna?source=atasan")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("source"))

            // The page's per-person download carries the source column.
            let web = try await WebClient.login(app, "admin")
            let csv = try await web.get("/development/needs?view=people&year=2026&format=csv").body.string
            #expect(csv.contains("NIP;Nama;Sumber;Kode kompetensi"))
            #expect(csv.contains(";Standar jabatan;M.1;3;2;1;"))
            #expect(csv.contains(";Kinerja;;;;;;SKP 2025: Butuh Perbaikan"))
            #expect(csv.contains(";Pelatihan wajib;;;;;;Latsar CPNS (terlambat sejak 2016-03-01)"))
            let page = try await web.get("/development/needs?year=2026").body.string
            #expect(page.contains("tna-sources"))
        }
    }
}
