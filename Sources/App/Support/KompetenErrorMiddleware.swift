import FluentKit
import FluentPostgresDriver
import KompetenCore
import Vapor

/// The JSON body of every API error: `{"error":true,"reason":…,"fields":[…]}`.
struct APIErrorBody: Content {
    var error = true
    var reason: String
    var fields: [FieldError]?
}

/// Turns every error into a clear answer: JSON under /api (and /healthz), the error page
/// elsewhere. Bad input is a 4xx with a message in Bahasa Indonesia, never a 500.
struct KompetenErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch  where DatabaseOutage.isOutage(error) {
            throw error // OutageMiddleware answers 503 without touching the database again
        } catch {
            let (status, body) = Self.describe(error, logger: req.logger)
            if Self.wantsJSON(req) {
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
                if let abort = error as? any AbortError {
                    for (name, value) in abort.headers { response.headers.replaceOrAdd(name: name, value: value) }
                }
                return response
            }
            if status == .unauthorized {
                return req.redirect(to: SiteURL.login(next: nil).path)
            }
            return try await ErrorPage.render(req, status: status, reason: body.reason, fields: body.fields ?? [])
        }
    }

    /// First path components of the routes machines call: the API and the operational probes.
    static let machineRoots: Set<String> = ["api", "healthz", "livez", "readyz", "metrics"]

    static func wantsJSON(_ req: Request) -> Bool {
        req.url.path.hasPrefix("/api/") || ["/healthz", "/livez", "/readyz"].contains(req.url.path)
    }

    static func describe(_ error: any Error, logger: Logger) -> (HTTPStatus, APIErrorBody) {
        switch error {
        case let failure as ValidationFailure:
            return (.unprocessableEntity, .init(reason: "Data tidak valid.", fields: failure.errors))
        case let decoding as DecodingError:
            return describe(decoding)
        case let abort as any AbortError:
            if abort.status.code >= 500 { logger.error("\(abort.reason)") }
            return (abort.status, .init(reason: abort.reason))
        case let psql as PSQLError where psql.code == .server && (psql.serverInfo?[.sqlState] ?? "").hasPrefix("22"):
            // Class 22, data exception: text PostgreSQL cannot store (a NUL byte, an invalid
            // byte sequence), a number out of range. The input is at fault, not the server.
            return (
                .unprocessableEntity,
                .init(reason: "Data berisi karakter atau nilai yang tidak dapat disimpan (mis. karakter NUL).")
            )
        case let db as any DatabaseError where db.isConstraintFailure:
            return (
                .conflict,
                .init(
                    reason:
                        "Data bertentangan dengan data lain yang sudah ada (mis. kode atau nama pengguna ganda, atau masih dipakai)."
                )
            )
        case let psql as PSQLError:
            // PostgresNIO's description carries the query and its bound values — names, NIP,
            // NIK: only the code and SQL state go to the log.
            logger.error(
                "database error",
                metadata: ["code": .string("\(psql.code)"), "sqlstate": .string(psql.serverInfo?[.sqlState] ?? "")])
            return (
                .internalServerError,
                .init(reason: "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.")
            )
        default:
            logger.report(error: error)
            return (
                .internalServerError,
                .init(reason: "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.")
            )
        }
    }

    /// Malformed JSON is 400; a well-formed body with a missing or wrongly typed field is 422 naming it.
    static func describe(_ error: DecodingError) -> (HTTPStatus, APIErrorBody) {
        func path(_ codingPath: [any CodingKey], _ extra: (any CodingKey)? = nil) -> String {
            (codingPath + (extra.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(
                separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            return (
                .unprocessableEntity,
                .init(reason: "Data tidak valid.", fields: [.init(field: field, message: "Wajib diisi.")])
            )
        case .valueNotFound(_, let context):
            return (
                .unprocessableEntity,
                .init(
                    reason: "Data tidak valid.",
                    fields: [.init(field: path(context.codingPath), message: "Wajib diisi.")])
            )
        case .typeMismatch(_, let context):
            return (
                .unprocessableEntity,
                .init(
                    reason: "Data tidak valid.",
                    fields: [.init(field: path(context.codingPath), message: "Jenis nilai salah.")])
            )
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return (.badRequest, .init(reason: "Isi permintaan bukan JSON yang sah."))
            }
            return (
                .unprocessableEntity,
                .init(
                    reason: "Data tidak valid.",
                    fields: [.init(field: path(context.codingPath), message: context.debugDescription)])
            )
        @unknown default:
            return (.badRequest, .init(reason: "Isi permintaan tidak dapat dibaca."))
        }
    }
}
