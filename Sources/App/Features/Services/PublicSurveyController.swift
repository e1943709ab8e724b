import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The public SKM survey: no login, one page per service at its short link (`/s/{code}`, the
/// QR code at the counter points there), light enough for a cheap phone, and the API the
/// kiosks use. Bad answers are shown on the same page with everything already chosen kept.
enum PublicSurveyController {
    static func register(_ app: any RoutesBuilder, api: any RoutesBuilder) {
        app.get(SiteURL.survey(.routeParameter).pathComponents, use: page)
        app.post(SiteURL.survey(.routeParameter).pathComponents, use: submit)
        app.get(SiteURL.surveyThanks(.routeParameter).pathComponents, use: thanks)
        app.get(SiteURL.surveyQR(.routeParameter).pathComponents, use: qr)
        app.get(SiteURL.surveyPoster(.routeParameter).pathComponents, use: poster)
        api.post("public", "services", ":id", "survey", use: apiSubmit)
    }

    static func service(code: String, on db: any Database) async throws -> PublicService {
        guard let s = try await ServiceQueries.active(shortCode: code, on: db) else {
            throw Abort(.notFound, reason: "Layanan tidak ditemukan. Periksa kembali tautan atau kode QR.")
        }
        return s
    }

    struct Form: Content {
        var u1: String?
        var u2: String?
        var u3: String?
        var u4: String?
        var u5: String?
        var u6: String?
        var u7: String?
        var u8: String?
        var u9: String?
        var sex: String?
        var ageBand: String?
        var education: String?
        var occupation: String?
        var channel: String?
        var saran: String?
        /// The honeypot: hidden from people, filled by naive scripts.
        var website: String?

        var answers: [String: Int] {
            var out: [String: Int] = [:]
            for (i, v) in [u1, u2, u3, u4, u5, u6, u7, u8, u9].enumerated() {
                // An unchosen element is simply absent (Core says it is missing); a tampered value is kept to be refused.
                if let v, !v.isEmpty { out[SKMElement.codes[i]] = Int(v) ?? 0 }
            }
            return out
        }
        var respondent: [String: String] {
            var out: [String: String] = [:]
            if let sex { out["sex"] = sex }
            if let ageBand { out["ageBand"] = ageBand }
            if let education { out["education"] = education }
            if let occupation { out["occupation"] = occupation }
            return out
        }
    }

    static func page(req: Request) async throws -> Response {
        let s = try await service(code: try req.parameters.require("code"), on: req.db)
        let kiosk = (try? req.query.get(String.self, at: "kios")) == "1"
        return try await render(
            req, s, form: Form(channel: kiosk ? "kios" : "daring"), errors: [], message: nil, status: .ok)
    }

    static func submit(req: Request) async throws -> Response {
        let s = try await service(code: try req.parameters.require("code"), on: req.db)
        // A kiosk browser that sends its key is the kiosk channel; `?kios=1` alone is only the
        // kiosk layout (anyone can open that link), so without a key it counts as online.
        let kiosk = try await SurveyKiosks.authenticate(req, service: s)
        let form = try req.content.decode(Form.self)
        let channel = kiosk != nil ? "kios" : "daring"
        let layout = form.channel == "kios" || kiosk != nil
        let submission: SurveySubmission
        switch SurveySubmission.validate(answers: form.answers, respondent: form.respondent, suggestion: form.saran) {
        case .failure(let failure):
            return try await render(
                req, s, form: form, errors: failure.errors, message: nil, status: .unprocessableEntity)
        case .success(let ok): submission = ok
        }
        if case .limited(let wait) = try await req.admitSurveyResponse() {
            let response = try await render(
                req, s, form: form, errors: [],
                message:
                    "Terlalu banyak isian dari perangkat/jaringan ini dalam semenit. Jawaban Anda masih tersimpan di halaman ini: tunggu \(wait) detik, lalu tekan Kirim lagi.",
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
        let hash = try await req.surveySenderHash(userAgent: req.headers.first(name: .userAgent) ?? "")
        _ = try await SurveyService.store(
            submission, service: s, channel: channel, clientHash: hash,
            honeypot: !(form.website ?? "").isEmpty, enteredBy: nil, at: req.now, db: req.db,
            writer: req.application.kompeten.surveyWriter, kiosk: kiosk?.id)
        return req.redirect(
            to: SiteURL.surveyThanks(s.shortCode).path + (layout ? "?kios=1" : ""), redirectType: .normal)
    }

    static func thanks(req: Request) async throws -> View {
        let s = try await service(code: try req.parameters.require("code"), on: req.db)
        let unit = try await UnitQueries.find(s.unitID, on: req.db)
        let kiosk = (try? req.query.get(String.self, at: "kios")) == "1"
        struct Model: Encodable {
            let service: String
            let unit: String
            let again: String?
            let transparency: String
        }
        return try await req.view.render(
            "public/thanks",
            PublicPage(
                title: "Terima kasih",
                content: Model(
                    service: s.name, unit: unit?.name ?? "",
                    again: kiosk ? SiteURL.survey(s.shortCode).path + "?kios=1" : nil,
                    transparency: SiteURL.transparency.path)))
    }

    /// The QR code of the survey link, to print at the counter (drawn here: no external service).
    static func qr(req: Request) async throws -> Response {
        let s = try await service(code: try req.parameters.require("code"), on: req.db)
        let configured = !req.application.kompeten.config.publicURL.isEmpty
        if !configured, let host = req.headers.first(name: .host), !SurveyLinks.validHost(host) {
            throw Abort(.badRequest, reason: "Alamat host permintaan tidak sah.")
        }
        let url = SurveyLinks.publicURL(req, path: SiteURL.survey(s.shortCode).path)
        guard let code = QRCode.encode(url, correction: .medium) else {
            throw Abort(.badRequest, reason: "Tautan terlalu panjang untuk kode QR.")
        }
        let response = Response(
            status: .ok, body: .init(string: code.svg(moduleSize: 8, quietZone: 4, title: "Kode QR survei: \(s.name)")))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        // Built from the request's Host header, the code must not be kept by a shared cache.
        response.headers.replaceOrAdd(
            name: HTTPHeaders.Name.cacheControl, value: configured ? "public, max-age=3600" : "private, max-age=300")
        return response
    }

    /// A page to print and put up at the counter: the service, the QR code, the short link.
    static func poster(req: Request) async throws -> View {
        let s = try await service(code: try req.parameters.require("code"), on: req.db)
        let unit = try await UnitQueries.find(s.unitID, on: req.db)
        let standard =
            try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)[s.requireID()]?
            .text ?? s.standardText
        struct Model: Encodable {
            let service: String
            let unit: String
            let qr: String
            let link: String
            let standard: String
            let fee: String
        }
        return try await req.view.render(
            "public/poster",
            PublicPage(
                title: "Survei Kepuasan Masyarakat: \(s.name)",
                content: Model(
                    service: s.name, unit: unit?.name ?? "", qr: SiteURL.surveyQR(s.shortCode).path,
                    link: SurveyLinks.publicURL(req, path: SiteURL.survey(s.shortCode).path),
                    standard: standard, fee: s.fee == 0 ? "Gratis" : IndonesianFormat.money(s.fee))))
    }

    static func render(
        _ req: Request, _ s: PublicService, form: Form, errors: [FieldError], message: String?, status: HTTPStatus
    ) async throws -> Response {
        let unit = try await UnitQueries.find(s.unitID, on: req.db)
        let standard =
            try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)[s.requireID()]?
            .text ?? s.standardText
        let model = SurveyPageModel(
            service: s, standard: standard, unitName: unit?.name ?? "", form: form, errors: errors, message: message)
        let response = try await req.view.render(
            "public/survey", PublicPage(title: "Survei Kepuasan Masyarakat: \(s.name)", content: model)
        ).encodeResponse(for: req)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: API

    struct APIInput: Content {
        var answers: [String: Int]
        var respondent: [String: String]?
        var channel: String?
        var suggestion: String?
    }
    struct APIStored: Content {
        let id: UUID
        let flagged: Bool
        let flag: String?
    }

    static func apiSubmit(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameters.require("id")),
            let s = try await ServiceQueries.active(id: id, on: req.db)
        else {
            throw Abort(.notFound, reason: "Layanan tidak ditemukan.")
        }
        let kiosk = try await SurveyKiosks.authenticate(req, service: s)
        let input = try req.content.decode(APIInput.self)
        if let channel = input.channel, !["daring", "kios"].contains(channel) {
            throw ValidationFailure(errors: [.init(field: "channel", message: "Kanal: daring atau kios.")])
        }
        // The kiosk channel is earned with a registered kiosk's key, not claimed.
        if input.channel == "kios", kiosk == nil {
            throw Abort(
                .unauthorized, reason: "Kanal kios memerlukan kunci kios terdaftar di header \(SurveyKiosks.header).")
        }
        let submission: SurveySubmission
        switch SurveySubmission.validate(
            answers: input.answers, respondent: input.respondent ?? [:], suggestion: input.suggestion)
        {
        case .failure(let failure): throw failure
        case .success(let ok): submission = ok
        }
        let idempotencyKey = try IdempotencyStore.key(req)
        let hash = try await req.surveySenderHash(userAgent: req.headers.first(name: .userAgent) ?? "")
        // Keys are per sender: a key someone else used (a kiosk counter restarting at 1, a
        // guess) never returns another resident's answer nor swallows this one.
        let scope = try kiosk.map { try "survey:\(id):kiosk:\($0.requireID())" } ?? "survey:\(id):\(hash)"
        if let idempotencyKey, let replayed = try await IdempotencyStore.replay(req, scope: scope, key: idempotencyKey)
        {
            return replayed
        }
        if case .limited(let wait) = try await req.admitSurveyResponse() {
            throw Abort(
                .tooManyRequests, headers: [HTTPHeaders.Name.retryAfter.description: String(wait)],
                reason: "Terlalu banyak isian dari alamat ini; coba lagi dalam \(wait) detik.")
        }
        let channel = kiosk != nil ? "kios" : "daring"
        let now = req.now
        guard let idempotencyKey else {
            let stored = try await SurveyService.store(
                submission, service: s, channel: channel, clientHash: hash,
                honeypot: false, enteredBy: nil, at: now, db: req.db,
                writer: req.application.kompeten.surveyWriter, kiosk: kiosk?.id)
            return try await APIStored(id: stored.id, flagged: stored.flag != nil, flag: stored.flag).encodeResponse(
                status: .created, for: req)
        }
        // With a key, the response and the key commit together (not through the grouped writer),
        // so a retry after a lost answer finds the key and gets the same id back.
        return try await IdempotencyStore.run(req, scope: scope, key: idempotencyKey) { db in
            let stored = try await SurveyService.store(
                submission, service: s, channel: channel, clientHash: hash,
                honeypot: false, enteredBy: nil, at: now, db: db, kiosk: kiosk?.id)
            return (
                .created,
                try JSONEncoder().encode(APIStored(id: stored.id, flagged: stored.flag != nil, flag: stored.flag))
            )
        }
    }
}

/// A public page: no menu, no account, the plain layout.
struct PublicPage<C: Encodable>: Encodable {
    let transparencyHref = SiteURL.transparency.path
    let title: String
    let content: C
}

/// The survey form: nine elements answered 1–4 with their labels, the optional profile, consent.
struct SurveyPageModel: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }
    struct Element: Encodable {
        let code: String
        let field: String
        let name: String
        let options: [Option]
        let error: String?
    }
    struct Choice: Encodable {
        let name: String
        let label: String
        let options: [Option]
        let error: String?
    }
    let service: String
    let unit: String
    let standard: String
    let fee: String
    let action: String
    let standardHref: String
    let channel: String
    let elements: [Element]
    let profile: [Choice]
    let saran: String
    let saranError: String?
    let saranLimit = SurveySubmission.suggestionLimit
    let errors: [String]
    let message: String?

    init(
        service s: PublicService, standard: String, unitName: String, form: PublicSurveyController.Form,
        errors: [FieldError], message: String?
    ) {
        service = s.name
        unit = unitName
        self.standard = standard
        fee = s.fee == 0 ? "Gratis" : IndonesianFormat.money(s.fee)
        action = SiteURL.survey(s.shortCode).path
        standardHref = SiteURL.publicStandard(s.shortCode).path
        channel = form.channel ?? "daring"
        let chosen = [form.u1, form.u2, form.u3, form.u4, form.u5, form.u6, form.u7, form.u8, form.u9]
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        elements = SKMElement.standard.enumerated().map { i, e in
            Element(
                code: e.code, field: "u\(i + 1)", name: e.name,
                options: e.answers.enumerated().map { j, label in
                    Option(value: String(j + 1), label: label, checked: chosen[i] == String(j + 1))
                },
                error: byField["answers.\(e.code)"])
        }
        func choice<E: RawRepresentable & CaseIterable>(
            _ name: String, _ label: String, _ type: E.Type, _ value: String?, labels: (E) -> String
        ) -> Choice where E.RawValue == String {
            Choice(
                name: name, label: label,
                options: [Option(value: "", label: "— tidak diisi —", checked: (value ?? "").isEmpty)]
                    + E.allCases.map { Option(value: $0.rawValue, label: labels($0), checked: $0.rawValue == value) },
                error: byField["respondent.\(name)"])
        }
        profile = [
            choice("sex", "Jenis kelamin", SurveyRespondent.Sex.self, form.sex, labels: \.label),
            choice("ageBand", "Usia", SurveyRespondent.AgeBand.self, form.ageBand, labels: \.label),
            choice(
                "education", "Pendidikan terakhir", SurveyRespondent.Education.self, form.education, labels: \.label),
            choice("occupation", "Pekerjaan", SurveyRespondent.Occupation.self, form.occupation, labels: \.label),
        ]
        saran = form.saran ?? ""
        saranError = byField["suggestion"]
        self.errors =
            errors.isEmpty ? [] : ["Masih ada \(errors.count) isian yang perlu diperbaiki; lihat tanda merah di bawah."]
        self.message = message
    }
}
