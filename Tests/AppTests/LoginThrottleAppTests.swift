import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// The login throttle as the app applies it: unknown usernames cost as much as known ones,
/// parallel guesses cannot pass the limit, and the username alone is slowed down, not locked.
@Suite("Login throttle in the app")
struct LoginThrottleAppTests {
    static func token(_ app: Application, _ username: String, _ password: String) async throws -> TestingHTTPResponse {
        try await APIClient(app: app, token: nil).send(
            .POST, "/api/v1/auth/token", json: ["username": username, "password": password])
    }

    /// An unknown username is checked against a hash made by the configured hasher (here
    /// cost 10, like production's 12 in kind), not a cheap fixed one: both take about as long.
    @Test func unknownUsernamesTakeAsLongAsKnownOnes() async throws {
        try await withTestApp { app in
            app.passwords.use(.bcrypt(cost: 10))
            _ = try await World.make(on: app)
            let user = User()
            user.username = "lambat"
            user.passwordHash = try await app.password.async.hash(World.password)
            user.role = "assessor"
            user.isActive = true
            user.createdAt = testNow
            user.updatedAt = testNow
            user.instansiID = try await Instansi.query(on: app.db).first()?.id
            try await user.create(on: app.db)
            _ = try await Self.token(app, "tidak-ada-0", "salah-salah-1") // the dummy hash is made lazily, once
            func median(_ body: (Int) async throws -> Void) async throws -> Double {
                var times: [Double] = []
                for i in 0..<3 {
                    let start = Date()
                    try await body(i)
                    times.append(Date().timeIntervalSince(start))
                }
                return times.sorted()[1]
            }
            let known = try await median { _ in
                let response = try await Self.token(app, "lambat", "salah-salah-1")
                #expect(response.status == .unauthorized)
            }
            let unknown = try await median { i in
                let response = try await Self.token(app, "tidak-ada-\(i + 1)", "salah-salah-1")
                #expect(response.status == .unauthorized)
            }
            #expect(unknown / known > 0.4 && unknown / known < 2.5, "known \(known) s, unknown \(unknown) s")
        }
    }

    /// 20 wrong guesses at once for one username from one address: exactly 5 reach the password
    /// check; the others are refused before it.
    @Test func parallelGuessesCannotPassTheLimit() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<20 {
                    group.addTask { try await Self.token(app, "asesor", "tebakan-salah-\(i)").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 15)
            #expect(app.kompeten.loginVerifications.value == 5, "only 5 passwords were verified")
        }
    }

    /// Failures for `admin` from many addresses slow `admin`'s logins down (a wait that doubles,
    /// at most about a minute) but never lock the real admin out for 15 minutes.
    @Test func theUsernameAloneIsDelayedNotLocked() async throws {
        try await withTestApp(settings: { $0.trustedProxies = ["127.0.0.1"] }) { app in
            _ = try await World.make(on: app)
            let client = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            func attempt(from address: String, _ password: String, at seconds: Double) async throws
                -> TestingHTTPResponse
            {
                app.kompeten.clock = { testNow.addingTimeInterval(seconds) }
                var headers = HTTPHeaders()
                headers.contentType = .json
                headers.replaceOrAdd(name: .xForwardedFor, value: address)
                let body = try JSONEncoder().encode(["username": "admin", "password": password])
                return try await client.sendRequest(
                    .POST, "/api/v1/auth/token", headers: headers, body: ByteBuffer(data: body))
            }
            for i in 1...6 {
                #expect(
                    try await attempt(from: "10.0.0.\(i)", "tebakan-salah-\(i)", at: Double(i) * 10).status
                        == .unauthorized)
            }
            // Six failures (the last at 60 s): the next attempt must wait 2 s.
            let early = try await attempt(from: "10.0.1.1", World.password, at: 61)
            #expect(early.status == .tooManyRequests)
            #expect(try early.json(APIErrorBody.self).reason.contains("detik"))
            #expect(try await attempt(from: "10.0.1.1", World.password, at: 63).status == .ok)
        }
    }
}
