import Fluent
import KompetenCore
import Vapor

/// The evaluation pages: "my evaluations" (L1 and L3 to fill, with due dates), the L1/L3 form
/// of one enrolment, and the provider's L2 pre/post-test scores on the batch page.
enum EvaluationsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.evaluations.pathComponents, use: index)
        web.get(SiteURL.evaluate(.routeParameter, level: 1).pathComponents, use: form)
        web.post(SiteURL.evaluate(.routeParameter, level: 1).pathComponents, use: save)
        web.post(SiteURL.batchTests(.routeParameter).pathComponents, use: tests)
    }

    static func index(req: Request) async throws -> Response {
        struct Params: Content {
            /// `atasan`: only the L3 a supervisor fills for their people (the home page's figure).
            var sebagai: String?
        }
        let actor = try req.actor
        var items = try await EvaluationWorklist.pending(for: actor, at: req.now, on: req.db)
        if try req.query.decode(Params.self).sebagai == "atasan" {
            items = items.filter { $0.respondent == .supervisor }
        }
        let model = EvaluationListModel(
            items: items, isSupervisor: actor.role == .supervisor,
            hasEmployee: AccessPolicy.ownEvaluations(actor).isAllowed)
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "evaluasi-saya", format: format)
        }
        return try await req.renderPage(
            "evaluations/index", title: "Evaluasi Pelatihan Saya", crumbs: [Crumb("Evaluasi saya")], model)
    }

    struct LevelQuery: Content { var level: Int? }

    static func form(req: Request) async throws -> Response {
        let level = try req.query.decode(LevelQuery.self).level ?? 1
        return try await render(req, level: level, posted: [:], comment: "", errors: [])
    }

    /// The respondent the signed-in user answers as: the participant for their own activity,
    /// otherwise the supervisor (the access rule decides whether they really are).
    private static func respondent(_ actor: Principal, _ c: EvaluationService.Context, level: EvaluationLevel)
        -> EvaluationRespondent
    {
        if level == .learning { return .provider }
        return actor.employeeID == c.employee.id ? .participant : .supervisor
    }

    static func render(
        _ req: Request, level rawLevel: Int, posted: [String: String], comment: String, errors: [FieldError]
    ) async throws -> Response {
        let actor = try req.actor
        let c = try await EvaluationService.context(try req.parameters.require("id"), actor: actor, on: req.db)
        guard let level = EvaluationLevel(rawValue: rawLevel), level == .reaction || level == .behaviour else {
            throw Abort(
                .notFound,
                reason:
                    "Formulir evaluasi ini tidak ada: L1 dan L3 diisi di sini; L2 dicatat lembaga pelatihan di halaman angkatan."
            )
        }
        let who = respondent(actor, c, level: level)
        try AccessPolicy.fillEvaluation(actor, as: who, c.parties).require()
        let batch = try await ProgrammeQueries.batch(c.enrolment.batchID, on: req.db)
        let model = EvaluationFormModel(
            context: c, batchName: batch?.name ?? "", level: level, respondent: who,
            action: SiteURL.evaluate(try c.enrolment.requireID(), level: level.rawValue).path,
            posted: posted, comment: comment, errors: errors)
        return try await req.renderPage(
            "evaluations/form", title: "\(level.label): \(c.programme.title)",
            crumbs: [Crumb("Evaluasi saya", .evaluations), Crumb(level.label)], model,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let level = try req.query.decode(LevelQuery.self).level ?? 1
        let c = try await EvaluationService.context(try req.parameters.require("id"), actor: actor, on: req.db)
        try AccessPolicy.mayFillSomeEvaluation(actor, c.parties).require() // access before the form is read
        let fields = try req.content.decode([String: String].self)
        let who = respondent(actor, c, level: EvaluationLevel(rawValue: level) ?? .reaction)
        let keys = level == 3 ? c.raised.map(\.code) : ReactionItem.allCases.map(\.rawValue)
        var scores: [String: Double] = [:]
        for key in keys { if let v = fields["score-\(key)"].flatMap(Double.init) { scores[key] = v } }
        let comment = fields["comment"] ?? ""
        do {
            _ = try await EvaluationService.fill(
                c.enrolment.requireID(),
                EvaluationInput(level: level, respondentRole: who.rawValue, scores: scores, comment: comment),
                actor: actor, at: req.now, on: req.db)
        } catch let failure as ValidationFailure {
            // The form names its fields `score-<item>` where the API says `scores.<item>`.
            let errors = failure.errors.map {
                FieldError(field: $0.field.replacingOccurrences(of: "scores.", with: "score-"), message: $0.message)
            }
            return try await render(req, level: level, posted: fields, comment: comment, errors: errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await render(
                req, level: level, posted: fields, comment: comment,
                errors: [.init(field: "form", message: abort.reason)])
        }
        Flash.add(
            .success,
            "Terima kasih, evaluasi \(EvaluationLevel(rawValue: level)?.label ?? "") untuk \(c.programme.title) tersimpan.",
            to: req)
        return req.redirect(to: SiteURL.evaluations.path)
    }

    /// The provider's pre/post-test scores for the completed participants of a batch, all rows
    /// in one transaction: a row with a bad score leaves every row unwritten.
    static func tests(req: Request) async throws -> Response {
        let actor = try req.actor
        let batchID: UUID = try req.parameters.require("id")
        try await AccessFirst.recordTests(batchID, actor, on: req.db) // access before the form is read
        let fields = try req.content.decode([String: String].self)
        var rows: [EvaluationService.TestRow] = []
        for (key, value) in fields where key.hasPrefix("pre-") {
            guard let id = UUID(uuidString: String(key.dropFirst(4))) else { continue }
            let pre = value.trimmingCharacters(in: .whitespaces)
            let post = (fields["post-\(id.uuidString)"] ?? "").trimmingCharacters(in: .whitespaces)
            if pre.isEmpty && post.isEmpty { continue }
            rows.append(
                .init(
                    enrolmentID: id, pre: Double(pre.replacingOccurrences(of: ",", with: ".")),
                    post: Double(post.replacingOccurrences(of: ",", with: "."))))
        }
        let maximum = Double((fields["max"] ?? "100").replacingOccurrences(of: ",", with: ".")) ?? .nan
        do {
            let n = try await EvaluationService.recordTests(
                batchID: batchID, rows: rows, max: maximum, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Nilai pre-test/post-test \(n) peserta tersimpan.", to: req)
        } catch let failure as ValidationFailure {
            return try await BatchPage.render(
                req, batchID: batchID, nip: "", errors: [], testErrors: failure.errors)
        }
        return req.redirect(to: SiteURL.batch(batchID).path + "#tests")
    }
}
