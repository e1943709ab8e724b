import Foundation

/// Where the data lives, parsed from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(URL)

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// `sqlite:PATH`, `sqlite::memory:`, or `postgres://user:pass@host:port/db` (also `postgresql://`).
    public static func parse(_ text: String) throws -> DatabaseLocation {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count)).replacingOccurrences(
                of: "//", with: "", options: .anchored)
            if path == ":memory:" || path == "memory" { return .sqliteMemory }
            guard !path.isEmpty else {
                throw Invalid(description: "DATABASE_URL sqlite: needs a file path, e.g. sqlite:kompeten.sqlite")
            }
            return .sqliteFile(path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let url = URL(string: text),
            url.host != nil
        {
            return .postgres(url)
        }
        throw Invalid(description: "DATABASE_URL must be sqlite:PATH or postgres://user:pass@host:port/db")
    }

    /// The value reported by /healthz.
    public var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Never prints the password.
    public var description: String {
        switch self {
        case .sqliteFile(let p): "sqlite:\(p)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url): "postgres://\(url.host ?? "?"):\(url.port ?? 5432)\(url.path)"
        }
    }
}
