import Fluent
import KompetenCore
import Vapor

/// Superadmin pages: the hosted instansi and creating a new one with its first admin.
enum InstansiController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.instansiList.pathComponents, use: index)
        web.get(SiteURL.instansiNew.pathComponents, use: newForm)
        web.post(SiteURL.instansiList.pathComponents, use: create)
    }

    struct Row: Encodable {
        let code: String
        let name: String
        let created: String
        let admins: String
    }
    struct ListModel: Encodable {
        let rows: [Row]
        let newHref: String
    }
    struct Posted: Content {
        var code: String?
        var name: String?
        var adminUsername: String?
        var adminPassword: String?
    }

    static func index(req: Request) async throws -> Response {
        try req.authorize(AccessPolicy.manageInstansi(try req.actor))
        let all = try await InstansiQueries.byName(on: req.db)
        let admins = try await InstansiQueries.admins(on: req.db)
        let model = ListModel(
            rows: all.map {
                Row(
                    code: $0.code, name: $0.name, created: IndonesianFormat.date($0.createdAt),
                    admins: (admins[$0.id!] ?? []).joined(separator: ", "))
            },
            newHref: SiteURL.instansiNew.path)
        return try await req.renderPage("instansi/index", title: "Instansi", crumbs: [Crumb("Instansi")], model)
    }

    static func newForm(req: Request) async throws -> Response {
        try req.authorize(AccessPolicy.manageInstansi(try req.actor))
        return try await renderForm(req, Posted(), errors: [])
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.manageInstansi(actor))
        let posted = try req.content.decode(Posted.self)
        do {
            let instansi = try await InstansiService.create(
                code: posted.code ?? "", name: posted.name ?? "",
                adminUsername: posted.adminUsername ?? "", adminPassword: posted.adminPassword ?? "",
                competencies: try CompetencyService.nationalSeed(req.application),
                actor: actor, at: req.now, on: req.db, hasher: req.password.async)
            Flash.add(.success, "Instansi \(instansi.name) dibuat beserta admin pertamanya.", to: req)
            return req.redirect(to: SiteURL.instansiList.path)
        } catch let failure as ValidationFailure {
            var kept = posted
            kept.adminPassword = nil
            return try await renderForm(req, kept, errors: failure.errors)
        }
    }

    struct FormPage: Encodable { let form: FormModel }

    private static func renderForm(_ req: Request, _ p: Posted, errors: [FieldError]) async throws -> Response {
        let form = FormModel(
            action: SiteURL.instansiList.path, submitLabel: "Buat instansi", cancelHref: SiteURL.instansiList.path,
            fields: [
                .init(
                    name: "code", label: "Kode instansi", value: p.code ?? "",
                    hint: "Huruf kecil, angka, tanda hubung; mis. kab-kupang"),
                .init(name: "name", label: "Nama instansi", value: p.name ?? ""),
                .init(name: "adminUsername", label: "Nama pengguna admin pertama", value: p.adminUsername ?? ""),
                .init(
                    name: "adminPassword", label: "Kata sandi admin pertama", type: "password",
                    hint: "Minimal 10 karakter.", autocomplete: "new-password"),
            ], errors: errors)
        return try await req.renderPage(
            "instansi/form", title: "Tambah Instansi", crumbs: [Crumb("Instansi", .instansiList), Crumb("Tambah")],
            FormPage(form: form), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
