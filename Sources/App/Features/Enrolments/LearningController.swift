import Fluent
import KompetenCore
import Vapor

/// Recording learning outside the catalogue (with an evidence file) and the supervisor's decision.
enum LearningController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.learningNew(.routeParameter).pathComponents, use: form)
        web.on(
            .POST, SiteURL.employeeLearning(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: create)
        web.post(SiteURL.learningDecision(.routeParameter).pathComponents, use: decide)
    }

    struct Values: Content {
        var title: String?, path: String?, organiser: String?, startDate: String?, endDate: String?, jp: String?
        var evidence: File?
        var mandatoryKind: String?
        init() {}
        var input: LearningInput {
            LearningInput(
                title: title ?? "", path: path ?? "", organiser: organiser ?? "", startDate: startDate ?? "",
                endDate: endDate ?? "", jp: Int(jp ?? "") ?? 0, mandatoryKind: mandatoryKind)
        }
    }

    struct Model: Encodable {
        let form: FormModel
        let intro: String?
        let multipart = true
    }

    static func form(req: Request) async throws -> Response {
        let actor = try req.actor
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        try req.authorize(
            AccessPolicy.recordLearning(
                actor, employee: try await EnrolmentService.placement(of: e, on: req.db), employeeID: e.requireID()))
        return try await render(req, e, Values(), errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        try await AccessFirst.recordLearning(id, actor, on: req.db) // access before the form is read
        let values = try req.content.decode(Values.self)
        var evidence: EnrolmentService.Certificate?
        if let file = values.evidence, file.data.readableBytes > 0 {
            evidence = .init(
                filename: file.filename, contentType: file.contentType?.serialize() ?? "application/octet-stream",
                data: Data(buffer: file.data))
        }
        do {
            _ = try await LearningService.record(
                employeeID: id, values.input, evidence: evidence, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Pembelajaran dicatat; JP dihitung setelah diverifikasi atasan langsung.", to: req)
            return req.redirect(to: SiteURL.employee(id).path)
        } catch let failure as ValidationFailure {
            return try await render(
                req, try await EmployeeQueries.find(id, for: actor, .read, on: req.db), values, errors: failure.errors)
        }
    }

    static func decide(req: Request) async throws -> Response {
        struct Posted: Content {
            var verify: String?
            var reason: String?
        }
        // access before the form
        try await AccessFirst.decideLearning(try req.parameters.require("id"), try req.actor, on: req.db)
        let posted = try req.content.decode(Posted.self)
        do {
            let l = try await LearningService.decide(
                try req.parameters.require("id"), verify: posted.verify == "1", reason: posted.reason,
                actor: try req.actor, at: req.now, on: req.db)
            Flash.add(
                .success,
                l.learningStatus == .verified
                    ? "Pembelajaran diverifikasi; \(l.jp) JP dikreditkan." : "Pembelajaran ditolak.", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.plans.path)
    }

    private static func render(_ req: Request, _ e: Employee, _ v: Values, errors: [FieldError]) async throws
        -> Response
    {
        let action = try "/employees/\(e.requireID().uuidString)/learning"
        let form = try FormModel(
            action: action, submitLabel: "Simpan", cancelHref: SiteURL.employee(e.requireID()).path,
            fields: [
                .init(name: "title", label: "Judul kegiatan", value: v.title ?? ""),
                .init(
                    name: "path", label: "Jalur", type: "select", value: v.path ?? "",
                    options: FormModel.options(
                        DevelopmentPath.all, selected: v.path ?? "NKL03", value: \.code,
                        label: { "\($0.code) \($0.name)" })),
                .init(name: "organiser", label: "Penyelenggara", value: v.organiser ?? ""),
                .init(name: "startDate", label: "Tanggal mulai", type: "date", value: v.startDate ?? ""),
                .init(name: "endDate", label: "Tanggal selesai", type: "date", value: v.endDate ?? ""),
                .init(
                    name: "jp", label: "Jam pelajaran (JP)", type: "number", value: v.jp ?? "",
                    hint: "1 JP = 45 menit, sesuai sertifikat."),
                .init(
                    name: "mandatoryKind", label: "Memenuhi pelatihan wajib", type: "select",
                    value: v.mandatoryKind ?? "",
                    hint: "Mis. PKA yang diikuti di BPSDM provinsi lain: dihitung setelah atasan memverifikasi.",
                    required: false,
                    options: FormModel.options(
                        MandatoryKind.allCases, selected: v.mandatoryKind, value: \.rawValue, label: \.label,
                        empty: "— bukan pelatihan wajib —")),
                .init(name: "evidence", label: "Bukti (sertifikat, PDF/JPG/PNG)", type: "file", required: false),
            ], errors: errors)
        return try await req.renderPage(
            "common/form", title: "Catat Pembelajaran di Luar Katalog — \(e.name)",
            crumbs: [
                Crumb("Pegawai", .employees), Crumb(e.name, .employee(e.requireID())), Crumb("Catat pembelajaran"),
            ],
            Model(
                form: form,
                intro:
                    "Seminar, webinar atau e-learning dari penyelenggara lain. JP dihitung setelah atasan langsung memverifikasi buktinya."
            ),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
