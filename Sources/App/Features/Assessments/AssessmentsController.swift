import Fluent
import KompetenCore
import Vapor

/// The assessment form on an employee, and evidence downloads.
enum AssessmentsController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.employeeAssessmentNew(.routeParameter).pathComponents, use: form)
        web.on(
            .POST, SiteURL.employeeAssessments(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: create)
        web.get(SiteURL.evidence(.routeParameter).pathComponents, use: evidence)
    }

    static func form(req: Request) async throws -> Response {
        let actor = try req.actor
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        let unit = try await UnitQueries.find(e.unitID, on: req.db)
        try req.authorize(AccessPolicy.recordAssessment(actor, Placement(instansiID: e.instansiID, opdID: unit?.opdID)))
        return try await render(
            req, e, values: AssessmentFormValues(date: WITA.today(req.now).iso, assessor: actor.username), errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        try await AccessFirst.recordAssessment(id, actor, on: req.db) // access before the form is read
        let values = try req.content.decode(AssessmentFormValues.self)
        var evidence: AssessmentService.Evidence?
        if let file = values.evidence, file.data.readableBytes > 0 {
            evidence = .init(
                filename: file.filename, contentType: file.contentType?.serialize() ?? "application/octet-stream",
                data: Data(buffer: file.data))
        }
        do {
            _ = try await AssessmentService.record(
                employeeID: id, values.input, evidence: evidence, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Hasil penilaian disimpan; profil kompetensi diperbarui.", to: req)
            return req.redirect(to: SiteURL.employee(id).path)
        } catch let failure as ValidationFailure {
            let e = try await EmployeeQueries.find(id, for: actor, .read, on: req.db)
            return try await render(req, e, values: values, errors: failure.errors)
        }
    }

    static func evidence(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        let file = try await AssessmentQueries.evidenceFile(id, for: actor, on: req.db)
        let response = Response(status: .ok, body: .init(data: file.data))
        // Only a few harmless types are shown inline; everything else downloads.
        let safe = ["application/pdf", "image/png", "image/jpeg"]
        response.headers.replaceOrAdd(
            name: .contentType, value: safe.contains(file.contentType) ? file.contentType : "application/octet-stream")
        response.headers.setAttachment(filename: file.filename)
        return response
    }

    private static func render(_ req: Request, _ e: Employee, values: AssessmentFormValues, errors: [FieldError])
        async throws -> Response
    {
        let actor = try req.actor
        let standard =
            try await e.positionID.asyncMap { try await PositionService.standards(of: [$0], on: req.db)[$0] ?? [] }
            ?? []
        let competencies = try await CompetencyQueries.inUse(actor, on: req.db)
        let model = AssessmentFormModel(
            e, values: values, standard: standard, competencies: competencies, errors: errors)
        return try await req.renderPage(
            "assessments/form", title: "Catat Hasil Penilaian",
            crumbs: [Crumb("Pegawai", .employees), Crumb(e.name, .employee(e.requireID())), Crumb("Catat penilaian")],
            model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}

struct AssessmentFormValues: Content {
    var date: String?
    var method: String?
    var assessorName: String?
    var notes: String?
    var level: [String: String]?
    var evidence: File?

    init(date: String, assessor: String) {
        self.date = date
        method = AssessmentMethod.assessmentCenter.rawValue
        assessorName = assessor
    }

    var input: AssessmentInput {
        let results = (level ?? [:]).compactMap { code, text -> ResultDTO? in
            guard let n = Int(text), n > 0 else { return nil }
            return ResultDTO(competencyCode: code, level: n)
        }.sorted { $0.competencyCode < $1.competencyCode }
        return AssessmentInput(
            date: date ?? "", method: method ?? "", assessorName: assessorName, notes: notes, results: results)
    }
}

struct AssessmentFormModel: Encodable {
    struct Row: Encodable {
        let code: String
        let name: String
        let required: String
        let options: [FormModel.Option]
    }
    let employeeName: String
    let action: String
    let cancelHref: String
    let date: String
    let assessorName: String
    let notes: String
    let methods: [FormModel.Option]
    let rows: [Row]
    let errors: [FieldError]

    init(
        _ e: Employee, values: AssessmentFormValues, standard: [StandardDTO], competencies: [Competency],
        errors: [FieldError]
    ) {
        employeeName = e.name
        action = SiteURL.employeeAssessments(e.id!).path
        cancelHref = SiteURL.employee(e.id!).path
        date = values.date ?? ""
        assessorName = values.assessorName ?? ""
        notes = values.notes ?? ""
        methods = AssessmentMethod.allCases.map {
            .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.method)
        }
        let required = Dictionary(uniqueKeysWithValues: standard.map { ($0.competencyCode, $0.requiredLevel) })
        // Competencies of the position's standard first, then the rest of the dictionary.
        let inStandard: [Competency] = competencies.filter { required[$0.code] != nil }
        let others: [Competency] = competencies.filter { required[$0.code] == nil }
        let ordered = inStandard + others
        rows = ordered.map { c in
            let current = values.level?[c.code] ?? "0"
            let options = FormModel.levelOptions(selected: current)
            let requiredText: String = required[c.code].map { String($0) } ?? "—"
            return Row(code: c.code, name: c.name, required: requiredText, options: options)
        }
        self.errors = errors
    }
}
