import Foundation
import Vapor

/// One log line and one metrics sample per request, with the request id (nginx's
/// `X-Request-Id` when a trusted proxy sent one, else our own) echoed back to the client so a
/// resident's complaint can be matched to the log. The line carries the route *pattern*
/// (`/employees/:id`), never the query string, names or NIP: logs hold no personal data.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let requestID = Self.requestID(req)
        req.logger[metadataKey: "request-id"] = .string(requestID)
        let metrics = req.application.kompeten.metrics
        metrics.inFlight(1)
        defer { metrics.inFlight(-1) }
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            record(req, status: (error as? any AbortError)?.status.code ?? 500, started: started)
            throw error
        }
        response.headers.replaceOrAdd(name: "X-Request-Id", value: requestID)
        record(req, status: response.status.code, started: started)
        return response
    }

    private func record(_ req: Request, status: UInt, started: UInt64) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let route = Self.routePattern(req)
        req.application.kompeten.metrics.request(
            method: req.method.rawValue, route: route, status: status, seconds: seconds)
        guard route != "/healthz", route != "/livez", route != "/readyz", route != "/metrics" else { return }
        req.logger.info(
            "request",
            metadata: [
                "method": .string(req.method.rawValue), "route": .string(route),
                "status": .stringConvertible(status), "ms": .string(Self.milliseconds(seconds)),
            ])
    }

    /// `/employees/:id`; requests that matched no route share one label, so a scanner probing
    /// random paths cannot blow up the number of metric series.
    static func routePattern(_ req: Request) -> String {
        guard let route = req.route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }

    static func requestID(_ req: Request) -> String {
        if let peer = req.remoteAddress?.ipAddress, req.application.kompeten.config.trustedProxies.contains(peer),
            let given = req.headers.first(name: "X-Request-Id"), (1...64).contains(given.count),
            given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        {
            return given
        }
        return Hex.uuidLower(UUID())
    }

    /// "12.3": milliseconds to one decimal, without String(format:) (slow on Linux, and on
    /// every request).
    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
