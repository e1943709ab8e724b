import Fluent
import Foundation
import KompetenCore
import Vapor

/// A service's standard-time history: `GET/POST /api/v1/services/{id}/standards`, and the page's
/// form (`/services/{id}/standards/new`, posted to `/services/{id}/standards`). The history
/// itself is shown on the service page.
enum ServiceStandardsController {
    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.serviceStandardNew(.routeParameter).pathComponents, use: newForm)
        web.post(SiteURL.serviceStandards(.routeParameter).pathComponents, use: create)
        api.get("services", ":id", "standards", use: list)
        api.post("services", ":id", "standards", use: createAPI)
    }

    /// The service, after the actor may manage it at all (the date rule is checked once the body is read).
    private static func managed(_ req: Request) async throws -> (PublicService, Placement) {
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        return (s, ServiceCatalogue.placement(s, unit: unit))
    }

    /// Parses, applies the backdating rule (403), then writes.
    private static func save(_ input: StandardInput, _ s: PublicService, _ placement: Placement, _ req: Request)
        async throws -> ServiceStandardEntry
    {
        let today = WITA.today(req.now)
        let parsed = try input.parse(today: today)
        try req.authorize(
            AccessPolicy.changeServiceStandard(
                try req.actor, placement, effectiveFrom: parsed.effectiveFrom, today: today))
        return try await ServiceStandards.set(s, parsed, actor: try req.actor, at: req.now, on: req.db)
    }

    // MARK: API

    static func list(req: Request) async throws -> [ServiceStandardDTO] {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let rows = try await ServiceStandards.rows(s.requireID(), on: req.db)
        let current = try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)[
            s.requireID()]
        return rows.map { ServiceStandardDTO($0, currentFrom: current?.effectiveFrom) }
    }

    static func createAPI(req: Request) async throws -> Response {
        let (s, placement) = try await managed(req)
        let row = try await save(try req.content.decode(StandardInput.self), s, placement, req)
        let current = try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)[
            s.requireID()]
        return try await ServiceStandardDTO(row, currentFrom: current?.effectiveFrom).encodeResponse(
            status: .created, for: req)
    }

    // MARK: web

    struct Posted: Content {
        var effectiveFrom: String?
        var standard: String?
        var text: String?
    }

    static func newForm(req: Request) async throws -> Response {
        let (s, _) = try await managed(req)
        let current = try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)[
            s.requireID()]
        let next = StandardHistory.defaultEffectiveFrom(today: WITA.today(req.now))
        return try await form(
            req, s, Posted(effectiveFrom: next.iso, standard: current?.standard?.label ?? s.standardText, text: ""),
            errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let (s, placement) = try await managed(req)
        let posted = try req.content.decode(Posted.self)
        do {
            guard let standard = StandardTime(text: posted.standard ?? "") else {
                throw ValidationFailure(errors: [
                    .init(
                        field: "standard",
                        message: "Tulis waktu standar sebagai angka dan satuan: 60 menit, 2 jam, 1 hari, 28 hari kerja."
                    )
                ])
            }
            let input = StandardInput(
                effectiveFrom: posted.effectiveFrom, value: standard.value, unit: standard.unit.rawValue,
                text: posted.text)
            let row = try await save(input, s, placement, req)
            Flash.add(
                .success,
                "Standar \(row.text) berlaku mulai \(IndonesianFormat.date(SimpleDate(iso: row.effectiveFrom)!)).",
                to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path + "#standards")
        } catch let failure as ValidationFailure {
            let errors = failure.errors.map { e in
                ["value", "unit"].contains(e.field) ? FieldError(field: "standard", message: e.message) : e
            }
            return try await form(req, s, posted, errors: errors)
        }
    }

    private static func form(_ req: Request, _ s: PublicService, _ posted: Posted, errors: [FieldError]) async throws
        -> Response
    {
        let fields: [FormModel.Field] = [
            .init(
                name: "effectiveFrom", label: "Berlaku mulai", type: "date", value: posted.effectiveFrom ?? "",
                hint:
                    "Permohonan yang diterima sejak tanggal ini dinilai dengan standar baru; yang diterima sebelumnya tetap dengan standar lama. Bawaan: awal bulan depan. Tanggal sebelum hari ini hanya oleh Admin BKPPD."
            ),
            .init(
                name: "standard", label: "Waktu penyelesaian standar", value: posted.standard ?? "",
                hint:
                    "Seperti tertulis di standar pelayanan: 60 menit, 2 jam, 3 hari (hari kalender) atau 28 hari kerja (tanpa Sabtu, Minggu, libur nasional dan cuti bersama)."
            ),
            .init(
                name: "text", label: "Rumusan di standar pelayanan", value: posted.text ?? "",
                hint: "Boleh kosong; bawaan: waktu standar di atas.", required: false),
        ]
        let model = try FormPage(
            form: FormModel(
                action: SiteURL.serviceStandards(s.requireID()).path, submitLabel: "Simpan standar",
                cancelHref: SiteURL.service(s.requireID()).path, fields: fields, errors: errors),
            intro:
                "Perubahan standar tidak mengubah penilaian bulan yang sudah lewat: setiap permohonan dinilai dengan standar yang berlaku pada tanggal diterimanya."
        )
        return try await req.renderPage(
            "common/form", title: "Ubah waktu standar \(s.code)",
            crumbs: [
                Crumb("Layanan publik", .services), Crumb(s.code, .service(s.requireID())), Crumb("Waktu standar"),
            ], model,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
