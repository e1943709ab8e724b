import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Security item 8: history is never overwritten. A re-imported result that differs becomes a
/// new assessment record; imports and edits keep before/after per field in the audit log; on
/// PostgreSQL the audit table refuses UPDATE and DELETE.
@Suite("History kept: imports, field changes, append-only audit log")
struct HistoryKeptTests {
    static func results(_ nip: String, m5: Int) throws -> [ImportRow] {
        try ImportFile.rows(
            Data(
                """
                NIP;Tanggal;Metode;Asesor;Kode Kompetensi;Level
                \(nip);01/03/2026;assessment_center;Tim AC;M.1;3
                \(nip);01/03/2026;assessment_center;Tim AC;M.5;\(m5)
                """.utf8), columns: AssessmentImporter.columns)
    }

    @Test func reimportedChangeBecomesANewAssessment() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let actor = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            let first = try await AssessmentImporter.run(
                try Self.results(world.staffA.nip, m5: 2), actor: actor, at: testNow, on: app.db,
                source: "hasil-ac-maret.csv")
            #expect(first == ImportOutcome(imported: 2, updated: 0, unchanged: 0))
            let original = try #require(
                try await Assessment.query(on: app.db).filter(\.$employeeID == world.staffA.id!).first())

            // The same file with M.5 corrected from 2 to 3.
            let second = try await AssessmentImporter.run(
                try Self.results(world.staffA.nip, m5: 3), actor: actor, at: testNow, on: app.db,
                source: "hasil-ac-maret-koreksi.csv")
            #expect(second == ImportOutcome(imported: 0, updated: 1, unchanged: 1))
            let all = try await Assessment.query(on: app.db).filter(\.$employeeID == world.staffA.id!).sort(\.$sequence)
                .all()
            #expect(all.map(\.sequence) == [1, 2])
            try #require(all.count == 2)
            #expect(all[0].id == original.id)
            #expect(all[1].source == "import" && all[1].importRef == "hasil-ac-maret-koreksi.csv")
            // The old record still says M.1 3 and M.5 2; the new one holds only the corrected M.5 3.
            let codes = try await PositionService.codesByID(
                Set(try await Competency.query(on: app.db).all().map { $0.id! }), on: app.db)
            func levels(_ a: Assessment) async throws -> [String: Int] {
                Dictionary(
                    uniqueKeysWithValues: try await AssessmentResult.query(on: app.db).filter(\.$assessmentID == a.id!)
                        .all().map { (codes[$0.competencyID]!, $0.level) })
            }
            #expect(try await levels(all[0]) == ["M.1": 3, "M.5": 2])
            #expect(try await levels(all[1]) == ["M.5": 3])
            // The current profile follows the newest: M.1 3 (first record), M.5 3 (the correction).
            let profile = try await CurrentLevel.query(on: app.db).filter(\.$employeeID == world.staffA.id!).all()
            #expect(
                Dictionary(uniqueKeysWithValues: profile.map { (codes[$0.competencyID]!, $0.level) }) == [
                    "M.1": 3, "M.5": 3,
                ])
            // The audit log names the changed field with its old and new value.
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "assessment").filter(
                    \.$entityID == all[1].id!.uuidString
                ).first())
            #expect(entry.changeList == [AuditChange(field: "M.5", before: "2", after: "3")])

            // The corrected file once more: nothing new.
            let third = try await AssessmentImporter.run(
                try Self.results(world.staffA.nip, m5: 3), actor: actor, at: testNow, on: app.db,
                source: "hasil-ac-maret-koreksi.csv")
            #expect(third == ImportOutcome(imported: 0, updated: 0, unchanged: 2))
            #expect(try await Assessment.query(on: app.db).filter(\.$employeeID == world.staffA.id!).count() == 2)
            #expect(try await AssessmentResult.query(on: app.db).count() == 3)
        }
    }

    @Test func positionReimportLogsTheChangedLevelAndText() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let actor = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            func rows(_ summary: String, _ m5: Int) throws -> [ImportRow] {
                try ImportFile.rows(
                    Data(
                        """
                        Kode Jabatan;Nama Jabatan;Jenis Jabatan;Kode Unit;Ikhtisar Jabatan;Tugas Pokok;Standar Kompetensi
                        DUKCAPIL.B1.J2;Pengadministrasi Kependudukan;pelaksana;DUKCAPIL.B1;\(summary);Menerima | Memeriksa;M.1:3, M.5=\(m5)
                        """.utf8), columns: PositionImporter.columns)
            }
            _ = try await PositionImporter.run(try rows("Melayani berkas", 2), actor: actor, at: testNow, on: app.db)
            #expect(
                try await PositionImporter.run(
                    try rows("Melayani berkas kependudukan", 3), actor: actor, at: testNow, on: app.db
                ).updated == 1)
            let position = try #require(
                try await Position.query(on: app.db).filter(\.$code == "DUKCAPIL.B1.J2").first())
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "position").filter(
                    \.$entityID == position.id!.uuidString
                ).first())
            #expect(
                entry.changeList == [
                    AuditChange(field: "standar.M.5", before: "2", after: "3"),
                    AuditChange(field: "summary", before: "Melayani berkas", after: "Melayani berkas kependudukan"),
                ])
            #expect(position.version == 1)
        }
    }

    @Test func skpReimportLogsTheOldRatings() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let actor = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            func rows(_ hasil: String) throws -> [ImportRow] {
                try ImportFile.rows(
                    Data(
                        """
                        NIP;Tahun;Hasil Kerja;Perilaku Kerja
                        \(world.staffA.nip);2025;\(hasil);sesuai_ekspektasi
                        """.utf8), columns: PerformanceImporter.columns)
            }
            _ = try await PerformanceImporter.run(try rows("sesuai_ekspektasi"), actor: actor, at: testNow, on: app.db)
            #expect(
                try await PerformanceImporter.run(try rows("di_atas_ekspektasi"), actor: actor, at: testNow, on: app.db)
                    .updated == 1)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "performance").filter(\.$action == "update")
                    .first())
            // PermenPANRB 6/2022: sesuai/sesuai → baik; di atas/sesuai → baik as well, so only the rating changes.
            let expected = AuditChange(field: "hasilKerja", before: "sesuai_ekspektasi", after: "di_atas_ekspektasi")
            #expect(entry.changeList.first == expected)
            #expect(entry.changeList.allSatisfy { ["hasilKerja", "predikat"].contains($0.field) })
        }
    }

    @Test func editsKeepFieldChangesButNeverSecrets() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let input = StaleEditTests.employeeInput(world.staffA, name: "Maria Fanggidae, S.Sos.", version: nil)
            #expect(try await admin.send(.PUT, "/api/v1/employees/\(world.staffA.id!)", json: input).status == .ok)
            let employeeEntry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "employee").filter(\.$action == "update")
                    .first())
            #expect(
                employeeEntry.changeList == [
                    AuditChange(field: "name", before: "Maria Fanggidae", after: "Maria Fanggidae, S.Sos.")
                ])

            let asesor = world.users["asesor"]!
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/users/\(asesor.id!)", json: UserUpdateInput(role: "admin", active: false)
                ).status == .ok)
            let userEntry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "user").filter(\.$action == "update").first()
            )
            #expect(
                userEntry.changeList == [
                    AuditChange(field: "active", before: "true", after: "false"),
                    AuditChange(field: "role", before: "assessor", after: "admin"),
                ])
            let hash = try #require(try await User.find(asesor.id, on: app.db)?.passwordHash)
            #expect(
                !(userEntry.changes ?? "").contains(hash)
                    && !(userEntry.changes ?? "").lowercased().contains("password"))

            // The audit page shows them.
            let page = try await WebClient.login(app, "admin").get("/admin/audit").body.string
            #expect(page.contains("<td>name</td><td>Maria Fanggidae</td><td>Maria Fanggidae, S.Sos.</td>"))
        }
    }

    @Test func auditTableIsAppendOnlyOnPostgreSQL() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await AuditLog.record(
                .update, entity: "employee", id: world.staffA.id, summary: "Uji", actor: nil,
                instansiID: world.instansi.id, at: testNow, on: app.db)
            let sql = try app.db.sql
            guard sql.dialect.name == "postgresql" else { return } // SQLite: no trigger (see migration 027)
            await #expect(throws: (any Error).self) {
                try await sql.update(AuditEntry.schema).set("summary", to: SQLBind("diubah")).run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.delete(from: AuditEntry.schema).run()
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$summary == "Uji").count() == 1)
        }
    }
}
