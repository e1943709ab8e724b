import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 19: every count on a home page links to a list that counts the same rows. The home
/// page reads its figures with its own queries; the lists read theirs with the list pages'
/// queries and paging, so this compares two independent paths, for every role.
@Suite("Home pages: each figure equals the list it links to")
struct HomePageTests {
    /// The fixture's provider login is bound to no institution (its page says so); the demo's
    /// `lpk.bpsdmd` is checked by the browser test.
    static let users = ["admin", "operator.a", "atasan", "pegawai", "asesor"]

    @Test func everyFigureEqualsItsList() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await AuthorizationMatrixDataTests.seed(app, world)
            _ = try await EvaluateTests.completedTraining(app, world)
            let service = try await PublicServicesTests.service(app, world)
            _ = try await ComplaintTests.file(app, service.id)
            var checked = 0
            for user in Self.users {
                let client = try await WebClient.login(app, user)
                let home = try await client.get("/")
                #expect(home.status == .ok)
                let page = home.body.string
                #expect(page.contains("<h1>Beranda</h1>"), "\(user)")
                #expect(!page.contains("id=\"org-tree\""), "\(user): the organisation tree moved to /units")
                let figures = Self.figures(page)
                #expect(!figures.isEmpty, "\(user) has counted figures")
                for (href, figure) in figures {
                    let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
                        String.init)
                    let list = parts[0].isEmpty ? page : try await client.get(parts[0]).body.string
                    let total = Self.listTotal(list, fragment: parts.count > 1 ? parts[1] : nil)
                    #expect(
                        total == figure, "\(user): \(href) says \(figure) on the home page, its list \(total ?? -1)")
                    checked += 1
                }
            }
            #expect(checked >= 20)
        }
    }

    /// The operator's worklist names every step's figures; the employee sees their own profile.
    @Test func eachRoleSeesItsOwnSections() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await AuthorizationMatrixDataTests.seed(app, world)
            let expected: [String: [String]] = [
                "admin": ["id=\"worklist\"", "id=\"fig-services-standar\"", "id=\"fig-overdue-l3\""],
                "operator.a": ["id=\"worklist\"", "id=\"rencana-menunggu\"", "id=\"fig-assessment-needs\""],
                "atasan": ["id=\"team\"", "id=\"team-heat\"", "id=\"my-competency\""],
                "pegawai": ["id=\"my-competency\"", "id=\"my-jp\"", "id=\"my-plan\""],
                "asesor": ["id=\"fig-reassessment-overdue\"", "id=\"asesmen-terbaru\""],
                "lpk": ["id=\"provider-unbound\""],
            ]
            let absent: [String: [String]] = [
                "pegawai": ["id=\"worklist\"", "id=\"team\""],
                "operator.a": ["id=\"opd-lowest-jpm\"", "id=\"team\""],
                "lpk": ["id=\"worklist\"", "id=\"my-competency\""],
            ]
            for (user, marks) in expected {
                let page = try await WebClient.login(app, user).get("/").body.string
                for mark in marks { #expect(page.contains(mark), "\(user) sees \(mark)") }
                for mark in absent[user] ?? [] { #expect(!page.contains(mark), "\(user) does not see \(mark)") }
            }
        }
    }

    /// (href, figure) of every `<a … href="…" … data-figure="n">`.
    static func figures(_ html: String) -> [(String, Int)] {
        let pattern = /<a [^>]*href="([^"]*)"[^>]*data-figure="(\d+)"/
        return html.matches(of: pattern).map {
            (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), Int($0.2)!)
        }
    }

    /// The `data-list-total` of the element with id `fragment`, or the first on the page.
    static func listTotal(_ html: String, fragment: String?) -> Int? {
        if let fragment {
            guard let m = html.firstMatch(of: try! Regex("id=\"\(fragment)\"[^>]*data-list-total=\"(\\d+)\"")) else {
                return nil
            }
            return (m.output[1].substring).flatMap { Int($0) }
        }
        return html.firstMatch(of: /data-list-total="(\d+)"/).flatMap { Int($0.1) }
    }
}
