import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/api/v1/complaints…` for the handling units and BKPPD, and the two public calls (filing by a
/// service, looking up by tracking code) that need no token.
enum ComplaintsAPIController {
    static func register(_ authed: any RoutesBuilder, public api: any RoutesBuilder) {
        authed.get("complaints", use: list)
        authed.get("complaints", ":id", use: show)
        authed.post("complaints", ":id", "reply", use: reply)
        authed.post("complaints", ":id", "transition", use: transition)
        api.post("public", "services", ":id", "complaints", use: file)
        api.get("public", "complaints", ":code", use: track)
    }

    struct ListQuery: Content {
        var unitId: UUID?
        var status: String?
        var page: Int?
        var per: Int?
    }
    struct ListPage: Content {
        let items: [ComplaintDTO]
        let page: Int
        let per: Int
        let total: Int
    }

    static func list(req: Request) async throws -> ListPage {
        let q = try req.query.decode(ListQuery.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: q.unitId?.uuidString, policy: AccessPolicy.complaintScope)
        let paging = try APIPaging.parse(page: q.page, per: q.per)
        var v = FieldValidator()
        let status = q.status.flatMap { $0.isEmpty ? nil : ComplaintStatus(rawValue: $0) }
        if let raw = q.status, !raw.isEmpty, status == nil {
            v.add(field: "status", "Status harus salah satu dari: diterima, diproses, selesai, ditolak.")
        }
        try v.check()
        let rows = try await ComplaintQueries.list(
            .init(instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status), on: req.db)
        let slice = rows.dropFirst(paging.offset).prefix(paging.per)
        return try ListPage(
            items: slice.map { try ComplaintDTO($0.complaint, service: $0.service) }, page: paging.page,
            per: paging.per, total: rows.count)
    }

    static func show(req: Request) async throws -> ComplaintDTO {
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: try req.actor, on: req.db)
        return try ComplaintDTO(c, service: try await PublicService.find(c.serviceID, on: req.db))
    }

    static func reply(req: Request) async throws -> ComplaintDTO {
        let actor = try req.actor
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: actor, on: req.db)
        let input = try req.content.decode(ComplaintReplyInput.self)
        let updated = try await ComplaintService.reply(
            c, text: input.text ?? "", competencyCode: input.competencyCode, actor: actor, at: req.now, on: req.db)
        return try ComplaintDTO(updated, service: try await PublicService.find(c.serviceID, on: req.db))
    }

    static func transition(req: Request) async throws -> ComplaintDTO {
        let actor = try req.actor
        let c = try await ComplaintQueries.find(req.parameters.require("id"), for: actor, on: req.db)
        let input = try req.content.decode(ComplaintTransitionInput.self)
        let updated = try await ComplaintService.transition(
            c, to: input.to ?? "", reason: input.reason, actor: actor, at: req.now, on: req.db)
        return try ComplaintDTO(updated, service: try await PublicService.find(c.serviceID, on: req.db))
    }

    struct Filed: Content {
        let trackingCode: String
        let trackingPath: String
    }

    /// A resident's complaint through the API (a kiosk, a city app). Same limits as the survey.
    static func file(req: Request) async throws -> Response {
        guard let service = try await PublicService.find(try req.parameters.require("id"), on: req.db),
            service.isActive
        else { throw Abort(.notFound, reason: "Layanan tidak ditemukan.") }
        let input = try req.content.decode(ComplaintInput.self)
        let submission: ComplaintSubmission
        switch ComplaintSubmission.validate(text: input.text, name: input.name, contact: input.contact) {
        case .failure(let failure): throw failure
        case .success(let ok): submission = ok
        }
        if case .limited(let wait) = try await req.admitSurveyResponse() {
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": String(wait)],
                reason: "Terlalu banyak kiriman dari alamat ini dalam semenit. Coba lagi dalam \(wait) detik.")
        }
        let c = try await ComplaintService.file(submission, service: service, honeypot: false, at: req.now, on: req.db)
        return try await Filed(trackingCode: c.trackingCode, trackingPath: SiteURL.complaintTrack(c.trackingCode).path)
            .encodeResponse(status: .created, for: req)
    }

    static func track(req: Request) async throws -> PublicComplaintDTO {
        guard let c = try await ComplaintQueries.byTrackingCode(try req.parameters.require("code"), on: req.db) else {
            throw Abort(.notFound, reason: "Kode pelacakan tidak ditemukan. Periksa kembali kodenya.")
        }
        return PublicComplaintDTO(c, service: try await PublicService.find(c.serviceID, on: req.db))
    }
}
