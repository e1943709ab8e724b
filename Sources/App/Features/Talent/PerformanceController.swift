import Fluent
import KompetenCore
import Vapor

/// `/employees/{id}/performance`: the SKP ratings form (the supervisor, the OPD's operator, BKPPD).
enum PerformanceController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.employeePerformance(.routeParameter).pathComponents, use: form)
        web.post(SiteURL.employeePerformance(.routeParameter).pathComponents, use: save)
    }

    struct Values: Content {
        var year: String?
        var hasilKerja: String?
        var perilakuKerja: String?
    }

    static func form(req: Request) async throws -> Response {
        let actor = try req.actor
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        try AccessPolicy.recordPerformance(
            actor, employee: try await EnrolmentService.placement(of: e, on: req.db), employeeID: e.requireID(),
            supervisorID: e.supervisorID
        ).require()
        let lastYear = String(WITA.today(req.now).year - 1)
        return try await render(
            req, e,
            Values(
                year: lastYear, hasilKerja: SKPRating.asExpected.rawValue, perilakuKerja: SKPRating.asExpected.rawValue),
            errors: [])
    }

    static func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        try await AccessFirst.recordPerformance(id, actor, on: req.db) // access before the form is read
        let v = try req.content.decode(Values.self)
        let input = PerformanceInput(
            year: Int(v.year ?? "") ?? 0, hasilKerja: v.hasilKerja ?? "", perilakuKerja: v.perilakuKerja ?? "")
        do {
            let (r, _) = try await PerformanceService.record(
                employeeID: id, input, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Predikat kinerja \(r.year) tersimpan: \(r.predicate).", to: req)
            return req.redirect(to: SiteURL.employee(id).path + "#performance")
        } catch let failure as ValidationFailure {
            return try await render(
                req, try await EmployeeQueries.find(id, for: actor, .read, on: req.db), v, errors: failure.errors)
        }
    }

    private static func render(_ req: Request, _ e: Employee, _ v: Values, errors: [FieldError]) async throws
        -> Response
    {
        let thisYear = WITA.today(req.now).year
        let ratings = FormModel.options(SKPRating.allCases, selected: "", value: \.rawValue, label: \.label)
        func choose(_ selected: String?) -> [FormModel.Option] {
            ratings.map { .init(value: $0.value, label: $0.label, selected: $0.value == selected) }
        }
        let years: [FormModel.Option] = (thisYear - 5...thisYear).reversed().map {
            FormModel.Option(value: String($0), label: String($0), selected: String($0) == v.year)
        }
        let form = try FormModel(
            action: SiteURL.employeePerformance(e.requireID()).path, submitLabel: "Simpan",
            cancelHref: SiteURL.employee(e.requireID()).path,
            fields: [
                .init(name: "year", label: "Tahun penilaian", type: "select", value: v.year ?? "", options: years),
                .init(
                    name: "hasilKerja", label: "Rating hasil kerja", type: "select", value: v.hasilKerja ?? "",
                    options: choose(v.hasilKerja)),
                .init(
                    name: "perilakuKerja", label: "Rating perilaku kerja", type: "select", value: v.perilakuKerja ?? "",
                    hint:
                        "Predikat kinerja dihitung dari kedua rating dengan matriks PermenPANRB 6/2022; perilaku di bawah ekspektasi selalu berpredikat Kurang/Misconduct atau Sangat Kurang.",
                    options: choose(v.perilakuKerja)),
            ], errors: errors)
        return try await req.renderPage(
            "common/form", title: "Predikat Kinerja (SKP) — \(e.name)",
            crumbs: [Crumb("Pegawai", .employees), Crumb(e.name, .employee(e.requireID())), Crumb("Predikat kinerja")],
            FormPage(
                form: form,
                intro:
                    "Catat rating tahunan SKP. Isian tahun yang sudah ada mengoreksi catatan sebelumnya (tercatat di log audit)."
            ),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
