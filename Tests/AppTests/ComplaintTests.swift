import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Public complaints: filing without login, the tracking page that shows nothing personal, the
/// handling unit's worklist, replies and transitions by role, once under concurrent clicks, and
/// the erasure of the complainant's name and contact after the retention period.
@Suite("Complaints: filing, tracking, handling by role, retention")
struct ComplaintTests {
    struct Filed: Decodable {
        let trackingCode: String
        let trackingPath: String
    }
    struct Tracked: Decodable, Equatable {
        let trackingCode: String
        let service: String
        let status: String
        let reply: String?
        let rejectReason: String?
    }
    struct Handled: Decodable {
        let id: UUID
        let trackingCode: String
        let name: String?
        let contact: String?
        let status: String
        let firstReplyAt: Date?
        let closedAt: Date?
        let competencyCode: String?
    }
    struct Page: Decodable {
        let items: [Handled]
        let total: Int
    }

    static let text = "Antrean KTP-el di loket 2 tidak bergerak selama tiga jam pada Senin pagi."

    static func file(
        _ app: Application, _ serviceID: UUID, name: String? = "Yakobus Lay", contact: String? = "081234567890"
    )
        async throws -> Filed
    {
        struct Body: Encodable {
            let text: String
            let name: String?
            let contact: String?
        }
        let r = try await APIClient(app: app, token: nil).send(
            .POST, "/api/v1/public/services/\(serviceID)/complaints",
            json: Body(text: text, name: name, contact: contact))
        #expect(r.status == .created, "\(r.body.string)")
        return try r.json(Filed.self)
    }

    @Test func lifecycleByRoleAndATrackingPageWithNothingPersonal() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            let filed = try await Self.file(app, service.id)
            #expect(TrackingCode.normalise(filed.trackingCode) == filed.trackingCode)
            #expect(filed.trackingPath == "/lacak/\(filed.trackingCode)")

            // Anyone with the code: status and service, no name or contact anywhere in the body.
            let anonymous = APIClient(app: app, token: nil)
            let tracked = try await anonymous.send(.GET, "/api/v1/public/complaints/\(filed.trackingCode.lowercased())")
            #expect(tracked.status == .ok)
            #expect(
                try tracked.json(Tracked.self)
                    == Tracked(
                        trackingCode: filed.trackingCode, service: "Penerbitan KTP-el", status: "diterima", reply: nil,
                        rejectReason: nil))
            #expect(!tracked.body.string.contains("Yakobus") && !tracked.body.string.contains("0812"))
            let page = try await WebClient(app).get("/lacak/\(filed.trackingCode)")
            #expect(page.status == .ok && page.body.string.contains("Diterima"))
            #expect(!page.body.string.contains("Yakobus") && !page.body.string.contains("0812"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(try await anonymous.send(.GET, "/api/v1/public/complaints/ADU-ZZZZZZZZ").status == .notFound)

            // The worklist: the delivering OPD's operator and BKPPD see it with the contact;
            // the other OPD's operator and the other roles do not.
            let opA = try await APIClient.login(app, "operator.a")
            let listA = try await opA.send(.GET, "/api/v1/complaints").json(Page.self)
            #expect(listA.total == 1 && listA.items.first?.name == "Yakobus Lay")
            let id = listA.items[0].id
            #expect(try await APIClient.login(app, "admin").send(.GET, "/api/v1/complaints").json(Page.self).total == 1)
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.GET, "/api/v1/complaints").json(Page.self).total == 0)
            #expect(try await opB.send(.GET, "/api/v1/complaints/\(id)").status == .forbidden)
            for user in ["pegawai", "atasan", "asesor", "lpk"] {
                let client = try await APIClient.login(app, user)
                #expect(try await client.send(.GET, "/api/v1/complaints").status == .forbidden, "\(user)")
                #expect(try await client.send(.GET, "/api/v1/complaints/\(id)").status == .forbidden, "\(user)")
            }
            #expect(
                try await APIClient.login(app, "admin.lain").send(.GET, "/api/v1/complaints/\(id)").status == .notFound)

            // Closing before any reply is refused; a reply moves it to diproses; then selesai.
            struct To: Encodable {
                let to: String
                let reason: String?
            }
            struct Reply: Encodable {
                let text: String
                let competencyCode: String?
            }
            let early = try await opA.send(
                .POST, "/api/v1/complaints/\(id)/transition", json: To(to: "selesai", reason: nil))
            #expect(early.status == .unprocessableEntity && early.body.string.contains("\"to\""))
            let badCode = try await opA.send(
                .POST, "/api/v1/complaints/\(id)/reply", json: Reply(text: "Terima kasih.", competencyCode: "X.99"))
            #expect(badCode.status == .unprocessableEntity && badCode.body.string.contains("competencyCode"))
            #expect(
                try await opB.send(
                    .POST, "/api/v1/complaints/\(id)/reply", json: Reply(text: "Bukan OPD kami.", competencyCode: nil)
                ).status == .forbidden)
            let replied = try await opA.send(
                .POST, "/api/v1/complaints/\(id)/reply",
                json: Reply(
                    text: "Loket 2 kini dibuka pukul 08.00; petugas tambahan sudah ditempatkan.", competencyCode: "m.5")
            )
            #expect(replied.status == .ok, "\(replied.body.string)")
            let afterReply = try replied.json(Handled.self)
            #expect(
                afterReply.status == "diproses" && afterReply.firstReplyAt == testNow
                    && afterReply.competencyCode == "M.5")
            let done = try await opA.send(
                .POST, "/api/v1/complaints/\(id)/transition", json: To(to: "selesai", reason: nil))
            #expect(done.status == .ok)
            #expect(try done.json(Handled.self).closedAt == testNow)
            // Closed: no more transitions or replies (409: the state moved on).
            #expect(
                try await opA.send(.POST, "/api/v1/complaints/\(id)/transition", json: To(to: "ditolak", reason: "x"))
                    .status == .conflict)
            #expect(
                try await opA.send(
                    .POST, "/api/v1/complaints/\(id)/reply", json: Reply(text: "Tambahan jawaban.", competencyCode: nil)
                ).status == .conflict)
            let final = try await anonymous.send(.GET, "/api/v1/public/complaints/\(filed.trackingCode)").json(
                Tracked.self)
            #expect(final.status == "selesai" && final.reply?.hasPrefix("Loket 2 kini dibuka") == true)

            // Every change is in the audit log.
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "complaint").count()
            #expect(audited == 2)
        }
    }

    @Test func aRejectionNeedsAReasonAndShowsItToTheResident() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            let filed = try await Self.file(app, service.id, name: nil, contact: nil)
            let admin = try await APIClient.login(app, "admin")
            let id = try await admin.send(.GET, "/api/v1/complaints").json(Page.self).items[0].id
            struct To: Encodable {
                let to: String
                let reason: String?
            }
            let missing = try await admin.send(
                .POST, "/api/v1/complaints/\(id)/transition", json: To(to: "ditolak", reason: " "))
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("reason"))
            let rejected = try await admin.send(
                .POST, "/api/v1/complaints/\(id)/transition",
                json: To(
                    to: "ditolak",
                    reason: "Pengaduan tentang layanan kabupaten; silakan hubungi Dukcapil Kabupaten Kupang."))
            #expect(rejected.status == .ok)
            let tracked = try await APIClient(app: app, token: nil).send(
                .GET, "/api/v1/public/complaints/\(filed.trackingCode)"
            )
            .json(Tracked.self)
            #expect(tracked.status == "ditolak" && tracked.rejectReason?.contains("Kabupaten Kupang") == true)
        }
    }

    @Test func twoOperatorsClickingAtOnceChangeItOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            _ = try await Self.file(app, service.id)
            let opA = try await APIClient.login(app, "operator.a")
            let admin = try await APIClient.login(app, "admin")
            let id = try await admin.send(.GET, "/api/v1/complaints").json(Page.self).items[0].id
            struct To: Encodable {
                let to: String
                let reason: String?
            }
            let statuses = try await StateRaceTests.together(6) { i in
                try await (i % 2 == 0 ? opA : admin).send(
                    .POST, "/api/v1/complaints/\(id)/transition",
                    json: To(to: "ditolak", reason: "Duplikat pengaduan nomor lain (\(i)).")
                ).status
            }
            #expect(statuses == StateRaceTests.oneWinner)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "complaint").count() == 1)
        }
    }

    @Test func thePublicFormFilesRefusesBadInputAndFlagsTheHoneypot() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            let web = WebClient(app)
            let form = try await web.get("/s/dukcapil-ktp/pengaduan")
            #expect(form.status == .ok && form.body.string.contains("Penerbitan KTP-el"))
            let short = try await web.post("/s/dukcapil-ktp/pengaduan", ["text": "Lambat."], csrf: false)
            #expect(short.status == .unprocessableEntity && short.body.string.contains("Isi pengaduan 20"))
            #expect(short.body.string.contains("Lambat.")) // what was typed stays in the form
            let sent = try await web.post(
                "/s/dukcapil-ktp/pengaduan", ["text": Self.text, "name": "Ina", "contact": "ina@example.id"],
                csrf: false)
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            #expect(location.hasPrefix("/lacak/ADU-") && location.hasSuffix("?baru=1"))
            let tracked = try await web.get(location)
            #expect(
                tracked.body.string.contains("Pengaduan Anda sudah kami terima") && !tracked.body.string.contains("Ina")
            )
            _ = try await web.post(
                "/s/dukcapil-ktp/pengaduan", ["text": Self.text + " (bot)", "website": "http://spam.example"],
                csrf: false)
            let stored = try await Complaint.query(on: app.db).sort(\.$receivedAt).all()
            #expect(stored.count == 2)
            #expect(stored.map(\.flagged).sorted { !$0 && $1 } == [false, true])
            #expect(try await web.get("/s/tidak-ada/pengaduan").status == .notFound)
            // The lookup form takes the code as people write it.
            let code = String(location.dropFirst("/lacak/".count).prefix(12))
            let lookup = try await web.get("/lacak?kode=" + code.lowercased().replacingOccurrences(of: "-", with: "+"))
            #expect(lookup.status == .seeOther && lookup.location == "/lacak/\(code)")
            #expect(try await web.get("/lacak?kode=bukan-kode").status == .unprocessableEntity)
            #expect(try await web.get("/lacak/ADU-ZZZZZZZZ").status == .notFound)
            _ = service
        }
    }

    @Test func theSameRateLimitAsTheSurvey() async throws {
        try await withTestApp(settings: { $0.surveyRateLimit = 1 }) { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            _ = try await Self.file(app, service.id)
            struct Body: Encodable { let text: String }
            let second = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/public/services/\(service.id)/complaints", json: Body(text: Self.text))
            #expect(second.status == .tooManyRequests && second.headers.first(name: .retryAfter) != nil)
            #expect(try await Complaint.query(on: app.db).count() == 1)
        }
    }

    @Test func nameAndContactAreErasedAfterTheRetentionPeriod() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            _ = try await Self.file(app, service.id)
            _ = try await Self.file(app, service.id)
            let rows = try await Complaint.query(on: app.db).all()
            // One closed 13 months before today (past the default 12), one still open.
            rows[0].status = ComplaintStatus.done.rawValue
            rows[0].closedAt = Calendar(identifier: .gregorian).date(byAdding: .month, value: -13, to: testNow)
            try await rows[0].save(on: app.db)
            #expect(try await ComplaintRetention.apply(on: app.db, now: testNow) == 1)
            let after = try await Complaint.query(on: app.db).all()
            let erased = try #require(after.first { $0.id == rows[0].id })
            let kept = try #require(after.first { $0.id == rows[1].id })
            #expect(erased.name == nil && erased.contact == nil && erased.personalErasedAt == testNow)
            #expect(erased.text == Self.text)
            #expect(kept.name == "Yakobus Lay" && kept.contact == "081234567890")
            // Run again: nothing more to erase.
            #expect(try await ComplaintRetention.apply(on: app.db, now: testNow) == 0)
        }
    }
}

/// The transparency page's complaint figures per OPD, from a hand-worked set (no holiday in
/// November 2026): Mon 9 → Mon 16 Nov is 5 working days (within the target of 5), Tue 10 →
/// Wed 18 Nov is 6 (late), one still open: 3 received, 2 closed, 1 within target, median 5.5.
@Suite("Complaints on the transparency page")
struct ComplaintTransparencyTests {
    @Test func perOPDFiguresByHand() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            for _ in 0..<3 { _ = try await ComplaintTests.file(app, service.id) }
            let rows = try await Complaint.query(on: app.db).all()
            func at(_ iso: String) -> Date { WITA.startOfDay(SimpleDate(iso: iso)!).addingTimeInterval(10 * 3600) }
            let plan: [(String, String?)] = [
                ("2026-11-09", "2026-11-16"), ("2026-11-10", "2026-11-18"), ("2026-11-20", nil),
            ]
            for (row, dates) in zip(rows, plan) {
                row.receivedAt = at(dates.0)
                row.closedAt = dates.1.map(at)
                row.status = dates.1 == nil ? ComplaintStatus.received.rawValue : ComplaintStatus.done.rawValue
                try await row.save(on: app.db)
            }
            let page = try await WebClient(app).get("/transparansi").body.string
            #expect(
                page.contains(
                    "Pengaduan 12 bulan terakhir: 3 diterima · 2 selesai, 1 di antaranya dalam 5 hari kerja · median waktu penyelesaian 5,5 hari kerja"
                ), "\(page)")
            #expect(page.contains("href=\"/s/dukcapil-ktp/pengaduan\""))
            // Nothing personal reaches the public page.
            #expect(!page.contains("Yakobus") && !page.contains("0812"))
        }
    }
}

/// The SKM suggestion (saran): stored with the response, shown to the unit on the responses list
/// and in the SKM report, never on the public transparency page, erased with the profile.
@Suite("SKM suggestions (saran)")
struct SurveySuggestionTests {
    @Test func storedShownToTheUnitNeverPublishedAndErased() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let service = try await PublicServicesTests.service(app, world)
            struct Body: Encodable {
                let answers: [String: Int]
                let suggestion: String?
            }
            let anonymous = APIClient(app: app, token: nil)
            let answers = PublicServicesTests.answers([4, 4, 3, 4, 4, 3, 4, 4, 4])
            let saran = "Mohon tambah kursi untuk lansia di ruang tunggu."
            let ok = try await anonymous.send(
                .POST, "/api/v1/public/services/\(service.id)/survey", json: Body(answers: answers, suggestion: saran))
            #expect(ok.status == .created, "\(ok.body.string)")
            let long = try await anonymous.send(
                .POST, "/api/v1/public/services/\(service.id)/survey",
                json: Body(answers: answers, suggestion: String(repeating: "x", count: 501)))
            #expect(long.status == .unprocessableEntity && long.body.string.contains("\"suggestion\""))
            // The web form keeps it too.
            var form = ["saran": "Petugas ramah, antrean cepat."]
            for i in 1...9 { form["u\(i)"] = "3" }
            let web = try await WebClient(app).post("/s/dukcapil-ktp", form, csrf: false)
            #expect(web.status == .seeOther)
            let stored = try await SurveyResponse.query(on: app.db).all().compactMap(\.suggestion).sorted()
            #expect(stored == [saran, "Petugas ramah, antrean cepat."].sorted())

            let opA = try await WebClient.login(app, "operator.a")
            #expect(try await opA.get("/services/\(service.id)/responses").body.string.contains(saran))
            let report = try await opA.get("/skm?from=2026-11-01&to=2026-11-30").body.string
            #expect(report.contains(saran) && report.contains("Saran responden (2)"), "\(report)")
            #expect(!(try await WebClient(app).get("/transparansi").body.string.contains("kursi untuk lansia")))

            // Erased with the profile once past the retention period (24 months by default).
            let later = Calendar(identifier: .gregorian).date(byAdding: .month, value: 25, to: testNow)!
            _ = try await SurveyRetention.apply(on: app.db, now: later)
            #expect(try await SurveyResponse.query(on: app.db).all().compactMap(\.suggestion).isEmpty)
        }
    }
}
