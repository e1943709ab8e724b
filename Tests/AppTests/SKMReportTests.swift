import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 18, the SKM report in the PermenPANRB 14/2017 layout: figures from a hand-computed data
/// set (page and API agree), the follow-up table (all rows or none, the previous period's status),
/// publishing once, the public snapshot without suggestion text, access by role.
@Suite("SKM report: sections, trend, follow-up table, publishing")
struct SKMReportTests {
    struct Report: Decodable {
        struct Unit: Decodable {
            let id: UUID
            let name: String
        }
        struct Element: Decodable {
            let code: String
            let nrr: Double?
            let answered: Int
        }
        struct PreviousElement: Decodable {
            let code: String
            let nrr: Double?
            let change: Double?
        }
        struct Previous: Decodable {
            let from: String
            let to: String
            let respondents: Int
            let ikm: Double?
            let grade: String?
            let difference: Double?
            let elements: [PreviousElement]
        }
        struct Action: Decodable, Equatable {
            let id: UUID?
            let element: String
            let action: String
            let due: String
            let responsible: String
            let status: String
        }
        struct Channels: Decodable {
            let online: Int
            let kiosk: Int
            let paper: Int
        }
        struct Collection: Decodable {
            let first: String?
            let last: String?
        }
        struct Service: Decodable {
            let name: String
            let respondents: Int
            let ikm: Double?
            let grade: String?
        }
        let unit: Unit
        let population: Int?
        let minimumSample: Int?
        let sampleReached: Bool?
        let respondents: Int
        let channels: Channels
        let collection: Collection
        let services: [Service]
        let elements: [Element]
        let ikm: Double?
        let grade: String?
        let label: String?
        let previous: Previous?
        let lowest: [String]
        let suggestionCount: Int
        let followUp: [Action]
        let previousFollowUp: [Action]
        let published: Bool
    }
    struct Errors: Decodable {
        struct F: Decodable { let field: String }
        let fields: [F]?
    }

    /// Sums per element U1…U9 over the current period's 10 responses and the previous period's 6.
    /// Current NRR = sum / 10: 3,2 3,0 2,5 4,0 3,1 3,3 3,5 2,8 2,6 → Σ 28,0;
    /// IKM = 28,0 × 1/9 × 25 = 77,777… → 77,78, B (≥ 76,61) "Baik". Lowest: U3 2,5, U9 2,6, U8 2,8.
    /// Previous NRR = sum / 6: 3,0 3,0 2,0 4,0 3,0 3,0 3,5 2,5 2,5 → Σ 26,5;
    /// IKM = 26,5 × 1/9 × 25 = 73,611… → 73,61, C (≥ 65,00) "Kurang Baik".
    /// Trend: 77,78 − 73,61 = +4,17; per element +0,2 0 +0,5 0 +0,1 +0,3 0 +0,3 +0,1.
    static let currentSums = [32, 30, 25, 40, 31, 33, 35, 28, 26]
    static let previousSums = [18, 18, 12, 24, 18, 18, 21, 15, 15]

    /// `count` answer vectors whose per-element sums are `sums`: the first `sum % count`
    /// respondents answer ⌊sum/count⌋ + 1, the others ⌊sum/count⌋.
    static func answers(_ sums: [Int], count: Int) -> [[Int]] {
        (0..<count).map { j in sums.map { s in s / count + (j < s % count ? 1 : 0) } }
    }

    /// The service of `PublicServicesTests.service` (bidang of OPD A) with the data set: Q3 2026
    /// (current: 10 responses, 6 online, 3 kiosk, 1 paper, 2 with a suggestion, 3 July – 28
    /// September; 100 transactions) and Q2 2026 (previous: 6 responses).
    static func dataSet(_ app: Application, _ world: World) async throws -> UUID {
        let service = try await PublicServicesTests.service(app, world)
        func response(_ values: [Int], day: String, channel: String, suggestion: String?) async throws {
            let r = SurveyResponse()
            r.id = UUID()
            r.instansiID = world.instansi.id!
            r.serviceID = service.id
            r.unitID = world.bidangA.id!
            r.submittedAt = testNow
            r.submittedOn = day
            r.setAnswers(values.map { Optional($0) })
            r.channel = channel
            r.status = SurveyResponse.counted
            r.suggestion = suggestion
            try await r.create(on: app.db)
        }
        let channels = ["daring", "daring", "daring", "daring", "daring", "daring", "kios", "kios", "kios", "kertas"]
        for (j, values) in answers(currentSums, count: 10).enumerated() {
            try await response(
                values, day: j == 0 ? "2026-07-03" : j == 9 ? "2026-09-28" : "2026-08-1\(j)", channel: channels[j],
                suggestion: j < 2 ? "Antrean loket dua terlalu panjang \(j)" : nil)
        }
        for values in answers(previousSums, count: 6) {
            try await response(values, day: "2026-05-20", channel: "daring", suggestion: nil)
        }
        // A rejected response does not count anywhere.
        try await response(Array(repeating: 1, count: 9), day: "2026-08-20", channel: "daring", suggestion: nil)
        try await SurveyResponse.query(on: app.db).filter(\.$submittedOn == "2026-08-20").set(
            \.$status, to: SurveyResponse.rejected
        ).update()
        for (month, received) in [("2026-07", 40), ("2026-08", 30), ("2026-09", 30)] {
            let m = ServiceMonth()
            m.id = UUID()
            m.instansiID = world.instansi.id!
            m.serviceID = service.id
            m.month = month
            m.received = received
            m.completed = received
            m.onTime = received
            m.backlog = 0
            m.source = "aggregate"
            m.updatedAt = testNow
            try await m.create(on: app.db)
        }
        return service.id
    }

    static let q3 = "from=2026-07-01&to=2026-09-30"
    static let q4 = "from=2026-10-01&to=2026-11-29"

    @Test func figuresFromAHandComputedDataSetOnThePageAndInTheAPI() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await Self.dataSet(app, world)
            let admin = try await APIClient.login(app, "admin")
            let unit = world.opdA.id!
            let r = try await admin.send(.GET, "/api/v1/units/\(unit)/skm-report?\(Self.q3)")
            #expect(r.status == .ok, "\(r.body.string)")
            let report = try r.json(Report.self)
            #expect(report.unit.id == unit && report.respondents == 10)
            #expect(report.elements.map(\.nrr) == [3.2, 3.0, 2.5, 4.0, 3.1, 3.3, 3.5, 2.8, 2.6])
            #expect(report.ikm == 77.78 && report.grade == "B" && report.label == "Baik")
            #expect(report.lowest == ["U3", "U9", "U8"])
            // Population 40 + 30 + 30 = 100; Krejcie–Morgan: 3,841·100·0,25 / (0,0025·99 + 3,841·0,25)
            // = 96,025 / 1,20775 = 79,5… → 80 (the 1970 table's value for N = 100); 10 < 80.
            #expect(report.population == 100 && report.minimumSample == 80 && report.sampleReached == false)
            #expect(report.channels.online == 6 && report.channels.kiosk == 3 && report.channels.paper == 1)
            #expect(report.collection.first == "2026-07-03" && report.collection.last == "2026-09-28")
            #expect(report.suggestionCount == 2)
            #expect(report.services.count == 1 && report.services[0].ikm == 77.78 && report.services[0].grade == "B")
            // The previous quarter (Q2, the whole of it) and the change.
            let previous = try #require(report.previous)
            #expect(previous.from == "2026-04-01" && previous.to == "2026-06-30" && previous.respondents == 6)
            #expect(previous.ikm == 73.61 && previous.grade == "C" && previous.difference == 4.17)
            #expect(previous.elements.map(\.change) == [0.2, 0.0, 0.5, 0.0, 0.1, 0.3, 0.0, 0.3, 0.1])
            #expect(report.published == false && report.followUp.isEmpty)

            // The page shows the same figures, in sections I–VI.
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/skm?unit=\(unit)&\(Self.q3)").body.string
            for text in [
                #"<strong id="skm-ikm">77,78</strong>"#, #"id="skm-grade">B</span>"#,
                #"<dd id="skm-population">100</dd>"#,
                #"<dd id="skm-minimum">80</dd>"#, #"<span id="skm-sample-verdict">belum tercapai</span>"#,
                #"<strong id="skm-difference">+4,17</strong>"#, #"<span id="skm-previous-ikm">73,61</span>"#,
                "3 Juli 2026 – 28 September 2026", "I. Pendahuluan", "II. Metode", "III. Profil responden",
                "IV. Hasil", "V. Analisis", "VI. Rencana tindak lanjut", "Jumlah saran yang diterima: 2",
                "Antrean loket dua terlalu panjang 0", "Laporan Hasil Survei Kepuasan Masyarakat",
                "Pemerintah Kota Kupang",
            ] {
                #expect(page.contains(text), "\(text)")
            }
            // One sheet per table in the XLSX download.
            let xlsx = try await web.get("/skm?unit=\(unit)&\(Self.q3)&format=xlsx")
            #expect(xlsx.status == .ok && xlsx.body.string.contains("xl/worksheets/sheet6.xml"))
        }
    }

    @Test func theFollowUpTableIsSavedWholeOrNotAtAllAndThePreviousStatusShows() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await Self.dataSet(app, world)
            let operatorA = try await APIClient.login(app, "operator.a")
            let path = "/api/v1/units/\(world.opdA.id!)/skm-report/follow-up?\(Self.q3)"
            let good1 =
                #"{"element":"U3","action":"Tambah loket","due":"2026-10-31","responsible":"Kepala Bidang","status":"direncanakan"}"#
            let good2 =
                #"{"element":"U9","action":"Kursi ruang tunggu","due":"2026-11-30","responsible":"Sekretaris","status":"berjalan"}"#
            let bad = #"{"element":"U8","action":"Pengaduan","due":"31-12-2026","responsible":"Kasi"}"#
            let refused = try await operatorA.send(.PUT, path, raw: #"{"rows":[\#(good1),\#(good2),\#(bad)]}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(Errors.self).fields?.map(\.field) == ["rows[2].due"])
            #expect(try await SKMFollowUpAction.query(on: app.db).count() == 0)
            let saved = try await operatorA.send(
                .PUT, path, raw: #"{"rows":[\#(good1),\#(good2)],"note":"Catatan lama"}"#)
            #expect(saved.status == .ok, "\(saved.body.string)")
            #expect(try saved.json(Report.self).followUp.count == 2)
            // Six saves of the table at once leave one table, not several.
            let statuses = try await StateRaceTests.together(6) { _ in
                try await operatorA.send(.PUT, path, raw: #"{"rows":[\#(good1),\#(good2)]}"#).status
            }
            #expect(statuses == Array(repeating: .ok, count: 6))
            #expect(try await SKMFollowUpAction.query(on: app.db).count() == 2)
            let table = try await operatorA.send(.GET, "/api/v1/units/\(world.opdA.id!)/skm-report?\(Self.q3)").json(
                Report.self
            ).followUp
            #expect(table.map(\.element) == ["U3", "U9"] && table.map(\.status) == ["direncanakan", "berjalan"])
            // One audit entry per save of the table (the refused one wrote nothing).
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "skm_follow_up_action").count() == 7)

            // The next quarter's report shows this plan and updates its status, from the web form.
            let web = try await WebClient.login(app, "operator.a")
            let q4 = try await web.get("/skm?unit=\(world.opdA.id!)&\(Self.q4)").body.string
            #expect(q4.contains(#"id="skm-previous-follow-up""#) && q4.contains("Tambah loket"))
            let first = try #require(table.first?.id)
            let posted = try await web.post(
                "/skm/follow-up",
                [
                    "unit": world.opdA.id!.uuidString, "from": "2026-10-01", "to": "2026-11-29",
                    "previous[0][id]": first.uuidString, "previous[0][status]": "selesai",
                    "rows[0][element]": "U1", "rows[0][action]": "Daftar persyaratan di loket",
                    "rows[0][due]": "2027-01-15", "rows[0][responsible]": "Kepala Bidang",
                    "rows[0][status]": "direncanakan", "rows[1][element]": "U1", "rows[1][action]": "",
                    "rows[1][due]": "", "rows[1][responsible]": "", "rows[1][status]": "direncanakan",
                ])
            #expect(posted.status == .seeOther, "\(posted.body.string.prefix(300))")
            let now = try await operatorA.send(.GET, "/api/v1/units/\(world.opdA.id!)/skm-report?\(Self.q4)").json(
                Report.self)
            #expect(now.previousFollowUp.map(\.status) == ["selesai", "berjalan"])
            #expect(now.followUp.map(\.action) == ["Daftar persyaratan di loket"])
            // A running quarter's plan is the quarter's plan: tomorrow's report (to 30 November) shows it.
            let later = try await operatorA.send(
                .GET, "/api/v1/units/\(world.opdA.id!)/skm-report?from=2026-10-01&to=2026-11-30"
            ).json(Report.self)
            #expect(later.followUp.count == 1)
            // A status for a row that is not the previous period's is refused, naming it.
            let wrong = try await operatorA.send(
                .PUT, "/api/v1/units/\(world.opdA.id!)/skm-report/follow-up?\(Self.q4)",
                raw: #"{"previous":[{"id":"\#(UUID())","status":"selesai"},{"id":"\#(first)","status":"nanti"}]}"#)
            #expect(
                try wrong.json(Errors.self).fields?.map(\.field) == ["previous[0].id", "previous[1].status"])
        }
    }

    @Test func publishingSucceedsOnceAndThePublicViewHasNoSuggestionText() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await Self.dataSet(app, world)
            let operatorA = try await APIClient.login(app, "operator.a")
            let base = "/api/v1/units/\(world.opdA.id!)/skm-report"
            let statuses = try await StateRaceTests.together(6) { _ in
                try await operatorA.send(.POST, "\(base)/publish?\(Self.q3)").status
            }
            #expect(statuses == StateRaceTests.oneWinner)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "skm_report").count() == 1)
            let record = try #require(try await SKMReportRecord.query(on: app.db).first())
            #expect(record.state == "terbit" && record.periodFrom == "2026-07-01" && record.periodTo == "2026-09-30")
            #expect(!(record.snapshot ?? "").contains("Antrean loket"))
            // The transparency page links it; the public view is the snapshot: a response added
            // afterwards does not change the published figure.
            let anonymous = WebClient(app)
            let transparency = try await anonymous.get("/transparansi?instansi=kota-kupang").body.string
            let href = "/transparansi/skm/\(record.id!)"
            #expect(transparency.contains(#"<a href="\#(href)">Triwulan III 2026</a>"#))
            let r = SurveyResponse()
            r.id = UUID()
            r.instansiID = world.instansi.id!
            r.serviceID = try #require(try await PublicService.query(on: app.db).first()?.id)
            r.unitID = world.bidangA.id!
            r.submittedAt = testNow
            r.submittedOn = "2026-09-01"
            r.setAnswers(Array(repeating: 1, count: 9))
            r.channel = "daring"
            r.status = SurveyResponse.counted
            r.suggestion = "Rahasia pribadi pelapor"
            try await r.create(on: app.db)
            let view = try await anonymous.get(href)
            let text = view.body.string
            #expect(view.status == .ok && text.contains(#"<strong id="skm-ikm">77,78</strong>"#))
            #expect(text.contains("Jumlah saran yang diterima: 2"))
            #expect(!text.contains("Antrean loket") && !text.contains("Rahasia pribadi") && !text.contains("skm-saran"))
            #expect(!text.contains("<form method=\"post\""))
            // The unit's live report moved; withdrawing takes the public view down, once.
            let live = try await operatorA.send(.GET, "\(base)?\(Self.q3)").json(Report.self)
            #expect(live.respondents == 11 && live.published)
            #expect(try await operatorA.send(.POST, "\(base)/withdraw?\(Self.q3)").status == .ok)
            #expect(try await operatorA.send(.POST, "\(base)/withdraw?\(Self.q3)").status == .conflict)
            #expect(try await anonymous.get(href).status == .notFound)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "skm_report").count() == 2)
        }
    }

    @Test func accessByRoleAndBadInput() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            _ = try await Self.dataSet(app, world)
            let unit = world.opdA.id!
            let body = #"{"rows":[]}"#
            for (role, read, write) in [
                ("admin", 200, 200), ("operator.a", 200, 200), ("operator.b", 403, 403), ("atasan", 403, 403),
                ("pegawai", 403, 403), ("asesor", 403, 403), ("lpk", 403, 403),
            ] {
                let api = try await APIClient.login(app, role)
                let got = try await api.send(.GET, "/api/v1/units/\(unit)/skm-report?\(Self.q3)").status.code
                let put = try await api.send(
                    .PUT, "/api/v1/units/\(unit)/skm-report/follow-up?\(Self.q3)", raw: body
                ).status.code
                #expect(got == read && put == write, "\(role): GET \(got) PUT \(put)")
            }
            // Another instansi's admin does not find the unit.
            let other = try await APIClient.login(app, "admin.lain")
            #expect(try await other.send(.GET, "/api/v1/units/\(unit)/skm-report").status == .notFound)
            let admin = try await APIClient.login(app, "admin")
            #expect(try await admin.send(.GET, "/api/v1/units/\(UUID())/skm-report").status == .notFound)
            for query in ["from=2026-09-30&to=2026-07-01", "from=2026-13-01", "to=kemarin", "from=", "kind=minggu"] {
                let r = try await admin.send(.GET, "/api/v1/units/\(unit)/skm-report?\(query)")
                #expect(r.status == .unprocessableEntity, "\(query): \(r.status)")
            }
            // Operator B cannot publish A's report, whatever the body.
            let operatorB = try await APIClient.login(app, "operator.b")
            #expect(try await operatorB.send(.POST, "/api/v1/units/\(unit)/skm-report/publish").status == .forbidden)
            let webB = try await WebClient.login(app, "operator.b")
            #expect(try await webB.get("/skm?unit=\(unit)").status == .forbidden)
        }
    }
}
