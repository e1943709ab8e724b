import AsyncKit
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOCore
import NIOPosix
import Vapor

/// Tells a database that is down (or restarting, or out of connections) from a query that is
/// wrong. The first is the operator's problem, not the user's: the answer is 503 with
/// Retry-After, so a load balancer and a user both know to try again, and nothing in between is
/// reported as done.
enum DatabaseOutage {
    static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError, is ChannelError:
            return true
        case let io as IOError:
            return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH].contains(io.errnoCode)
        case let psql as PSQLError:
            if [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed]
                .contains(psql.code)
            {
                return true
            }
            // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
            if psql.code == .server, let state = psql.serverInfo?[.sqlState] {
                return ["57P01", "57P02", "57P03", "53300"].contains(state)
            }
            return false
        case let sqlite as SQLiteError:
            return [.busy, .locked, .cantOpen, .ioError, .full].contains(sqlite.reason)
        default:
            return false
        }
    }
}

/// Outermost middleware: a database outage anywhere below (sessions included) becomes 503.
struct OutageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch  where DatabaseOutage.isOutage(error) {
            req.application.kompeten.metrics.databaseUnavailable()
            req.logger.warning(
                "database unavailable", metadata: ["error": .string(String(describing: type(of: error)))])
            return Self.unavailable(req)
        }
    }

    static func unavailable(_ req: Request) -> Response {
        let reason = "Layanan sedang tidak dapat mengakses database. Silakan coba lagi sebentar lagi."
        let response = Response(status: .serviceUnavailable)
        response.headers.replaceOrAdd(name: .retryAfter, value: "5")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if KompetenErrorMiddleware.wantsJSON(req) {
            try? response.content.encode(APIErrorBody(reason: reason), as: .json)
        } else {
            // Plain and self-contained: the normal error page needs the session, and the
            // session lives in the database that just went away.
            response.headers.contentType = .plainText
            response.body = .init(string: "503 — \(reason)\n")
        }
        return response
    }
}
