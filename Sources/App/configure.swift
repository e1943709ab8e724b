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
    app.kompeten.surveyWriter = SurveyWriter(db: { [unowned app] in
        if case .sqliteFile = app.kompeten.config.database { return app.db(.surveyWrites) }
        return app.db
    })
    // Shared state created before the server takes requests (Storage is not for concurrent writes).
    app.storage[Application.Kompeten.MetricsKey.self] = AppMetrics()
    app.storage[Application.Kompeten.ClusterSecretKey.self] = ClusterSecret()
    app.storage[Application.Kompeten.DummyHashKey.self] = DummyPasswordHash()
    app.storage[Application.Kompeten.LoginVerificationsKey.self] = LoginVerificationCounter()
    _ = app.kompeten.instanceName
    app.logger.info("Kompeten starting: \(config)")

    if config.database.kind == "sqlite" {
        // SQLite runs every statement on the blocking thread pool, which is as wide as the
        // cores (2 here). Two statements waiting in SQLite's lock loop for a writer could hold
        // both threads while the writer's next statement queued behind them: a stall seen in
        // the parallel test run. A wider pool leaves the writer a thread.
        app.threadPool = NIOThreadPool(numberOfThreads: max(4, System.coreCount * 2))
    }
    try useDatabase(config.database, poolSize: config.databasePoolSize, on: app)

    // Our own driver over `web_sessions` (see WebSessionDriver): per-user ending, purging,
    // an absolute lifetime, and no row for anonymous visitors.
    app.sessions.use { _ in WebSessionDriver() }
    app.sessions.configuration = SessionsConfiguration(cookieName: WebSessionDriver.cookieName) { id in
        HTTPCookies.Value(
            string: id.string, maxAge: Int(config.sessionLifetime), path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    // Bcrypt's default cost in production; a cheap cost in tests keeps hundreds of logins fast.
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    // JSON bodies above 1 MB are refused before they are read whole.
    app.routes.defaultMaxBodySize = "1mb"

    ContentConfiguration.global.use(encoder: JSONEncoder.custom(dates: .iso8601), for: .json)
    // Control characters in stored text are refused (422) as each body is decoded.
    TextHygieneDecoders.install()
    app.middleware = Middlewares()
    // Outermost first: headers on every answer (the 503s too), then the request log and metrics,
    // then the database-outage guard around everything that may touch the database (sessions too).
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(OutageMiddleware())
    // Sessions are global (not per route group) so that error pages for unknown URLs can read them too.
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(KompetenErrorMiddleware(environment: app.environment))
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))

    Migrations.register(on: app)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(MonitoringCommand(), as: "monitoring-rebuild")
    app.asyncCommands.use(SuperadminCommand(), as: "create-superadmin")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(DigestCommand(), as: "digest")
    app.lifecycle.use(BootstrapOnServe())
    app.lifecycle.use(JobScheduler())
    app.lifecycle.use(ServerPresenceLifecycle())
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")

    try routes(app)
}

extension DatabaseID {
    /// The SurveyWriter's own connections to the SQLite file (see `useDatabase`).
    static let surveyWrites = DatabaseID(string: "survey-writes")
}

private func useDatabase(_ location: DatabaseLocation, poolSize: Int, on app: Application) throws {
    switch location {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        // The grouped survey commits get connections of their own (Fluent keeps one SQLite
        // connection per event loop): a group holds its connection through the commit's flush,
        // and every other request of that event loop waited behind it. WAL lets the readers on
        // the main connections go on meanwhile.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .surveyWrites, isDefault: false)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        // A short pool timeout: while PostgreSQL is down, a request fails with 503 in seconds
        // instead of holding the user (and nginx's connection) for long.
        app.databases.use(
            .postgres(
                configuration: postgres, maxConnectionsPerEventLoop: poolSize,
                connectionPoolTimeout: .seconds(5), sqlLogLevel: .debug), as: .psql)
        app.kompeten.metrics.poolSize(poolSize * System.coreCount)
    }
}
