import Fluent
import Foundation
import KompetenCore
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Security item 9: the public IKM cannot be bent by the unit it grades. Every figure below is
/// worked out by hand from the answers posted. `testNow` is 29 November 2026, 10:00 WITA.
enum SurveyIntegrity {
    struct Stored: Decodable {
        let id: UUID
        let flagged: Bool
        let flag: String?
    }
    struct Errors: Decodable {
        struct F: Decodable { let field: String }
        let fields: [F]?
    }
    struct Item: Decodable {
        let id: UUID
        let channel: String
        let flag: String?
        let status: String
        let reviewReason: String?
        let submittedOn: String
    }
    struct Page: Decodable {
        let items: [Item]
        let total: Int
    }
    struct IKM: Decodable {
        let respondents: Int
        let ikm: Double?
    }
    struct Kiosk: Decodable {
        let id: UUID
        let name: String
        let active: Bool
    }
    struct Registered: Decodable {
        let kiosk: Kiosk
        let key: String
    }

    /// A public survey POST, optionally from a kiosk.
    static func send(_ app: Application, _ id: UUID, _ values: [Int], kioskKey: String? = nil, channel: String? = nil)
        async throws -> TestingHTTPResponse
    {
        struct Body: Encodable {
            let answers: [String: Int]
            let channel: String?
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let kioskKey { headers.add(name: "X-Kiosk-Key", value: kioskKey) }
        let body = ByteBuffer(
            data: try JSONEncoder().encode(Body(answers: PublicServicesTests.answers(values), channel: channel)))
        return try await app.testing().sendRequest(
            .POST, "/api/v1/public/services/\(id)/survey", headers: headers, body: body)
    }

    static func fields(_ r: TestingHTTPResponse) throws -> [String] {
        try r.json(Errors.self).fields?.map(\.field) ?? []
    }
}

@Suite("SKM review: the unit's operator rejects flagged responses only, with a reason, once")
struct SurveyReviewTests {
    @Test func operatorsRejectOnlyFlaggedResponsesWithAReasonAndOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            // Same sender, different answers, a moment apart: the second is flagged, the first not.
            let first = try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3]).json(
                SurveyIntegrity.Stored.self)
            let second = try await SurveyIntegrity.send(app, s.id, [4, 4, 4, 4, 4, 4, 4, 4, 4]).json(
                SurveyIntegrity.Stored.self)
            #expect(first.flag == nil && second.flag == "repeat_sender")
            let op = try await APIClient.login(app, "operator.a")
            let base = "/api/v1/services/\(s.id)/responses"
            // The unflagged response: not the operator's to reject, with or without a reason.
            #expect(
                try await op.send(.POST, "\(base)/\(first.id)/reject", json: ["reason": "tidak suka"]).status
                    == .forbidden)
            // Web too.
            let web = try await WebClient.login(app, "operator.a")
            #expect(
                try await web.post("/services/\(s.id)/responses/\(first.id)/reject", ["reason": "x"]).status
                    == .forbidden)
            #expect(try await SurveyResponse.find(first.id, on: app.db)?.status == SurveyResponse.counted)
            // Another OPD's operator: not even the flagged one.
            #expect(
                try await APIClient.login(app, "operator.b").send(
                    .POST, "\(base)/\(second.id)/reject", json: ["reason": "x"]
                ).status == .forbidden)
            // The flagged one: a reason is required.
            let bare = try await op.send(.POST, "\(base)/\(second.id)/reject", json: [String: String]())
            #expect(try bare.status == .unprocessableEntity && (try SurveyIntegrity.fields(bare)) == ["reason"])
            #expect(
                try await op.send(.POST, "\(base)/\(second.id)/reject", json: ["reason": "   "]).status
                    == .unprocessableEntity)
            #expect(
                try await op.send(.POST, "\(base)/\(second.id)/reject", json: ["reason": "baris satu\nbaris dua"])
                    .status == .unprocessableEntity)
            let done = try await op.send(
                .POST, "\(base)/\(second.id)/reject", json: ["reason": "Dikirim dua kali dari HP yang sama"])
            #expect(done.status == .ok)
            #expect(
                try done.json(SurveyIntegrity.Item.self).status == "rejected"
                    && done.json(SurveyIntegrity.Item.self).reviewReason == "Dikirim dua kali dari HP yang sama")
            // Once: a second rejection is a conflict, and nothing more is audited.
            #expect(
                try await op.send(.POST, "\(base)/\(second.id)/reject", json: ["reason": "lagi"]).status == .conflict)
            // Reversible, with a reason, audited.
            #expect(
                try await op.send(.POST, "\(base)/\(second.id)/restore", json: [String: String]()).status
                    == .unprocessableEntity)
            #expect(
                try await op.send(
                    .POST, "\(base)/\(second.id)/restore", json: ["reason": "Ternyata dua anggota keluarga"]
                ).status == .ok)
            #expect(
                try await op.send(.POST, "\(base)/\(second.id)/restore", json: ["reason": "lagi"]).status == .conflict)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "survey_response").filter(
                \.$entityID == second.id.uuidString
            ).all()
            #expect(audit.count == 2)
            #expect(audit.contains { $0.summary.contains("Menolak") && $0.summary.contains("Dikirim dua kali") })
            #expect(audit.contains { $0.summary.contains("Memulihkan") && $0.summary.contains("dua anggota keluarga") })
            // BKPPD may reject any response, still with a reason.
            let admin = try await APIClient.login(app, "admin")
            #expect(
                try await admin.send(.POST, "\(base)/\(first.id)/reject", json: [String: String]()).status
                    == .unprocessableEntity)
            #expect(
                try await admin.send(.POST, "\(base)/\(first.id)/reject", json: ["reason": "Uji coba petugas"]).status
                    == .ok)
            // ... and the operator cannot restore what BKPPD rejected (it carries no flag).
            #expect(try await op.send(.POST, "\(base)/\(first.id)/restore", json: ["reason": "x"]).status == .forbidden)
            #expect(try await op.send(.POST, "\(base)/\(UUID())/reject", json: ["reason": "x"]).status == .notFound)
        }
    }

    @Test func twoConcurrentRejectionsSucceedOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            _ = try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3])
            let flagged = try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3]).json(
                SurveyIntegrity.Stored.self)
            #expect(flagged.flag == "duplicate")
            let op = try await APIClient.login(app, "operator.a")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<4 {
                    group.addTask {
                        try await op.send(
                            .POST, "/api/v1/services/\(s.id)/responses/\(flagged.id)/reject",
                            json: ["reason": "ganda \(i)"]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 3)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "survey_response").filter(
                    \.$entityID == flagged.id.uuidString
                ).count() == 1)
        }
    }
}

@Suite("SKM sender rule over HTTP: a sender varying answers is flagged, and still counted")
struct SurveySenderFlagTests {
    @Test func variedAnswersFromOneSenderAreFlaggedYetCounted() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            // The hand-computed three of PublicServicesTests: Σ NRR = 84/3 = 28 → IKM 77,78.
            var flags: [String?] = []
            for a in [[1, 2, 3, 4, 1, 2, 3, 4, 1], [4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3]] {
                flags.append(try await SurveyIntegrity.send(app, s.id, a).json(SurveyIntegrity.Stored.self).flag)
            }
            #expect(flags == [nil, "repeat_sender", "repeat_sender"])
            let op = try await APIClient.login(app, "operator.a")
            let listed = try await op.send(.GET, "/api/v1/services/\(s.id)/responses?flagged=true").json(
                SurveyIntegrity.Page.self)
            #expect(
                listed.total == 2 && listed.items.allSatisfy { $0.flag == "repeat_sender" && $0.status == "counted" })
            // A flag is not a verdict: all three count.
            let ikm = try await op.send(.GET, "/api/v1/services/\(s.id)/ikm?from=2026-11-01&to=2026-11-30").json(
                SurveyIntegrity.IKM.self)
            #expect(ikm.respondents == 3 && ikm.ikm == 77.78)
            // Eleven minutes later the same sender is not flagged.
            app.kompeten.clock = { testNow.addingTimeInterval(660) }
            #expect(
                try await SurveyIntegrity.send(app, s.id, [2, 2, 2, 2, 2, 2, 2, 2, 2]).json(SurveyIntegrity.Stored.self)
                    .flag == nil)
        }
    }
}

@Suite("SKM counter kiosks: registered with a key shown once, no sender flags, revocable")
struct SurveyKioskTests {
    @Test func aRegisteredKioskSendsABurstWithoutFlags() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            // Registration: the unit decides who may; then the name is checked.
            #expect(
                try await APIClient.login(app, "operator.b").send(
                    .POST, "/api/v1/kiosks", json: ["unitId": world.bidangA.id!.uuidString, "name": "Kios B"]
                ).status == .forbidden)
            #expect(
                try await APIClient.login(app, "pegawai").send(.POST, "/api/v1/kiosks", json: ["name": "Kios"]).status
                    == .forbidden)
            let noName = try await admin.send(.POST, "/api/v1/kiosks", json: ["unitId": world.bidangA.id!.uuidString])
            #expect(try noName.status == .unprocessableEntity && (try SurveyIntegrity.fields(noName)) == ["name"])
            let created = try await admin.send(
                .POST, "/api/v1/kiosks", json: ["unitId": world.bidangA.id!.uuidString, "name": "Kios loket 1"])
            #expect(created.status == .created)
            let kiosk = try created.json(SurveyIntegrity.Registered.self)
            // Only the key's SHA-256 is stored; the list never shows the key.
            let row = try #require(try await SurveyKiosk.find(kiosk.kiosk.id, on: app.db))
            #expect(row.keyHash != kiosk.key && row.keyHash == SurveyKiosks.hash(kiosk.key) && row.keyHash.count == 64)
            let list = try await APIClient.login(app, "operator.a").send(.GET, "/api/v1/kiosks")
            #expect(
                try list.status == .ok && !list.body.string.contains(kiosk.key)
                    && (try list.json([SurveyIntegrity.Kiosk].self).map(\.name)) == ["Kios loket 1"])
            #expect(
                try await APIClient.login(app, "operator.b").send(.GET, "/api/v1/kiosks").json(
                    [SurveyIntegrity.Kiosk].self
                ).isEmpty)
            // Ten residents in a row at the kiosk, answers varied or not: none flagged, channel kios.
            for i in 0..<10 {
                let r = try await SurveyIntegrity.send(
                    app, s.id, [1 + i % 4, 3, 3, 3, 3, 3, 3, 3, 3], kioskKey: kiosk.key)
                #expect(try r.status == .created && (try r.json(SurveyIntegrity.Stored.self).flag) == nil)
            }
            let rows = try await SurveyResponse.query(on: app.db).all()
            #expect(
                rows.count == 10
                    && rows.allSatisfy {
                        $0.channel == "kios" && $0.flag == nil && $0.kioskID == kiosk.kiosk.id && $0.clientHash == nil
                    })
            // Claiming the kiosk channel without a key, or with an unknown key: 401, nothing stored.
            #expect(
                try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], channel: "kios").status
                    == .unauthorized)
            #expect(
                try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], kioskKey: "kios_tebakan").status
                    == .unauthorized)
            // A kiosk of another OPD cannot send for this service.
            let other = try await admin.send(
                .POST, "/api/v1/kiosks", json: ["unitId": world.opdB.id!.uuidString, "name": "Kios OPD B"]
            ).json(SurveyIntegrity.Registered.self)
            #expect(
                try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], kioskKey: other.key).status
                    == .forbidden)
            // A kiosk registered for the OPD serves its bidang's services.
            let opdKiosk = try await admin.send(
                .POST, "/api/v1/kiosks", json: ["unitId": world.opdA.id!.uuidString, "name": "Kios aula"]
            ).json(SurveyIntegrity.Registered.self)
            #expect(
                try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], kioskKey: opdKiosk.key).status
                    == .created)
            // Revoked once (a second time is a conflict); its key is then refused with 403.
            let op = try await APIClient.login(app, "operator.a")
            #expect(
                try await APIClient.login(app, "operator.b").send(.POST, "/api/v1/kiosks/\(kiosk.kiosk.id)/revoke")
                    .status == .forbidden)
            let revoked = try await op.send(.POST, "/api/v1/kiosks/\(kiosk.kiosk.id)/revoke")
            #expect(try revoked.status == .ok && (try revoked.json(SurveyIntegrity.Kiosk.self).active) == false)
            #expect(try await op.send(.POST, "/api/v1/kiosks/\(kiosk.kiosk.id)/revoke").status == .conflict)
            #expect(
                try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], kioskKey: kiosk.key).status
                    == .forbidden)
            #expect(try await SurveyResponse.query(on: app.db).count() == 11)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "survey_kiosk").count() == 4)
        }
    }

    @Test func theKioskPageShowsTheKeyOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await PublicServicesTests.service(app, world)
            let web = try await WebClient.login(app, "operator.a")
            let page = try await web.get("/services/kiosks")
            #expect(page.status == .ok && page.body.string.contains(world.bidangA.id!.uuidString))
            let made = try await web.post(
                "/services/kiosks", ["unitId": world.bidangA.id!.uuidString, "name": "Kios loket 2"])
            #expect(made.status == .created && made.body.string.contains("hanya ditampilkan sekali"))
            let kiosk = try #require(try await SurveyKiosk.query(on: app.db).first())
            let shown = try #require(
                made.body.string.range(of: #"kios_[A-Za-z0-9_-]{43}"#, options: .regularExpression).map {
                    String(made.body.string[$0])
                })
            #expect(SurveyKiosks.hash(shown) == kiosk.keyHash)
            // Afterwards the page lists the kiosk but never the key again.
            let again = try await web.get("/services/kiosks")
            #expect(again.body.string.contains("Kios loket 2") && !again.body.string.contains(shown))
            #expect(
                try await web.post("/services/kiosks", ["unitId": world.bidangA.id!.uuidString, "name": ""]).status
                    == .unprocessableEntity)
            #expect(try await web.post("/services/kiosks/\(kiosk.id!)/revoke", [:]).status == .seeOther)
            #expect(try await SurveyKiosk.find(kiosk.id, on: app.db)?.revokedAt != nil)
        }
    }
}

@Suite("SKM paper forms: only the period being entered, not before the service, not in the future")
struct SurveyPaperPeriodTests {
    @Test func paperFormsOutsideThePeriodAre422NamingTheDate() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            let op = try await APIClient.login(app, "operator.a")
            struct Paper: Encodable {
                let date: String
                let answers: [String: Int]
            }
            let four = PublicServicesTests.answers([4, 4, 4, 4, 4, 4, 4, 4, 4])
            func paper(_ date: String) async throws -> TestingHTTPResponse {
                try await op.send(.POST, "/api/v1/services/\(s.id)/paper", json: Paper(date: date, answers: four))
            }
            // The service was registered today (29 November 2026): yesterday is before it existed.
            for date in ["2023-11-29", "2026-11-30", "2026-11-28", "kemarin"] {
                let r = try await paper(date)
                #expect(try r.status == .unprocessableEntity && (try SurveyIntegrity.fields(r)) == ["date"], "\(date)")
            }
            // A service that has existed since 2024: this month yes, October no (past the 10th).
            let row = try #require(try await PublicService.find(s.id, on: app.db))
            row.createdAt = Calendar(identifier: .gregorian).date(byAdding: .year, value: -2, to: testNow)!
            try await row.save(on: app.db)
            #expect(try await paper("2026-10-31").status == .unprocessableEntity)
            let ok = try await paper("2026-11-01")
            #expect(try ok.status == .created && (try ok.json(SurveyIntegrity.Item.self).channel) == "kertas")
            // An element left out is blank; an unknown one is named.
            let partial = try await op.send(
                .POST, "/api/v1/services/\(s.id)/paper", json: Paper(date: "2026-11-29", answers: ["U1": 3]))
            #expect(partial.status == .created)
            let unknown = try await op.send(
                .POST, "/api/v1/services/\(s.id)/paper", json: Paper(date: "2026-11-29", answers: ["U1": 3, "U10": 2]))
            #expect(
                try unknown.status == .unprocessableEntity && (try SurveyIntegrity.fields(unknown)) == ["answers.U10"])
            // Another OPD: 403 before the body is read.
            #expect(
                try await APIClient.login(app, "operator.b").send(.POST, "/api/v1/services/\(s.id)/paper", raw: "{")
                    .status == .forbidden)
            // The web form and the file import follow the same rule.
            let web = try await WebClient.login(app, "operator.a")
            var form = Dictionary(uniqueKeysWithValues: (1...9).map { ("u\($0)", "4") })
            form["date"] = "2023-11-29"
            #expect(try await web.post("/services/\(s.id)/paper", form).status == .unprocessableEntity)
            #expect(try await SurveyResponse.query(on: app.db).count() == 2)
        }
    }
}

@Suite("SKM report and transparency: counts per channel, flagged and rejected")
struct SurveyChannelCountTests {
    @Test func reportAndTransparencyShowChannelsFlagsAndRejections() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            let admin = try await APIClient.login(app, "admin")
            // Online: A, then B from the same sender (flagged); a kiosk: K; paper: P. BKPPD rejects A.
            let a = try await SurveyIntegrity.send(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3]).json(
                SurveyIntegrity.Stored.self)
            _ = try await SurveyIntegrity.send(app, s.id, [4, 4, 4, 4, 4, 4, 4, 4, 4])
            let key = try await admin.send(
                .POST, "/api/v1/kiosks", json: ["unitId": world.bidangA.id!.uuidString, "name": "Kios"]
            ).json(SurveyIntegrity.Registered.self).key
            #expect(
                try await SurveyIntegrity.send(app, s.id, [2, 2, 2, 2, 2, 2, 2, 2, 2], kioskKey: key).status == .created
            )
            struct Paper: Encodable {
                let date: String
                let answers: [String: Int]
            }
            #expect(
                try await admin.send(
                    .POST, "/api/v1/services/\(s.id)/paper",
                    json: Paper(date: "2026-11-29", answers: PublicServicesTests.answers([1, 1, 1, 1, 1, 1, 1, 1, 1]))
                ).status == .created)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/services/\(s.id)/responses/\(a.id)/reject", json: ["reason": "Uji coba"]
                ).status == .ok)
            // Counted: online 1 (B, flagged), kiosk 1, paper 1; rejected 1.
            let web = try await WebClient.login(app, "operator.a")
            let report = try await web.get("/skm?unit=\(world.opdA.id!)&from=2026-11-01&to=2026-11-30").body.string
            #expect(
                report.contains(#"<span id="skm-online">1</span>"#)
                    && report.contains(#"<span id="skm-kiosk">1</span>"#)
                    && report.contains(#"<span id="skm-paper">1</span>"#)
                    && report.contains(#"<span id="skm-flagged">1</span>"#)
                    && report.contains(#"<span id="skm-rejected">1</span>"#))
            #expect(report.contains(#"<dd id="skm-respondents">3"#))
            let page = try await WebClient(app).get("/transparansi?instansi=kota-kupang").body.string
            // The running quarter (Triwulan IV 2026) holds all five.
            #expect(
                page.contains("Triwulan IV 2026")
                    && page.contains(
                        "daring 1 · kios 1 · kertas (diisi petugas unit) 1 · ditandai untuk ditinjau (tetap dihitung) 1 · ditolak (tidak dihitung) 1"
                    ))
        }
    }
}

@Suite("SKM sender hashes are kept for the duplicate window and a day, not 24 months")
struct SurveySenderRetentionTests {
    @Test func theHourlyJobErasesOldSenderHashes() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            for a in [[1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3]] {
                #expect(try await SurveyIntegrity.send(app, s.id, a).status == .created)
            }
            let rows = try await SurveyResponse.query(on: app.db).sort(\.$id).all()
            #expect(rows.allSatisfy { $0.clientHash != nil })
            // One 25 hours old (past 10 minutes + a day), one 23 hours old, one fresh.
            rows[0].submittedAt = testNow.addingTimeInterval(-25 * 3600)
            try await rows[0].save(on: app.db)
            rows[1].submittedAt = testNow.addingTimeInterval(-23 * 3600)
            try await rows[1].save(on: app.db)
            _ = try await KompetenJobs.housekeeping.work(app, testNow)
            let after = try await SurveyResponse.query(on: app.db).sort(\.$id).all()
            #expect(after[0].clientHash == nil && after[1].clientHash != nil && after[2].clientHash != nil)
            // The answers stay.
            #expect(after[0].u1 == rows[0].u1 && after.count == 3)
            #expect(try await SurveySenderRetention.apply(on: app.db, now: testNow) == 0)
        }
    }
}
