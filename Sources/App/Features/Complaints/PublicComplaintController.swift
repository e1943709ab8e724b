import Fluent
import Foundation
import KompetenCore
import Vapor

/// The public complaint form of a service (`/s/{code}/pengaduan`, no login) and the tracking page
/// (`/lacak/{code}`): the same abuse defences as the survey (per-address limit, honeypot), and a
/// tracking page that shows the status and the unit's answer, never anyone's personal data.
enum PublicComplaintController {
    static func register(_ app: any RoutesBuilder) {
        app.get(SiteURL.complaintForm(.routeParameter).pathComponents, use: form)
        app.post(SiteURL.complaintForm(.routeParameter).pathComponents, use: submit)
        app.get(SiteURL.complaintLookup.pathComponents, use: lookup)
        app.get(SiteURL.complaintTrack(.routeParameter).pathComponents, use: track)
    }

    struct Form: Content {
        var text: String?
        var name: String?
        var contact: String?
        /// The honeypot: hidden from people, filled by naive scripts.
        var website: String?
    }

    struct FormModel: Encodable {
        let service: String
        let unit: String
        let action: String
        let text: String
        let name: String
        let contact: String
        let errors: [String: String]
        let message: String?
        let textMax: Int
        let lookup: String
        let standardHref: String
    }

    static func form(req: Request) async throws -> Response {
        let s = try await PublicSurveyController.service(code: try req.parameters.require("code"), on: req.db)
        return try await render(req, s, Form(), errors: [], message: nil, status: .ok)
    }

    static func submit(req: Request) async throws -> Response {
        let s = try await PublicSurveyController.service(code: try req.parameters.require("code"), on: req.db)
        let posted = try req.content.decode(Form.self)
        let submission: ComplaintSubmission
        switch ComplaintSubmission.validate(text: posted.text, name: posted.name, contact: posted.contact) {
        case .failure(let failure):
            return try await render(req, s, posted, errors: failure.errors, message: nil, status: .unprocessableEntity)
        case .success(let ok): submission = ok
        }
        if case .limited(let wait) = try await req.admitSurveyResponse() {
            let response = try await render(
                req, s, posted, errors: [],
                message:
                    "Terlalu banyak kiriman dari perangkat/jaringan ini dalam semenit. Isian Anda masih ada di halaman ini: tunggu \(wait) detik, lalu tekan Kirim lagi.",
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
        let c = try await ComplaintService.file(
            submission, service: s, honeypot: !(posted.website ?? "").isEmpty, at: req.now, on: req.db)
        return req.redirect(to: SiteURL.complaintTrack(c.trackingCode).path + "?baru=1", redirectType: .normal)
    }

    private static func render(
        _ req: Request, _ s: PublicService, _ f: Form, errors: [FieldError], message: String?, status: HTTPStatus
    ) async throws -> Response {
        let unit = try await Unit.find(s.unitID, on: req.db)
        let model = FormModel(
            service: s.name, unit: unit?.name ?? "", action: SiteURL.complaintForm(s.shortCode).path,
            text: f.text ?? "", name: f.name ?? "", contact: f.contact ?? "",
            errors: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }),
            message: message, textMax: ComplaintSubmission.textRange.upperBound,
            lookup: SiteURL.complaintLookup.path, standardHref: SiteURL.publicStandard(s.shortCode).path)
        let response = try await req.view.render(
            "public/complaint", PublicPage(title: "Pengaduan layanan", content: model)
        )
        .encodeResponse(for: req)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct LookupModel: Encodable {
        let action: String
        let code: String
        let error: String?
    }

    /// `/lacak?kode=…`: a form for the code; a valid code goes to its page.
    static func lookup(req: Request) async throws -> Response {
        let typed = (try? req.query.get(String.self, at: "kode")) ?? ""
        if !typed.isEmpty, let code = TrackingCode.normalise(typed) {
            return req.redirect(to: SiteURL.complaintTrack(code).path, redirectType: .normal)
        }
        let model = LookupModel(
            action: SiteURL.complaintLookup.path, code: typed,
            error: typed.isEmpty ? nil : "Kode pelacakan berbentuk ADU- diikuti 8 huruf/angka, mis. ADU-7K4M2Q9X.")
        let response = try await req.view.render(
            "public/track-lookup", PublicPage(title: "Lacak pengaduan", content: model)
        )
        .encodeResponse(for: req)
        response.status = typed.isEmpty ? .ok : .unprocessableEntity
        return response
    }

    struct TrackModel: Encodable {
        let complaint: PublicComplaintDTO
        let received: String
        let replied: String?
        let closed: String?
        let isNew: Bool
        let lookup: String
        let transparency: String
    }

    static func track(req: Request) async throws -> Response {
        guard let c = try await ComplaintQueries.byTrackingCode(try req.parameters.require("code"), on: req.db) else {
            throw Abort(
                .notFound,
                reason: "Kode pelacakan tidak ditemukan. Periksa kembali kodenya (ADU- diikuti 8 huruf/angka).")
        }
        let dto = PublicComplaintDTO(c, service: try await PublicService.find(c.serviceID, on: req.db))
        let model = TrackModel(
            complaint: dto, received: IndonesianFormat.dateTime(c.receivedAt),
            replied: c.repliedAt.map(IndonesianFormat.dateTime), closed: c.closedAt.map(IndonesianFormat.dateTime),
            isNew: (try? req.query.get(String.self, at: "baru")) == "1", lookup: SiteURL.complaintLookup.path,
            transparency: SiteURL.transparency.path)
        let response = try await req.view.render("public/track", PublicPage(title: "Status pengaduan", content: model))
            .encodeResponse(for: req)
        // The code is the key: no shared cache may keep the page, and no referrer may carry it on.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }
}
