import Foundation
import Testing
import VaporTesting

@testable import App

@Suite("Health, configuration, OpenAPI")
struct HealthAndConfigTests {
    @Test func healthzReportsTheDatabaseKind() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            let body = try response.json([String: String].self)
            #expect(body["status"] == "ok")
            #expect(body["database"] == (TestDatabase.postgresURL == nil ? "sqlite" : "postgres"))
        }
    }

    @Test func everyMigrationRevertsAndReapplies() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            try await app.autoRevert()
            try await app.autoMigrate()
            let healthy = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(healthy.status == .ok)
            #expect(try await Unit.query(on: app.db).count() == 0, "the schema was really dropped and rebuilt")
        }
    }

    @Test func databaseURLParsing() throws {
        #expect(try DatabaseLocation.parse("sqlite:kompeten.sqlite") == .sqliteFile("kompeten.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite::memory:") == .sqliteMemory)
        let pg = try DatabaseLocation.parse("postgres://u:secret@db.local:5433/kompeten")
        #expect(pg.kind == "postgres")
        #expect(!pg.description.contains("secret"))
        #expect(pg.description == "postgres://db.local:5433/kompeten")
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation.parse("mysql://x") }
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation.parse("sqlite:") }
    }

    @Test func configurationDefaultsAndSecrets() throws {
        let defaults = try AppConfig.fromEnvironment([:])
        #expect(defaults.database == .sqliteFile("kompeten.sqlite"))
        #expect(defaults.adminPassword == nil)
        #expect(defaults.loadDemo == false)
        let set = try AppConfig.fromEnvironment(["KOMPETEN_ADMIN_PASSWORD": "Sangat-Rahasia-1", "KOMPETEN_DEMO": "1"])
        #expect(set.adminPassword == "Sangat-Rahasia-1")
        #expect(set.loadDemo)
        #expect(!set.description.contains("Sangat-Rahasia-1"))
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let doc = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
            #expect(doc["openapi"] as? String == "3.0.3")
            let paths = doc["paths"] as! [String: [String: Any]]
            // Every real API route (not the 405 fallbacks, not the document itself) is documented.
            let documented = Set(
                paths.flatMap { path, ops in ops.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" }
                })
            let routes = app.routes.all.filter {
                ["api", "healthz", "livez", "readyz"].contains($0.path.first?.description ?? "")
            }
            .map { route in
                "\(route.method.rawValue) /"
                    + route.path.map {
                        $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description
                    }.joined(separator: "/")
            }
            .filter { !$0.hasSuffix("openapi.json") }
            #expect(!routes.isEmpty)
            for route in routes { #expect(documented.contains(route), "not documented: \(route)") }
            for op in documented { #expect(routes.contains(op), "documented but not served: \(op)") }
        }
    }

    @Test func unsupportedMethodIs405WithAllow() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.PATCH, "/api/v1/units")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "GET, POST")
            #expect(try response.json(APIErrorBody.self).error)
            let trace = try await app.testing().sendRequest(.TRACE, "/api/v1/units/\(UUID())")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "DELETE, GET, PUT")
            let query = try await app.testing().sendRequest(.RAW(value: "QUERY"), "/api/v1/users")
            #expect(query.status == .methodNotAllowed)
            // The literal path wins over the parameter: this is not PUT /employees/{id}.
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/employees/import")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: "Allow") == "POST")
        }
    }

    @Test func unknownAPIPathIsJSON404AndPageIsHTML404() async throws {
        try await withTestApp { app in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here")
            #expect(api.status == .notFound)
            #expect(try api.json(APIErrorBody.self).error)
            let page = try await app.testing().sendRequest(.GET, "/nothing-here")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("Halaman tidak ditemukan"))
        }
    }
}
