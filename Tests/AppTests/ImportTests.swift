import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Testing
import VaporTesting

@testable import App

@Suite("Imports")
struct ImportTests {
    struct Outcome: Decodable {
        let imported: Int
        let updated: Int
    }
    struct Problems: Decodable {
        struct P: Decodable {
            let row: Int
            let column: String
            let message: String
        }
        let errors: [P]
    }

    func post(_ client: APIClient, _ body: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: client.token!)
        headers.replaceOrAdd(name: .contentType, value: "text/csv")
        return try await client.app.testing().sendRequest(
            .POST, "/api/v1/employees/import", headers: headers, body: ByteBuffer(string: body))
    }

    @Test func mixedFileWritesNothingAndReportsEveryBadRow() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let before = try await Employee.query(on: app.db).count()
            let csv = """
                \u{FEFF}nip;NAMA;Jenis  Kepegawaian;golongan;Kode Unit;Kode Jabatan;NIP atasan
                199401012020121001;Ferdinand Ndun;PNS;III/a;DINKES;;
                19940101202012100;Yuliana Nope;PNS;III/a;DINKES;;
                199401012020122002;Novita Bessie;PPPK;IX;DINKES;;
                199401012020121003;Marthen Lay;PNS;III/a;TIDAKADA;;
                199401012020121004;Yakob Riwu;PNS;III/a;DINKES;;199901012020121999
                """
            let r = try await post(admin, csv)
            #expect(r.status == .unprocessableEntity)
            let problems = try r.json(Problems.self).errors
            // Row 4: a PNS NIP (TMT month 12) declared PPPK; its golongan IX is valid for the declared kind.
            #expect(problems.map(\.row) == [3, 4, 5, 6])
            #expect(problems.map(\.column) == ["NIP", "Jenis Kepegawaian", "Kode Unit", "NIP Atasan"])
            #expect(problems.first?.message == "NIP harus 18 digit (tertulis 17 digit).")
            #expect(try await Employee.query(on: app.db).count() == before)
        }
    }

    @Test func importIsIdempotentAndResolvesSupervisorsInTheSameFile() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let csv =
                "NIP,Nama,Jenis Kepegawaian,Golongan,Kode Unit,Kode Jabatan,NIP Atasan\r\n"
                + "199401012020121001,\"Ndun, Ferdinand\",PNS,III/a,DINKES,,199001012015031002\r\n"
                + "199001012015031002,Yohana Bessie,PNS,III/c,DINKES,,\r\n"
            let first = try await post(admin, csv)
            #expect(first.status == .ok)
            #expect(try first.json(Outcome.self).imported == 2)
            let sub = try await Employee.query(on: app.db).filter(\.$nip == "199401012020121001").first()
            let boss = try await Employee.query(on: app.db).filter(\.$nip == "199001012015031002").first()
            #expect(sub?.name == "Ndun, Ferdinand")
            #expect(sub?.supervisorID == boss?.id)
            let again = try await post(admin, csv).json(Outcome.self)
            #expect(again.imported == 0 && again.updated == 0)
            let changed = try await post(admin, csv.replacingOccurrences(of: "III/c", with: "III/d")).json(Outcome.self)
            #expect(changed.imported == 0 && changed.updated == 1)
        }
    }

    @Test func xlsxTemplateRoundTripsAndOperatorIsHeldToOwnOPD() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "operator.a")
            let template = try await web.get("/imports/employees/template?format=xlsx")
            #expect(template.status == .ok)
            let table = try XLSXReader.read(Data(buffer: template.body))
            #expect(
                table.header == [
                    "NIP", "Nama", "Jenis Kepegawaian", "Golongan", "Kode Unit", "Kode Jabatan", "NIP Atasan",
                    "TMT Jabatan",
                ])
            let file = try XLSXWriter.write(sheets: [
                (
                    name: "Pegawai",
                    table: Table(
                        header: table.header,
                        rows: [
                            ["199401012020121001", "Ferdinand Ndun", "PNS", "III/a", "DINKES", "", "", ""],
                            ["199401012020121002", "Theresia Tallo", "PNS", "III/a", "DUKCAPIL.B1", "", "", ""],
                        ])
                )
            ])
            let op = try await APIClient.login(app, "operator.a")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: op.token!)
            headers.replaceOrAdd(
                name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let r = try await app.testing().sendRequest(
                .POST, "/api/v1/employees/import", headers: headers, body: ByteBuffer(data: file))
            #expect(r.status == .unprocessableEntity)
            let problems = try r.json(Problems.self).errors
            #expect(problems.map(\.row) == [2])
            #expect(problems.first?.message == "Unit DINKES bukan bagian dari OPD Anda.")
        }
    }

    @Test func positionsAndAssessmentsImport() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let positions = try ImportFile.rows(
                Data(
                    """
                    Kode Jabatan;Nama Jabatan;Jenis Jabatan;Kode Unit;Ikhtisar Jabatan;Tugas Pokok;Standar Kompetensi
                    DUKCAPIL.B1.J2;Pengadministrasi Kependudukan;pelaksana;DUKCAPIL.B1;Melayani berkas;Menerima | Memeriksa;M.1:3, M.5=2
                    """.utf8), columns: PositionImporter.columns)
            let actor = try await ActorResolver.actor(for: world.users["admin"]!, on: app.db)
            let outcome = try await PositionImporter.run(positions, actor: actor, at: testNow, on: app.db)
            #expect(outcome.imported == 1)
            #expect(try await PositionImporter.run(positions, actor: actor, at: testNow, on: app.db).unchanged == 1)
            let results = try ImportFile.rows(
                Data(
                    """
                    NIP;Tanggal;Metode;Asesor;Kode Kompetensi;Level
                    \(world.staffA.nip);01/03/2026;assessment_center;Tim AC;M.1;3
                    \(world.staffA.nip);01/03/2026;assessment_center;Tim AC;M.5;1
                    """.utf8), columns: AssessmentImporter.columns)
            let imported = try await AssessmentImporter.run(results, actor: actor, at: testNow, on: app.db)
            #expect(imported.imported == 2)
            #expect(try await AssessmentImporter.run(results, actor: actor, at: testNow, on: app.db).imported == 0)
            #expect(try await Assessment.query(on: app.db).count() == 1)
            let levels = try await CurrentLevel.query(on: app.db).filter(\.$employeeID == world.staffA.id!).all()
            #expect(levels.map(\.level).sorted() == [1, 3])
            _ = admin
        }
    }
}
