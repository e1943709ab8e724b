import Fluent
import Foundation
import KompetenCore
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 17 (partners): agreements through the API and the pages, the signed PDF, batches
/// outside any agreement on a hand-built example, who reads which agreements, and LAN's
/// programme accreditation. "Today" is 29 November 2026 (testNow).
@Suite("Partner agreements (MoU/PKS) and programme accreditation")
struct PartnerAgreementAppTests {
    struct Read: Decodable, Equatable {
        let id: UUID
        let kind: String
        let number: String
        let scope: String
        let startDate: String
        let endDate: String
        let status: String
        let hasFile: Bool
        let fileUrl: String?
    }
    struct Uncovered: Decodable {
        let batchName: String
        let startDate: String
        let programCode: String
    }
    struct List: Decodable {
        let items: [Read]
        let uncoveredBatches: [Uncovered]
    }
    struct ErrorBody: Decodable {
        struct Field: Decodable { let field: String }
        let fields: [Field]?
    }

    static func body(_ number: String, start: String = "2026-01-01", end: String = "2026-12-31", kind: String = "pks")
        -> [String: String]
    {
        [
            "kind": kind, "number": number, "scope": "Pelatihan teknis pelayanan publik", "startDate": start,
            "endDate": end,
        ]
    }

    static func fields(_ r: TestingHTTPResponse) throws -> [String] {
        try r.json(ErrorBody.self).fields?.map(\.field) ?? []
    }

    /// A provider with one programme and the given batches (start, end), made by BKPPD.
    static func provider(
        _ app: Application, code: String = "LPK-KPG", kind: String = "swasta", batches: [(String, String)]
    ) async throws -> (provider: UUID, programme: UUID) {
        let maker = try await RecordMaker(app, "admin")
        let provider = try await maker.make(
            "/api/v1/providers", ProviderInput(code: code, name: "Lembaga \(code)", kind: kind))
        let programme = try await maker.make(
            "/api/v1/programs",
            ProgrammeInput(
                code: "\(code)-P1", title: "Pelayanan Prima", form: "klasikal", path: "KL03", providerId: provider,
                competencies: [.init(competencyCode: "M.5", levelGain: 1)], jp: 24, costPerParticipant: 100_000,
                capacity: 30, description: nil, active: nil))
        for (i, (start, end)) in batches.enumerated() {
            _ = try await maker.make(
                "/api/v1/programs/\(programme)/batches",
                BatchInput(
                    name: "Angkatan \(i + 1)", startDate: start, endDate: end, capacity: 10, place: "Aula BKPPD",
                    online: false))
        }
        return (provider, programme)
    }

    @Test func createListRefuseBadDatesMissingNumberAndDuplicates() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let (provider, _) = try await Self.provider(app, batches: [])
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/providers/\(provider)/agreements"

            let created = try await admin.send(.POST, path, json: Self.body("PKS/001/BKPPD/2026"))
            #expect(created.status == .created, "\(created.body.string)")
            let a = try created.json(Read.self)
            #expect(a.number == "PKS/001/BKPPD/2026")
            #expect(a.kind == "pks")
            #expect(a.startDate == "2026-01-01" && a.endDate == "2026-12-31")
            // 29 November → 31 December is 32 days: inside the 90-day warning.
            #expect(a.status == "akan_berakhir")
            #expect(!a.hasFile && a.fileUrl == nil)

            let mou = try await admin.send(
                .POST, path, json: Self.body("MoU/02/PEMKOT/2026", start: "2026-06-01", end: "2029-05-31", kind: "mou"))
            #expect(try mou.json(Read.self).status == "berlaku")
            let old = try await admin.send(
                .POST, path, json: Self.body("PKS/9/2023", start: "2023-01-02", end: "2025-12-31"))
            #expect(try old.json(Read.self).status == "berakhir")

            // End before start: 422 naming endDate; nothing written.
            let backwards = try await admin.send(
                .POST, path, json: Self.body("PKS/003", start: "2026-05-01", end: "2026-04-30"))
            #expect(backwards.status == .unprocessableEntity)
            #expect(try Self.fields(backwards) == ["endDate"])
            // A date that is no date.
            let garbled = try await admin.send(.POST, path, json: Self.body("PKS/004", start: "2026-02-30"))
            #expect(try Self.fields(garbled) == ["startDate"])
            // No number at all, or only spaces.
            var noNumber = Self.body("x")
            noNumber.removeValue(forKey: "number")
            let missing = try await admin.send(.POST, path, json: noNumber)
            #expect(missing.status == .unprocessableEntity)
            #expect(try Self.fields(missing) == ["number"])
            let blank = try await admin.send(.POST, path, json: Self.body("   "))
            #expect(try Self.fields(blank) == ["number"])
            let badKind = try await admin.send(.POST, path, json: Self.body("PKS/005", kind: "kontrak"))
            #expect(try Self.fields(badKind) == ["kind"])

            // The same number again for this provider: 409; for another provider it is fine.
            let duplicate = try await admin.send(.POST, path, json: Self.body("PKS/001/BKPPD/2026"))
            #expect(duplicate.status == .conflict)
            let (other, _) = try await Self.provider(app, code: "LPK-LAIN", batches: [])
            let elsewhere = try await admin.send(
                .POST, "/api/v1/providers/\(other)/agreements", json: Self.body("PKS/001/BKPPD/2026"))
            #expect(elsewhere.status == .created)

            let list = try await admin.send(.GET, path).json(List.self)
            // Latest start first.
            #expect(list.items.map(\.number) == ["MoU/02/PEMKOT/2026", "PKS/001/BKPPD/2026", "PKS/9/2023"])
            #expect(try await ProviderAgreement.query(on: app.db).count() == 4)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "provider_agreement").count() == 4)

            // A malformed id in the path: 422, not 500.
            let malformed = try await admin.send(.GET, "/api/v1/providers/bukan-uuid/agreements")
            #expect(malformed.status == .unprocessableEntity)

            // PUT changes it (number kept unique), DELETE removes it once.
            let put = try await admin.send(
                .PUT, "/api/v1/agreements/\(a.id)", json: Self.body("PKS/001/BKPPD/2026", end: "2027-12-31"))
            #expect(put.status == .ok, "\(put.body.string)")
            #expect(try put.json(Read.self).status == "berlaku")
            let clash = try await admin.send(.PUT, "/api/v1/agreements/\(a.id)", json: Self.body("PKS/9/2023"))
            #expect(clash.status == .conflict)
            #expect(try await admin.send(.DELETE, "/api/v1/agreements/\(a.id)").status == .noContent)
            #expect(try await admin.send(.DELETE, "/api/v1/agreements/\(a.id)").status == .notFound)
        }
    }

    @Test func twoConcurrentSavesOfOneNumberGiveOne201AndOne409() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let (provider, _) = try await Self.provider(app, batches: [])
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/providers/\(provider)/agreements"
            async let first = admin.send(.POST, path, json: Self.body("PKS/SAMA/2026"))
            async let second = admin.send(.POST, path, json: Self.body("PKS/SAMA/2026"))
            let codes = try await [first, second].map(\.status.code).sorted()
            #expect(codes == [201, 409])
            #expect(try await ProviderAgreement.query(on: app.db).count() == 1)
        }
    }

    static func upload(_ app: Application, _ client: APIClient, _ id: UUID, _ bytes: [UInt8]) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: client.token!)
        headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        return try await app.testing().sendRequest(
            .PUT, "/api/v1/agreements/\(id)/file", headers: headers, body: ByteBuffer(bytes: bytes))
    }

    @Test func theSignedPDFIsCheckedByItsBytesAndDownloadedByReadersOnly() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (provider, _) = try await Self.provider(app, batches: [])
            let admin = try await APIClient.login(app, "admin")
            let a = try await admin.send(
                .POST, "/api/v1/providers/\(provider)/agreements", json: Self.body("PKS/010/2026")
            ).json(Read.self)

            // A Word file renamed .pdf: refused by its first bytes.
            let docx = try await Self.upload(app, admin, a.id, Array("PK\u{3}\u{4}word/document.xml".utf8))
            #expect(docx.status == .unprocessableEntity)
            #expect(try Self.fields(docx) == ["file"])
            let empty = try await Self.upload(app, admin, a.id, [])
            #expect(try Self.fields(empty) == ["file"])
            // Over 5 MB (5,242,880 bytes): refused.
            let big = try await Self.upload(
                app, admin, a.id, Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x20, count: 5_242_880))
            #expect(try Self.fields(big) == ["file"])
            #expect(try await admin.send(.GET, "/api/v1/agreements/\(a.id)/file").status == .notFound)

            let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)
            let ok = try await Self.upload(app, admin, a.id, pdf)
            #expect(ok.status == .ok, "\(ok.body.string)")
            #expect(try ok.json(Read.self).hasFile)
            let download = try await admin.send(.GET, "/api/v1/agreements/\(a.id)/file")
            #expect(download.status == .ok)
            #expect(download.headers.contentType == HTTPMediaType(type: "application", subType: "pdf"))
            #expect(Array(download.body.readableBytesView) == pdf)
            #expect(download.headers.first(name: .contentDisposition)?.contains("PKS-PKS-010-2026.pdf") == true)

            // The operator reads it; the employee, the supervisor and a provider of another
            // institution do not; the operator cannot replace it.
            let op = try await APIClient.login(app, "operator.a")
            #expect(try await op.send(.GET, "/api/v1/agreements/\(a.id)/file").status == .ok)
            #expect(try await Self.upload(app, op, a.id, pdf).status == .forbidden)
            for role in ["pegawai", "atasan", "asesor", "lpk"] {
                let c = try await APIClient.login(app, role)
                let r = try await c.send(.GET, "/api/v1/agreements/\(a.id)/file")
                #expect([403, 404].contains(r.status.code), "\(role): \(r.status)")
            }
            // The page link downloads it for BKPPD.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/providers/\(provider)/agreements/\(a.id)/file")
            #expect(Array(page.body.readableBytesView) == pdf)
            _ = world
        }
    }

    @Test func batchesOutsideAgreementsAreFlaggedOnAHandBuiltExample() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            // Batch 1 in March 2026; batch 2 from 28 December 2026 into January 2027; batch 3 in
            // February 2025, before any agreement.
            let (provider, programme) = try await Self.provider(
                app,
                batches: [("2026-03-02", "2026-03-06"), ("2026-12-28", "2027-01-08"), ("2025-02-03", "2025-02-07")])
            let admin = try await APIClient.login(app, "admin")
            let path = "/api/v1/providers/\(provider)/agreements"
            // No agreement yet: all three are outside, by start date.
            var list = try await admin.send(.GET, path).json(List.self)
            #expect(list.uncoveredBatches.map(\.batchName) == ["Angkatan 3", "Angkatan 1", "Angkatan 2"])

            // PKS for 2026 (both ends inclusive): batch 1 is inside; batch 2 runs past 31 December.
            _ = try await admin.send(.POST, path, json: Self.body("PKS/2026"))
            list = try await admin.send(.GET, path).json(List.self)
            #expect(list.uncoveredBatches.map(\.batchName) == ["Angkatan 3", "Angkatan 2"])

            // Renewed from 1 January 2027 without a gap: batch 2 is carried across the change.
            _ = try await admin.send(.POST, path, json: Self.body("PKS/2027", start: "2027-01-01", end: "2027-12-31"))
            list = try await admin.send(.GET, path).json(List.self)
            #expect(list.uncoveredBatches.map(\.batchName) == ["Angkatan 3"])
            #expect(list.uncoveredBatches.map(\.startDate) == ["2025-02-03"])

            // The provider page, the programme page and BKPPD's list show the flag.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/providers/\(provider)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Angkatan di luar perjanjian kerja sama"))
            #expect(html.contains("3 Februari 2025 – 7 Februari 2025"))
            #expect(html.contains("PKS/2027"))
            #expect(html.contains("Terakreditasi") || html.contains("Belum terakreditasi"))
            let programmePage = try await web.get("/programs/\(programme)").body.string
            #expect(programmePage.contains("di luar perjanjian kerja sama"))
            let bkppd = try await web.get("/providers/outside-agreements")
            #expect(bkppd.status == .ok)
            #expect(bkppd.body.string.contains("Angkatan 3"))
            #expect(!bkppd.body.string.contains(">Angkatan 2<"))
            let csv = try await web.get("/providers/outside-agreements?format=csv").body.string
            #expect(csv.contains("Lembaga LPK-KPG"))
            #expect(csv.contains("2025-02-03"))
            #expect(!csv.contains("2026-12-28"))
            let operatorList = try await WebClient.login(app, "operator.a").get("/providers/outside-agreements")
            #expect(operatorList.status == .forbidden)

            // BKPPD's own training runs without any agreement and is never flagged.
            let (inHouse, _) = try await Self.provider(
                app, code: "BKPPD-INT", kind: "internal", batches: [("2026-03-02", "2026-03-06")])
            let own = try await admin.send(.GET, "/api/v1/providers/\(inHouse)/agreements").json(List.self)
            #expect(own.items.isEmpty && own.uncoveredBatches.isEmpty)
            #expect(try await web.get("/providers/\(inHouse)").body.string.contains("tidak memerlukan perjanjian"))
            // The list says where each provider stands: LPK-KPG's 2027 PKS follows its 2026 one.
            let index = try await web.get("/providers").body.string
            #expect(index.contains("<th scope=\"col\">Perjanjian</th>"))
            #expect(index.contains("<td>Berlaku</td>") && index.contains("<td>Tidak diperlukan</td>"))
            let pegawaiIndex = try await WebClient.login(app, "pegawai").get("/providers").body.string
            #expect(!pegawaiIndex.contains("Perjanjian</th>"))
        }
    }

    /// Which roles receive which agreements, worked out by hand from the rules: BKPPD and
    /// operators every provider's; a provider login only its own; the others none.
    @Test func everyRoleReceivesTheAgreementsItMayRead() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let (own, _) = try await Self.provider(app, code: "LPK-SATU", batches: [])
            let (other, _) = try await Self.provider(app, code: "LPK-DUA", batches: [])
            let admin = try await APIClient.login(app, "admin")
            _ = try await admin.send(.POST, "/api/v1/providers/\(own)/agreements", json: Self.body("PKS/SATU"))
            _ = try await admin.send(.POST, "/api/v1/providers/\(other)/agreements", json: Self.body("PKS/DUA"))
            // The provider login acts for LPK-SATU.
            let lpk = world.users["lpk"]!
            lpk.providerID = own
            try await lpk.save(on: app.db)

            let expected: [String: [UUID: [String]?]] = [
                "admin": [own: ["PKS/SATU"], other: ["PKS/DUA"]],
                "operator.a": [own: ["PKS/SATU"], other: ["PKS/DUA"]],
                "operator.b": [own: ["PKS/SATU"], other: ["PKS/DUA"]],
                "lpk": [own: ["PKS/SATU"], other: nil],
                "atasan": [own: nil, other: nil],
                "pegawai": [own: nil, other: nil],
                "asesor": [own: nil, other: nil],
            ]
            for (role, byProvider) in expected {
                let c = try await APIClient.login(app, role)
                for (provider, numbers) in byProvider {
                    let r = try await c.send(.GET, "/api/v1/providers/\(provider)/agreements")
                    if let numbers {
                        #expect(r.status == .ok, "\(role)")
                        #expect(try r.json(List.self).items.map(\.number) == numbers, "\(role)")
                    } else {
                        #expect([403, 404].contains(r.status.code), "\(role): \(r.status)")
                    }
                    // The page shows the agreement section to the same readers.
                    let page = try await WebClient.login(app, role).get("/providers/\(provider)")
                    let shows = page.body.string.contains("id=\"agreements\"")
                    #expect(shows == (numbers != nil), "\(role) page")
                }
            }
            // Only BKPPD records one; the button is there for BKPPD only.
            for role in expected.keys.sorted() {
                let post = try await APIClient.login(app, role).send(
                    .POST, "/api/v1/providers/\(own)/agreements", json: Self.body("PKS/\(role)"))
                #expect(post.status == (role == "admin" ? .created : .forbidden), "\(role) POST → \(post.status)")
                let page = try await WebClient.login(app, role).get("/providers/\(own)")
                #expect(page.body.string.contains("Catat perjanjian") == (role == "admin"), "\(role) button")
            }
            // Another instansi's admin sees nothing of ours.
            let foreign = try await APIClient.login(app, "admin.lain")
            #expect(try await foreign.send(.GET, "/api/v1/providers/\(own)/agreements").status == .notFound)
        }
    }

    @Test func theFormKeepsWhatWasTypedAndSaysWhatIsWrong() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let (provider, _) = try await Self.provider(app, batches: [])
            let web = try await WebClient.login(app, "admin")
            let form = try await web.get("/providers/\(provider)/agreements/new")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("enctype=\"multipart/form-data\""))
            var fields = Self.body("PKS/077/BKPPD/2026", start: "2026-07-01", end: "2026-06-30")
            fields["signatories"] = "Wali Kota Kupang"
            let bad = try await web.post("/providers/\(provider)/agreements", fields)
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("Tanggal berakhir tidak boleh sebelum tanggal mulai."))
            #expect(html.contains("value=\"PKS/077/BKPPD/2026\""))
            #expect(html.contains("Wali Kota Kupang"))
            let good = try await web.post("/providers/\(provider)/agreements", Self.body("PKS/077/BKPPD/2026"))
            #expect(good.status == .seeOther)
            let again = try await web.post("/providers/\(provider)/agreements", Self.body("PKS/077/BKPPD/2026"))
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("sudah tercatat"))
        }
    }

    /// The agreement form as a browser sends it: multipart, with the PDF as the `file` part.
    static func postForm(_ web: WebClient, _ path: String, _ fields: [String: String], file: String) async throws
        -> TestingHTTPResponse
    {
        let boundary = "----kompeten-pks"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(web.csrf ?? "")\r\n"
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pks.pdf\"\r\n"
        body += "Content-Type: application/pdf\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie = web.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        return try await web.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func thePagesRecordEditAndDeleteWithTheFile() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let (provider, _) = try await Self.provider(app, batches: [])
            let web = try await WebClient.login(app, "admin")
            _ = try await web.get("/providers/\(provider)/agreements/new")
            // A text file named .pdf is refused beside the file field, the rest kept.
            let refused = try await Self.postForm(
                web, "/providers/\(provider)/agreements", Self.body("PKS/021/2026"), file: "bukan pdf")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Berkas harus PDF (isinya bukan PDF)."))
            #expect(refused.body.string.contains("value=\"PKS/021/2026\""))
            let saved = try await Self.postForm(
                web, "/providers/\(provider)/agreements", Self.body("PKS/021/2026"), file: "%PDF-1.4\n%%EOF")
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let a = try #require(try await ProviderAgreement.query(on: app.db).first())
            #expect(a.fileID != nil)
            let page = try await web.get("/providers/\(provider)").body.string
            #expect(page.contains("/providers/\(provider)/agreements/\(a.id!)/file"))
            #expect(page.contains("Akan berakhir (33 hari lagi)"))

            // Edit without a new file keeps the old one; delete removes the row.
            _ = try await web.get("/providers/\(provider)/agreements/\(a.id!)/edit")
            let edited = try await web.post(
                "/providers/\(provider)/agreements/\(a.id!)/edit", Self.body("PKS/021/2026", end: "2027-12-31"))
            #expect(edited.status == .seeOther)
            let after = try #require(try await ProviderAgreement.find(a.id, on: app.db))
            #expect(after.endDate == "2027-12-31" && after.fileID == a.fileID)
            _ = try await web.get("/providers/\(provider)")
            let deleted = try await web.post("/providers/\(provider)/agreements/\(a.id!)/delete", [:])
            #expect(deleted.status == .seeOther)
            #expect(try await ProviderAgreement.query(on: app.db).count() == 0)
            // The operator reads the page but cannot open the form.
            let op = try await WebClient.login(app, "operator.a")
            #expect(try await op.get("/providers/\(provider)/agreements/new").status == .forbidden)
        }
    }

    struct ProgrammeRead: Decodable {
        let lanAccreditation: String
        let lanAccreditationNumber: String
        let lanAccreditationUntil: String?
    }

    @Test func programmesCarryLANAccreditation() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let (provider, programme) = try await Self.provider(app, batches: [])
            let admin = try await APIClient.login(app, "admin")
            // Created without the fields: not accredited.
            var read = try await admin.send(.GET, "/api/v1/programs/\(programme)").json(ProgrammeRead.self)
            #expect(
                read.lanAccreditation == "belum" && read.lanAccreditationNumber == ""
                    && read.lanAccreditationUntil == nil)
            var input = ProgrammeInput(
                code: "LPK-KPG-P1", title: "Pelayanan Prima", form: "klasikal", path: "KL03", providerId: provider,
                competencies: [.init(competencyCode: "M.5", levelGain: 1)], jp: 24, costPerParticipant: 100_000,
                capacity: 30, description: nil, active: nil)
            input.lanAccreditation = "A"
            input.lanAccreditationNumber = "AKR-PROG/015/LAN/2026"
            input.lanAccreditationUntil = "2029-06-30"
            let put = try await admin.send(.PUT, "/api/v1/programs/\(programme)", json: input)
            #expect(put.status == .ok, "\(put.body.string)")
            read = try put.json(ProgrammeRead.self)
            #expect(read.lanAccreditation == "A")
            #expect(read.lanAccreditationNumber == "AKR-PROG/015/LAN/2026")
            #expect(read.lanAccreditationUntil == "2029-06-30")
            // A PUT that leaves the fields out keeps them (an older client does not erase them).
            input.lanAccreditation = nil
            input.lanAccreditationNumber = nil
            input.lanAccreditationUntil = nil
            read = try await admin.send(.PUT, "/api/v1/programs/\(programme)", json: input).json(ProgrammeRead.self)
            #expect(read.lanAccreditation == "A" && read.lanAccreditationUntil == "2029-06-30")
            // A grade that does not exist, and a grade without its certificate number and expiry.
            input.lanAccreditation = "D"
            let bad = try await admin.send(.PUT, "/api/v1/programs/\(programme)", json: input)
            #expect(try Self.fields(bad) == ["lanAccreditation"])
            input.lanAccreditation = "B"
            input.lanAccreditationNumber = ""
            input.lanAccreditationUntil = ""
            let incomplete = try await admin.send(.PUT, "/api/v1/programs/\(programme)", json: input)
            #expect(try Self.fields(incomplete) == ["lanAccreditationNumber", "lanAccreditationUntil"])
            // The provider page and the catalogue export show it.
            let web = try await WebClient.login(app, "admin")
            #expect(
                try await web.get("/providers/\(provider)").body.string.contains("Terakreditasi A s.d. 30 Juni 2029"))
            let csv = try await web.get("/programs?format=csv").body.string
            #expect(csv.contains("Akreditasi program (LAN)"))
            #expect(csv.contains("AKR-PROG/015/LAN/2026"))
        }
    }
}
