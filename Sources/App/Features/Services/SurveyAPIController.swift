import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/api/v1/services/{id}/responses…`, `/api/v1/services/{id}/paper` and `/api/v1/kiosks…`:
/// the operator's side of the SKM over the API — the responses of a service (flagged ones to
/// review), rejecting or restoring one with a reason, entering a paper form, and the counter kiosks.
enum SurveyAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("services", ":id", "responses", use: list)
        api.post("services", ":id", "responses", ":rid", "reject", use: reject)
        api.post("services", ":id", "responses", ":rid", "restore", use: restore)
        api.post("services", ":id", "paper", use: paper)
        api.get("kiosks", use: kiosks)
        api.post("kiosks", use: registerKiosk)
        api.post("kiosks", ":kid", "revoke", use: revokeKiosk)
    }

    struct ResponseDTO: Content {
        let id: UUID
        let submittedAt: Date
        let submittedOn: String
        /// U1…U9; null = not answered (paper forms only).
        let answers: [Int?]
        let channel: String
        let flag: String?
        let status: String
        let reviewReason: String?
        let reviewedAt: Date?
        init(_ r: SurveyResponse) {
            id = r.id!
            submittedAt = r.submittedAt
            submittedOn = r.submittedOn
            answers = r.answers
            channel = r.channel
            flag = r.flag
            status = r.status
            reviewReason = r.reviewReason
            reviewedAt = r.reviewedAt
        }
    }
    struct ListQuery: Content {
        var flagged: Bool?
        var status: String?
        var page: Int?
        var per: Int?
    }
    struct ListPage: Content {
        let items: [ResponseDTO]
        let page: Int
        let per: Int
        let total: Int
    }

    static func list(req: Request) async throws -> ListPage {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let q = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: q.page, per: q.per)
        if let status = q.status, SurveyResponseStatus(rawValue: status) == nil {
            throw ValidationFailure(errors: [.init(field: "status", message: "Status: counted atau rejected.")])
        }
        let (rows, total) = try await SurveyQueries.responses(
            serviceID: s.requireID(), flagged: q.flagged, status: q.status, tieBreakByID: true,
            range: paging.offset..<(paging.offset + paging.per), on: req.db)
        return ListPage(items: rows.map(ResponseDTO.init), page: paging.page, per: paging.per, total: total)
    }

    struct ReviewInput: Content { var reason: String? }

    static func reject(req: Request) async throws -> ResponseDTO { try await review(req, reject: true) }
    static func restore(req: Request) async throws -> ResponseDTO { try await review(req, reject: false) }

    private static func review(_ req: Request, reject: Bool) async throws -> ResponseDTO {
        let actor = try req.actor
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: actor, .write, on: req.db)
        guard let rid = UUID(uuidString: try req.parameters.require("rid")) else {
            throw Abort(.notFound, reason: "Jawaban survei tidak ditemukan.")
        }
        // Decoded leniently: the access rule (inside `review`) is decided before the body is judged.
        let reason = (try? req.content.decode(ReviewInput.self))?.reason
        return ResponseDTO(
            try await SurveyService.review(
                rid, service: s, unit: unit, reject: reject, reason: reason, actor: actor, at: req.now, on: req.db))
    }

    struct PaperInput: Content {
        var date: String?
        /// U1…U9 → 1…4; an element left out was not answered on the form.
        var answers: [String: Int]?
        var respondent: [String: String]?
    }

    static func paper(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, _) = try await ServiceCatalogue.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let input = try req.content.decode(PaperInput.self)
        let answers = input.answers ?? [:]
        var unknown: [FieldError] = []
        for key in answers.keys.sorted() where !SKMElement.codes.contains(key) {
            unknown.append(.init(field: "answers.\(key)", message: "Unsur tidak dikenal."))
        }
        for key in (input.respondent ?? [:]).keys.sorted() where !SurveySubmission.respondentKeys.contains(key) {
            unknown.append(.init(field: "respondent.\(key)", message: "Data responden tidak dikenal."))
        }
        let texts = SKMElement.codes.map { answers[$0].map(String.init) ?? "" }
        let profile = (input.respondent ?? [:]).filter { SurveySubmission.respondentKeys.contains($0.key) }
        switch SurveyService.parsePaper(
            date: input.date ?? "", answers: texts, profile: profile, today: WITA.today(req.now),
            serviceCreated: WITA.today(s.createdAt))
        {
        case .failure(let f):
            // The web form's field names, in the API's terms.
            let fields = f.errors.map { e -> FieldError in
                if e.field.count == 2, e.field.hasPrefix("u"), let n = Int(e.field.dropFirst()) {
                    return .init(field: "answers.U\(n)", message: e.message)
                }
                if SurveySubmission.respondentKeys.contains(e.field) {
                    return .init(field: "respondent.\(e.field)", message: e.message)
                }
                return e
            }
            throw ValidationFailure(errors: fields + unknown)
        case .success(let (day, values, submission)):
            if !unknown.isEmpty { throw ValidationFailure(errors: unknown) }
            let stored = try await SurveyService.savePaper(
                day: day, values: values, submission: submission, service: s, actor: actor, at: req.now, on: req.db)
            return try await ResponseDTO(stored).encodeResponse(status: .created, for: req)
        }
    }

    static func kiosks(req: Request) async throws -> [SurveyKiosks.DTO] {
        try await SurveyKiosks.list(for: try req.actor, on: req.db).map { SurveyKiosks.DTO($0.0) }
    }

    static func registerKiosk(req: Request) async throws -> Response {
        let actor = try req.actor
        let input = try? req.content.decode(SurveyKiosks.Input.self)
        let registered = try await SurveyKiosks.register(input, actor: actor, at: req.now, on: req.db)
        let response = try await registered.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func revokeKiosk(req: Request) async throws -> SurveyKiosks.DTO {
        SurveyKiosks.DTO(
            try await SurveyKiosks.revoke(
                UUID(uuidString: try req.parameters.require("kid")), actor: try req.actor, at: req.now, on: req.db))
    }
}
