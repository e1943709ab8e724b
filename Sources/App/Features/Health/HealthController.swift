import Fluent
import SQLKit
import Vapor

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
enum HealthController {
    struct Status: Content { let status: String; let database: String }

    static func check(req: Request) async throws -> Response {
        let kind = req.application.kompeten.config.database.kind
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1").all()
            return try await Status(status: "ok", database: kind).encodeResponse(for: req)
        } catch {
            req.logger.warning("health check: database unreachable")
            return try await Status(status: "unavailable", database: kind).encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
