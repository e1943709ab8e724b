import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Changing one's own password: the page `/akun/password` and `POST /api/v1/me/password`
/// `{"currentPassword","newPassword"}` → 204.
///
/// Afterwards every OTHER web session and API token of the user ends (whoever may have
/// learnt the old password is out); the one making the change stays signed in — on the web
/// under a new session id, through the API with the same token. Wrong current passwords are
/// throttled (5 per 15 minutes per user, then 429), so a stolen session cannot be used to
/// guess the password.
enum PasswordController {
    static let pagePath = SiteURL.accountPassword.path
    static let apiPath = "/api/v1/me/password"
    static let temporaryReason =
        "Kata sandi Anda bersifat sementara: gantilah dengan kata sandi pilihan Anda sendiri terlebih dahulu."

    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.accountPassword.pathComponents, use: page)
        web.post(SiteURL.accountPassword.pathComponents, use: changeWeb)
        api.post("me", "password", use: changeAPI)
    }

    /// The page a user with a temporary password may still reach.
    static func isChangePage(_ req: Request) -> Bool { req.url.path == pagePath }

    struct ChangeInput: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    // MARK: API

    static func changeAPI(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor // any signed-in user, for their own account only
        let input = try req.content.decode(ChangeInput.self)
        try await PasswordService.change(actor, input, keepToken: req.currentTokenID, on: req)
        return .noContent
    }

    // MARK: Web

    struct PageModel: Encodable {
        let form: FormModel
        let temporary: Bool
    }

    static func page(req: Request) async throws -> Response {
        try await render(req, errors: [])
    }

    static func changeWeb(req: Request) async throws -> Response {
        let actor = try req.actor
        let input = try req.content.decode(ChangeInput.self)
        do {
            try await PasswordService.change(actor, input, keepToken: nil, on: req)
        } catch let failure as ValidationFailure {
            return try await render(req, errors: failure.errors)
        }
        // This browser stays signed in, under a new session id (the old ones were all ended).
        try await SessionRotation.rotate(req)
        req.session.data[SessionAuthMiddleware.userKey] = actor.userID.uuidString
        _ = req.csrfToken
        Flash.add(.success, "Kata sandi berhasil diganti. Sesi lain dan semua token API Anda telah diakhiri.", to: req)
        return req.redirect(to: SiteURL.home.path)
    }

    private static func render(_ req: Request, errors: [FieldError]) async throws -> Response {
        let actor = try req.actor
        let temporary = try await UserQueries.find(actor.userID, on: req.db)?.mustChangePassword ?? false
        let form = FormModel(
            action: pagePath, submitLabel: "Ganti kata sandi", cancelHref: SiteURL.home.path,
            fields: [
                .init(
                    name: "currentPassword", label: "Kata sandi saat ini", type: "password",
                    autocomplete: "current-password"),
                .init(
                    name: "newPassword", label: "Kata sandi baru", type: "password",
                    hint:
                        "Minimal \(Password.minimumLength) karakter. Sesi lain dan semua token API Anda akan diakhiri.",
                    autocomplete: "new-password"),
            ], errors: errors)
        return try await req.renderPage(
            "account/password", title: "Ganti Kata Sandi", crumbs: [Crumb("Ganti kata sandi")],
            PageModel(form: form, temporary: temporary), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
