import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 19: an upload under other headers (a SIASN export) goes to the mapping step; a saved
/// mapping imports the same rows as Kompeten's own template, on the web and through the API.
@Suite("Import column mappings")
struct ImportMappingAppTests {
    /// Two DINKES employees under SIASN-like headers; "Kode Jabatan" is already Kompeten's.
    static let siasn = """
        NIP BARU;NAMA;STATUS PEGAWAI;GOL AKHIR;UNOR;Kode Jabatan
        199401012020121001;Ferdinand Ndun;PNS;III/a;DINKES;
        199001012015031002;Yohana Bessie;PNS;III/c;DINKES;
        """
    /// The same two rows under the template's headers.
    static let kompeten = """
        NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit
        199401012020121001;Ferdinand Ndun;PNS;III/a;DINKES
        199001012015031002;Yohana Bessie;PNS;III/c;DINKES
        """
    static let columns = [
        "nip": "NIP BARU", "name": "NAMA", "type": "STATUS PEGAWAI", "rank": "GOL AKHIR", "unit": "UNOR",
        "position": "Kode Jabatan",
    ]

    struct Outcome: Decodable, Equatable {
        let imported: Int
        let updated: Int
        let unchanged: Int
    }
    struct Saved: Decodable {
        let id: UUID
        let kind: String
        let name: String
        let columns: [String: String]
    }
    struct Fields: Decodable {
        struct F: Decodable { let field: String }
        let fields: [F]?
    }

    static func upload(_ app: Application, _ web: WebClient, _ csv: String, mapping: String? = nil) async throws
        -> TestingHTTPResponse
    {
        let boundary = "----kompeten-mapping"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(web.csrf ?? "")\r\n"
        if let mapping {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n\(mapping)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"siasn.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie = web.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        return try await app.testing().sendRequest(
            .POST, "/imports/employees", headers: headers, body: ByteBuffer(string: body))
    }

    static func apiImport(_ client: APIClient, _ csv: String, query: String = "") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: client.token!)
        headers.replaceOrAdd(name: .contentType, value: "text/csv")
        return try await client.app.testing().sendRequest(
            .POST, "/api/v1/employees/import" + query, headers: headers, body: ByteBuffer(string: csv))
    }

    static func mappingForm(_ csv: String, _ action: String, name: String = "", columns: [String: String] = columns)
        -> [String: String]
    {
        var fields = ["file": Data(csv.utf8).base64EncodedString(), "filename": "siasn.csv", "action": action]
        if !name.isEmpty { fields["name"] = name }
        for (key, header) in columns { fields["columns[\(key)]"] = header }
        return fields
    }

    @Test func siasnHeadersGoToTheMappingPagePreselectedWhereTheyMatch() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let before = try await Employee.query(on: app.db).count()
            let page = try await Self.upload(app, web, Self.siasn)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Pemetaan Kolom: Pegawai"))
            // NAMA matches "Nama" and "Kode Jabatan" itself; NIP BARU is left for the person to choose.
            #expect(html.contains(#"<option value="NAMA" selected>NAMA</option>"#))
            #expect(html.contains(#"<option value="Kode Jabatan" selected>Kode Jabatan</option>"#))
            #expect(!html.contains(#"<option value="NIP BARU" selected>"#))
            #expect(html.contains("Kolom wajib &quot;NIP&quot; belum dipetakan."))
            #expect(try await Employee.query(on: app.db).count() == before)

            // With every column chosen: a preview of both rows and no problems, still nothing written.
            let preview = try await web.post("/imports/employees/mapping", Self.mappingForm(Self.siasn, "preview"))
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("<td>Yohana Bessie</td>"))
            #expect(preview.body.string.contains(#"id="mapping-run""#))
            #expect(!preview.body.string.contains(#"id="import-problems""#))
            #expect(try await Employee.query(on: app.db).count() == before)
        }
    }

    @Test func aDryRunListsRowProblemsAndWritesNothing() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let before = try await Employee.query(on: app.db).count()
            let audit = try await AuditEntry.query(on: app.db).count()
            let bad = Self.siasn.replacingOccurrences(of: "III/c;DINKES", with: "III/c;TIDAKADA")
            let page = try await web.post("/imports/employees/mapping", Self.mappingForm(bad, "preview"))
            #expect(page.status == .ok)
            let html = page.body.string
            // Row 3 of the file, named by Kompeten's column as on a direct import.
            #expect(
                html.contains("<td class=\"num\">3</td><td>Kode Unit</td><td>Unit dengan kode TIDAKADA tidak ada.</td>")
            )
            #expect(!html.contains(#"id="mapping-run""#))
            #expect(try await Employee.query(on: app.db).count() == before)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
        }
    }

    @Test func aSavedMappingImportsTheSameRowsOnTheWebAndThroughTheAPI() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let api = try await APIClient.login(app, "admin")
            let saved = try await web.post(
                "/imports/employees/mapping", Self.mappingForm(Self.siasn, "save", name: "Ekspor SIASN"))
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains("Pemetaan &quot;Ekspor SIASN&quot; disimpan"))
            let again = try await web.post(
                "/imports/employees/mapping", Self.mappingForm(Self.siasn, "save", name: "Ekspor SIASN"))
            #expect(again.status == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "import_mapping").count() == 1)

            let run = try await web.post("/imports/employees/mapping", Self.mappingForm(Self.siasn, "run"))
            #expect(run.status == .ok)
            #expect(run.body.string.contains("Pegawai: 2 baru, 0 diubah, 0 tidak berubah."))
            let yohana = try #require(
                try await Employee.query(on: app.db).filter(\.$nip == "199001012015031002").first())
            #expect(yohana.name == "Yohana Bessie" && yohana.rank == "III/c")

            // The template's headers read the same two rows: nothing changes.
            let plain = try await Self.apiImport(api, Self.kompeten)
            #expect(try plain.json(Outcome.self) == Outcome(imported: 0, updated: 0, unchanged: 2))
            // The API with ?mapping= reads the SIASN file: one golongan changed, one row as it was.
            let changed = Self.siasn.replacingOccurrences(of: "III/c", with: "III/d")
            let mapped = try await Self.apiImport(api, changed, query: "?mapping=Ekspor%20SIASN")
            #expect(mapped.status == .ok, "\(mapped.body.string)")
            #expect(try mapped.json(Outcome.self) == Outcome(imported: 0, updated: 1, unchanged: 1))
            // The upload form's saved-mapping choice reads it too: back to III/c.
            let chosen = try await Self.upload(app, web, Self.siasn, mapping: "Ekspor SIASN")
            #expect(chosen.body.string.contains("Pegawai: 0 baru, 1 diubah, 1 tidak berubah."))

            // Next upload of the same layout: the saved mapping fits exactly and is pre-selected.
            let next = try await Self.upload(app, web, Self.siasn)
            #expect(next.body.string.contains(#"<option value="Ekspor SIASN" selected>Ekspor SIASN</option>"#))
            #expect(next.body.string.contains(#"<option value="NIP BARU" selected>NIP BARU</option>"#))
        }
    }

    @Test func mappingsAreTheInstansisOwnAndUnknownNamesAre422() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let other = try await APIClient.login(app, "admin.lain")
            let body =
                #"{"kind":"employees","name":"Ekspor SIASN B","columns":{"nip":"NIP BARU","name":"NAMA","type":"STATUS PEGAWAI","rank":"GOL AKHIR","unit":"UNOR"}}"#
            let made = try await other.send(.POST, "/api/v1/import-mappings", raw: body)
            #expect(made.status == .created)
            let theirs = try made.json(Saved.self)
            #expect(theirs.columns["unit"] == "UNOR" && theirs.kind == "employees")

            // Instansi A neither sees, uses nor deletes B's mapping.
            #expect(try await admin.send(.GET, "/api/v1/import-mappings").json([Saved].self).isEmpty)
            let use = try await Self.apiImport(admin, Self.siasn, query: "?mapping=Ekspor%20SIASN%20B")
            #expect(use.status == .unprocessableEntity)
            #expect(try use.json(Fields.self).fields?.map(\.field) == ["mapping"])
            #expect(try await admin.send(.DELETE, "/api/v1/import-mappings/\(theirs.id)").status == .notFound)
            #expect(try await admin.send(.DELETE, "/api/v1/import-mappings/not-a-uuid").status == .unprocessableEntity)
            let unknown = try await Self.apiImport(admin, Self.siasn, query: "?mapping=Tidak%20Ada")
            #expect(try unknown.json(Fields.self).fields?.map(\.field) == ["mapping"])

            // Bad bodies name their field; a second mapping of the same name is a conflict.
            func fields(_ raw: String) async throws -> [String] {
                let r = try await admin.send(.POST, "/api/v1/import-mappings", raw: raw)
                #expect(r.status == .unprocessableEntity)
                return try r.json(Fields.self).fields?.map(\.field) ?? []
            }
            #expect(
                try await fields(body.replacingOccurrences(of: #""kind":"employees""#, with: #""kind":"gaji""#)) == [
                    "kind"
                ])
            #expect(try await fields(body.replacingOccurrences(of: "Ekspor SIASN B", with: " ")) == ["name"])
            #expect(
                try await fields(body.replacingOccurrences(of: #""nip":"NIP BARU""#, with: #""jabatan":"JABATAN""#))
                    == ["columns.jabatan", "columns.nip"])
            let mine = try await admin.send(.POST, "/api/v1/import-mappings", raw: body)
            #expect(mine.status == .created)
            #expect(try await admin.send(.POST, "/api/v1/import-mappings", raw: body).status == .conflict)
            let listed = try await admin.send(.GET, "/api/v1/import-mappings?kind=employees").json([Saved].self)
            #expect(listed.map(\.name) == ["Ekspor SIASN B"])
            #expect(try await admin.send(.DELETE, "/api/v1/import-mappings/\(listed[0].id)").status == .noContent)
            #expect(try await admin.send(.GET, "/api/v1/import-mappings").json([Saved].self).isEmpty)
            // B's own is still there.
            #expect(
                try await other.send(.GET, "/api/v1/import-mappings").json([Saved].self).map(\.name) == [
                    "Ekspor SIASN B"
                ])
        }
    }

    @Test func onlyThoseWhoMayRunTheImportManageItsMappings() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let body =
                #"{"kind":"employees","name":"Ekspor SIASN","columns":{"nip":"NIP BARU","name":"NAMA","type":"STATUS PEGAWAI","rank":"GOL AKHIR","unit":"UNOR"}}"#
            let pegawai = try await APIClient.login(app, "pegawai")
            #expect(try await pegawai.send(.POST, "/api/v1/import-mappings", raw: body).status == .forbidden)
            #expect(try await pegawai.send(.GET, "/api/v1/import-mappings").status == .forbidden)
            // The assessor imports assessment results, not employees.
            let asesor = try await APIClient.login(app, "asesor")
            #expect(try await asesor.send(.POST, "/api/v1/import-mappings", raw: body).status == .forbidden)
            #expect(try await asesor.send(.GET, "/api/v1/import-mappings?kind=employees").status == .forbidden)
            let assessments =
                #"{"kind":"assessments","name":"Hasil AC","columns":{"nip":"NIP","date":"TANGGAL","method":"METODE","competency":"KODE","level":"LEVEL"}}"#
            #expect(try await asesor.send(.POST, "/api/v1/import-mappings", raw: assessments).status == .created)
            #expect(
                try await asesor.send(.GET, "/api/v1/import-mappings").json([Saved].self).map(\.kind) == ["assessments"]
            )

            let operatorA = try await APIClient.login(app, "operator.a")
            let made = try await operatorA.send(.POST, "/api/v1/import-mappings", raw: body)
            #expect(made.status == .created)
            let id = try made.json(Saved.self).id
            let web = try await WebClient.login(app, "pegawai")
            #expect(try await web.get("/imports/employees/mappings").status == .forbidden)
            #expect(try await web.post("/imports/employees/mappings/\(id)/delete", [:]).status == .forbidden)
            #expect(
                try await web.post("/imports/employees/mapping", Self.mappingForm(Self.siasn, "save", name: "X")).status
                    == .forbidden)

            // The list page shows it to the operator, who deletes it there.
            let operatorWeb = try await WebClient.login(app, "operator.a")
            let list = try await operatorWeb.get("/imports/employees/mappings")
            #expect(list.status == .ok && list.body.string.contains("NIP ← NIP BARU"))
            #expect(try await operatorWeb.post("/imports/employees/mappings/\(id)/delete", [:]).status == .seeOther)
            #expect(try await ImportMappingRecord.find(id, on: app.db) == nil)
        }
    }
}
