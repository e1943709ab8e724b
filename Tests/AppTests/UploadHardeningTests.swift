import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App
@testable import KompetenCore
@testable import KompetenFormats

/// Security items 10 and 12: multipart forms carry the CSRF token in the body (never in the
/// URL), an upload is parsed only for a role that may import, and a hostile spreadsheet is
/// refused quickly with a message naming the limit.
@Suite("Uploads: CSRF in the body, access before parsing, hostile spreadsheets")
struct UploadHardeningTests {
    static let boundary = "----kompeten-upload"

    /// A multipart body: the text fields, then one file part.
    static func multipart(_ fields: [(String, String)], file: (name: String, filename: String, data: Data)?)
        -> ByteBuffer
    {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            buffer.writeBytes(file.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    static func post(_ app: Application, _ client: WebClient, _ path: String, body: ByteBuffer) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie = client.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    }

    static let employeesCSV = Data("NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit\n".utf8)

    @Test func theTokenInTheQueryStringIsRefused() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let token = try #require(admin.csrf)
            let query = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let inURL = try await Self.post(
                app, admin, "/imports/employees?_csrf=\(query)",
                body: Self.multipart([], file: ("file", "pegawai.csv", Self.employeesCSV)))
            #expect(inURL.status == .forbidden)
            // In the body, as a hidden field: past the CSRF check (the file itself has no rows: 422).
            let inBody = try await Self.post(
                app, admin, "/imports/employees",
                body: Self.multipart([("_csrf", token)], file: ("file", "pegawai.csv", Self.employeesCSV)))
            #expect(inBody.status == .unprocessableEntity)
            #expect(inBody.body.string.contains("Berkas tidak berisi baris data"))
        }
    }

    @Test func noFormPutsTheTokenInItsAction() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let page = try await admin.get("/imports").body.string
            #expect(!page.contains("_csrf="))
            // Every multipart form of the page has the hidden field.
            let forms = page.components(separatedBy: "<form").dropFirst().filter { $0.contains("multipart/form-data") }
            #expect(!forms.isEmpty)
            for form in forms { #expect(form.contains(#"name="_csrf""#)) }
        }
    }

    @Test func aBodyAboveTheUploadLimitIs413() async throws {
        try await withTestApp(settings: { $0.uploadLimitMB = 1 }) { app in
            _ = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let big = Data(repeating: 0x41, count: 1_200_000)
            let response = try await Self.post(
                app, admin, "/imports/employees",
                body: Self.multipart([("_csrf", admin.csrf ?? "")], file: ("file", "a.csv", big)))
            #expect(response.status == .payloadTooLarge)
        }
    }

    /// A role that may not import gets its 403 before the file is read: a broken file would
    /// otherwise answer 422 with the parser's findings.
    @Test func accessIsDecidedBeforeTheFileIsParsed() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let broken = Data("PK\u{3}\u{4}not a zip".utf8)
            let pegawai = try await WebClient.login(app, "pegawai")
            for kind in ["employees", "positions", "assessments", "performance"] {
                let web = try await Self.post(
                    app, pegawai, "/imports/\(kind)",
                    body: Self.multipart([("_csrf", pegawai.csrf ?? "")], file: ("file", "x.xlsx", broken)))
                #expect(web.status == .forbidden, "\(kind): \(web.status)")
            }
            let api = try await APIClient.login(app, "pegawai")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: api.token!)
            headers.contentType = .init(type: "text", subType: "csv")
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/employees/import", headers: headers, body: ByteBuffer(data: broken))
            #expect(response.status == .forbidden)
        }
    }

    /// One cell in column XFD on 20,000 rows (a dense grid would be 327 million cells): 422 in
    /// seconds, naming the column limit.
    @Test func aWideSpreadsheetIsRefusedQuickly() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let main = XLSXParts.mainNS
            let rows = (1...20_000).map {
                #"<row r="\#($0)"><c r="XFD\#($0)" t="inlineStr"><is><t>x</t></is></c></row>"#
            }.joined()
            let xlsx = try XLSXWriter.zip([
                ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: 1)),
                ("_rels/.rels", XLSXParts.rootRels),
                (
                    "xl/workbook.xml",
                    #"<workbook xmlns="\#(main)" xmlns:r="\#(XLSXParts.relNS)"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
                ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRels(sheetCount: 1)),
                (
                    "xl/worksheets/sheet1.xml",
                    #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#
                ),
            ])
            let admin = try await WebClient.login(app, "admin")
            let start = Date()
            let response = try await Self.post(
                app, admin, "/imports/employees",
                body: Self.multipart([("_csrf", admin.csrf ?? "")], file: ("file", "lebar.xlsx", xlsx)))
            #expect(Date().timeIntervalSince(start) < 10)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("paling banyak 256 kolom"))
        }
    }
}
