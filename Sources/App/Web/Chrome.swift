import KompetenCore
import Vapor

/// What the base layout needs on every page: title, the user, navigation, breadcrumbs, flash.
struct Chrome: Encodable {
    struct UserInfo: Encodable {
        let username: String
        let roleLabel: String
    }
    struct NavItem: Encodable {
        let label: String
        let href: String?
        let active: Bool
    }
    struct NavArea: Encodable {
        let title: String
        let items: [NavItem]
    }
    struct Crumb: Encodable {
        let label: String
        let href: String?
    }
    /// The signed-in person's own pages, linked beside their name.
    struct AccountLinks: Encodable {
        let data = SiteURL.accountData.path, tokens = SiteURL.accountTokens.path,
            password = SiteURL.accountPassword.path, logout = SiteURL.logout.path
        /// Only for those the e-mail page serves (`AccessPolicy.ownEmail`: instansi accounts).
        var email: String? = nil
    }

    let title: String
    let homeHref = SiteURL.home.path
    /// Linked in the footer of a signed-out page (the login page): public, and the page's <nav>.
    let transparencyHref = SiteURL.transparency.path
    let user: UserInfo?
    var account = AccountLinks()
    let nav: [NavArea]
    let breadcrumbs: [Crumb]
    let flash: [Flash]
    let csrf: String
    let today: String
    /// The notification bell: set by `renderPage` for a signed-in person of an instansi.
    var bell: Bell?
    /// Prints on A4 landscape (`PrintLayout`).
    var printWide = false

    struct Bell: Encodable {
        let unread: Int
        let href = SiteURL.notifications.path
        /// "3 pemberitahuan belum dibaca", for screen readers and the title.
        let label: String
        init(unread: Int) {
            self.unread = unread
            label = unread == 0 ? "Pemberitahuan" : "\(unread) pemberitahuan belum dibaca"
        }
    }
}

/// A page: the chrome plus the page's own view model under `content`.
struct Page<Content: Encodable>: Encodable {
    let chrome: Chrome
    let content: Content
}

struct Crumb {
    let label: String
    let url: SiteURL?
    init(_ label: String, _ url: SiteURL? = nil) {
        self.label = label
        self.url = url
    }
}

extension Request {
    /// Renders a page inside the base layout.
    func renderPage<C: Encodable>(
        _ template: String, title: String, crumbs: [Crumb] = [], _ content: C,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        var chrome = chrome(title: title, crumbs: crumbs)
        chrome.printWide = PrintLayout.isLandscape(template)
        if let actor = actorIfPresent, actor.instansiID != nil {
            chrome.bell = .init(unread: try await NotificationBell.unread(for: actor, at: now, on: db))
        }
        let page = Page(chrome: chrome, content: content)
        let response = try await view.render(template, page).encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func chrome(title: String, crumbs: [Crumb]) -> Chrome {
        let actor = actorIfPresent
        // The home page needs no trail; every other signed-in page starts at "Beranda".
        let crumbList =
            actor == nil || crumbs.isEmpty
            ? []
            : [Chrome.Crumb(label: "Beranda", href: SiteURL.home.path)]
                + crumbs.map { Chrome.Crumb(label: $0.label, href: $0.url?.path) }
        var chrome = Chrome(
            title: title,
            user: actor.map { .init(username: $0.username, roleLabel: $0.role.label) },
            nav: actor.map { Navigation.areas(for: $0, currentPath: url.path) } ?? [],
            breadcrumbs: crumbList,
            flash: Flash.take(from: self),
            // A signed-in user's session token; else the login form's cookie token (when the
            // CSRF middleware made one); never a new session just for rendering.
            csrf: actor != nil ? csrfToken : (LoginFormToken.current(self) ?? ""),
            today: IndonesianFormat.date(now)
        )
        if let actor, AccessPolicy.ownEmail(actor).isAllowed { chrome.account.email = SiteURL.accountEmail.path }
        return chrome
    }
}
