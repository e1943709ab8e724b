import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// The main pages as each role sees them, compared with reviewed snapshots (see `HTMLSnapshot`).
/// The world: the test fixture's two OPDs and every role, positions with a standard, assessments
/// and SKP ratings (the authorisation data seed), a completed training with its L3 window open,
/// and a KTP-el service with three survey responses, all on the fixed "today" of 29 Nov 2026.
@Suite("Page snapshots: the main pages render as reviewed")
struct PageSnapshotTests {
    struct Shot: Sendable, CustomTestStringConvertible {
        let name: String
        let user: String?
        let path: @Sendable (Ids) -> String
        var testDescription: String { name }
    }

    struct Ids: Sendable {
        let staffA: UUID
        let serviceCode: String
        let trackingCode: String
    }

    static let shots: [Shot] = [
        Shot(name: "dashboard-admin", user: "admin") { _ in "/" },
        Shot(name: "dashboard-operator", user: "operator.a") { _ in "/" },
        Shot(name: "dashboard-supervisor", user: "atasan") { _ in "/" },
        Shot(name: "dashboard-employee", user: "pegawai") { _ in "/" },
        Shot(name: "dashboard-assessor", user: "asesor") { _ in "/" },
        Shot(name: "dashboard-provider", user: "lpk") { _ in "/" },
        Shot(name: "superadmin-instansi", user: "superadmin") { _ in SiteURL.instansiList.path },
        Shot(name: "employee-profile", user: "admin") { SiteURL.employee($0.staffA).path },
        Shot(name: "employee-profile-self", user: "pegawai") { SiteURL.employee($0.staffA).path },
        Shot(name: "gap-report", user: "admin") { _ in SiteURL.gapList.path },
        Shot(name: "heat-map", user: "admin") { _ in SiteURL.heatMap.path },
        Shot(name: "jpm-distribution", user: "operator.a") { _ in SiteURL.jpmDistribution.path },
        Shot(name: "needs-analysis", user: "admin") { _ in SiteURL.needs.path },
        Shot(name: "annual-plan", user: "admin") { _ in SiteURL.annualPlan.path },
        Shot(name: "monitoring", user: "admin") { _ in SiteURL.monitoring.path },
        Shot(name: "talent", user: "admin") { _ in SiteURL.talent.path + "?year=2025" },
        Shot(name: "evaluations-supervisor", user: "atasan") { _ in SiteURL.evaluations.path },
        Shot(name: "skm-report", user: "admin") { _ in SiteURL.skmReport.path },
        Shot(name: "transparency", user: nil) { _ in SiteURL.transparency.path },
        Shot(name: "public-survey", user: nil) { SiteURL.survey($0.serviceCode).path },
        Shot(name: "public-standard", user: nil) { SiteURL.publicStandard($0.serviceCode).path },
        Shot(name: "public-standard-poster", user: nil) { SiteURL.publicStandardPoster($0.serviceCode).path },
        Shot(name: "login", user: nil) { _ in SiteURL.login(next: nil).path },
        Shot(name: "complaint-form", user: nil) { SiteURL.complaintForm($0.serviceCode).path },
        Shot(name: "complaint-track", user: nil) { SiteURL.complaintTrack($0.trackingCode).path },
        Shot(name: "complaints-operator", user: "operator.a") { _ in SiteURL.complaints.path },
    ]

    /// Every snapshot of one run, taken on one world (building it costs more than the pages).
    @Test func mainPagesMatchTheirSnapshots() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await AuthorizationMatrixDataTests.seed(app, world)
            _ = try await EvaluateTests.completedTraining(app, world)
            let service = try await PublicServicesTests.service(app, world)
            for answers in [[4, 4, 3, 4, 4, 3, 4, 4, 4], [3, 3, 3, 2, 4, 3, 3, 4, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4]] {
                let r = try await PublicServicesTests.post(app, service.id, answers)
                #expect(r.status == .created, "\(r.body.string)")
            }
            let filed = try await ComplaintTests.file(app, service.id)
            let ids = Ids(
                staffA: world.staffA.id!, serviceCode: service.code.lowercased(), trackingCode: filed.trackingCode)
            var clients: [String: WebClient] = [:]
            for shot in Self.shots {
                let client: WebClient
                if let user = shot.user {
                    if clients[user] == nil { clients[user] = try await WebClient.login(app, user) }
                    client = clients[user]!
                } else {
                    client = WebClient(app)
                }
                let response = try await client.get(shot.path(ids))
                #expect(response.status == .ok, "\(shot.name): \(response.status) \(response.body.string.prefix(300))")
                try HTMLSnapshot.assertMatches(response.body.string, named: shot.name)
            }
        }
    }

    /// The normaliser keeps what a page shows and replaces only what varies between runs.
    @Test func normaliserReplacesIdsAndTokensOnly() {
        let a = UUID().uuidString
        let b = UUID().uuidString.lowercased()
        let html = """
            <a href="/employees/\(a)">Maria</a> <a href="/units/\(b)">\(a)</a>   
            <input type="hidden" name="_csrf" value="k3y+/=">
            """
        #expect(
            HTMLSnapshot.normalise(html) == """
                <a href="/employees/uuid-1">Maria</a> <a href="/units/uuid-2">uuid-1</a>
                <input type="hidden" name="_csrf" value="<csrf>">
                """)
    }
}
