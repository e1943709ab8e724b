import Fluent
import SQLKit
import Vapor

/// Liveness, readiness and metrics, for load balancers and monitoring.
///
/// - `GET /livez`: the process answers (200 always). A failing liveness probe means "restart me".
/// - `GET /readyz` (and `/healthz`, kept for existing monitors): the database answers and every
///   migration this build knows has run. 503 otherwise: "send no traffic here", not "restart",
///   because restarting does not bring a database back.
/// - `GET /metrics`: Prometheus text format (restrict it at the proxy; it holds no personal data).
enum HealthController {
    struct Status: Content {
        let status: String
        let database: String
        var migrations: String? = nil
    }

    static func register(_ app: Application) {
        app.get("healthz", use: ready)
        app.get("readyz", use: ready)
        app.get("livez", use: live)
        app.get("metrics", use: metrics)
    }

    static func live(req: Request) async throws -> Status {
        Status(status: "ok", database: req.application.kompeten.config.database.kind)
    }

    static func ready(req: Request) async throws -> Response {
        let kind = req.application.kompeten.config.database.kind
        let started = Date()
        do {
            let applied = try await HealthQueries.appliedMigrations(on: req.db)
            let known = Migrations.all.count
            req.application.kompeten.metrics.database(up: true, seconds: Date().timeIntervalSince(started))
            guard applied >= known else {
                return try await Status(status: "migrating", database: kind, migrations: "\(applied)/\(known)")
                    .encodeResponse(status: .serviceUnavailable, for: req)
            }
            return try await Status(status: "ok", database: kind, migrations: "\(applied)/\(known)").encodeResponse(
                for: req)
        } catch {
            req.application.kompeten.metrics.database(up: false, seconds: Date().timeIntervalSince(started))
            req.logger.warning("readiness: database unreachable")
            let response = try await Status(status: "unavailable", database: kind).encodeResponse(
                status: .serviceUnavailable, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: "5")
            return response
        }
    }

    /// Loopback (a local agent) or a trusted proxy (nginx, which keeps its own allow list) only.
    static func metrics(req: Request) async throws -> Response {
        let peer = req.remoteAddress?.ipAddress ?? ""
        guard ["127.0.0.1", "::1"].contains(peer) || req.application.kompeten.config.trustedProxies.contains(peer)
        else {
            throw Abort(.forbidden, reason: "Metrik hanya untuk jaringan pemantauan.")
        }
        // A growing count would mean sessions are made for anonymous visits or never purged.
        if let sessions = try? await WebSessionDriver.count(on: req.db) {
            req.application.kompeten.metrics.webSessions(sessions)
        }
        let response = Response(status: .ok, body: .init(string: req.application.kompeten.metrics.text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
