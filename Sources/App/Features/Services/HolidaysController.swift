import Fluent
import Foundation
import KompetenCore
import Vapor

/// The holiday calendar for working-day standards: the page `/admin/holidays?year=` (list per
/// year; BKPPD adds and removes days) and `/api/v1/holidays`.
enum HolidaysController {
    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.holidays(year: nil).pathComponents, use: page)
        web.post(SiteURL.holidays(year: nil).pathComponents, use: add)
        web.post(SiteURL.holidayDelete(.routeParameter).pathComponents, use: remove)
        api.get("holidays", use: list)
        api.post("holidays", use: addAPI)
        api.delete("holidays", ":id", use: removeAPI)
    }

    struct YearQuery: Content { var year: String? }

    /// `year` from the query: this year when missing; 422 naming it when not 2000–2100.
    static func year(_ req: Request) throws -> Int {
        let q = try req.query.decode(YearQuery.self)
        guard let text = q.year, !(text.isEmpty && !req.url.path.hasPrefix("/api/")) else {
            return WITA.today(req.now).year
        }
        guard let y = Int(text), (2000...2100).contains(y) else {
            throw ValidationFailure(errors: [.init(field: "year", message: "Tahun harus bilangan 2000–2100.")])
        }
        return y
    }

    // MARK: API

    struct YearDTO: Content {
        let year: Int
        let workingDays: Int
        let items: [HolidayDTO]
    }

    static func list(req: Request) async throws -> YearDTO {
        let actor = try req.actor
        try req.authorize(AccessPolicy.readHolidays(actor))
        let y = try year(req)
        let rows = try await HolidayCalendar.year(y, instansiID: actor.instansiID!, on: req.db)
        return YearDTO(year: y, workingDays: workingDays(y, rows), items: rows.map(HolidayDTO.init))
    }

    static func addAPI(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageHolidays(actor)) // access before the body is read
        let h = try await HolidayCalendar.add(
            try req.content.decode(HolidayInput.self), actor: actor, at: req.now, on: req.db)
        return try await HolidayDTO(h).encodeResponse(status: .created, for: req)
    }

    static func removeAPI(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageHolidays(actor))
        _ = try await HolidayCalendar.remove(try req.parameters.require("id"), actor: actor, at: req.now, on: req.db)
        return .noContent
    }

    /// Working days of the year with these days off (`WorkingCalendar`).
    static func workingDays(_ year: Int, _ rows: [Holiday]) -> Int {
        let calendar = WorkingCalendar(holidays: rows.compactMap { SimpleDate(iso: $0.date) })
        return calendar.workingDays(
            after: SimpleDate(year: year - 1, month: 12, day: 31)!, through: SimpleDate(year: year, month: 12, day: 31)!
        )
    }

    // MARK: web

    static func page(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.readHolidays(actor))
        return try await render(req, year: try year(req), posted: HolidayInput(), errors: [])
    }

    static func add(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageHolidays(actor))
        let posted = try req.content.decode(HolidayInput.self)
        do {
            let h = try await HolidayCalendar.add(posted, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "\(h.name) (\(IndonesianFormat.date(SimpleDate(iso: h.date)!))) ditambahkan.", to: req)
            return req.redirect(to: SiteURL.holidays(year: Int(h.date.prefix(4))).path)
        } catch let failure as ValidationFailure {
            let y = SimpleDate(iso: posted.date ?? "")?.year ?? WITA.today(req.now).year
            return try await render(
                req, year: (2000...2100).contains(y) ? y : WITA.today(req.now).year, posted: posted,
                errors: failure.errors)
        }
    }

    static func remove(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageHolidays(actor))
        let h = try await HolidayCalendar.remove(
            try req.parameters.require("id"), actor: actor, at: req.now, on: req.db)
        Flash.add(
            .success, "\(h.name) (\(IndonesianFormat.date(SimpleDate(iso: h.date)!))) dihapus dari kalender libur.",
            to: req)
        return req.redirect(to: SiteURL.holidays(year: Int(h.date.prefix(4))).path)
    }

    private static func render(_ req: Request, year: Int, posted: HolidayInput, errors: [FieldError]) async throws
        -> Response
    {
        let actor = try req.actor
        let rows = try await HolidayCalendar.year(year, instansiID: actor.instansiID!, on: req.db)
        let years = try await HolidayCalendar.years(instansiID: actor.instansiID!, including: year, on: req.db)
        let canManage = AccessPolicy.manageHolidays(actor).isAllowed
        let model = HolidaysPageModel(
            year: year, years: years, rows: rows, workingDays: workingDays(year, rows), canManage: canManage,
            posted: posted, errors: errors)
        return try await req.renderPage(
            "services/holidays", title: "Hari libur nasional & cuti bersama \(year)",
            crumbs: [Crumb("Layanan publik", .services), Crumb("Hari libur")], model,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
