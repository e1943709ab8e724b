import Foundation

/// Every setting Kompeten reads from the environment, read in one place with safe defaults.
/// Secrets (the admin password, database password) are never logged: `description` masks them.
public struct AppConfig: Sendable, CustomStringConvertible {
    public var database: DatabaseLocation
    /// Password for the `admin` account created on first start; nil → a random one is printed once.
    public var adminPassword: String?
    /// Load the Kota Kupang demo data on first start with an empty database.
    public var loadDemo: Bool
    /// Set the `Secure` flag on the session cookie (true behind TLS).
    public var secureCookies: Bool
    /// How long a web session lasts without activity, and an API token in total.
    public var sessionLifetime: TimeInterval
    public var tokenLifetime: TimeInterval
    /// How long a web session lasts at most after login, however active (a session left open
    /// on a shared office computer ends by the next working day).
    public var sessionMaxLifetime: TimeInterval
    /// Name of the first instansi created on first start.
    public var instansiName: String
    /// Largest accepted upload (evidence files, imports), in megabytes.
    public var uploadLimitMB: Int
    /// Public SKM responses accepted per minute from one address (`0` = no limit). A counter
    /// kiosk sends every resident's response from one address, so the default allows a burst of
    /// 60 — far more than a queue produces — while a script flooding the form is stopped.
    public var surveyRateLimit: Int
    /// The address printed under the QR codes (`https://layanan.kupangkota.go.id`); empty = the
    /// address the page was requested on.
    public var publicURL: String
    /// Addresses of the reverse proxies (nginx) in front of the app, comma-separated. Only from
    /// these is `X-Forwarded-For` believed (login throttle, survey rate limit, logs) and
    /// `X-Forwarded-Proto: https` taken to mean the client used TLS (HSTS).
    public var trustedProxies: Set<String>
    /// `text` (default, for a terminal) or `json` (one object a line, for journald/log shippers).
    public var logFormat: String
    /// Seconds between the scheduler's checks for due jobs; `0` turns the scheduler off in this
    /// instance (every instance may run it: a job still runs once, under a database lease).
    public var jobIntervalSeconds: Int
    /// Database connections per event loop (PostgreSQL); instances × cores × this must stay
    /// below PostgreSQL's `max_connections`.
    public var databasePoolSize: Int
    /// The mail server for the daily digest of notices; nil (no `KOMPETEN_SMTP_HOST`) = no mail.
    public var smtp: SMTPConfig?

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        func flag(_ key: String) -> Bool { ["1", "true", "yes", "ya"].contains(env[key]?.lowercased() ?? "") }
        return AppConfig(
            database: try DatabaseLocation.parse(env["DATABASE_URL"] ?? "sqlite:kompeten.sqlite"),
            adminPassword: env["KOMPETEN_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            loadDemo: flag("KOMPETEN_DEMO"),
            secureCookies: flag("KOMPETEN_SECURE_COOKIES"),
            sessionLifetime: TimeInterval(env["KOMPETEN_SESSION_HOURS"].flatMap(Int.init) ?? 8) * 3600,
            tokenLifetime: TimeInterval(env["KOMPETEN_TOKEN_HOURS"].flatMap(Int.init) ?? 12) * 3600,
            sessionMaxLifetime: TimeInterval(max(1, env["KOMPETEN_SESSION_MAX_HOURS"].flatMap(Int.init) ?? 12)) * 3600,
            instansiName: env["KOMPETEN_INSTANSI_NAME"] ?? "Pemerintah Kota Kupang",
            uploadLimitMB: max(1, env["KOMPETEN_UPLOAD_MAX_MB"].flatMap(Int.init) ?? 20),
            surveyRateLimit: max(0, env["KOMPETEN_SURVEY_RATE_LIMIT"].flatMap(Int.init) ?? 60),
            publicURL: (env["KOMPETEN_PUBLIC_URL"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/ ")),
            trustedProxies: Set(
                (env["KOMPETEN_TRUSTED_PROXIES"] ?? "").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            logFormat: env["KOMPETEN_LOG_FORMAT"]?.lowercased() == "json" ? "json" : "text",
            jobIntervalSeconds: max(0, env["KOMPETEN_JOB_INTERVAL_SECONDS"].flatMap(Int.init) ?? 60),
            databasePoolSize: min(64, max(1, env["KOMPETEN_DB_POOL_SIZE"].flatMap(Int.init) ?? 4)),
            smtp: SMTPConfig.fromEnvironment(env)
        )
    }

    public var description: String {
        "database=\(database) demo=\(loadDemo) secureCookies=\(secureCookies) surveyRateLimit=\(surveyRateLimit) trustedProxies=\(trustedProxies.sorted()) jobs=\(jobIntervalSeconds)s pool=\(databasePoolSize) smtp=\(smtp.map { "\($0.host):\($0.port)" } ?? "off") adminPassword=\(adminPassword == nil ? "unset" : "***")"
    }
}

/// The SMTP server of the daily digest. The password comes only from `KOMPETEN_SMTP_PASSWORD`:
/// never stored in the database, never shown, never logged (`description` leaves it out).
public struct SMTPConfig: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        case none, starttls, tls
        public var label: String {
            switch self {
            case .none: "Tanpa enkripsi"
            case .starttls: "STARTTLS"
            case .tls: "TLS"
            }
        }
    }

    public var host: String
    public var port: Int
    /// The From address (`kompeten@kupangkota.go.id`).
    public var sender: String
    public var security: Security
    public var username: String?
    public var password: String?
    /// Hour of the day (WITA, 0–23) from which the day's digests go out.
    public var sendHour: Int

    public init(
        host: String, port: Int, sender: String, security: Security, username: String? = nil,
        password: String? = nil, sendHour: Int = 7
    ) {
        self.host = host
        self.port = port
        self.sender = sender
        self.security = security
        self.username = username
        self.password = password
        self.sendHour = sendHour
    }

    static func fromEnvironment(_ env: [String: String]) -> SMTPConfig? {
        func value(_ key: String) -> String? {
            env[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let host = value("KOMPETEN_SMTP_HOST") else { return nil }
        let security = Security(rawValue: value("KOMPETEN_SMTP_SECURITY")?.lowercased() ?? "") ?? .starttls
        let defaultPort = security == .tls ? 465 : (security == .starttls ? 587 : 25)
        return SMTPConfig(
            host: host, port: value("KOMPETEN_SMTP_PORT").flatMap(Int.init) ?? defaultPort,
            sender: value("KOMPETEN_SMTP_FROM") ?? "kompeten@\(host)", security: security,
            username: value("KOMPETEN_SMTP_USERNAME"),
            password: env["KOMPETEN_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            sendHour: min(23, max(0, value("KOMPETEN_DIGEST_HOUR").flatMap(Int.init) ?? 7)))
    }
}
