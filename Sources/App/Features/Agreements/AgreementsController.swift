import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// The agreement pages: record / edit / delete an agreement of a provider with its signed PDF
/// (BKPPD), download the PDF, and BKPPD's list of batches outside any agreement.
enum AgreementsController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.providerAgreementNew(.routeParameter).pathComponents, use: newForm)
        web.on(
            .POST, SiteURL.providerAgreements(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: create)
        let edit = SiteURL.providerAgreementEdit(.routeParameter, agreement: .routeParameter)
        web.get(edit.pathComponents, use: editForm)
        web.on(.POST, edit.pathComponents, body: .collect(maxSize: uploadLimit), use: update)
        web.post(
            SiteURL.providerAgreementDelete(.routeParameter, agreement: .routeParameter).pathComponents, use: delete)
        web.get(
            SiteURL.providerAgreementFile(.routeParameter, agreement: .routeParameter).pathComponents, use: download)
        web.get(SiteURL.uncoveredBatches.pathComponents, use: uncovered)
    }

    struct Values: Content {
        var kind: String?, number: String?, title: String?, scope: String?, startDate: String?, endDate: String?
        var signatories: String?
        var file: File?

        init() {}
        init(_ i: AgreementInput) {
            (kind, number, title, scope) = (i.kind, i.number, i.title, i.scope)
            (startDate, endDate, signatories) = (i.startDate, i.endDate, i.signatories)
        }
        var input: AgreementInput {
            AgreementInput(
                kind: kind, number: number ?? "", title: title, scope: scope ?? "", startDate: startDate ?? "",
                endDate: endDate ?? "", signatories: signatories)
        }
        /// The chosen file, if any (an empty file part means none was chosen).
        var upload: AgreementService.UploadedFile? {
            guard let file, file.data.readableBytes > 0 else { return nil }
            return .init(filename: file.filename, data: Data(buffer: file.data))
        }
    }

    struct FormPageModel: Encodable {
        let form: FormModel
        let intro: String?
        let multipart = true
    }

    static func newForm(req: Request) async throws -> Response {
        let p = try await AgreementService.provider(try req.parameters.require("id"), try req.actor, .write, on: req.db)
        var values = Values()
        values.kind = AgreementKind.pks.rawValue
        return try await render(req, p, values, agreementID: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        let p = try await AgreementService.provider(id, actor, .write, on: req.db) // access before the form is read
        let values = try req.content.decode(Values.self)
        return try await submit(req, p, values, agreementID: nil, done: "dicatat") {
            try await AgreementService.create(
                providerID: id, values.input, file: values.upload, actor: actor, at: req.now, on: req.db)
        }
    }

    /// Saves, then back to the provider's page; a refusal shows the form again with what was typed.
    private static func submit(
        _ req: Request, _ p: Provider, _ values: Values, agreementID: UUID?, done: String,
        _ save: () async throws -> ProviderAgreement
    ) async throws -> Response {
        do {
            let a = try await save()
            Flash.add(.success, "Perjanjian \(a.number) \(done).", to: req)
            return req.redirect(to: SiteURL.provider(try p.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await render(req, p, values, agreementID: agreementID, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await render(
                req, p, values, agreementID: agreementID, errors: [.init(field: "number", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let (p, a) = try await AgreementService.find(
            try req.parameters.require("agreement"), of: try req.parameters.require("id"), try req.actor, .write,
            on: req.db)
        return try await render(req, p, Values(AgreementInput(a)), agreementID: a.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        let agreementID: UUID = try req.parameters.require("agreement")
        let (p, _) = try await AgreementService.find(agreementID, of: id, actor, .write, on: req.db) // access first
        let values = try req.content.decode(Values.self)
        return try await submit(req, p, values, agreementID: agreementID, done: "disimpan") {
            try await AgreementService.update(
                providerID: id, agreementID: agreementID, values.input, file: values.upload, actor: actor, at: req.now,
                on: req.db)
        }
    }

    static func delete(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        try await AgreementService.delete(
            providerID: id, agreementID: try req.parameters.require("agreement"), actor: try req.actor, at: req.now,
            on: req.db)
        Flash.add(.success, "Perjanjian dihapus.", to: req)
        return req.redirect(to: SiteURL.provider(id).path)
    }

    static func download(req: Request) async throws -> Response {
        let (a, file) = try await AgreementService.file(
            providerID: try req.parameters.require("id"), agreementID: try req.parameters.require("agreement"),
            actor: try req.actor, on: req.db)
        return AgreementFiles.response(file, agreement: a)
    }

    static func uncovered(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.uncoveredBatches(actor))
        let rows = try await AgreementQueries.uncoveredBatches(actor, on: req.db)
        if let format = try Export.requested(req) {
            let table = Table(
                header: ["Lembaga", "Kode program", "Program", "Angkatan", "Mulai", "Selesai"],
                rows: rows.map {
                    [$0.providerName, $0.programmeCode, $0.programmeTitle, $0.batchName, $0.startDate, $0.endDate]
                })
            return try Export.response(
                table, filename: "angkatan-di-luar-perjanjian", format: format, sheet: "Angkatan")
        }
        return try await req.renderPage(
            "providers/uncovered", title: "Angkatan di Luar Perjanjian Kerja Sama",
            crumbs: [Crumb("Lembaga pelatihan", .providers), Crumb("Di luar perjanjian")],
            UncoveredBatchesModel(rows, export: Export.links(req)))
    }

    private static func render(
        _ req: Request, _ p: Provider, _ v: Values, agreementID: UUID?, errors: [FieldError]
    ) async throws -> Response {
        let providerID = try p.requireID()
        let title = agreementID == nil ? "Catat Perjanjian Kerja Sama" : "Ubah Perjanjian \(v.number ?? "")"
        let form = FormModel(
            action: agreementID.map { SiteURL.providerAgreementEdit(providerID, agreement: $0).path }
                ?? SiteURL.providerAgreements(providerID).path,
            submitLabel: "Simpan", cancelHref: SiteURL.provider(providerID).path,
            fields: [
                .init(
                    name: "kind", label: "Jenis", type: "select", value: v.kind ?? "",
                    options: FormModel.options(
                        AgreementKind.allCases, selected: v.kind ?? "pks", value: \.rawValue, label: \.label)),
                .init(
                    name: "number", label: "Nomor perjanjian", value: v.number ?? "",
                    hint: "Nomor pihak Pemerintah Kota, mis. PKS/012/BKPPD/2026. Unik per lembaga."),
                .init(name: "title", label: "Judul", value: v.title ?? "", required: false),
                .init(
                    name: "scope", label: "Ruang lingkup", type: "textarea", value: v.scope ?? "",
                    hint: "Program, jalur atau kegiatan yang dicakup perjanjian."),
                .init(name: "startDate", label: "Tanggal mulai berlaku", type: "date", value: v.startDate ?? ""),
                .init(
                    name: "endDate", label: "Tanggal berakhir", type: "date", value: v.endDate ?? "",
                    hint: "Perjanjian masih berlaku pada tanggal ini."),
                .init(
                    name: "signatories", label: "Para penanda tangan", type: "textarea", value: v.signatories ?? "",
                    hint: "Satu penanda tangan per baris.", required: false),
                .init(
                    name: "file", label: "Naskah perjanjian (PDF, paling besar 5 MB)", type: "file",
                    hint: agreementID == nil ? nil : "Kosongkan bila naskah tidak diganti.", required: false),
            ], errors: errors)
        return try await req.renderPage(
            "common/form", title: title,
            crumbs: [Crumb("Lembaga pelatihan", .providers), Crumb(p.name, .provider(providerID)), Crumb(title)],
            FormPageModel(
                form: form,
                intro: errors.contains { $0.field != "file" } && v.upload != nil
                    ? "Pilih kembali berkas PDF: peramban tidak mengirim ulang berkas setelah isian ditolak." : nil),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
