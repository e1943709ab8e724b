import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The operator's side of the SKM: the responses of a service (flagged ones first to review),
/// rejecting or restoring one, and entering or importing paper forms (`kertas`).
enum SurveyResponsesController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        SurveyKiosksController.register(web)
        web.get(SiteURL.serviceResponses(.routeParameter).pathComponents, use: list)
        web.post(SiteURL.serviceResponseReject(.routeParameter, response: .routeParameter).pathComponents, use: reject)
        web.post(
            SiteURL.serviceResponseRestore(.routeParameter, response: .routeParameter).pathComponents, use: restore)
        web.get(SiteURL.servicePaper(.routeParameter).pathComponents, use: paperForm)
        web.post(SiteURL.servicePaper(.routeParameter).pathComponents, use: paperSave)
        web.get(SiteURL.servicePaperTemplate(.routeParameter).pathComponents, use: paperTemplate)
        web.on(
            .POST, SiteURL.servicePaperImport(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: paperImport)
    }

    struct ListQuery: Content {
        var flagged: String?
        var page: Int?
    }

    static func list(req: Request) async throws -> Response {
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let q = try req.query.decode(ListQuery.self)
        let paging = PageRequest(page: q.page, per: 50, defaultPer: 50)
        let (rows, total) = try await SurveyQueries.responses(
            serviceID: s.requireID(), flagged: q.flagged == "1" ? true : nil, status: nil, tieBreakByID: false,
            range: paging.offset..<(paging.offset + paging.per), on: req.db)
        let actor = try req.actor
        let placement = ServiceCatalogue.placement(s, unit: unit)
        let canManage = AccessPolicy.manageService(actor, placement).isAllowed
        struct Row: Encodable {
            let at: String
            let answers: String
            let channel: String
            let flag: String
            let status: String
            let counted: Bool
            let rejectAction: String
            let restoreAction: String
            let canReview: Bool
            let reason: String
            let suggestion: String
        }
        struct Model: Encodable {
            let service: String
            let backHref: String
            let flaggedOnly: Bool
            let allHref: String
            let flaggedHref: String
            let rows: [Row]
            let paging: PagingModel
            let canManage: Bool
            let csrf: String
        }
        let base = try SiteURL.serviceResponses(s.requireID()).path
        let model = try Model(
            service: s.name, backHref: SiteURL.service(s.requireID()).path, flaggedOnly: q.flagged == "1",
            allHref: base, flaggedHref: base + "?flagged=1",
            rows: rows.map { r in
                Row(
                    at: IndonesianFormat.dateTime(r.submittedAt),
                    answers: r.answers.map { $0.map(String.init) ?? "–" }.joined(separator: " "),
                    channel: r.channel, flag: r.flag.map { SurveyFlag(rawValue: $0)?.label ?? $0 } ?? "",
                    status: (SurveyResponseStatus(rawValue: r.status) ?? .counted).label,
                    counted: r.status == SurveyResponse.counted,
                    rejectAction: try SiteURL.serviceResponseReject(s.requireID(), response: r.requireID()).path,
                    restoreAction: try SiteURL.serviceResponseRestore(s.requireID(), response: r.requireID()).path,
                    canReview: AccessPolicy.reviewSurveyResponse(actor, placement, flagged: r.flag != nil).isAllowed,
                    reason: r.reviewReason ?? "", suggestion: r.suggestion ?? "")
            },
            paging: PagingModel(
                PageInfo(paging, total: total), path: base, filters: [("flagged", q.flagged)], noun: "jawaban"),
            canManage: canManage, csrf: req.csrfToken)
        return try await req.renderPage(
            "services/responses", title: "Jawaban SKM: \(s.name)",
            crumbs: [Crumb("Layanan publik", .services), Crumb(s.code, .service(s.requireID())), Crumb("Jawaban")],
            model)
    }

    static func reject(req: Request) async throws -> Response { try await review(req, reject: true) }
    static func restore(req: Request) async throws -> Response { try await review(req, reject: false) }

    private static func review(_ req: Request, reject: Bool) async throws -> Response {
        let actor = try req.actor
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: actor, .write, on: req.db)
        guard let rid = UUID(uuidString: try req.parameters.require("rid")) else {
            throw Abort(.notFound, reason: "Jawaban survei tidak ditemukan.")
        }
        struct Form: Content { var reason: String? }
        let reason = (try? req.content.decode(Form.self))?.reason
        try await SurveyService.review(
            rid, service: s, unit: unit, reject: reject, reason: reason, actor: actor, at: req.now, on: req.db)
        Flash.add(
            .success,
            reject
                ? "Jawaban ditolak: tidak lagi dihitung dalam IKM." : "Jawaban dipulihkan: kembali dihitung dalam IKM.",
            to: req)
        return try req.redirect(to: SiteURL.serviceResponses(s.requireID()).path + "?flagged=1")
    }

    // MARK: paper forms

    struct Paper: Content {
        var date: String?
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
        var answers: [String] { [u1, u2, u3, u4, u5, u6, u7, u8, u9].map { $0 ?? "" } }
        var profile: [String: String] {
            ["sex": sex ?? "", "ageBand": ageBand ?? "", "education": education ?? "", "occupation": occupation ?? ""]
        }
    }

    static func paperForm(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        return try await paperPage(req, s, posted: Paper(date: WITA.today(req.now).iso), errors: [], status: .ok)
    }

    static func paperPage(
        _ req: Request, _ s: PublicService, posted: Paper, errors: [FieldError], importErrors: [String] = [],
        status: HTTPStatus
    ) async throws -> Response {
        let answerOptions: (Int, String?) -> [FormModel.Option] = { i, chosen in
            [FormModel.Option(value: "", label: "— tidak dijawab —", selected: (chosen ?? "").isEmpty)]
                + SKMElement.standard[i].answers.enumerated().map { j, label in
                    .init(value: String(j + 1), label: "\(j + 1). \(label)", selected: chosen == String(j + 1))
                }
        }
        let profile = SurveyPageModel(
            service: s, standard: s.standardText, unitName: "",
            form: PublicSurveyController.Form(
                sex: posted.sex, ageBand: posted.ageBand, education: posted.education,
                occupation: posted.occupation), errors: [], message: nil
        ).profile
        var fields: [FormModel.Field] = [
            .init(name: "date", label: "Tanggal pengisian", type: "date", value: posted.date ?? "")
        ]
        for (i, e) in SKMElement.standard.enumerated() {
            fields.append(
                .init(
                    name: "u\(i + 1)", label: "\(e.code) \(e.name)", type: "select", value: posted.answers[i],
                    required: false, options: answerOptions(i, posted.answers[i])))
        }
        for c in profile {
            fields.append(
                .init(
                    name: c.name, label: c.label, type: "select", value: "", required: false,
                    options: c.options.map { .init(value: $0.value, label: $0.label, selected: $0.checked) }))
        }
        struct Model: Encodable {
            let form: FormModel
            let intro: String
            let templateHref: String
            let importAction: String
            let importErrors: [String]
        }
        let window = PaperSurveyPeriod.open(today: WITA.today(req.now), serviceCreated: WITA.today(s.createdAt))
        let model = try Model(
            form: FormModel(
                action: SiteURL.servicePaper(s.requireID()).path, submitLabel: "Simpan satu formulir",
                cancelHref: SiteURL.service(s.requireID()).path,
                fields: fields, errors: errors),
            intro:
                "Salin satu formulir SKM kertas. Unsur yang tidak dijawab responden dibiarkan kosong (NRR dihitung dari yang menjawab). "
                + "Tanggal formulir harus dalam periode yang sedang diisi: \(IndonesianFormat.date(window.from)) sampai \(IndonesianFormat.date(window.to)) "
                + "(bulan berjalan; bulan lalu masih dapat diisi sampai tanggal \(PaperSurveyPeriod.graceDays)).",
            templateHref: SiteURL.servicePaperTemplate(try s.requireID()).path,
            importAction: SiteURL.servicePaperImport(try s.requireID()).path,
            importErrors: importErrors)
        return try await req.renderPage(
            "services/paper", title: "Survei kertas: \(s.name)",
            crumbs: [
                Crumb("Layanan publik", .services), Crumb(s.code, .service(s.requireID())), Crumb("Survei kertas"),
            ], model, status: status)
    }

    static func paperSave(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, _) = try await ServiceCatalogue.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let posted = try req.content.decode(Paper.self)
        switch SurveyService.parsePaper(
            date: posted.date ?? "", answers: posted.answers, profile: posted.profile, today: WITA.today(req.now),
            serviceCreated: WITA.today(s.createdAt))
        {
        case .failure(let f):
            return try await paperPage(req, s, posted: posted, errors: f.errors, status: .unprocessableEntity)
        case .success(let (day, values, submission)):
            _ = try await SurveyService.savePaper(
                day: day, values: values, submission: submission, service: s, actor: actor, at: req.now, on: req.db)
            Flash.add(
                .success,
                "Formulir kertas tanggal \(IndonesianFormat.date(day)) disimpan. Lanjutkan dengan formulir berikutnya.",
                to: req)
            return try req.redirect(to: SiteURL.servicePaper(s.requireID()).path)
        }
    }

    static let paperColumns =
        [ImportColumn(key: "date", header: "Tanggal", required: true)]
        + SKMElement.codes.map { ImportColumn(key: $0, header: $0, required: true) }
        + [
            ImportColumn(key: "sex", header: "Jenis Kelamin", required: false),
            ImportColumn(key: "ageBand", header: "Usia", required: false),
            ImportColumn(key: "education", header: "Pendidikan", required: false),
            ImportColumn(key: "occupation", header: "Pekerjaan", required: false),
        ]

    static func paperTemplate(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let table = Table(
            header: paperColumns.map(\.header),
            rows: [
                [
                    WITA.today(req.now).iso, "3", "3", "4", "4", "3", "3", "3", "4", "3", "perempuan", "30-39", "sma",
                    "wirausaha",
                ],
                [WITA.today(req.now).iso, "4", "3", "3", "4", "", "4", "4", "4", "4", "", "", "", ""],
            ])
        return try Export.response(
            table, filename: "survei-kertas-\(s.code)", format: try Export.requested(req) ?? .xlsx, sheet: "SKM")
    }

    static func paperImport(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, _) = try await ServiceCatalogue.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        struct Upload: Content { var file: File? }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return try await paperPage(
                req, s, posted: Paper(date: WITA.today(req.now).iso), errors: [],
                importErrors: ["Pilih berkas CSV atau XLSX terlebih dahulu."], status: .unprocessableEntity)
        }
        do {
            let n = try await importPaper(Data(buffer: file.data), service: s, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "\(n) formulir survei kertas diimpor.", to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path)
        } catch let problems as ImportProblems {
            let lines = problems.problems.prefix(50).map {
                "Baris \($0.row)\($0.column.isEmpty ? "" : ", kolom \($0.column)"): \($0.message)"
            }
            return try await paperPage(
                req, s, posted: Paper(date: WITA.today(req.now).iso), errors: [], importErrors: lines,
                status: .unprocessableEntity)
        }
    }

    /// Every row checked first, then all written in one transaction.
    static func importPaper(_ data: Data, service: PublicService, actor: Principal, at now: Date, on db: any Database)
        async throws -> Int
    {
        let rows = try ImportFile.rows(data, columns: paperColumns)
        var problems = ProblemList()
        var parsed: [(SimpleDate, [Int?], SurveySubmission)] = []
        let headers = [
            "date": "Tanggal", "sex": "Jenis Kelamin", "ageBand": "Usia", "education": "Pendidikan",
            "occupation": "Pekerjaan",
        ]
        for row in rows {
            let profile = [
                "sex": row["sex"], "ageBand": row["ageBand"], "education": row["education"],
                "occupation": row["occupation"],
            ].mapValues { $0.lowercased() }
            switch SurveyService.parsePaper(
                date: row["date"], answers: SKMElement.codes.map { row[$0] }, profile: profile, today: WITA.today(now),
                serviceCreated: WITA.today(service.createdAt))
            {
            case .success(let p): parsed.append(p)
            case .failure(let f):
                for e in f.errors { problems.add(row, headers[e.field] ?? e.field.uppercased(), e.message) }
            }
        }
        try problems.check()
        let list = parsed
        return try await db.transaction { db in
            for (day, values, submission) in list {
                _ = try await SurveyService.store(
                    submission, partial: values, service: service, channel: "kertas", clientHash: nil, honeypot: false,
                    on: day, enteredBy: actor.userID, at: now, db: db)
            }
            try await AuditLog.record(
                .create, entity: "survey_response", id: service.id,
                summary: "Mengimpor \(list.count) formulir SKM kertas layanan \(service.code)",
                actor: actor, instansiID: service.instansiID, at: now, on: db)
            return list.count
        }
    }
}
