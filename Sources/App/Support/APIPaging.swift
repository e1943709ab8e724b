import KompetenCore
@preconcurrency import RoutingKit
import Vapor

/// API list paging: out-of-range values are refused with 422 (the web pages clamp instead),
/// so a client learns about its mistake rather than silently getting another page.
enum APIPaging {
    static let maxPer = 500

    static func parse(page: Int?, per: Int?, defaultPer: Int = 50) throws -> PageRequest {
        var v = FieldValidator()
        if let page { v.require(page >= 1, field: "page", "Nomor halaman minimal 1.") }
        if let per { v.require((1...maxPer).contains(per), field: "per", "Jumlah per halaman 1–\(maxPer).") }
        try v.check()
        return PageRequest(page: page, per: per, defaultPer: defaultPer, maxPer: maxPer)
    }
}

/// A 405 with an `Allow` header for API paths called with a method they do not support
/// (any method, TRACE and QUERY included) instead of a misleading 404. The most specific
/// path decides: `PUT /employees/import` is a 405, not an attempt at `PUT /employees/{id}`.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    private let router: TrieRouter<String>

    init(routes: [Route]) {
        var allowed: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes where KompetenErrorMiddleware.machineRoots.contains(route.path.first?.description ?? "") {
            let key = route.path.map(\.description).joined(separator: "/")
            allowed[key, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let router = TrieRouter(String.self)
        for (_, entry) in allowed { router.register(entry.methods.sorted().joined(separator: ", "), at: entry.path) }
        self.router = router
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if KompetenErrorMiddleware.wantsJSON(req) || req.url.path == "/metrics" {
            var parameters = Parameters()
            let components = req.url.path.split(separator: "/").map(String.init)
            let method = req.method == .HEAD ? "GET" : req.method.rawValue
            if let allow = router.route(path: components, parameters: &parameters),
                !allow.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(method)
            {
                throw MethodNotAllowedError(allow: allow)
            }
        }
        return try await next.respond(to: req)
    }
}

struct MethodNotAllowedError: AbortError {
    let allow: String
    var status: HTTPResponseStatus { .methodNotAllowed }
    var reason: String { "Metode HTTP ini tidak didukung untuk alamat ini. Yang didukung: \(allow)." }
    var headers: HTTPHeaders { ["Allow": allow] }
}
