import Fluent
import KompetenCore
import Vapor

/// Rule settings of the instansi (admin): the JPM formula variant and the threshold set.
enum SettingsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.settings.pathComponents, use: form)
        web.post(SiteURL.settings.pathComponents, use: save)
        TestMailController.register(web)
    }

    struct Model: Encodable {
        let form: FormModel
        let mail: MailSettingsModel
    }

    static func form(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageSettings(actor))
        let (formula, thresholds) = try await SettingsQueries.load(actor.instansiID!, on: req.db)
        let development = try await SettingsQueries.development(actor.instansiID!, on: req.db)
        let evaluation = try await SettingsQueries.evaluation(actor.instansiID!, on: req.db)
        return try await render(
            req, formula: formula.rawValue, purpose: thresholds.purpose.rawValue, development: .init(development),
            evaluation: .init(evaluation),
            complaints: try await SettingsQueries.complaintForm(actor.instansiID!, on: req.db),
            workload: try await SettingsQueries.workloadForm(actor.instansiID!, on: req.db),
            mandatory: MandatorySettingsForm(try await SettingsQueries.mandatory(actor.instansiID!, on: req.db)),
            errors: [])
    }

    static func save(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageSettings(actor))
        struct Posted: Content {
            var formula: String?
            var purpose: String?
        }
        let posted = try req.content.decode(Posted.self)
        // A form posted without the development fields (an older page, a script) keeps their values.
        let current = DevelopmentSettingsForm(try await SettingsQueries.development(actor.instansiID!, on: req.db))
        let developmentForm = try req.content.decode(DevelopmentSettingsForm.self).filled(from: current)
        let currentEvaluation = EvaluationSettingsForm(
            try await SettingsQueries.evaluation(actor.instansiID!, on: req.db))
        let evaluationForm = try req.content.decode(EvaluationSettingsForm.self).filled(from: currentEvaluation)
        let complaintForm = try req.content.decode(ComplaintSettingsForm.self).filled(
            from: try await SettingsQueries.complaintForm(actor.instansiID!, on: req.db))
        let workloadForm = try req.content.decode(WorkloadSettingsForm.self).filled(
            from: try await SettingsQueries.workloadForm(actor.instansiID!, on: req.db))
        let mandatoryForm = try req.content.decode(MandatorySettingsForm.self).filled(
            from: MandatorySettingsForm(try await SettingsQueries.mandatory(actor.instansiID!, on: req.db)))
        var v = FieldValidator()
        let formula = JPMFormula(rawValue: posted.formula ?? "")
        let thresholds = JPMThresholds.named(posted.purpose ?? "")
        if formula == nil { v.add(field: "formula", "Pilih rumus JPM.") }
        if thresholds == nil { v.add(field: "purpose", "Pilih ambang kategori.") }
        let development = developmentForm.parse(&v)
        let evaluation = evaluationForm.parse(&v)
        let complaints = complaintForm.parse(&v)
        let effectiveHours = workloadForm.parse(&v)
        let mandatory = mandatoryForm.parse(&v)
        guard v.isValid, let development, let evaluation, let complaints, let effectiveHours, let mandatory else {
            return try await render(
                req, formula: posted.formula ?? "", purpose: posted.purpose ?? "", development: developmentForm,
                evaluation: evaluationForm, complaints: complaintForm, workload: workloadForm,
                mandatory: mandatoryForm, errors: v.errors)
        }
        let settings = try await SettingsService.save(
            formula: formula!, thresholds: thresholds!, development: development, evaluation: evaluation,
            complaints: complaints, effectiveHours: effectiveHours, mandatory: mandatory,
            actor: actor, at: req.now, on: req.db)
        Flash.add(
            .success,
            "Pengaturan disimpan: \(formula!.label); ambang \(thresholds!.purposeLabel); penilaian ulang \(settings.reassessmentMonths) bulan setelah pelatihan.",
            to: req)
        return req.redirect(to: SiteURL.settings.path)
    }

    private static func render(
        _ req: Request, formula: String, purpose: String, development: DevelopmentSettingsForm,
        evaluation: EvaluationSettingsForm, complaints: ComplaintSettingsForm, workload: WorkloadSettingsForm,
        mandatory: MandatorySettingsForm, errors: [FieldError]
    ) async throws -> Response {
        let form = FormModel(
            action: SiteURL.settings.path, submitLabel: "Simpan pengaturan", cancelHref: SiteURL.home.path,
            fields: [
                .init(
                    name: "formula", label: "Rumus Job Person Match", type: "select", value: formula,
                    hint:
                        "Dibatasi: Σ hasil ÷ Σ standar × 100, maksimum 100 (rumus assessment center). Ketat: Σ min(hasil, standar) ÷ Σ standar × 100 — kelebihan di satu kompetensi tidak menutupi kekurangan di kompetensi lain.",
                    options: JPMFormula.allCases.map {
                        .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == formula)
                    }),
                .init(
                    name: "purpose", label: "Ambang kategori", type: "select", value: purpose,
                    hint:
                        "Pemetaan: optimal ≥ 90, cukup optimal ≥ 78. Pengisian jabatan: memenuhi syarat ≥ 80, masih memenuhi syarat ≥ 68.",
                    options: JPMThresholds.all.map {
                        .init(
                            value: $0.purpose.rawValue, label: $0.purposeLabel, selected: $0.purpose.rawValue == purpose
                        )
                    }),
            ] + development.fields + evaluation.fields + complaints.fields + workload.fields
                + mandatory.fields, errors: errors)
        return try await req.renderPage(
            "settings/index", title: "Pengaturan", crumbs: [Crumb("Pengaturan")],
            Model(
                form: form,
                mail: MailSettingsModel(
                    req.application.kompeten.config.smtp,
                    canTest: AccessPolicy.sendTestMail(try req.actor).isAllowed)),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
