import Foundation
import KompetenCore
import Vapor

/// The standar pelayanan form on the service page: `/services/{id}/standar/ubah`, posted to
/// `/services/{id}/standar`. One textarea per text component, rows of competency + level picked
/// from the dictionary, the jumlah pelaksana, and the date the new version starts.
enum StandardDocumentController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.serviceStandardDocumentEdit(.routeParameter).pathComponents, use: edit)
        web.post(SiteURL.serviceStandardDocument(.routeParameter).pathComponents, use: save)
    }

    /// Blank competency rows offered below the filled ones.
    static let spareRows = 3

    static func edit(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let today = WITA.today(req.now)
        guard let state = try await ServiceStandardDocumentQueries.state(s, today: today, on: req.db) else {
            throw Abort(.notFound, reason: "Layanan ini belum memiliki standar pelayanan.")
        }
        var values: [String: String] = ["effectiveFrom": today.adding(days: 1).iso]
        for c in ServiceStandardComponent.textComponents { values[c.rawValue] = state.content.text(c) }
        for (i, row) in state.content.competencies.enumerated() {
            values["kode\(i)"] = row.competencyCode
            values["level\(i)"] = String(row.requiredLevel)
        }
        values["jumlah"] = String(state.content.staffCount)
        values["jumlahNote"] = state.content.staffNote
        return try await form(
            req, s, values, rows: state.content.competencies.count + spareRows, dictionary: state.dictionary,
            errors: [], status: .ok)
    }

    static func save(req: Request) async throws -> Response {
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let rowCount = min(
            ServiceStandardRules.maxCompetencies + spareRows,
            max(0, (try? req.content.get(Int.self, at: "rows")) ?? 0))
        var values: [String: String] = [:]
        for key in ["effectiveFrom", "jumlah", "jumlahNote"] + ServiceStandardComponent.textComponents.map(\.rawValue)
            + (0..<rowCount).flatMap({ ["kode\($0)", "level\($0)"] })
        {
            values[key] = (try? req.content.get(String.self, at: key)) ?? ""
        }
        // Rows without a competency are blank rows, not errors; `formRow` maps an error back to its row.
        var rows: [StandardDocumentInput.CompetencyRow] = []
        var formRow: [Int] = []
        for i in 0..<rowCount where !(values["kode\(i)"] ?? "").isEmpty {
            rows.append(.init(competencyCode: values["kode\(i)"], requiredLevel: Int(values["level\(i)"] ?? "") ?? 0))
            formRow.append(i)
        }
        var texts: [ServiceStandardComponent: String] = [:]
        for c in ServiceStandardComponent.textComponents { texts[c] = values[c.rawValue] ?? "" }
        let jumlah = (values["jumlah"] ?? "").trimmingCharacters(in: .whitespaces)
        let input = StandardDocumentInput(
            effectiveFrom: values["effectiveFrom"],
            components: .init(
                texts: texts, competencies: rows,
                staff: .init(count: jumlah.isEmpty ? 0 : Int(jumlah) ?? -1, note: values["jumlahNote"])))
        let dictionary = try await ServiceStandardDocumentQueries.dictionary(s.instansiID, on: req.db)
        do {
            let doc = try await StandardDocumentSave.run(input, s, unit: unit, req)
            Flash.add(
                .success,
                "Standar pelayanan versi \(doc.version) disimpan, berlaku \(StandardDocumentModel.since(doc.effectiveFrom)).",
                to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path + "#standar-pelayanan")
        } catch let failure as ValidationFailure {
            let errors = failure.errors.map { FieldError(field: formField($0.field, formRow), message: $0.message) }
            return try await form(
                req, s, values, rows: rowCount, dictionary: dictionary, errors: errors, status: .unprocessableEntity)
        } catch let abort as Abort where abort.status == .conflict {
            return try await form(
                req, s, values, rows: rowCount, dictionary: dictionary,
                errors: [.init(field: "effectiveFrom", message: abort.reason)], status: .conflict)
        }
    }

    /// The API's field name → the form's (`components.kompetensiPelaksana[1].requiredLevel` → `level4`).
    static func formField(_ field: String, _ formRow: [Int]) -> String {
        if field == "components.jumlahPelaksana.count" { return "jumlah" }
        if field == "components.jumlahPelaksana.note" { return "jumlahNote" }
        let prefix = "components.kompetensiPelaksana["
        if field.hasPrefix(prefix), let close = field.firstIndex(of: "]"),
            let i = Int(field[field.index(field.startIndex, offsetBy: prefix.count)..<close]), i < formRow.count
        {
            return (field.hasSuffix("requiredLevel") ? "level" : "kode") + String(formRow[i])
        }
        return field.hasPrefix("components.") ? String(field.dropFirst("components.".count)) : field
    }

    private static func form(
        _ req: Request, _ s: PublicService, _ values: [String: String], rows: Int,
        dictionary: ServiceStandardDocumentQueries.CompetencyDictionary, errors: [FieldError], status: HTTPStatus
    ) async throws -> Response {
        let codes = dictionary.active.sorted()
        var fields: [FormModel.Field] = [
            .init(name: "rows", label: "", type: "hidden", value: String(rows)),
            .init(
                name: "effectiveFrom", label: "Berlaku mulai", type: "date", value: values["effectiveFrom"] ?? "",
                hint:
                    "Perubahan menjadi versi baru mulai tanggal ini. Versi yang sudah berlaku tidak diubah; versi yang belum berlaku boleh diperbaiki dengan tanggal yang sama. Tanggal sebelum hari ini hanya oleh Admin BKPPD."
            ),
        ]
        for c in ServiceStandardComponent.allCases {
            switch c {
            case .kompetensiPelaksana:
                for i in 0..<rows {
                    fields.append(
                        .init(
                            name: "kode\(i)", label: "\(c.label) \(i + 1): kompetensi", type: "select",
                            value: values["kode\(i)"] ?? "", hint: i == 0 ? c.hint : nil, required: false,
                            options: FormModel.options(
                                codes, selected: values["kode\(i)"], value: { $0 },
                                label: { "\($0) \(dictionary.names[$0] ?? "")" }, empty: "— tidak ada —")))
                    fields.append(
                        .init(
                            name: "level\(i)", label: "\(c.label) \(i + 1): level minimal", type: "select",
                            value: values["level\(i)"] ?? "", required: false,
                            options: FormModel.levelOptions(selected: values["level\(i)"] ?? "")))
                }
            case .jumlahPelaksana:
                fields.append(
                    .init(
                        name: "jumlah", label: c.label, type: "number", value: values["jumlah"] ?? "",
                        hint: c.hint + " 0 = belum ditetapkan."))
                fields.append(
                    .init(
                        name: "jumlahNote", label: "\(c.label): keterangan", value: values["jumlahNote"] ?? "",
                        required: false))
            default:
                fields.append(
                    .init(
                        name: c.rawValue, label: "\(c.group.shortLabel) \(c.number). \(c.label)", type: "textarea",
                        value: values[c.rawValue] ?? "", hint: c.hint, required: c.isRequired))
            }
        }
        let model = try FormPage(
            form: FormModel(
                action: SiteURL.serviceStandardDocument(s.requireID()).path, submitLabel: "Simpan sebagai versi baru",
                cancelHref: SiteURL.service(s.requireID()).path, fields: fields, errors: errors),
            intro:
                "Standar pelayanan (UU 25/2009 Pasal 21, PermenPANRB 15/2014): 6 komponen penyampaian pelayanan dan 8 komponen pengelolaan pelayanan. Waktu penyelesaian yang menilai setiap permohonan diubah lewat “Ubah waktu standar”."
        )
        return try await req.renderPage(
            "common/form", title: "Ubah standar pelayanan \(s.code)",
            crumbs: [
                Crumb("Layanan publik", .services), Crumb(s.code, .service(s.requireID())), Crumb("Standar pelayanan"),
            ], model, status: status)
    }
}
