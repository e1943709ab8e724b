import Fluent
import Foundation
import KompetenCore
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every route of the app (read from the router, so a new route is in the matrix the day it is
/// added) × every role × own / other OPD / other instansi:
/// - anonymous: nothing but the public pages answers without a login;
/// - another instansi's record, for every role of this instansi, by GET and by write: never a
///   success (2xx/3xx other than to the login), and nothing written there;
/// - another OPD's unit or employee, for an operator: the same;
/// - own records, every role, every GET: never a 5xx.
@Suite("Authorisation matrix: every route × every role × own/other OPD/instansi")
struct AuthorizationMatrixTests {
    static let roles = ["admin", "operator.a", "operator.b", "atasan", "pegawai", "asesor", "lpk"]

    /// Routes anyone may use.
    static func isPublic(_ path: String) -> Bool {
        [
            "/login", "/logout", "/healthz", "/livez", "/readyz", "/metrics", "/transparansi", "/api/v1/openapi.json",
            "/api/v1/auth/token",
        ].contains(path)
            || path.hasPrefix("/s/") || path.hasPrefix("/api/v1/public/") || path.hasPrefix("/transparansi/")
            || path == "/lacak" || path.hasPrefix("/lacak/")
    }

    struct Other {
        var ids: [String: UUID]
        var code: String
    }

    /// Instansi B's records of each kind, made by B's admin through the API.
    static func otherInstansi(_ app: Application, _ world: World) async throws -> Other {
        let b = try await RecordMaker(app, "admin.lain")
        let made = try await b.catalogue(in: world.otherOPD, letter: "B")
        let agreement = try await b.make(
            "/api/v1/providers/\(made.provider)/agreements",
            AgreementInput(number: "PKS/B/2026", scope: "Pelatihan", startDate: "2026-01-01", endDate: "2026-12-31"))
        struct MappingBody: Encodable {
            let kind: String, name: String, columns: [String: String]
        }
        // B's saved column mapping: no role of A may delete it (web or API).
        let mapping = try await b.make(
            "/api/v1/import-mappings",
            MappingBody(
                kind: "employees", name: "Ekspor SIASN",
                columns: ["nip": "NIP BARU", "name": "NAMA", "type": "STATUS", "rank": "GOL", "unit": "UNOR"]))
        let competency = try #require(
            try await Competency.query(on: app.db).filter(\.$instansiID == world.otherInstansi.id!).first()?.id)
        let holiday = try await b.make(
            "/api/v1/holidays", HolidayInput(date: "2026-12-31", name: "Cuti bersama Kabupaten", kind: "cuti_bersama"))
        // A resident's complaint about B's service (filed without login).
        struct ComplaintBody: Encodable { let text: String }
        let filed = try await APIClient(app: app, token: nil).send(
            .POST, "/api/v1/public/services/\(made.service)/complaints",
            json: ComplaintBody(text: "Antrean KTP-el Kabupaten sangat lama dan tidak tertib."))
        #expect(filed.status == .created, "\(filed.body.string)")
        let complaint = try #require(
            try await Complaint.query(on: app.db).filter(\.$serviceID == made.service).first()?.id)
        return Other(
            ids: [
                "units": world.otherOPD.id!, "employees": world.otherEmployee.id!,
                "users": world.users["admin.lain"]!.id!,
                "positions": made.position, "providers": made.provider, "programs": made.programme,
                "programmes": made.programme, "batches": made.batch, "agreements": agreement,
                "services": made.service, "competencies": competency, "holidays": holiday, "complaints": complaint,
                "import-mappings": mapping, "mappings": mapping,
            ],
            code: "b-ktp")
    }

    /// The path with each parameter filled: `:id` by the record of the kind named just before it.
    static func fill(_ route: Route, ids: [String: UUID], code: String) -> (path: String, bound: Bool) {
        var parts: [String] = []
        var bound = false
        for (i, component) in route.path.enumerated() {
            switch component {
            case .constant(let s): parts.append(s)
            case .parameter(let name):
                let previous = i > 0 ? route.path[i - 1].description : ""
                if name == "code" {
                    parts.append(code)
                    bound = true
                } else if name == "kind" {
                    parts.append("employees")
                } else if name == "id", let id = ids[previous] {
                    parts.append(id.uuidString)
                    bound = true
                } else {
                    parts.append(UUID().uuidString)
                }
            case .anything, .catchall: parts.append("x")
            }
        }
        return ("/" + parts.joined(separator: "/"), bound)
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, api: APIClient?, web: WebClient?)
        async throws -> TestingHTTPResponse
    {
        if path.hasPrefix("/api/") {
            return try await (api ?? APIClient(app: app, token: nil)).send(
                method, path, raw: method == .GET || method == .DELETE ? nil : "{}")
        }
        let client = web ?? WebClient(app)
        return method == .GET ? try await client.get(path) : try await client.post(path, [:])
    }

    /// A success that is a leak: any 2xx, or a redirect somewhere other than the login page.
    static func succeeded(_ r: TestingHTTPResponse) -> Bool {
        if (200..<300).contains(r.status.code) { return true }
        if (300..<400).contains(r.status.code) { return !(r.location ?? "").hasPrefix("/login") }
        return false
    }

    @Test func everyRouteEveryRoleOwnAndOtherOPDAndInstansi() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let other = try await Self.otherInstansi(app, world)
            let auditB = try await AuditEntry.query(on: app.db).filter(\.$instansiID == world.otherInstansi.id!).count()
            let routes = app.routes.all.filter { $0.method != .HEAD && $0.method != .OPTIONS }
            #expect(routes.count > 150)
            var checked = 0
            var problems: [String] = []

            // Anonymous: only public routes answer.
            for route in routes {
                let (path, _) = Self.fill(route, ids: other.ids, code: other.code)
                let r = try await Self.send(app, route.method, path, api: nil, web: nil)
                checked += 1
                if r.status.code >= 500 { problems.append("anonim \(route.method) \(path) → \(r.status.code)") }
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                if !Self.isPublic(pattern), !Self.isPublic(path), Self.succeeded(r) {
                    problems.append("anonim \(route.method) \(pattern) → \(r.status.code)")
                }
            }

            for role in Self.roles {
                let api = try await APIClient.login(app, role)
                let web = try await WebClient.login(app, role)
                // Another instansi's records, read and written.
                for route in routes {
                    let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                    guard !Self.isPublic(pattern), pattern != "/logout" else { continue }
                    let (path, bound) = Self.fill(route, ids: other.ids, code: other.code)
                    guard bound else { continue }
                    let r = try await Self.send(app, route.method, path, api: api, web: web)
                    checked += 1
                    if r.status.code >= 500 || Self.succeeded(r) {
                        problems.append("\(role) instansi lain \(route.method) \(pattern) → \(r.status.code)")
                    }
                }
                // Own instansi, every GET: never a server error.
                let own: [String: UUID] = [
                    "units": world.bidangA.id!, "employees": world.staffA.id!, "users": world.users[role]!.id!,
                ]
                for route in routes where route.method == .GET {
                    let (path, _) = Self.fill(route, ids: own, code: "x")
                    let r = try await Self.send(app, .GET, path, api: api, web: web)
                    checked += 1
                    if r.status.code >= 500 { problems.append("\(role) \(path) → \(r.status.code)") }
                }
            }

            // Another OPD of the same instansi: operator B on OPD A's unit and employee.
            let api = try await APIClient.login(app, "operator.b")
            let web = try await WebClient.login(app, "operator.b")
            let opdA: [String: UUID] = ["units": world.bidangA.id!, "employees": world.staffA.id!]
            for route in routes {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                guard !Self.isPublic(pattern), pattern != "/logout" else { continue }
                let (path, bound) = Self.fill(route, ids: opdA, code: "x")
                guard bound,
                    pattern.hasPrefix("/units/") || pattern.hasPrefix("/api/v1/units/")
                        || pattern.hasPrefix("/employees/") || pattern.hasPrefix("/api/v1/employees/")
                else { continue }
                let r = try await Self.send(app, route.method, path, api: api, web: web)
                checked += 1
                if r.status.code >= 500 || Self.succeeded(r) {
                    problems.append("operator.b OPD lain \(route.method) \(pattern) → \(r.status.code)")
                }
            }

            #expect(
                problems.isEmpty,
                Comment(rawValue: "\(problems.count) of \(checked):\n" + problems.joined(separator: "\n")))
            #expect(checked > 1_500)
            // Nothing was written in instansi B by anyone of instansi A.
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$instansiID == world.otherInstansi.id!).count()
                    == auditB)
            #expect(try await Unit.find(world.otherOPD.id, on: app.db)?.name == "Dinas Dukcapil Kabupaten Kupang")
            #expect(try await Employee.find(world.otherEmployee.id, on: app.db) != nil)
        }
    }
}
