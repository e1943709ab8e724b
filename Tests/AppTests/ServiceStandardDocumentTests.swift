import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 18: the full standar pelayanan (14 components), versioned, over the API, on the service
/// page and on the public page. Today is 29 November 2026 (`testNow`).
@Suite("Services: standar pelayanan (14 components)")
struct ServiceStandardDocumentTests {
    /// A body with all 14 components.
    static func body(
        effectiveFrom: String?, competencies: [[String: Any]] = [["competencyCode": "M.5", "requiredLevel": 3]],
        staff: Int = 6, drop: String? = nil, extra: [String: Any] = [:]
    ) -> String {
        var components: [String: Any] = [:]
        for c in ServiceStandardComponent.textComponents { components[c.rawValue] = "Isi \(c.label)\nbaris kedua" }
        components["kompetensiPelaksana"] = competencies
        components["jumlahPelaksana"] = ["count": staff, "note": "Sesuai analisis beban kerja"]
        if let drop { components[drop] = nil }
        for (k, v) in extra { components[k] = v }
        var body: [String: Any] = ["components": components]
        if let effectiveFrom { body["effectiveFrom"] = effectiveFrom }
        return String(data: try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), encoding: .utf8)!
    }

    static func service(_ app: Application, _ world: World, positions: [UUID] = []) async throws -> UUID {
        try await RecordMaker(app, "admin").make(
            "/api/v1/services",
            ServiceInput(
                code: "DUKCAPIL-KTP", name: "Perekaman KTP-el", unitId: world.opdA.id!, standardMinutes: 60, fee: 0,
                requirements: ["Kartu Keluarga", "Surat pengantar"], legalBasis: "UU 24/2013", positionIds: positions))
    }

    static func json(_ r: TestingHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
    }

    static func fields(_ r: TestingHTTPResponse) throws -> [String] {
        ((try json(r)["fields"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    @Test func newServiceHasVersionOneAndAPIRoundTripsAll14Components() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            let first = try await admin.send(.GET, "/api/v1/services/\(id)/standard")
            #expect(first.status == .ok, "\(first.body.string)")
            let v1 = try Self.json(first)
            #expect(v1["version"] as? Int == 1)
            let c1 = try #require(v1["components"] as? [String: Any])
            #expect(Set(c1.keys) == Set(ServiceStandardComponent.allCases.map(\.rawValue)))
            #expect(c1["persyaratan"] as? String == "Kartu Keluarga\nSurat pengantar")
            #expect(c1["biaya"] as? String == "Tidak dipungut biaya (gratis).")

            let put = try await admin.send(
                .PUT, "/api/v1/services/\(id)/standard", raw: Self.body(effectiveFrom: "2027-01-01"))
            #expect(put.status == .ok, "\(put.body.string)")
            let v2 = try Self.json(put)
            #expect(v2["version"] as? Int == 2)
            #expect(v2["inForce"] as? Bool == false)
            let c2 = try #require(v2["components"] as? [String: Any])
            for c in ServiceStandardComponent.textComponents {
                #expect(c2[c.rawValue] as? String == "Isi \(c.label)\nbaris kedua")
            }
            let rows = try #require(c2["kompetensiPelaksana"] as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows[0]["competencyCode"] as? String == "M.5")
            #expect(rows[0]["requiredLevel"] as? Int == 3)
            #expect(rows[0]["competencyName"] as? String != nil)
            #expect((c2["jumlahPelaksana"] as? [String: Any])?["count"] as? Int == 6)

            // Today the first version is still the one in force.
            #expect(
                try Self.json(try await admin.send(.GET, "/api/v1/services/\(id)/standard"))["version"] as? Int == 1)
            let versions = try await admin.send(.GET, "/api/v1/services/\(id)/standard/versions")
            let list = try #require(JSONSerialization.jsonObject(with: Data(buffer: versions.body)) as? [[String: Any]])
            #expect(list.map { $0["version"] as? Int } == [2, 1])
            #expect(list.map { $0["status"] as? String } == ["akan_berlaku", "berlaku"])
            // One audit entry per save.
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "service_standard_document").count() == 1)
        }
    }

    /// Migration 050 on a database with services: each gets version 1 from its catalogue fields.
    @Test func theUpgradeGivesEveryExistingServiceVersionOne() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let migration = CreateServiceStandardDocuments()
            try await migration.revert(on: app.db)
            try await migration.prepare(on: app.db)
            let docs = try await ServiceStandardDocument.query(on: app.db).filter(\.$serviceID == id).all()
            #expect(docs.count == 1)
            let v1 = try #require(docs.first)
            #expect(v1.version == 1 && v1.effectiveFrom == "2000-01-01")
            #expect(v1.persyaratan == "Kartu Keluarga\nSurat pengantar")
            #expect(v1.dasarHukum == "UU 24/2013")
            #expect(v1.biaya == "Tidak dipungut biaya (gratis).")
            #expect(v1.jangkaWaktu == "1 jam") // the wording of 60 minutes
            #expect(ServiceStandardRules.problems(v1.content([]), knownCodes: []).isEmpty)
        }
    }

    @Test func versionsAreNeverRewrittenOnceInForce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/services/\(id)/standard"
            #expect(try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2027-01-01")).status == .ok)
            // The same date again, not yet in force: corrected in place, still version 2.
            let again = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2027-01-01", staff: 7))
            #expect(again.status == .ok)
            #expect(try Self.json(again)["version"] as? Int == 2)
            #expect(try await ServiceStandardDocument.query(on: app.db).filter(\.$serviceID == id).count() == 2)
            // Version 1's date: in force, history: 409.
            let old = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2000-01-01"))
            #expect(old.status == .conflict, "\(old.body.string)")
            // Before the latest version: 422 on the date.
            let before = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2026-12-15"))
            #expect(before.status == .unprocessableEntity)
            #expect(try Self.fields(before) == ["effectiveFrom"])
            // A later date: the next number.
            let third = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2027-02-01"))
            #expect(try Self.json(third)["version"] as? Int == 3)
        }
    }

    @Test func validationNamesTheFields() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/services/\(id)/standard"
            let missing = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "2027-01-01", drop: "produk"))
            #expect(missing.status == .unprocessableEntity)
            #expect(try Self.fields(missing) == ["components.produk"])
            let unknown = try await admin.send(
                .PUT, path,
                raw: Self.body(
                    effectiveFrom: "2027-01-01",
                    competencies: [
                        ["competencyCode": "X.404", "requiredLevel": 2], ["competencyCode": "M.5", "requiredLevel": 9],
                    ]))
            #expect(unknown.status == .unprocessableEntity)
            #expect(
                try Self.fields(unknown) == [
                    "components.kompetensiPelaksana[0].competencyCode",
                    "components.kompetensiPelaksana[1].requiredLevel",
                ])
            let typed = try await admin.send(
                .PUT, path, raw: Self.body(effectiveFrom: "2027-01-01", extra: ["biaya": 5, "persyaratan": ""]))
            #expect(typed.status == .unprocessableEntity)
            #expect(Set(try Self.fields(typed)) == ["components.biaya", "components.persyaratan"])
            let date = try await admin.send(.PUT, path, raw: Self.body(effectiveFrom: "kemarin"))
            #expect(try Self.fields(date) == ["effectiveFrom"])
            let empty = try await admin.send(.PUT, path, raw: "{}")
            #expect(empty.status == .unprocessableEntity)
            #expect(try Self.fields(empty) == ["components"])
            #expect(try await ServiceStandardDocument.query(on: app.db).count() == 1)
        }
    }

    @Test func accessIsCheckedBeforeTheBodyAndFollowsTheTimeStandardRule() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let path = "/api/v1/services/\(id)/standard"
            // Another OPD's operator: 403 even for a body that would be a 422.
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.PUT, path, raw: "{}").status == .forbidden)
            #expect(try await opB.send(.GET, path).status == .forbidden)
            for role in ["pegawai", "atasan", "asesor", "lpk"] {
                let c = try await APIClient.login(app, role)
                #expect(try await c.send(.GET, path).status == .forbidden, "\(role)")
                #expect(try await c.send(.PUT, path, raw: "{}").status == .forbidden, "\(role)")
            }
            #expect(try await APIClient.login(app, "admin.lain").send(.GET, path).status == .notFound)
            // The service's own operator: from today on, not backdated (as for the time standard).
            let opA = try await APIClient.login(app, "operator.a")
            #expect(try await opA.send(.GET, path).status == .ok)
            #expect(try await opA.send(.PUT, path, raw: Self.body(effectiveFrom: "2026-11-01")).status == .forbidden)
            #expect(try await opA.send(.PUT, path, raw: Self.body(effectiveFrom: nil)).status == .ok)
            #expect(
                try await ServiceStandardDocument.query(on: app.db).filter(\.$version == 2).first()?.effectiveFrom
                    == "2026-11-30")
        }
    }

    /// Five holders of the delivering position, standard M.5 ≥ 3 and SK.1 ≥ 2:
    /// A 3/2 meets, B 4/3 meets, C 3/2 meets, D 2/2 misses M.5, E 3/— misses SK.1 → 3 of 5.
    /// Jumlah pelaksana 6 → 5 of 6, 1 short.
    @Test func complianceCountsFromAHandBuiltStaff() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let maker = try await RecordMaker(app, "admin")
            let position = try await maker.make(
                "/api/v1/positions",
                PositionInput(
                    code: "DUKCAPIL.PL1", name: "Pengadministrasi Kependudukan", kind: "pelaksana",
                    unitId: world.opdA.id!, summary: nil, duties: nil, standards: []))
            let id = try await Self.service(app, world, positions: [position])
            let codes = Dictionary(
                uniqueKeysWithValues: try await Competency.query(on: app.db)
                    .filter(\.$instansiID == world.instansi.id!).all().map { ($0.code, $0.id!) })
            let staff: [(String, String, Int?, Int?)] = [
                ("Ana", "199101012015032001", 3, 2), ("Beni", "199102022015031002", 4, 3),
                ("Citra", "199103032015032003", 3, 2), ("Dedi", "199104042015031004", 2, 2),
                ("Eli", "199105052015032005", 3, nil),
            ]
            for (name, nip, m5, sk1) in staff {
                let e = Employee()
                e.id = UUID()
                e.instansiID = world.instansi.id!
                e.unitID = world.opdA.id!
                e.nip = nip
                e.name = name
                e.sex = 2
                e.birthDate = "1991-01-01"
                e.employmentType = "pns"
                e.rank = "II/c"
                e.positionID = position
                e.isActive = true
                e.createdAt = testNow
                e.updatedAt = testNow
                try await e.create(on: app.db)
                for (code, level) in [("M.5", m5), ("SK.1", sk1)] {
                    guard let level else { continue }
                    let l = CurrentLevel()
                    l.id = UUID()
                    l.instansiID = world.instansi.id!
                    l.employeeID = e.id!
                    l.competencyID = codes[code]!
                    l.level = level
                    l.assessedOn = "2026-06-01"
                    l.assessmentID = UUID()
                    try await l.create(on: app.db)
                }
            }
            let admin = try await APIClient.login(app, "admin")
            let put = try await admin.send(
                .PUT, "/api/v1/services/\(id)/standard",
                raw: Self.body(
                    effectiveFrom: "2026-11-29",
                    competencies: [
                        ["competencyCode": "M.5", "requiredLevel": 3], ["competencyCode": "SK.1", "requiredLevel": 2],
                    ]))
            #expect(put.status == .ok, "\(put.body.string)")
            let compliance = try #require(try Self.json(put)["compliance"] as? [String: Any])
            #expect(compliance["deliveringStaff"] as? Int == 5)
            #expect(compliance["meetingCompetence"] as? Int == 3)
            #expect(compliance["holders"] as? Int == 5)
            #expect(compliance["requiredCount"] as? Int == 6)
            #expect(compliance["staffingShortfall"] as? Int == 1)

            // The service page: the count, and who misses what (admin may see every employee).
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/services/\(id)").body.string
            #expect(page.contains("3 dari 5 pelaksana memenuhi kompetensi pelaksana."))
            #expect(page.contains("5 dari 6 pelaksana yang dibutuhkan (kurang 1)"))
            #expect(page.contains("Dedi") && page.contains("Eli") && !page.contains(">Ana<"))
            #expect(page.contains("belum dinilai (perlu 2)"))
            #expect(page.contains("id=\"standard-document-edit\""))

            // The public page: the components, no person and no count.
            let code = try #require(try await PublicService.find(id, on: app.db)?.shortCode)
            let publicPage = try await WebClient(app).get("/s/\(code)/standar")
            #expect(publicPage.status == .ok)
            let html = publicPage.body.string
            #expect(html.contains("Versi 2, berlaku sejak 29 November 2026"))
            #expect(html.contains("Penanganan pengaduan, saran dan masukan"))
            for name in ["Dedi", "Eli", "Ana", "199104042015031004", "3 dari 5"] {
                #expect(!html.contains(name), "\(name)")
            }
            let poster = try await WebClient(app).get("/s/\(code)/standar/poster")
            #expect(poster.status == .ok)
            #expect(poster.body.string.contains("/s/\(code)/qr.svg"))
        }
    }

    @Test func theFormSavesANewVersionAndKeepsTypedInputOnErrors() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await Self.service(app, world)
            let web = try await WebClient.login(app, "operator.a")
            let form = try await web.get("/services/\(id)/standar/ubah")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"kode0\""))
            var fields: [String: String] = [
                "effectiveFrom": "2026-12-01", "rows": "3", "kode0": "M.5", "level0": "3",
                "jumlah": "4", "jumlahNote": "",
            ]
            for c in ServiceStandardComponent.textComponents { fields[c.rawValue] = "Teks \(c.rawValue)" }
            fields["produk"] = ""
            let bad = try await web.post("/services/\(id)/standar", fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Teks persyaratan"))
            #expect(bad.body.string.contains("id=\"error-produk\""))
            fields["produk"] = "KTP-el"
            let good = try await web.post("/services/\(id)/standar", fields)
            #expect(good.status == .seeOther, "\(good.body.string)")
            let saved = try #require(
                try await ServiceStandardDocument.query(on: app.db).filter(\.$version == 2).first())
            #expect(saved.produk == "KTP-el" && saved.jumlahPelaksana == 4 && saved.effectiveFrom == "2026-12-01")
            // BKPPD on version 1's date: in force, so the form comes back with the reason (409).
            let admin = try await WebClient.login(app, "admin")
            _ = try await admin.get("/services/\(id)/standar/ubah")
            fields["effectiveFrom"] = "2000-01-01"
            let taken = try await admin.post("/services/\(id)/standar", fields)
            #expect(taken.status == .conflict)
            #expect(taken.body.string.contains("sudah berlaku"))
            // Another OPD's operator sees no button and may not open the form.
            let other = try await WebClient.login(app, "operator.b")
            #expect(try await other.get("/services/\(id)/standar/ubah").status == .forbidden)
        }
    }
}

@Suite("Services: standar pelayanan export and import")
struct ServiceStandardTransferTests {
    @Test func exportThenImportGivesTheSameComponents() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try await ServiceStandardDocumentTests.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/services/\(id)/standard"
            // Version 2 from today with every component set: what the export carries.
            let v2 = try await admin.send(
                .PUT, path,
                raw: ServiceStandardDocumentTests.body(
                    effectiveFrom: "2026-11-29",
                    competencies: [
                        ["competencyCode": "M.5", "requiredLevel": 3], ["competencyCode": "SK.1", "requiredLevel": 2],
                    ]))
            #expect(v2.status == .ok)
            let web = try await WebClient.login(app, "admin")
            let exported = try await web.get("/services/standar/ekspor?format=csv")
            #expect(exported.status == .ok)
            let csv = exported.body.string
            #expect(csv.contains("M.5:3; SK.1:2"))
            // Re-importing the export changes nothing.
            let same = try await Self.upload(web, csv)
            #expect(same.status == .seeOther, "\(same.body.string)")
            #expect(try await ServiceStandardDocument.query(on: app.db).count() == 2)
            // Change version 3 through the API, then import the export dated later: version 4 = version 2.
            #expect(
                try await admin.send(.PUT, path, raw: ServiceStandardDocumentTests.body(effectiveFrom: "2027-01-01"))
                    .status == .ok)
            let later = csv.replacingOccurrences(of: ";2026-11-29;", with: ";2027-02-01;")
            #expect(later != csv)
            let imported = try await Self.upload(web, later)
            #expect(imported.status == .seeOther, "\(imported.body.string)")
            let docs = try await ServiceStandardDocument.query(on: app.db).sort(\.$version).all()
            #expect(docs.map(\.version) == [1, 2, 3, 4])
            let rows = try await ServiceStandardDocumentQueries.competencies(docs.map { $0.id! }, on: app.db)
            #expect(docs[3].content(rows[docs[3].id!] ?? []) == docs[1].content(rows[docs[1].id!] ?? []))
            #expect(docs[3].effectiveFrom == "2027-02-01")
        }
    }

    @Test func aBadRowStopsTheWholeImportWithItsLineNumber() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await ServiceStandardDocumentTests.service(app, world)
            _ = try await RecordMaker(app, "admin").make(
                "/api/v1/services",
                ServiceInput(
                    code: "DUKCAPIL-KK", name: "Kartu Keluarga", unitId: world.opdA.id!, standardMinutes: 60, fee: 0,
                    requirements: ["Formulir F-1.01"]))
            let web = try await WebClient.login(app, "admin")
            let csv = try await web.get("/services/standar/ekspor?format=csv").body.string
            // Rows sorted by code: KK (row 2) changes and is valid; KTP (row 3) names no service.
            let edited = csv.replacingOccurrences(of: "Produk layanan sesuai permohonan.", with: "Dokumen baru")
                .replacingOccurrences(of: "DUKCAPIL-KK;2000-01-01;", with: "DUKCAPIL-KK;2027-01-01;")
                .replacingOccurrences(of: "DUKCAPIL-KTP;2000-01-01;", with: "TIDAK-ADA;2027-01-01;")
            #expect(edited.contains("TIDAK-ADA") && edited.contains("DUKCAPIL-KK;2027-01-01;"))
            let r = try await ServiceStandardTransferTests.upload(web, edited)
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.string.contains("Baris 3, kolom Kode Layanan"))
            #expect(try await ServiceStandardDocument.query(on: app.db).count() == 2)
            // Another OPD's operator may not change this OPD's standard through the file either.
            let opB = try await WebClient.login(app, "operator.b")
            let kkOnly = edited.replacingOccurrences(of: "TIDAK-ADA;", with: "DUKCAPIL-KK;")
            let refused = try await ServiceStandardTransferTests.upload(opB, kkOnly)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await ServiceStandardDocument.query(on: app.db).count() == 2)
            // Corrected: both rows become version 2.
            let ok = try await ServiceStandardTransferTests.upload(
                web, edited.replacingOccurrences(of: "TIDAK-ADA;", with: "DUKCAPIL-KTP;"))
            #expect(ok.status == .seeOther, "\(ok.body.string)")
            #expect(try await ServiceStandardDocument.query(on: app.db).filter(\.$version == 2).count() == 2)
        }
    }

    static func upload(_ web: WebClient, _ csv: String) async throws -> TestingHTTPResponse {
        let boundary = "----kompeten-standar"
        var body = ""
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(web.csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"standar.csv\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie = web.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        return try await web.app.testing().sendRequest(
            .POST, "/services/standar/impor", headers: headers, body: ByteBuffer(string: body))
    }
}
