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

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        func flag(_ key: String) -> Bool { ["1", "true", "yes", "ya"].contains(env[key]?.lowercased() ?? "") }
        return AppConfig(
            database: try DatabaseLocation.parse(env["DATABASE_URL"] ?? "sqlite:kompeten.sqlite"),
            adminPassword: env["KOMPETEN_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            loadDemo: flag("KOMPETEN_DEMO"),
            secureCookies: flag("KOMPETEN_SECURE_COOKIES"),
            sessionLifetime: TimeInterval(env["KOMPETEN_SESSION_HOURS"].flatMap(Int.init) ?? 8) * 3600,
            tokenLifetime: TimeInterval(env["KOMPETEN_TOKEN_HOURS"].flatMap(Int.init) ?? 12) * 3600,
            instansiName: env["KOMPETEN_INSTANSI_NAME"] ?? "Pemerintah Kota Kupang",
            uploadLimitMB: max(1, env["KOMPETEN_UPLOAD_MAX_MB"].flatMap(Int.init) ?? 20),
            surveyRateLimit: max(0, env["KOMPETEN_SURVEY_RATE_LIMIT"].flatMap(Int.init) ?? 60),
            publicURL: (env["KOMPETEN_PUBLIC_URL"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        )
    }

    public var description: String {
        "database=\(database) demo=\(loadDemo) secureCookies=\(secureCookies) surveyRateLimit=\(surveyRateLimit) adminPassword=\(adminPassword == nil ? "unset" : "***")"
    }
}
