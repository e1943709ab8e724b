import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/complaints`: the handling unit's worklist (its OPD's complaints; BKPPD sees all) and one
/// complaint with its reply and status forms.
enum ComplaintsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.complaints.pathComponents, use: index)
        web.get(SiteURL.complaint(.routeParameter).pathComponents, use: show)
        web.post(SiteURL.complaintReply(.routeParameter).pathComponents, use: reply)
        web.post(SiteURL.complaintTransition(.routeParameter).pathComponents, use: transition)
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let scope = try await ReportScope.resolve(
            req, unitParam: try? req.query.get(String.self, at: "unit"), policy: AccessPolicy.complaintScope)
        let statusParam = (try? req.query.get(String.self, at: "status")) ?? ""
        let status = ComplaintStatus(rawValue: statusParam)
        let rows = try await ComplaintQueries.list(
            .init(instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status), on: req.db)
        let settings = try await ComplaintQueries.settings(scope.instansiID, on: req.db)
        let calendar = try await HolidayCalendar.calendar(instansiID: scope.instansiID, on: req.db)
        let model = ComplaintListModel(
            rows: rows, status: status, today: WITA.today(req.now), targetDays: settings.targetDays,
            calendar: calendar, isBKPPD: actor.role == .admin)
        return try await req.renderPage(
            "complaints/index", title: "Pengaduan masyarakat", crumbs: [Crumb("Pengaduan")], model)
    }

    static func show(req: Request) async throws -> Response {
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: try req.actor, on: req.db)
        return try await render(req, c, replyText: c.reply ?? "", errors: [], status: .ok)
    }

    static func reply(req: Request) async throws -> Response {
        let actor = try req.actor
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: actor, on: req.db)
        let input = try req.content.decode(ComplaintReplyInput.self)
        do {
            let updated = try await ComplaintService.reply(
                c, text: input.text ?? "", competencyCode: input.competencyCode, actor: actor, at: req.now,
                on: req.db)
            Flash.add(.success, "Jawaban disimpan dan tampil di halaman lacak \(updated.trackingCode).", to: req)
        } catch let failure as ValidationFailure {
            return try await render(
                req, c, replyText: input.text ?? "", errors: failure.errors, status: .unprocessableEntity)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.complaint(try c.requireID()).path)
    }

    static func transition(req: Request) async throws -> Response {
        let actor = try req.actor
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: actor, on: req.db)
        let input = try req.content.decode(ComplaintTransitionInput.self)
        do {
            let updated = try await ComplaintService.transition(
                c, to: input.to ?? "", reason: input.reason, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Status pengaduan \(updated.trackingCode): \(updated.complaintStatus.label).", to: req)
        } catch let failure as ValidationFailure {
            return try await render(
                req, c, replyText: c.reply ?? "", errors: failure.errors, status: .unprocessableEntity)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.complaint(try c.requireID()).path)
    }

    private static func render(
        _ req: Request, _ c: Complaint, replyText: String, errors: [FieldError], status: HTTPStatus
    ) async throws -> Response {
        let service = try await PublicService.find(c.serviceID, on: req.db)
        let unit = try await Unit.find(c.opdID, on: req.db)
        let settings = try await ComplaintQueries.settings(c.instansiID, on: req.db)
        let calendar = try await HolidayCalendar.calendar(instansiID: c.instansiID, on: req.db)
        let model = try ComplaintPageModel(
            c, service: service, opd: unit, replyText: replyText, errors: errors, today: WITA.today(req.now),
            targetDays: settings.targetDays, calendar: calendar, csrf: req.csrfToken)
        return try await req.renderPage(
            "complaints/show", title: "Pengaduan \(c.trackingCode)",
            crumbs: [Crumb("Pengaduan", .complaints), Crumb(c.trackingCode)], model, status: status)
    }
}
