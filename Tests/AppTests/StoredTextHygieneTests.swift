import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App
@testable import KompetenCore

/// Security item 2: control characters in stored text are refused on every write path (422
/// naming the field), textarea line breaks are normalised, and every download names its file
/// with RFC 6266 so even an old stored name with CR/LF cannot add a header.
@Suite("Stored text: control characters refused, download names well-formed")
struct StoredTextHygieneTests {
    struct Made: Decodable { let id: UUID }
    struct Fields: Decodable {
        struct F: Decodable {
            let field: String
            let message: String
        }
        let fields: [F]?
    }

    /// A provider and a programme (code PX-01) made through the API by the admin.
    static func programme(_ api: APIClient, description: String? = nil) async throws -> UUID {
        let provider = try await api.send(
            .POST, "/api/v1/providers", json: ProviderInput(code: "LPK-X", name: "LPK Uji", kind: "swasta"))
        #expect(provider.status == .created, "\(provider.body.string)")
        let p = try await api.send(
            .POST, "/api/v1/programs",
            json: ProgrammeInput(
                code: "PX-01", title: "Pelayanan Prima", form: "klasikal", path: "KL03",
                providerId: try provider.json(Made.self).id, competencies: [.init(competencyCode: "M.5", levelGain: 1)],
                jp: 24,
                costPerParticipant: 100_000, capacity: 30, description: description, active: nil))
        #expect(p.status == .created, "\(p.body.string)")
        return try p.json(Made.self).id
    }

    @Test func aBatchNameWithCRLFIsRefusedByTheAPI() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let api = try await APIClient.login(app, "admin")
            let programme = try await Self.programme(api)
            let hostile = try await api.send(
                .POST, "/api/v1/programs/\(programme)/batches",
                json: BatchInput(
                    name: "Angkatan X\r\nX-Injected: 1", startDate: "2026-12-07", endDate: "2026-12-11", capacity: 10,
                    place: "Aula", online: false))
            #expect(hostile.status == .unprocessableEntity)
            #expect(try hostile.json(Fields.self).fields?.map(\.field) == ["name"])
            #expect(try await Batch.query(on: app.db).count() == 0)
            // A tab in a nested single-line field is named by its JSON path.
            let nested = try await api.send(
                .POST, "/api/v1/programs",
                raw:
                    #"{"code":"PX-02","title":"T","form":"klasikal","providerId":"\#(UUID())","competencies":[{"competencyCode":"M.5\t","levelGain":1}],"jp":8,"costPerParticipant":0,"capacity":5}"#
            )
            #expect(nested.status == .unprocessableEntity)
            #expect(try nested.json(Fields.self).fields?.map(\.field) == ["competencies[0].competencyCode"])
        }
    }

    @Test func multiLineTextKeepsLineBreaksNormalised() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let api = try await APIClient.login(app, "admin")
            let id = try await Self.programme(api, description: "Baris satu\r\nBaris dua\nBaris tiga")
            #expect(try await Programme.find(id, on: app.db)?.description == "Baris satu\nBaris dua\nBaris tiga")
            let bad = try await api.send(
                .PUT, "/api/v1/programs/\(id)",
                json: ProgrammeInput(
                    code: "PX-01", title: "Pelayanan Prima", form: "klasikal", path: "KL03",
                    providerId: UUID(), competencies: [], jp: 24, costPerParticipant: 0, capacity: 30,
                    description: "Satu\u{0}dua", active: nil))
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.json(Fields.self).fields?.map(\.field) == ["description"])
        }
    }

    @Test func webFormsRefuseControlCharacters() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let response = try await admin.post(
                "/units",
                [
                    "code": "DINKES.B9", "name": "Bidang Uji\r\nX-Injected: 1", "kind": "bidang",
                    "parentId": world.opdB.id!.uuidString,
                ])
            #expect(response.status == .unprocessableEntity)
            // The error page names the field and the rule (HTML-escaped by Leaf).
            #expect(response.body.string.contains("<strong>name</strong>: Tidak boleh berisi karakter kontrol"))
            #expect(try await Unit.query(on: app.db).filter(\.$code == "DINKES.B9").count() == 0)
            // The same form without the control characters is accepted.
            let ok = try await admin.post(
                "/units",
                ["code": "DINKES.B9", "name": "Bidang Uji", "kind": "bidang", "parentId": world.opdB.id!.uuidString])
            #expect(ok.status == .seeOther)
        }
    }

    /// The decoders alone: JSON paths, form names, multipart text parts (files untouched).
    @Test func theDecodersNameTheFieldAndNormaliseTextareas() throws {
        TextHygieneDecoders.install()
        let json = TextHygieneDecoders.JSONBody(base: JSONDecoder())
        var jsonHeaders = HTTPHeaders()
        jsonHeaders.contentType = .json
        struct Body: Decodable {
            let name: String
            let standards: [[String: String]]
        }
        do {
            _ = try json.decode(
                Body.self,
                from: ByteBuffer(string: #"{"name":"A\u0000","standards":[{"note":"ok\r\nfine","code":"M.1\n"}]}"#),
                headers: jsonHeaders)
            Issue.record("accepted")
        } catch let failure as ValidationFailure {
            #expect(Set(failure.errors.map(\.field)) == ["name", "standards[0].code"])
        }
        let cleaned = try json.decode(
            Body.self, from: ByteBuffer(string: #"{"name":"A","standards":[{"note":"ok\r\nfine"}]}"#),
            headers: jsonHeaders)
        #expect(cleaned.standards == [["note": "ok\nfine"]])

        let form = TextHygieneDecoders.URLEncodedBody(base: URLEncodedFormDecoder())
        var formHeaders = HTTPHeaders()
        formHeaders.contentType = .urlEncodedForm
        let posted = try form.decode(
            [String: String].self, from: ByteBuffer(string: "name=A+B&summary=satu%0D%0Adua&duties=x"),
            headers: formHeaders)
        #expect(posted == ["name": "A B", "summary": "satu\ndua", "duties": "x"])
        #expect(throws: ValidationFailure(errors: [.init(field: "std[M.1]", message: TextHygiene.singleLineMessage)])) {
            try form.decode([String: String].self, from: ByteBuffer(string: "std%5BM.1%5D=3%0A"), headers: formHeaders)
        }

        let multipart = TextHygieneDecoders.MultipartBody(base: FormDataDecoder())
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=b0undary")
        let body =
            "--b0undary\r\nContent-Disposition: form-data; name=\"notes\"\r\n\r\nsatu\r\ndua\r\n"
            + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nNIP\r\n1\t2\r\n--b0undary--\r\n"
        struct Upload: Decodable {
            let notes: String
            let file: File
        }
        let upload = try multipart.decode(Upload.self, from: ByteBuffer(string: body), headers: headers)
        #expect(upload.notes == "satu\ndua" && String(buffer: upload.file.data) == "NIP\r\n1\t2")
        let hostile =
            "--b0undary\r\nContent-Disposition: form-data; name=\"certificateNumber\"\r\n\r\nNo\r\n1\r\n--b0undary--\r\n"
        #expect(
            throws: ValidationFailure(errors: [
                .init(field: "certificateNumber", message: TextHygiene.singleLineMessage)
            ])
        ) {
            try multipart.decode([String: String].self, from: ByteBuffer(string: hostile), headers: headers)
        }
    }

    @Test func importsNameRowAndColumn() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let api = try await APIClient.login(app, "admin")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: api.token!)
            headers.contentType = .init(type: "text", subType: "csv")
            let csv =
                "NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit\n199001012015032005;Maria\u{7}Fanggidae;pns;III/a;\(world.opdA.code)\n"
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/employees/import", headers: headers, body: ByteBuffer(string: csv))
            #expect(response.status == .unprocessableEntity)
            struct Problems: Decodable {
                struct P: Decodable {
                    let row: Int
                    let column: String
                    let message: String
                }
                let errors: [P]
            }
            let problems = try response.json(Problems.self).errors
            #expect(
                problems.map { "\($0.row) \($0.column) \($0.message)" } == ["2 Nama \(TextHygiene.singleLineMessage)"])
        }
    }

    /// A name stored before the rule (written straight into the database) with CR/LF, quotes
    /// and non-ASCII: one well-formed Content-Disposition, no injected header.
    @Test func downloadsNameTheirFileWithRFC6266() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let api = try await APIClient.login(app, "admin")
            let programme = try await Self.programme(api)
            let made = try await api.send(
                .POST, "/api/v1/programs/\(programme)/batches",
                json: BatchInput(
                    name: "Angkatan I", startDate: "2026-12-07", endDate: "2026-12-11", capacity: 10, place: "Aula",
                    online: false))
            let batch = try #require(try await Batch.find(try made.json(Made.self).id, on: app.db))
            batch.name = "Angkatan \"7\"\r\nX-Injected: 1 — Ω"
            try await batch.save(on: app.db)
            let admin = try await WebClient.login(app, "admin")
            for format in ["csv", "xlsx"] {
                let response = try await admin.get("/batches/\(batch.id!)?format=\(format)")
                #expect(response.status == .ok)
                #expect(
                    response.headers[.contentDisposition] == [
                        "attachment; filename=\"peserta-PX-01-Angkatan _7___X-Injected: 1 _ _.\(format)\"; filename*=UTF-8''peserta-PX-01-Angkatan%20%227%22%0D%0AX-Injected%3A%201%20%E2%80%94%20%CE%A9.\(format)"
                    ])
                #expect(response.headers["X-Injected"].isEmpty)
                #expect(!response.headers.contains { $0.value.contains("\r") || $0.value.contains("\n") })
            }
        }
    }
}
