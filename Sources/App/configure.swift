import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Wires the application: configuration, database, sessions, views, middleware, migrations, routes.
public func configure(_ app: Application, config: AppConfig? = nil) async throws {
    let config = try config ?? AppConfig.fromEnvironment()
    app.kompeten.config = config
    app.kompeten.surveyGate = SurveyRateGate(perMinute: config.surveyRateLimit)
    app.kompeten.surveyWriter = SurveyWriter(db: { [unowned app] in app.db })
    app.logger.info("Kompeten starting: \(config)")

    try useDatabase(config.database, on: app)

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "kompeten_session") { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(config.sessionLifetime), path: "/",
                          isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    // Bcrypt's default cost in production; a cheap cost in tests keeps hundreds of logins fast.
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    // JSON bodies above 1 MB are refused before they are read whole.
    app.routes.defaultMaxBodySize = "1mb"

    ContentConfiguration.global.use(encoder: JSONEncoder.custom(dates: .iso8601), for: .json)
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    // Sessions are global (not per route group) so that error pages for unknown URLs can read them too.
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(KompetenErrorMiddleware(environment: app.environment))
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))

    Migrations.register(on: app)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(MonitoringCommand(), as: "monitoring-rebuild")
    app.asyncCommands.use(SuperadminCommand(), as: "create-superadmin")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.lifecycle.use(BootstrapOnServe())

    try routes(app)
}

private func useDatabase(_ location: DatabaseLocation, on app: Application) throws {
    switch location {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4,
                                    connectionPoolTimeout: .seconds(10), sqlLogLevel: .debug), as: .psql)
    }
}
