import Foundation
import Testing
import VaporTesting

@testable import App

/// `POST /login` follows `next` only to a path of this app: hostile values (found by an outside
/// review: a tab or CR/LF in the value, a backslash, `//`, percent-encoded slashes) go home.
@Suite("Login redirect target (next)")
struct LoginRedirectTests {
    @Test func hostileNextValuesGoHome() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let hostile = [
                "/\t/evil.example", "\t//evil.example", "/\\evil.example", "/\\/evil.example", "//evil.example",
                "https://evil.example/", "/%2F%2Fevil.example", "/%2f/evil.example", "/%09/evil.example",
                "/%5C%5Cevil.example",
                "/\r\nSet-Cookie: x=1", "/\nSet-Cookie: x=1", "/ /evil.example", "/\u{7F}/evil.example",
                "/" + String(repeating: "a", count: 500), "/login", "/login?next=//evil.example", "",
            ]
            for next in hostile {
                let web = WebClient(app)
                _ = try await web.get("/login")
                let response = try await web.post(
                    "/login", ["username": "admin", "password": World.password, "next": next])
                // Signed in and sent home; or, for control characters, refused as unreadable
                // text (422) without any Location at all.
                #expect(
                    response.status == .seeOther || response.status == .unprocessableEntity,
                    "next=\(next.debugDescription)")
                #expect(
                    response.location == (response.status == .seeOther ? "/" : nil), "next=\(next.debugDescription)")
                #expect(!response.headers[.setCookie].contains { $0.hasPrefix("x=") })
            }
        }
    }

    @Test func aPathOfThisAppIsFollowed() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            // 500 characters is the longest accepted.
            let long = "/employees?q=" + String(repeating: "a", count: 500 - 13)
            for next in ["/employees?page=2", "/units", long] {
                let web = WebClient(app)
                _ = try await web.get("/login")
                let response = try await web.post(
                    "/login", ["username": "admin", "password": World.password, "next": next])
                #expect(response.location == next)
            }
        }
    }

    /// The session middleware's redirect to the login page carries only a safe `next`.
    @Test func theLoginRedirectCarriesTheRequestedPage() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = WebClient(app)
            #expect(try await web.get("/employees").location == "/login?next=/employees")
        }
    }
}
