import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Testing
import Vapor
import VaporTesting

@testable import App

/// Tugas pokok rows go out and come back through the same columns: export, correct in a
/// spreadsheet, import; a file with one bad row writes nothing; an operator reaches only the
/// positions of their own OPD.
@Suite("Job analysis: task import and export")
struct JobAnalysisImportTests {
    @Test func exportEditImportRoundTripAndAllOrNothing() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await JobAnalysisTests.position(app, world, holders: [world.staffA])
            let admin = try await APIClient.login(app, "admin")
            #expect(
                try await admin.send(.PUT, "/api/v1/positions/\(id)/job-analysis", json: JobAnalysisTests.Body())
                    .status == .ok)

            // Out: the three tasks of the hand-worked example, in the import's columns; the norm
            // hours ("0,25" on the page) are numbers in the XLSX, which read back as "0.25".
            let web = try await WebClient.login(app, "admin")
            let download = try await web.get("/exports/tasks?format=xlsx")
            #expect(download.status == .ok)
            let table = try XLSXReader.read(Data(buffer: download.body))
            #expect(table.header == TaskImporter.columns.map(\.header))
            #expect(
                table.rows == [
                    [
                        "DUKCAPIL.B1.J9", "Memverifikasi berkas permohonan KTP-el", "Berkas terverifikasi", "berkas",
                        "4800", "0.25",
                    ],
                    ["DUKCAPIL.B1.J9", "Merekam data biometrik pemohon", "Data terekam", "pemohon", "240", "1.5"],
                    ["DUKCAPIL.B1.J9", "Menyusun laporan bulanan pelayanan", "Laporan", "laporan", "12", "8"],
                ])

            // Back in, unchanged: nothing to do.
            let adminActor = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            let same = try ImportFile.rows(
                XLSXWriter.write(sheets: [(name: "Tugas", table: table)]), columns: TaskImporter.columns)
            #expect(
                try await TaskImporter.run(same, actor: adminActor, at: testNow, on: app.db)
                    == ImportOutcome(imported: 0, updated: 0, unchanged: 1))

            // Corrected in the spreadsheet: 6,000 files a year (a thousands dot), one task fewer.
            var edited = table
            edited.rows[0][4] = "6.000"
            edited.rows.removeLast()
            let rows = try ImportFile.rows(
                XLSXWriter.write(sheets: [(name: "Tugas", table: edited)]), columns: TaskImporter.columns)
            #expect(
                try await TaskImporter.run(rows, actor: adminActor, at: testNow, on: app.db)
                    == ImportOutcome(imported: 0, updated: 1, unchanged: 0))
            let read = try await admin.send(.GET, "/api/v1/positions/\(id)/job-analysis").json(
                JobAnalysisTests.Read.self)
            #expect(read.tasks.map(\.annualVolume) == [6_000, 240])
            // 6,000 × 0.25 + 240 × 1.5 = 1,860 h ÷ 1,250 = 1.488 → 1.49.
            #expect(read.workload.needed == 1.49)

            // One bad row among good ones: every problem named by row and column, nothing written.
            let bad = try ImportFile.rows(
                Data(
                    """
                    Kode Jabatan;Uraian Tugas;Hasil Kerja;Satuan Hasil;Beban Kerja per Tahun;Norma Waktu (jam)
                    DUKCAPIL.B1.J9;Memverifikasi berkas;Berkas;berkas;100;0,5
                    DUKCAPIL.B1.J9;Merekam data;Data;data;sepuluh;0,125
                    TIDAK.ADA;Menyusun laporan;Laporan;laporan;12;8
                    """.utf8), columns: TaskImporter.columns)
            do {
                _ = try await TaskImporter.run(bad, actor: adminActor, at: testNow, on: app.db)
                Issue.record("a file with bad rows was imported")
            } catch let problems as ImportProblems {
                #expect(
                    problems.problems.map { "\($0.row) \($0.column)" } == [
                        "3 Beban Kerja per Tahun", "3 Norma Waktu (jam)", "4 Kode Jabatan",
                    ])
            }
            #expect(try await PositionTask.query(on: app.db).count() == 2)

            // An operator of another OPD: the position is outside their OPD.
            let other = try await ActorResolver.actor(for: world.users["operator.b"]!, on: app.db)
            do {
                _ = try await TaskImporter.run(same, actor: other, at: testNow, on: app.db)
                Issue.record("another OPD's operator imported tasks")
            } catch let problems as ImportProblems {
                #expect(problems.problems.map(\.message) == Array(repeating: "Jabatan ini di luar OPD Anda.", count: 3))
            }
            // …and their download holds none of them.
            let theirs = try await WebClient.login(app, "operator.b").get("/exports/tasks?format=csv")
            #expect(!theirs.body.string.contains("DUKCAPIL.B1.J9"))
        }
    }
}
