import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 15 items 7 and 8 over HTTP: a PBG standard of 28 hari kerja judged with the holiday
/// calendar; the calendar edited by BKPPD only; a standard's dated history, each month judged by
/// the standard in force when its requests were received. Expectations are the hand counts of
/// `WorkingDaysTests` and `StandardHistoryTests` (2026 calendar, SKB holidays).
@Suite("Public services: working-day standards, holiday calendar, standard history")
struct WorkingDayStandardsTests {
    struct Created: Decodable {
        let id: UUID
        let standardText: String
        let standardValue: Int
        let standardUnit: String
        let standardEffectiveFrom: String?
    }
    struct Performance: Decodable {
        let count: Int
        let completed: Int
        let onTimeShare: Double?
        let p90WorkingDays: Double?
        let medianWorkingDays: Double?
        let p90Minutes: Double?
        let standardUnit: String
        let standardValue: Int
        let exact: Bool
    }
    struct Standard: Decodable {
        let id: UUID
        let effectiveFrom: String
        let value: Int
        let unit: String
        let text: String
        let current: Bool
    }
    struct HolidayYear: Decodable {
        struct H: Decodable {
            let id: UUID
            let date: String
            let kind: String
            let provisional: Bool
        }
        let year: Int
        let workingDays: Int
        let items: [H]
    }
    struct Errors: Decodable {
        struct F: Decodable { let field: String }
        let fields: [F]?
    }

    static func fields(_ r: TestingHTTPResponse) throws -> [String] {
        try r.json(Errors.self).fields?.map(\.field) ?? []
    }

    /// A working-day service of the world's Dukcapil bidang (operator.a's OPD), with the seeded calendar.
    static func service(_ app: Application, _ world: World, days: Int) async throws -> Created {
        try await HolidayCalendar.seed(instansiID: world.instansi.id!, at: testNow, on: app.db)
        let admin = try await APIClient.login(app, "admin")
        let r = try await admin.send(
            .POST, "/api/v1/services",
            raw:
                #"{"code":"DPMPTSP-PBG","name":"Persetujuan Bangunan Gedung","unitId":"\#(world.bidangA.id!)","standardValue":\#(days),"standardUnit":"hari_kerja","fee":0}"#
        )
        #expect(r.status == .created, "\(r.body.string)")
        return try r.json(Created.self)
    }

    static func tickets(_ rows: [(String, String)]) -> String {
        "Nomor Tiket;Diterima;Selesai;Kanal\n"
            + rows.enumerated().map { "PBG-\($0.offset + 1);\($0.element.0);\($0.element.1);loket" }.joined(
                separator: "\n") + "\n"
    }

    static func performance(_ api: APIClient, _ id: UUID, _ from: String, _ to: String) async throws -> Performance {
        try await api.send(.GET, "/api/v1/services/\(id)/performance?from=\(from)&to=\(to)").json(Performance.self)
    }

    @Test func pbgIsJudgedInWorkingDays() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world, days: 28)
            #expect(
                s.standardText == "28 hari kerja" && s.standardValue == 28 && s.standardUnit == "hari_kerja"
                    && s.standardEffectiveFrom == "2000-01-01")
            // Ten requests received Mon 16 March 2026: 3, 5, 8, 10, 12, 15, 20, 25, 28, 31 working days.
            let done = [
                "2026-03-26", "2026-03-30", "2026-04-02", "2026-04-07", "2026-04-09", "2026-04-14", "2026-04-21",
                "2026-04-28", "2026-05-04", "2026-05-07",
            ]
            let admin = try await APIClient.login(app, "admin")
            let imported = try await admin.send(
                .POST, "/api/v1/services/\(s.id)/records/import",
                raw: Self.tickets(done.map { ("2026-03-16 09:00", "\($0) 09:00") }))
            #expect(imported.status == .ok, "\(imported.body.string)")
            let p = try await Self.performance(admin, s.id, "2026-03-01", "2026-03-31")
            // On time 9 of 10 (not 5 of 10 as 28 calendar days); P90 28 working days, median 13,5.
            #expect(p.count == 10 && p.completed == 10 && p.onTimeShare == 0.9 && p.exact)
            #expect(p.p90WorkingDays == 28 && p.medianWorkingDays == 13.5 && p.p90Minutes == Double(49 * 1440))
            #expect(p.standardUnit == "hari_kerja" && p.standardValue == 28)
            // The page shows the month in working days beside the standard it was judged by.
            let html = try await WebClient.login(app, "operator.a").get("/services/\(s.id)").body.string
            // Median 13,5 and P90 28 hari kerja; eight were still open at the end of March (backlog 8: two finished on 26 and 30 March).
            #expect(html.contains("<td>Maret 2026</td><td>28 hari kerja</td>"))
            #expect(
                html.contains(
                    #"<td class="num">13,5 hari kerja</td><td class="num">28 hari kerja</td><td class="num">8</td>"#))
            #expect(html.contains("Sejak awal catatan") && html.contains(#"id="standard-new""#))
        }
    }

    @Test func eachMonthIsJudgedByTheStandardThenInForce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world, days: 14)
            let admin = try await APIClient.login(app, "admin")
            // 12 working days each: received 2 Mar → 25 Mar, 31 Mar → 17 Apr, 1 Apr → 20 Apr.
            let csv = Self.tickets([
                ("2026-03-02 09:00", "2026-03-25 09:00"), ("2026-03-31 09:00", "2026-04-17 09:00"),
                ("2026-04-01 09:00", "2026-04-20 09:00"),
            ])
            #expect(try await admin.send(.POST, "/api/v1/services/\(s.id)/records/import", raw: csv).status == .ok)
            #expect(try await Self.performance(admin, s.id, "2026-04-01", "2026-04-30").onTimeShare == 1)
            // BKPPD records that the standard became 10 hari kerja on 1 April (a correction, so backdated).
            let added = try await admin.send(
                .POST, "/api/v1/services/\(s.id)/standards",
                raw: #"{"effectiveFrom":"2026-04-01","value":10,"unit":"hari_kerja"}"#)
            #expect(added.status == .created, "\(added.body.string)")
            // March keeps the old standard (both on time, one of them completed in April); April's request is late.
            #expect(try await Self.performance(admin, s.id, "2026-03-01", "2026-03-31").onTimeShare == 1)
            let april = try await Self.performance(admin, s.id, "2026-04-01", "2026-04-30")
            #expect(april.onTimeShare == 0 && april.standardValue == 10)
            let history = try await admin.send(.GET, "/api/v1/services/\(s.id)/standards").json([Standard].self)
            #expect(
                history.map(\.effectiveFrom) == ["2026-04-01", "2000-01-01"] && history.map(\.value) == [10, 14]
                    && history.map(\.current) == [true, false])
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "service_standard").all()
            #expect(audit.count == 1 && audit[0].summary.contains("10 hari kerja mulai 1 April 2026"))
            // The same date again replaces the row (a typo fixed), audited as a change.
            #expect(
                try await admin.send(
                    .POST, "/api/v1/services/\(s.id)/standards",
                    raw: #"{"effectiveFrom":"2026-04-01","value":12,"unit":"hari_kerja"}"#
                ).status == .created)
            #expect(
                try await admin.send(.GET, "/api/v1/services/\(s.id)/standards").json([Standard].self).map(\.value) == [
                    12, 14,
                ])
            #expect(try await Self.performance(admin, s.id, "2026-04-01", "2026-04-30").onTimeShare == 1)
        }
    }

    @Test func whoMayChangeAStandardAndWhatIsRefused() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world, days: 14)
            let path = "/api/v1/services/\(s.id)/standards"
            let rows = { try await ServiceStandardEntry.query(on: app.db).filter(\.$serviceID == s.id).count() }
            // The OPD's operator: from today on, default the first of next month; not backdated.
            let op = try await APIClient.login(app, "operator.a")
            let backdated = try await op.send(
                .POST, path, raw: #"{"effectiveFrom":"2026-11-28","value":10,"unit":"hari_kerja"}"#)
            #expect(backdated.status == .forbidden && backdated.body.string.contains("berlaku surut"))
            let next = try await op.send(.POST, path, raw: #"{"value":10,"unit":"hari_kerja"}"#)
            #expect(next.status == .created)
            #expect(try next.json(Standard.self).effectiveFrom == "2026-12-01")
            #expect(try await rows() == 2)
            // Another OPD's operator, an employee, another instansi: refused, nothing written.
            #expect(
                try await APIClient.login(app, "operator.b").send(.POST, path, raw: #"{"value":5,"unit":"hari"}"#)
                    .status == .forbidden)
            #expect(
                try await APIClient.login(app, "pegawai").send(.POST, path, raw: #"{"value":5,"unit":"hari"}"#).status
                    == .forbidden)
            #expect(
                try await APIClient.login(app, "admin.lain").send(.POST, path, raw: #"{"value":5,"unit":"hari"}"#)
                    .status == .notFound)
            #expect(try await APIClient.login(app, "operator.b").send(.GET, path).status == .forbidden)
            #expect(try await rows() == 2)
            // Bad input: 422 naming each field.
            let admin = try await APIClient.login(app, "admin")
            let bad = try await admin.send(
                .POST, path, raw: #"{"effectiveFrom":"2026-13-01","value":0,"unit":"hari_kerja"}"#)
            #expect(try bad.status == .unprocessableEntity && Self.fields(bad) == ["effectiveFrom", "value"])
            #expect(
                try Self.fields(try await admin.send(.POST, path, raw: #"{"unit":"minggu"}"#)) == ["unit", "value"])
            #expect(
                try Self.fields(try await admin.send(.POST, path, raw: #"{"value":261,"unit":"hari_kerja"}"#)) == [
                    "value"
                ])
            #expect(try await rows() == 2)
            // The page's form: Indonesian messages, the input kept, 422.
            let web = try await WebClient.login(app, "operator.a")
            #expect(try await web.get("/services/\(s.id)/standards/new").body.string.contains("2026-12-01"))
            let wrong = try await web.post(
                "/services/\(s.id)/standards", ["effectiveFrom": "2026-12-01", "standard": "sebentar"])
            #expect(
                wrong.status == .unprocessableEntity && wrong.body.string.contains("28 hari kerja")
                    && wrong.body.string.contains("sebentar"))
            let ok = try await web.post(
                "/services/\(s.id)/standards", ["effectiveFrom": "2027-01-01", "standard": "7 hari kerja"])
            #expect(ok.status == .seeOther)
            #expect(try await web.get("/services/\(s.id)").body.string.contains("1 Januari 2027"))
            // The button to it is shown from the same rule: not to operator B (who cannot open the page).
            #expect(
                try await WebClient.login(app, "operator.b").get("/services/\(s.id)/standards/new").status == .forbidden
            )
        }
    }

    @Test func holidayCalendarIsBKPPDs() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await Self.service(app, world, days: 28)
            let admin = try await APIClient.login(app, "admin")
            let year = try await admin.send(.GET, "/api/v1/holidays?year=2026").json(HolidayYear.self)
            #expect(year.items.count == 25 && year.workingDays == 240 && !year.items.contains { $0.provisional })
            #expect(
                try await admin.send(.GET, "/api/v1/holidays?year=2027").json(HolidayYear.self).items.filter(
                    \.provisional
                ).count == 8)
            #expect(try Self.fields(try await admin.send(.GET, "/api/v1/holidays?year=dua")) == ["year"])
            #expect(try await admin.send(.GET, "/api/v1/holidays?year=1999").status == .unprocessableEntity)
            // A PBG request from Fri 13 March completed Mon 4 May: 29 working days, late.
            #expect(
                try await admin.send(
                    .POST, "/api/v1/services/\(s.id)/records/import",
                    raw: Self.tickets([("2026-03-13 10:00", "2026-05-04 09:00")])
                ).status == .ok)
            #expect(try await Self.performance(admin, s.id, "2026-03-01", "2026-03-31").onTimeShare == 0)
            // Operators read the calendar but may not change it; nothing is written.
            let op = try await APIClient.login(app, "operator.a")
            #expect(try await op.send(.GET, "/api/v1/holidays?year=2026").status == .ok)
            #expect(
                try await op.send(
                    .POST, "/api/v1/holidays", raw: #"{"date":"2026-04-30","name":"Libur","kind":"cuti_bersama"}"#
                ).status == .forbidden)
            #expect(try await op.send(.DELETE, "/api/v1/holidays/\(year.items[0].id)").status == .forbidden)
            #expect(try await APIClient.login(app, "pegawai").send(.GET, "/api/v1/holidays").status == .forbidden)
            #expect(
                try await APIClient.login(app, "admin.lain").send(.DELETE, "/api/v1/holidays/\(year.items[0].id)")
                    .status == .notFound)
            #expect(
                try await Holiday.query(on: app.db).filter(\.$instansiID == world.instansi.id!).count()
                    == HolidaySeed.all.count)
            // Bad input: 422 naming each field; a date already in the calendar too.
            let bad = try await admin.send(
                .POST, "/api/v1/holidays", raw: #"{"date":"2026-02-30","name":" ","kind":"libur"}"#)
            #expect(try bad.status == .unprocessableEntity && Self.fields(bad) == ["date", "name", "kind"])
            #expect(
                try Self.fields(
                    try await admin.send(
                        .POST, "/api/v1/holidays", raw: #"{"date":"2026-12-25","name":"Natal","kind":"libur_nasional"}"#
                    )) == ["date"])
            // BKPPD adds a cuti bersama on Thu 30 April: the request took 28 working days, on time —
            // the month is judged again at once. Removing it makes it late again.
            let added = try await admin.send(
                .POST, "/api/v1/holidays",
                raw: #"{"date":"2026-04-30","name":"Cuti bersama contoh","kind":"cuti_bersama"}"#)
            #expect(added.status == .created)
            #expect(try await Self.performance(admin, s.id, "2026-03-01", "2026-03-31").onTimeShare == 1)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "holiday").filter(\.$action == "create")
                    .count() == 1)
            struct Made: Decodable { let id: UUID }
            let addedID = try added.json(Made.self).id
            #expect(try await admin.send(.DELETE, "/api/v1/holidays/\(addedID)").status == .noContent)
            #expect(try await Self.performance(admin, s.id, "2026-03-01", "2026-03-31").onTimeShare == 0)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "holiday").filter(\.$action == "delete")
                    .count() == 1)
        }
    }

    @Test func holidayPageShowsTheFormOnlyToBKPPD() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await HolidayCalendar.seed(instansiID: world.instansi.id!, at: testNow, on: app.db)
            let admin = try await WebClient.login(app, "admin")
            let page = try await admin.get("/admin/holidays?year=2026")
            #expect(
                page.status == .ok && page.body.string.contains("Hari Raya Idul Fitri 1447 H")
                    && page.body.string.contains("<strong>240</strong> hari kerja"))
            #expect(page.body.string.contains("Tambah hari libur") && page.body.string.contains("/delete"))
            let op = try await WebClient.login(app, "operator.a")
            let read = try await op.get("/admin/holidays?year=2026")
            #expect(
                read.status == .ok && !read.body.string.contains("Tambah hari libur")
                    && !read.body.string.contains("/delete"))
            #expect(
                try await op.post("/admin/holidays", ["date": "2026-04-30", "name": "Libur", "kind": "cuti_bersama"])
                    .status == .forbidden)
            let bad = try await admin.post(
                "/admin/holidays", ["date": "2026-04-31", "name": "", "kind": "cuti_bersama"])
            #expect(
                bad.status == .unprocessableEntity && bad.body.string.contains("Nama hari libur wajib diisi")
                    && bad.body.string.contains("Tanggal harus berformat"))
            let added = try await admin.post(
                "/admin/holidays", ["date": "2026-04-30", "name": "Cuti bersama contoh", "kind": "cuti_bersama"])
            #expect(added.status == .seeOther && added.location == "/admin/holidays?year=2026")
            #expect(
                try await admin.get("/admin/holidays?year=2026").body.string.contains("<strong>239</strong> hari kerja")
            )
        }
    }

    @Test func existingDatabasesKeepTheirStandards() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world, minutes: 25)
            // Undo this change's migration alone, as an older database is, then apply it again.
            let migration = CreateServiceStandardsAndHolidays()
            try await migration.revert(on: app.db)
            let kept = try #require(try await PublicService.find(s.id, on: app.db))
            #expect(kept.standardMinutes == 25 && kept.standardText == "25 menit")
            try await migration.prepare(on: app.db)
            let rows = try await ServiceStandardEntry.query(on: app.db).filter(\.$serviceID == s.id).all()
            #expect(
                rows.count == 1 && rows[0].value == 25 && rows[0].unit == "menit"
                    && rows[0].effectiveFrom == "2000-01-01")
            // Every instansi gets the seeded calendar.
            for instansi in [world.instansi, world.otherInstansi] {
                #expect(
                    try await Holiday.query(on: app.db).filter(\.$instansiID == instansi.id!).count()
                        == HolidaySeed.all.count)
            }
        }
    }
}
