import Fluent
import Foundation
import KompetenCore
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Step 4 over HTTP: the catalogue and its access rules, the public survey (validation, honeypot,
/// duplicates, rate limit), IKM and minimum sample from hand-computed answers, service records
/// (tickets and monthly reports), the public transparency page and the competency ↔ service page.
@Suite("Public services: catalogue, SKM survey, IKM, records, transparency")
struct PublicServicesTests {
    struct Created: Decodable {
        let id: UUID
        let code: String
        let surveyPath: String
        let standardText: String
    }
    struct Errors: Decodable {
        struct F: Decodable { let field: String }
        let fields: [F]?
    }
    struct Stored: Decodable {
        let id: UUID
        let flagged: Bool
        let flag: String?
    }
    struct IKM: Decodable {
        struct E: Decodable {
            let code: String
            let nrr: Double?
            let answered: Int
        }
        let respondents: Int
        let elements: [E]
        let ikm: Double?
        let grade: String?
        let label: String?
        let population: Int?
        let minimumSample: Int?
        let belowMinimumSample: Bool
        let lowestElements: [String]
    }
    struct Performance: Decodable {
        let count: Int
        let completed: Int
        let medianMinutes: Double?
        let p90Minutes: Double?
        let onTimeShare: Double?
        let backlog: Int
        let exact: Bool
    }

    /// A KTP-el service of the world's Dukcapil bidang, standard 25 minutes.
    static func service(_ app: Application, _ world: World, code: String = "DUKCAPIL-KTP", minutes: Int = 25)
        async throws -> Created
    {
        let admin = try await APIClient.login(app, "admin")
        let r = try await admin.send(
            .POST, "/api/v1/services",
            json: ServiceInput(
                code: code, name: "Penerbitan KTP-el", unitId: world.bidangA.id!,
                standardMinutes: minutes, fee: 0, requirements: ["Fotokopi KK"]))
        #expect(r.status == .created)
        return try r.json(Created.self)
    }

    static func answers(_ values: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { ("U\($0.offset + 1)", $0.element) })
    }

    static func post(_ app: Application, _ id: UUID, _ values: [Int], respondent: [String: String]? = nil) async throws
        -> TestingHTTPResponse
    {
        struct Body: Encodable {
            let answers: [String: Int]
            let respondent: [String: String]?
        }
        return try await APIClient(app: app, token: nil).send(
            .POST, "/api/v1/public/services/\(id)/survey", json: Body(answers: answers(values), respondent: respondent))
    }

    @Test func catalogueValidatesAndKeepsOperatorsToTheirOPD() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            #expect(s.code == "DUKCAPIL-KTP" && s.surveyPath == "/s/dukcapil-ktp" && s.standardText == "25 menit")
            let admin = try await APIClient.login(app, "admin")
            // The same code again, and a standard of 0 minutes: 422 naming the field.
            let again = try await admin.send(
                .POST, "/api/v1/services",
                json: ServiceInput(code: "dukcapil-ktp", name: "X", unitId: world.bidangA.id!, standardMinutes: 30))
            #expect(
                try again.status == .unprocessableEntity
                    && (again.json(Errors.self).fields?.map(\.field) ?? []) == ["code"])
            let zero = try await admin.send(
                .POST, "/api/v1/services",
                json: ServiceInput(code: "X-1", name: "X", unitId: world.bidangA.id!, standardMinutes: 0))
            #expect(
                try zero.status == .unprocessableEntity
                    && (zero.json(Errors.self).fields?.map(\.field) ?? []) == ["standardMinutes"])
            // Operators: their own OPD only; employees: no access; another instansi: not found.
            let opB = try await APIClient.login(app, "operator.b")
            #expect(try await opB.send(.GET, "/api/v1/services/\(s.id)").status == .forbidden)
            #expect(
                try await opB.send(
                    .POST, "/api/v1/services",
                    json: ServiceInput(code: "Y-1", name: "Y", unitId: world.bidangA.id!, standardMinutes: 30)
                ).status == .forbidden)
            struct Page: Decodable {
                let items: [Created]
                let total: Int
            }
            #expect(try await opB.send(.GET, "/api/v1/services").json(Page.self).total == 0)
            #expect(
                try await APIClient.login(app, "operator.a").send(.GET, "/api/v1/services").json(Page.self).total == 1)
            #expect(try await APIClient.login(app, "pegawai").send(.GET, "/api/v1/services").status == .forbidden)
            #expect(
                try await APIClient.login(app, "admin.lain").send(.GET, "/api/v1/services/\(s.id)").status == .notFound)
            // The web form takes the standard as people write it.
            let web = try await WebClient.login(app, "operator.a")
            let created = try await web.post(
                "/services",
                [
                    "code": "DUKCAPIL-AKTA", "name": "Akta Kelahiran", "unitId": world.bidangA.id!.uuidString,
                    "standard": "1 hari", "fee": "0", "requirements": "Surat keterangan lahir\nKK", "positions": "",
                ])
            #expect(created.status == .seeOther)
            let akta = try #require(
                try await PublicService.query(on: app.db).filter(\.$code == "DUKCAPIL-AKTA").first())
            #expect(akta.standardMinutes == 1440 && akta.requirementList == ["Surat keterangan lahir", "KK"])
            let bad = try await web.post(
                "/services",
                [
                    "code": "DUKCAPIL-X", "name": "X", "unitId": world.bidangA.id!.uuidString, "standard": "sebentar",
                    "fee": "0",
                ])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Tulis waktu standar"))
        }
    }

    @Test func publicSurveyValidatesFlagsAndNeverDropsAResponse() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            let ok = try await Self.post(
                app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], respondent: ["sex": "perempuan", "ageBand": "30-39"])
            #expect(try ok.status == .created && (ok.json(Stored.self).flagged) == false)
            // A missing element and a value outside 1–4: 422 naming each field, nothing stored.
            var missing = Self.answers([3, 3, 3, 3, 3, 3, 3, 3, 3])
            missing["U3"] = nil
            struct Body: Encodable { let answers: [String: Int] }
            let r1 = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/public/services/\(s.id)/survey", json: Body(answers: missing))
            #expect(
                try r1.status == .unprocessableEntity
                    && (r1.json(Errors.self).fields?.map(\.field) ?? []) == ["answers.U3"])
            let r2 = try await Self.post(app, s.id, [3, 3, 3, 3, 5, 3, 3, 3, 0])
            #expect(
                try r2.status == .unprocessableEntity
                    && (r2.json(Errors.self).fields?.map(\.field) ?? []) == ["answers.U5", "answers.U9"])
            let r3 = try await Self.post(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], respondent: ["sex": "x"])
            #expect(r3.status == .unprocessableEntity)
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            // The same answers again from the same sender within 10 minutes: flagged, still counted.
            let dup = try await Self.post(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3])
            #expect(try dup.json(Stored.self).flag == "duplicate")
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$status == SurveyResponse.counted).count() == 2)

            // The HTML form: errors keep every answer chosen; success goes to the thank-you page.
            let web = WebClient(app)
            #expect(try await web.get("/s/dukcapil-ktp").status == .ok)
            var fields = Dictionary(uniqueKeysWithValues: (1...8).map { ("u\($0)", "4") })
            let incomplete = try await web.post("/s/dukcapil-ktp", fields, csrf: false)
            #expect(
                incomplete.status == .unprocessableEntity
                    && incomplete.body.string.contains("Unsur U9 (Sarana dan Prasarana) wajib dijawab."))
            #expect(incomplete.body.string.contains(#"name="u1" value="4" checked"#))
            fields["u9"] = "4"
            let sent = try await web.post("/s/dukcapil-ktp", fields, csrf: false)
            #expect(sent.status == .seeOther && sent.location == "/s/dukcapil-ktp/terima-kasih")
            #expect(try await web.get("/s/dukcapil-ktp/terima-kasih").body.string.contains("Terima kasih"))
            // The hidden honeypot field filled: kept, but rejected until an operator restores it.
            fields["website"] = "http://spam.example"
            #expect(try await web.post("/s/dukcapil-ktp", fields, csrf: false).status == .seeOther)
            let trapped = try #require(try await SurveyResponse.query(on: app.db).filter(\.$flag == "honeypot").first())
            #expect(trapped.status == SurveyResponse.rejected)
            let operatorA = try await WebClient.login(app, "operator.a")
            #expect(
                try await operatorA.post(
                    "/services/\(s.id)/responses/\(trapped.id!)/restore", ["reason": "Diisi warga, bukan mesin"]
                ).status == .seeOther)
            #expect(try await SurveyResponse.find(trapped.id, on: app.db)?.status == SurveyResponse.counted)
            #expect(
                try await WebClient.login(app, "operator.b").post(
                    "/services/\(s.id)/responses/\(trapped.id!)/reject", [:]
                ).status == .forbidden)
            // The QR code is drawn here.
            let qr = try await web.get("/s/dukcapil-ktp/qr.svg")
            #expect(
                qr.status == .ok && qr.headers.contentType?.subType == "svg+xml" && qr.body.string.hasPrefix("<svg"))
            let poster = try await web.get("/s/dukcapil-ktp/poster")
            #expect(poster.status == .ok && poster.body.string.contains(#"src="/s/dukcapil-ktp/qr.svg""#))
            #expect(try await web.get("/s/tidak-ada").status == .notFound)
        }
    }

    @Test func rateLimitAdmitsABurstAndAsksAFloodToWait() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            // The default (60 a minute) takes a kiosk's whole burst of 60: every one is stored.
            #expect(app.kompeten.config.surveyRateLimit == 60)
            for i in 0..<60 {
                #expect(try await Self.post(app, s.id, [1 + i % 4, 3, 3, 3, 3, 3, 3, 3, 3]).status == .created)
            }
            #expect(try await SurveyResponse.query(on: app.db).count() == 60)
            // The 61st within the minute waits, and nothing is half-stored.
            let limited = try await Self.post(app, s.id, [4, 4, 4, 4, 4, 4, 4, 4, 4])
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: .retryAfter) == "1")
            #expect(try await SurveyResponse.query(on: app.db).count() == 60)
            // One second later one token is back (60 a minute): accepted.
            app.kompeten.clock = { testNow.addingTimeInterval(1) }
            #expect(try await Self.post(app, s.id, [4, 4, 4, 4, 4, 4, 4, 4, 4]).status == .created)
            // The web form shows the limit on the same page with the answers kept.
            app.kompeten.surveyGate = SurveyRateGate(perMinute: 1)
            let web = WebClient(app)
            let fields = Dictionary(uniqueKeysWithValues: (1...9).map { ("u\($0)", "2") })
            #expect(try await web.post("/s/dukcapil-ktp", fields, csrf: false).status == .seeOther)
            let page = try await web.post("/s/dukcapil-ktp", fields, csrf: false)
            #expect(page.status == .tooManyRequests && page.body.string.contains(#"name="u9" value="2" checked"#))
            #expect(try await SurveyResponse.query(on: app.db).count() == 62)
            // 0 turns the limit off.
            app.kompeten.surveyGate = SurveyRateGate(perMinute: 0)
            for _ in 0..<5 { #expect(try await Self.post(app, s.id, [2, 2, 2, 2, 2, 2, 2, 2, 2]).status == .created) }
        }
    }

    @Test func ikmAndMinimumSampleFromHandComputedAnswers() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            // Three respondents. Per element Σ = [8, 9, 10, 11, 8, 9, 10, 11, 8] over 3, so the NRRs
            // sum to 84 / 3 = 28; IKM = 28 × 1/9 × 25 = 77.777… → 77.78, grade B (≥ 76.61).
            for a in [[1, 2, 3, 4, 1, 2, 3, 4, 1], [4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3]] {
                #expect(try await Self.post(app, s.id, a).status == .created)
            }
            // 100 people served in November (a monthly report): Krejcie–Morgan minimum 80.
            let admin = try await APIClient.login(app, "admin")
            let monthly =
                "Bulan;Diterima;Selesai;Tepat Waktu;Rata-rata (menit);Median (menit);P90 (menit);Tunggakan\n2026-11;100;100;80;35;30;60;0\n"
            #expect(try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: monthly).status == .ok)
            let ikm = try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-11-01&to=2026-11-30").json(
                IKM.self)
            #expect(ikm.respondents == 3 && ikm.ikm == 77.78 && ikm.grade == "B" && ikm.label == "Baik")
            #expect(ikm.elements.map(\.nrr) == [2.667, 3, 3.333, 3.667, 2.667, 3, 3.333, 3.667, 2.667])
            #expect(ikm.population == 100 && ikm.minimumSample == 80 && ikm.belowMinimumSample)
            #expect(ikm.lowestElements == ["U1", "U5", "U9"])
            // The unit (the OPD above the service's bidang) gives the same figures.
            let unit = try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)/ikm?from=2026-11-01&to=2026-11-30")
                .json(IKM.self)
            #expect(unit.respondents == 3 && unit.ikm == 77.78)
            // The weight setting: 0.11 gives 28 × 0.11 × 25 = 77.00.
            let settings = InstansiSettings()
            settings.id = UUID()
            settings.instansiID = world.instansi.id!
            settings.jpmFormula = "capped"
            settings.jpmPurpose = "pemetaan"
            settings.updatedAt = testNow
            settings.reassessmentMonths = 6
            settings.competencyWeights = "{}"
            settings.frontLineUnits = ""
            settings.frontLineMultiplier = 1.5
            settings.l3FromMonths = 3
            settings.l3ToMonths = 6
            settings.potentialMedium = 2.5
            settings.potentialHigh = 3.25
            settings.skmWeight = "0.11"
            try await settings.create(on: app.db)
            #expect(
                try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-11-01&to=2026-11-30").json(IKM.self)
                    .ikm == 77.0)
            // A paper form with U9 left blank: U9's NRR divides by the 3 who answered it.
            let web = try await WebClient.login(app, "operator.a")
            var paper = Dictionary(uniqueKeysWithValues: (1...8).map { ("u\($0)", "4") })
            paper["u9"] = ""
            paper["date"] = "2026-11-29"
            #expect(try await web.post("/services/\(s.id)/paper", paper).status == .seeOther)
            let after = try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-11-01&to=2026-11-30").json(
                IKM.self)
            #expect(
                after.respondents == 4 && after.elements[0].answered == 4 && after.elements[8].answered == 3
                    && after.elements[8].nrr == 2.667)
            paper["date"] = "2026-12-24"
            #expect(try await web.post("/services/\(s.id)/paper", paper).status == .unprocessableEntity)
            // Outside the period nothing counts; a reversed period is a 422.
            #expect(
                try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-10-01&to=2026-10-31").json(IKM.self)
                    .ikm == nil)
            #expect(
                try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-11-30&to=2026-11-01").status
                    == .unprocessableEntity)
            #expect(try await admin.send(.GET, "/api/v1/services/\(s.id)/ikm?to=").status == .unprocessableEntity)
            // The calculator.
            struct Sample: Decodable {
                let population: Int
                let minimumSample: Int
            }
            #expect(
                try await admin.send(.GET, "/api/v1/skm/minimum-sample?population=1000").json(Sample.self).minimumSample
                    == 278)
            #expect(
                try await admin.send(.GET, "/api/v1/skm/minimum-sample?population=0").status == .unprocessableEntity)
            #expect(try await admin.send(.GET, "/api/v1/skm/minimum-sample").status == .unprocessableEntity)
            // The SKM report: with the paper form, Σ NRR = 3 + 3,25 + 3,5 + 3,75 + 3 + 3,25 + 3,5 + 3,75 + 8/3
            // = 29,666…; × 0,11 × 25 = 81,583… → 81,58. The transparency page is public (no login).
            let report = try await web.get("/skm?unit=\(world.opdA.id!)&from=2026-11-01&to=2026-11-30")
            #expect(report.status == .ok && report.body.string.contains(#"<strong id="skm-ikm">81,58</strong>"#))
            // The usual reporting periods are one click away (today is 29 November 2026).
            #expect(
                report.body.string.contains(#"from=2026-10-01&amp;to=2026-11-29">Triwulan IV 2026"#)
                    && report.body.string.contains(#"from=2026-01-01&amp;to=2026-06-30">Semester I 2026"#))
            let transparency = try await WebClient(app).get("/transparansi?instansi=kota-kupang")
            #expect(transparency.status == .ok && transparency.body.string.contains("Penerbitan KTP-el"))
        }
    }

    @Test func recordsImportTicketsOrMonthlyAllOrNothing() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            // One bad row (completed before received): nothing is written.
            let bad =
                "Nomor Tiket;Diterima;Selesai;Kanal\nT1;2026-11-02 08:00;2026-11-02 08:10;loket\nT2;2026-11-02 09:00;2026-11-02 08:00;loket\n"
            let refused = try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: bad)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("\"row\":3"))
            #expect(try await ServiceTransaction.query(on: app.db).count() == 0)
            // Five tickets: 10, 20, 30 and 40 minutes and one still open; standard 25 minutes.
            // Median of the completed = (20 + 30) / 2 = 25; p90 = the ⌈0.9 × 4⌉ = 4th = 40;
            // on time 2 of 5 = 0.4, since the open one (received 4 November, now 29 November) is
            // already past its 25 minutes and counts as late; backlog 1.
            let tickets = """
                Nomor Tiket;Diterima;Selesai;Kanal
                T1;2026-11-02 08:00;2026-11-02 08:10;loket
                T2;2026-11-02 08:05;2026-11-02 08:25;daring
                T3;2026-11-03 10:00;2026-11-03 10:30;
                T4;2026-11-03 10:00;2026-11-03 10:40;loket
                T5;2026-11-04 11:00;;loket
                """
            #expect(try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: tickets).status == .ok)
            let p = try await admin.send(.GET, "/api/v1/services/\(s.id)/performance?from=2026-11-01&to=2026-11-29")
                .json(Performance.self)
            #expect(
                p.count == 5 && p.completed == 4 && p.medianMinutes == 25 && p.p90Minutes == 40 && p.onTimeShare == 0.4
                    && p.backlog == 1 && p.exact)
            // Two monthly reports: on time (80 + 60) / 200 = 0.7; median and p90 the volume-weighted
            // means of the months (30 and 50 → 40; 60 and 100 → 80), marked as not exact.
            let months =
                "Bulan;Diterima;Selesai;Tepat Waktu;Rata-rata (menit);Median (menit);P90 (menit);Tunggakan\n09/2026;100;100;80;35;30;60;0\n2026-10;100;100;60;55;50;100;4\n"
            #expect(try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: months).status == .ok)
            let q = try await admin.send(.GET, "/api/v1/services/\(s.id)/performance?from=2026-09-01&to=2026-10-31")
                .json(Performance.self)
            #expect(
                q.count == 200 && q.onTimeShare == 0.7 && q.medianMinutes == 40 && q.p90Minutes == 80 && q.backlog == 4
                    && !q.exact)
            // A monthly report does not overwrite a month counted from tickets.
            let clash = "Bulan;Diterima;Selesai;Tepat Waktu\n2026-11;9;9;9\n"
            #expect(
                try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: clash).status
                    == .unprocessableEntity)
            // A ticket belongs to the month it was received in, however late it ends: one received
            // on 31 August and completed on 2 September is August's, completed and late (41 hours),
            // and in August's backlog, since it was still open when August ended.
            let crossing = "Nomor Tiket;Diterima;Selesai\nT7;2026-08-31 16:00;2026-09-02 09:00\n"
            #expect(try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: crossing).status == .ok)
            let august = try await admin.send(
                .GET, "/api/v1/services/\(s.id)/performance?from=2026-08-01&to=2026-08-31"
            ).json(Performance.self)
            #expect(
                august.count == 1 && august.completed == 1 && august.onTimeShare == 0 && august.backlog == 1
                    && august.medianMinutes == 2460)
            // Tickets do not silently replace a month reported as a monthly total.
            let intoReported = "Nomor Tiket;Diterima;Selesai\nT8;2026-10-05 08:00;2026-10-05 08:20\n"
            #expect(
                try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: intoReported).status
                    == .unprocessableEntity)
            // Operators of another OPD cannot import.
            #expect(
                try await APIClient.login(app, "operator.b").send(
                    .POST, "/api/v1/services/\(s.id)/records/import", raw: months
                ).status == .forbidden)
            // The service page lists the months.
            let page = try await WebClient.login(app, "operator.a").get("/services/\(s.id)")
            #expect(
                page.status == .ok && page.body.string.contains("November 2026") && page.body.string.contains("tiket"))
        }
    }

    @Test func rateLimitKeysAnIPv6SenderByItsSlash64() {
        #expect(SurveyClientKey.of("2001:db8:1:2:a:b:c:d") == "2001:db8:1:2::/64")
        #expect(SurveyClientKey.of("2001:DB8:1:2::9") == "2001:db8:1:2::/64")
        #expect(SurveyClientKey.of("2001:db8::9") == "2001:db8:0:0::/64")
        #expect(SurveyClientKey.of("10.0.0.7") == "10.0.0.7")
    }

    @Test func impactPutsServiceFiguresBeforeAndAfterTheWave() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world)
            // Wave 1 Jul – 31 Aug 2026, two whole months: before = May and June, after = September and October.
            func response(_ day: String, _ value: Int) async throws {
                let r = SurveyResponse()
                r.id = UUID()
                r.instansiID = world.instansi.id!
                r.serviceID = s.id
                r.unitID = world.bidangA.id!
                r.submittedAt = testNow
                r.submittedOn = day
                r.setAnswers(Array(repeating: value, count: 9))
                r.channel = "daring"
                r.status = SurveyResponse.counted
                try await r.create(on: app.db)
            }
            try await response("2026-04-30", 1) // a day before the before-window: not counted
            try await response("2026-05-15", 3) // before: all 3 → 75.00
            try await response("2026-09-10", 4) // after: all 4 → 100.00
            try await response("2026-11-01", 1) // a day after the after-window
            struct Impact: Decodable {
                struct Side: Decodable {
                    let from: String
                    let to: String
                    let respondents: Int
                    let ikm: Double?
                }
                struct Comp: Decodable {
                    let staff: Int
                    let trained: Int
                }
                let group: String
                let services: Int
                let competency: Comp
                let before: Side
                let after: Side
                let caveat: String
            }
            let admin = try await APIClient.login(app, "admin")
            let r = try await admin.send(
                .GET, "/api/v1/units/\(world.bidangA.id!)/impact?from=2026-07-01&to=2026-08-31")
            let impact = try r.json(Impact.self)
            #expect(
                impact.before.from == "2026-05-01" && impact.before.to == "2026-06-30"
                    && impact.after.from == "2026-09-01" && impact.after.to == "2026-10-31")
            #expect(
                impact.before.respondents == 1 && impact.before.ikm == 75 && impact.after.respondents == 1
                    && impact.after.ikm == 100)
            // Nobody trained: a comparison unit, with its two staff counted.
            #expect(
                impact.group == "control" && impact.services == 1 && impact.competency.staff == 2
                    && impact.competency.trained == 0)
            #expect(impact.caveat.contains("bukan sebab-akibat"))
            #expect(
                try await admin.send(.GET, "/api/v1/units/\(world.opdA.id!)/impact?from=2026-07-01&to=2026-12-31")
                    .status == .unprocessableEntity)
            #expect(
                try await APIClient.login(app, "operator.b").send(.GET, "/api/v1/units/\(world.opdA.id!)/impact").status
                    == .forbidden)
            // The pages render for BKPPD and the OPD's operator.
            let web = try await WebClient.login(app, "admin")
            for path in [
                "/services", "/services/\(s.id)", "/services/\(s.id)/responses", "/services/\(s.id)/paper", "/skm",
                "/impact?from=2026-07-01&to=2026-08-31",
                "/services/new", "/services/\(s.id)/edit", "/monitoring",
            ] {
                #expect(try await web.get(path).status == .ok, "\(path)")
            }
            #expect(try await WebClient.login(app, "pegawai").get("/services").status == .forbidden)
        }
    }
}
