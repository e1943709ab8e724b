import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// A button and the route behind it decide from the same AccessPolicy function, so for every
/// role of the test world:
/// - every link a page shows (its buttons and the menu) opens for that role;
/// - a creation form the role may open has its button on the list page, and one it may not has none;
/// - a menu destination is in the menu exactly when the role may open it.
@Suite("Buttons and menu links lead to routes the role may use, and allowed ones are shown")
struct ButtonRouteAgreementTests {
    static let roles = ["admin", "operator.a", "operator.b", "atasan", "pegawai", "asesor", "lpk", "superadmin"]

    /// List page → the creation forms its buttons lead to.
    static let creations: [(page: SiteURL, form: SiteURL)] = [
        (.positions, .positionNew(unit: nil)), (.positions, .positionBulk), (.employees, .employeeNew),
        (.programmes, .programmeNew), (.providers, .providerNew), (.services, .serviceNew), (.users, .userNew),
    ]

    /// The records a page can show buttons for, made by BKPPD; the provider login acts for the
    /// programme's institution.
    static func records(_ app: Application, _ world: World) async throws -> RecordMaker.Catalogue {
        let made = try await RecordMaker(app, "admin").catalogue(in: world.opdA, letter: "A")
        let lpk = try #require(world.users["lpk"])
        lpk.providerID = made.provider
        try await lpk.save(on: app.db)
        return made
    }

    /// The pages whose buttons are checked: the lists of the brief and the records' own pages.
    static func pages(_ r: RecordMaker.Catalogue) -> [SiteURL] {
        [
            .home, .positions, .position(r.position), .plans, .evaluations, .programmes, .programme(r.programme),
            .providers, .services, .service(r.service), .users, .employees, .units, .competencies, .instansiList,
        ]
    }

    /// One signed-in role, remembering which paths it may open.
    final class Visitor {
        let name: String
        let client: WebClient
        var answers: [String: TestingHTTPResponse] = [:]

        init(_ name: String, _ client: WebClient) {
            self.name = name
            self.client = client
        }

        func answer(_ path: String) async throws -> TestingHTTPResponse {
            if let known = answers[path] { return known }
            let r = try await client.get(path)
            answers[path] = r
            return r
        }

        /// The link opens: 200, or a redirect that is not to the login (the superadmin's home).
        func mayFollow(_ path: String) async throws -> Bool {
            let r = try await answer(path)
            return r.status == .ok
                || ([.found, .seeOther].contains(r.status) && r.location?.hasPrefix("/login") == false)
        }

        /// The page itself opens for this role (what a menu item or a button promises).
        func mayOpen(_ path: String) async throws -> Bool { try await answer(path).status == .ok }
    }

    /// The internal links of an HTML fragment, unescaped, without fragments and static assets.
    static func links(_ html: Substring) -> Set<String> {
        var found: Set<String> = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            var href = String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            rest = tail[end...]
            if let hash = href.firstIndex(of: "#") { href = String(href[..<hash]) }
            guard href.hasPrefix("/"), !href.hasPrefix("//"), !href.hasPrefix("/static/"), href != "/logout",
                !href.hasSuffix(".css"), !href.hasSuffix(".js"), !href.hasSuffix(".svg"), !href.hasSuffix(".ico")
            else { continue }
            found.insert(href)
        }
        return found
    }

    /// The main menu of a page.
    static func menu(_ html: String) -> Substring {
        guard let start = html.range(of: "<nav class=\"site-nav\""),
            let end = html[start.upperBound...].range(of: "</nav>")
        else { return "" }
        return html[start.lowerBound..<end.lowerBound]
    }

    @Test func everyShownLinkOpensAndEveryAllowedCreationIsShown() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let records = try await Self.records(app, world)
            var menus: [String: Set<String>] = [:]
            var visitors: [Visitor] = []
            for role in Self.roles {
                let visitor = Visitor(role, try await WebClient.login(app, role))
                visitors.append(visitor)
                for page in Self.pages(records) {
                    let r = try await visitor.client.get(page.path)
                    guard r.status == .ok else { continue }
                    let html = r.body.string
                    menus[role, default: []].formUnion(Self.links(Self.menu(html)))
                    for link in Self.links(html[...]).sorted() {
                        let opens = try await visitor.mayFollow(link)
                        #expect(opens, "\(role): \(page.path) shows a link to \(link), which refuses this role")
                    }
                    for (list, form) in Self.creations where list.path == page.path {
                        let shown = html.contains("href=\"\(form.path)\"")
                        let allowed = try await visitor.mayOpen(form.path)
                        #expect(
                            shown == allowed,
                            "\(role): \(page.path) \(shown ? "shows" : "hides") \(form.path), the route \(allowed ? "allows" : "refuses") it"
                        )
                    }
                }
            }
            // Not vacuous: the menus were read, and creations are both shown and refused somewhere.
            #expect(menus["admin"]?.contains(SiteURL.plans.path) == true)
            #expect(menus["superadmin"] == [SiteURL.instansiList.path])
            #expect(menus["lpk"]?.contains(SiteURL.programmes.path) == true)
            // Menu destinations: each role's menu has exactly the ones it may open. Links to one
            // person's own page ("Rencana saya") are checked above only (shown ⇒ opens): another
            // role may open someone's plans without the menu linking to them. The public
            // transparency page needs no login and no policy: every instansi menu links it.
            let destinations = menus.values.reduce(into: Set<String>()) { $0.formUnion($1) }.filter { path in
                !path.split(separator: "/").contains { UUID(uuidString: String($0)) != nil }
                    && path != SiteURL.transparency.path
            }
            for visitor in visitors {
                for path in destinations.sorted() {
                    let shown = menus[visitor.name, default: []].contains(path)
                    var allowed = try await visitor.mayOpen(path)
                    if path == SiteURL.evaluations.path, allowed {
                        // The page opens for every account; without an employee record it only
                        // says there is nothing to fill (the same `ownEvaluations` decision).
                        allowed = !(try await visitor.client.get(path)).body.string.contains(
                            "tidak terhubung dengan data pegawai")
                    }
                    #expect(
                        shown == allowed,
                        "\(visitor.name): the menu \(shown ? "shows" : "hides") \(path), the route \(allowed ? "allows" : "refuses") it"
                    )
                }
            }
        }
    }
}
