import Fluent
import KompetenCore
import Vapor

/// `/akun/email`: one's own e-mail address and the daily digest switch ("Kirim ringkasan harian
/// lewat e-mail"). The admin sets the same two on the user form.
enum AccountEmailController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.accountEmail.pathComponents, use: page)
        web.post(SiteURL.accountEmail.pathComponents, use: save)
    }

    struct Posted: Content {
        var email: String?
        var digest: String?
    }

    struct PageModel: Encodable {
        let form: FormModel
        /// No SMTP server configured: the address is kept, but nothing is sent yet.
        let mailOff: Bool
    }

    static func page(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.ownEmail(actor))
        let user = try await UserQueries.find(actor.userID, on: req.db)
        return try await render(
            req, Posted(email: user?.email, digest: (user?.digestEnabled ?? true) ? "1" : ""), errors: [])
    }

    static func save(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.ownEmail(actor))
        let posted = try req.content.decode(Posted.self)
        do {
            try await AccountEmailService.update(
                actor, email: posted.email, digest: posted.digest == "1", at: req.now, on: req.db)
        } catch let failure as ValidationFailure {
            return try await render(req, posted, errors: failure.errors)
        }
        Flash.add(.success, "Alamat e-mail dan pilihan ringkasan harian disimpan.", to: req)
        return req.redirect(to: SiteURL.accountEmail.path)
    }

    private static func render(_ req: Request, _ values: Posted, errors: [FieldError]) async throws -> Response {
        let form = FormModel(
            action: SiteURL.accountEmail.path, submitLabel: "Simpan", cancelHref: SiteURL.home.path,
            fields: EmailFields.fields(email: values.email, digest: values.digest), errors: errors)
        return try await req.renderPage(
            "account/email", title: "E-mail dan Ringkasan Harian", crumbs: [Crumb("E-mail")],
            PageModel(form: form, mailOff: req.application.kompeten.config.smtp == nil),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}

/// The two form fields, the same on the account page and the admin's user form.
enum EmailFields {
    static func fields(email: String?, digest: String?) -> [FormModel.Field] {
        [
            .init(
                name: "email", label: "Alamat e-mail", type: "email", value: email ?? "",
                hint:
                    "Untuk ringkasan harian pemberitahuan yang belum dibaca. Kosongkan bila tidak ingin menerima e-mail.",
                required: false, autocomplete: "email"),
            .init(
                name: "digest", label: "Kirim ringkasan harian lewat e-mail", type: "checkbox", value: digest ?? "",
                hint: "Satu e-mail sehari, hanya bila ada pemberitahuan yang belum dibaca.", required: false),
        ]
    }
}

/// Saves one's own address and digest choice, audited like the admin's user edits.
enum AccountEmailService {
    static func update(_ actor: Principal, email: String?, digest: Bool, at now: Date, on db: any Database)
        async throws
    {
        if let problem = EmailAddress.problem(email) {
            throw ValidationFailure(errors: [.init(field: "email", message: problem)])
        }
        guard let user = try await UserQueries.find(actor.userID, on: db) else { throw Abort(.notFound) }
        let before = UserSnapshot(user)
        user.email = EmailAddress.normalised(email)
        user.digestEnabled = digest
        user.updatedAt = now
        try await db.transaction { db in
            try await user.save(on: db)
            try await AuditLog.record(
                .update, entity: "user", id: user.id, summary: "Mengubah e-mail akun \(user.username)",
                before: before, after: UserSnapshot(user), actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
    }
}
