import Foundation
import NIOCore
import Vapor
import VaporTesting

@testable import App

/// Calls the JSON API as one user, with a bearer token obtained through /api/v1/auth/token.
struct APIClient {
    let app: Application
    var token: String?

    static func login(_ app: Application, _ username: String, password: String = World.password) async throws
        -> APIClient
    {
        let response = try await APIClient(app: app, token: nil).send(
            .POST, "/api/v1/auth/token", json: ["username": username, "password": password])
        guard response.status == .ok else {
            throw Abort(.unauthorized, reason: "login \(username) failed: \(response.status)")
        }
        let token = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))["token"]
        return APIClient(app: app, token: token)
    }

    func send(_ method: HTTPMethod, _ path: String, json: (any Encodable)? = nil, raw: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONEncoder().encode(json))
        } else if let raw {
            headers.contentType = .json
            body = ByteBuffer(string: raw)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }
}

/// A browser stand-in for the web pages: keeps its cookies (session, login form token) and
/// the CSRF token.
final class WebClient {
    let app: Application
    /// name → value, in the order first set (a small cookie jar).
    var cookies: [(name: String, value: String)] = []
    var csrf: String?

    /// The `Cookie` header this client sends (`a=1; b=2`); setting it replaces the jar.
    var cookie: String? {
        get { cookies.isEmpty ? nil : cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ") }
        set {
            cookies = (newValue ?? "").split(separator: ";").compactMap { pair in
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        }
    }

    /// The value of one cookie (e.g. `kompeten_session`).
    func cookie(named name: String) -> String? { cookies.first { $0.name == name }?.value }

    init(_ app: Application) { self.app = app }

    static func login(_ app: Application, _ username: String, password: String = World.password) async throws
        -> WebClient
    {
        let client = WebClient(app)
        _ = try await client.get("/login")
        let response = try await client.post("/login", ["username": username, "password": password])
        guard response.status == .seeOther || response.status == .found else {
            throw Abort(.unauthorized, reason: "web login \(username) failed: \(response.status)")
        }
        // Pick up the CSRF token of the new session (following the home page's redirect, if any).
        let home = try await client.get("/")
        if let next = home.location { _ = try await client.get(next) }
        return client
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; the CSRF token is added unless `csrf: false`.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if csrf, let token = self.csrf { all["_csrf"] = token }
        let encoded = all.map { key, value in
            "\(Self.encode(key))=\(Self.encode(value))"
        }.joined(separator: "&")
        return try await send(.POST, path, body: encoded)
    }

    /// Posts a form whose keys repeat (`plan[]=a&plan[]=b`); the CSRF token is added.
    func post(_ path: String, pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        let all = pairs + (csrf.map { [("_csrf", $0)] } ?? [])
        return try await send(
            .POST, path, body: all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&"))
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for setCookie in response.headers[.setCookie] {
            guard let pair = setCookie.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let value = parts.count == 2 ? String(parts[1]) : ""
            // An expired cookie (Max-Age=0 or a past Expires) leaves the jar.
            let expired = setCookie.lowercased().contains("max-age=0") || setCookie.contains("1970")
            cookies.removeAll { $0.name == name }
            if !expired { cookies.append((name, value)) }
        }
        let html = response.body.string
        if let range = html.range(of: #"name="_csrf" value=""#) {
            let rest = html[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
        return response
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TestingHTTPResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }
    var location: String? { headers.first(name: .location) }
}
