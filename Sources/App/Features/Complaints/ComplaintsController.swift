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
        let scope = try await ReportScope.resolve(
            req, unitParam: try? req.query.get(String.self, at: "unit"), policy: AccessPolicy.complaintScope)
        let statusParam = (try? req.query.get(String.self, at: "status")) ?? ""
        let status = ComplaintStatus(rawValue: statusParam)
        let rows = try await ComplaintQueries.list(
            .init(instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status), on: req.db)
        let timing = try await ComplaintQueries.timing(scope.instansiID, on: req.db)
        let model = ComplaintListModel(
            rows: rows, status: status, today: WITA.today(req.now), targetDays: timing.targetDays,
            calendar: timing.calendar, wholeInstansi: scope.unitIDs == nil)
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
        let context = try await ComplaintQueries.context(of: c, on: req.db)
        let model = try ComplaintPageModel(
            c, service: context.service, opd: context.opd, replyText: replyText, errors: errors,
            today: WITA.today(req.now), targetDays: context.targetDays, calendar: context.calendar,
            csrf: req.csrfToken)
        return try await req.renderPage(
            "complaints/show", title: "Pengaduan \(c.trackingCode)",
            crumbs: [Crumb("Pengaduan", .complaints), Crumb(c.trackingCode)], model, status: status)
    }
}
