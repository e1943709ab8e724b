import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor
import VaporTesting

@testable import App

/// A fixed "now" (29 November 2026 10:00 WITA) so audit timestamps are exact.
let testNow = Date(timeIntervalSince1970: 1_795_917_600)

/// Runs `test` against a freshly configured app with its own empty, migrated database:
/// in-memory SQLite by default, or a new PostgreSQL database per test when
/// KOMPETEN_TEST_POSTGRES_URL is set (the test command does that for the second run).
func withTestApp(settings: (inout AppConfig) -> Void = { _ in }, _ test: (Application) async throws -> Void)
    async throws
{
    let location = try await TestDatabase.fresh()
    let app = try await Application.make(.testing)
    do {
        var config = try AppConfig.fromEnvironment([:])
        config.database = location
        // Swift Testing runs the suites in parallel, each test with its own PostgreSQL database:
        // 2 connections per event loop keep ~180 apps inside the test cluster's max_connections.
        if case .postgres = location { config.databasePoolSize = 2 }
        settings(&config)
        app.logger.logLevel = .warning
        try await configure(app, config: config)
        app.kompeten.clock = { testNow }
        try await app.autoMigrate()
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

enum TestDatabase {
    static var postgresURL: String? { ProcessInfo.processInfo.environment["KOMPETEN_TEST_POSTGRES_URL"] }

    static func fresh() async throws -> DatabaseLocation {
        guard let base = postgresURL, let baseURL = URL(string: base) else { return .sqliteMemory }
        let name = "kt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let admin = try await Application.make(.testing)
        do {
            admin.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: baseURL)), as: .psql)
            try await admin.db.sql.raw("CREATE DATABASE \(ident: String(name))").run()
        } catch {
            try? await admin.asyncShutdown()
            throw error
        }
        try await admin.asyncShutdown()
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.path = "/" + name
        return .postgres(components.url!)
    }
}

/// Foundation also has a `Unit` (measurement units); in tests `Unit` means the organisation unit.
typealias Unit = App.Unit
