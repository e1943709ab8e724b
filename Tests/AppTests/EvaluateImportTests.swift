import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Testing
import VaporTesting

@testable import App

/// Evaluate's files: SKP ratings imported (all rows or none), pre-/post-test scores uploaded on
/// a batch page, and imported assessment results closing re-assessments.
@Suite("Evaluate imports: SKP, L2 scores, re-assessment by import")
struct EvaluateImportTests {
    @Test func skpImportIsAllOrNothingAndDerivesThePredicate() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            func rows(_ text: String) throws -> [ImportRow] {
                try ImportFile.rows(Data(text.utf8), columns: PerformanceImporter.columns)
            }
            let bad = try rows(
                """
                NIP;Tahun;Hasil Kerja;Perilaku Kerja
                \(world.staffA.nip);2025;di_atas_ekspektasi;Di atas ekspektasi
                \(world.staffB.nip);2031;luar biasa;sesuai_ekspektasi
                \(world.staffA.nip);2025;sesuai_ekspektasi;sesuai_ekspektasi
                """)
            do {
                _ = try await PerformanceImporter.run(bad, actor: admin, at: testNow, on: app.db)
                Issue.record("an invalid file was imported")
            } catch let problems as ImportProblems {
                #expect(problems.problems.map { "\($0.row) \($0.column)" } == ["3 Hasil Kerja", "3 Tahun", "4 Tahun"])
            }
            #expect(try await PerformanceRating.query(on: app.db).count() == 0)

            let good = try rows(
                """
                NIP;Tahun;Hasil Kerja;Perilaku Kerja
                \(world.staffA.nip);2025;di_atas_ekspektasi;Di atas ekspektasi
                \(world.staffB.nip);2025;di_bawah_ekspektasi;sesuai_ekspektasi
                """)
            #expect(
                try await PerformanceImporter.run(good, actor: admin, at: testNow, on: app.db)
                    == ImportOutcome(imported: 2, updated: 0, unchanged: 0))
            let byEmployee = Dictionary(
                uniqueKeysWithValues: try await PerformanceRating.query(on: app.db).all().map {
                    ($0.employeeID, $0.predicate)
                })
            #expect(byEmployee[world.staffA.id!] == "Sangat Baik" && byEmployee[world.staffB.id!] == "Butuh Perbaikan")
            let corrected = try rows(
                """
                NIP;Tahun;Hasil Kerja;Perilaku Kerja
                \(world.staffA.nip);2025;di_atas_ekspektasi;di_atas_ekspektasi
                \(world.staffB.nip);2025;sesuai_ekspektasi;sesuai_ekspektasi
                """)
            #expect(
                try await PerformanceImporter.run(corrected, actor: admin, at: testNow, on: app.db)
                    == ImportOutcome(imported: 0, updated: 1, unchanged: 1))
            // Nobody imports their own rating (here the supervisor's employee record is given to the admin login).
            let selfRating = Principal(
                userID: admin.userID, username: "admin", role: .admin, instansiID: admin.instansiID, opdID: nil,
                employeeID: world.staffA.id)
            do {
                _ = try await PerformanceImporter.run(corrected, actor: selfRating, at: testNow, on: app.db)
                Issue.record("an admin imported their own rating")
            } catch let problems as ImportProblems {
                #expect(problems.problems.map { "\($0.row) \($0.column)" } == ["2 NIP"])
            }
            // The employee reads their own SKP; an assessor, who reads every employee, does not.
            #expect(
                try await APIClient.login(app, "pegawai").send(
                    .GET, "/api/v1/employees/\(world.staffA.id!)/performance"
                ).status == .ok)
            #expect(
                try await APIClient.login(app, "asesor").send(.GET, "/api/v1/employees/\(world.staffA.id!)/performance")
                    .status == .forbidden)
            // An operator imports only their own OPD's people.
            let op = try await ActorResolver.actor(for: world.users["operator.a"]!, on: app.db)
            do {
                _ = try await PerformanceImporter.run(corrected, actor: op, at: testNow, on: app.db)
                Issue.record("an operator imported another OPD's employee")
            } catch let problems as ImportProblems {
                #expect(problems.problems.map { "\($0.row) \($0.column)" } == ["3 NIP"])
            }
            // The export has the import's columns and the predicate.
            let export = try await WebClient.login(app, "admin").get("/exports/performance?format=csv").body.string
            #expect(
                export.contains("NIP;Tahun;Hasil Kerja;Perilaku Kerja;Predikat")
                    && export.contains("\(world.staffB.nip);2025;sesuai_ekspektasi;sesuai_ekspektasi;Baik"))
        }
    }

    @Test func l2ScoresFromAFileAndReassessmentByImport() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (programme, enrolments) = try await EvaluateTests.completedTraining(app, world)
            let admin = try await WebClient.login(app, "admin")
            let batchID = try await Enrolment.find(enrolments[world.staffA.id!]!, on: app.db)!.batchID
            // The sheet lists the completed participants.
            let sheet = try await admin.get("/batches/\(batchID)/tests/template?format=csv").body.string
            #expect(
                sheet.contains("NIP;Nama;Pre-test;Post-test") && sheet.contains(world.staffA.nip)
                    && sheet.contains(world.headA.nip))
            func upload(_ csv: String) async throws -> TestingHTTPResponse {
                let boundary = "----kompeten-test"
                var body =
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(admin.csrf ?? "")\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"max\"\r\n\r\n100\r\n"
                body +=
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nilai.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                if let cookie = admin.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
                return try await app.testing().sendRequest(
                    .POST, "/batches/\(batchID)/tests/import", headers: headers, body: ByteBuffer(string: body))
            }
            let twice = try await upload(
                "NIP;Pre-test;Post-test\n\(world.staffA.nip);40;70\n\(world.staffA.nip);45;75\n")
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("Baris 3, kolom NIP"))
            let wrong = try await upload(
                "NIP;Pre-test;Post-test\n\(world.staffA.nip);40;70\n199999999999999999;10;20\n\(world.headA.nip);50;x\n"
            )
            #expect(wrong.status == .unprocessableEntity)
            #expect(
                wrong.body.string.contains("Baris 3, kolom NIP")
                    && wrong.body.string.contains("Baris 4, kolom Post-test"))
            #expect(try await EvaluationRecord.query(on: app.db).count() == 0)
            #expect(
                try await upload("NIP;Pre-test;Post-test\n\(world.staffA.nip);40;70\n\(world.headA.nip);20;60\n").status
                    == .seeOther)
            // (70 − 40) / 60 = 0.5 and (60 − 20) / 80 = 0.5.
            #expect(try await EvaluationRecord.query(on: app.db).all().compactMap(\.summary) == [0.5, 0.5])

            // Imported results close the due, with the level before the training (none: "belum") and after.
            let asesor = try await ActorResolver.actor(for: world.users["asesor"]!, on: app.db)
            let results = try ImportFile.rows(
                Data(
                    """
                    NIP;Tanggal;Metode;Asesor;Kode Kompetensi;Level
                    \(world.staffA.nip);20/11/2026;uji_kompetensi;Tim;M.5;4
                    """.utf8), columns: AssessmentImporter.columns)
            #expect(try await AssessmentImporter.run(results, actor: asesor, at: testNow, on: app.db).imported == 1)
            let due = try await ReassessmentDue.query(on: app.db).filter(\.$employeeID == world.staffA.id!).first()!
            #expect(due.closedOn == "2026-11-20" && due.levelBefore == nil && due.levelAfter == 4)
            // Unknown earlier level: not counted as a rise (nor as no rise).
            let api = try await APIClient.login(app, "admin")
            struct Eff: Decodable {
                let levelRaisedShare: Double?
                let reassessed: Int
            }
            let e = try await api.send(.GET, "/api/v1/programs/\(programme)/effectiveness").json(Eff.self)
            #expect(e.reassessed == 0 && e.levelRaisedShare == nil)
        }
    }
}
