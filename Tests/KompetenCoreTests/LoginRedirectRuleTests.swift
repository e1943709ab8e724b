import Foundation
import Testing

@testable import KompetenCore

/// `LoginRedirect`: which `next` values the login page follows. Expected values by hand: a
/// browser must never be sent off-site, and the value must never be able to add a header.
@Suite("Login redirect rule")
struct LoginRedirectRuleTests {
    @Test func pathsOfThisAppAreFollowed() {
        #expect(LoginRedirect.target("/") == "/")
        #expect(LoginRedirect.target("/units") == "/units")
        #expect(LoginRedirect.target("/employees?page=2&q=benu") == "/employees?page=2&q=benu")
        #expect(LoginRedirect.target("/employees/%20x") == "/", "an encoded space is a space once decoded")
        #expect(LoginRedirect.target("/reports/gap%3Fx") == "/reports/gap%3Fx")
        #expect(LoginRedirect.target("/logins") == "/logins", "only the login page itself is refused")
    }

    @Test func controlCharactersAndSpacesAreRefused() {
        for next in [
            "/\t/evil.example", "\t//evil.example", "/\r\nSet-Cookie: x=1", "/\nx", "/\r", "/\u{0}/evil",
            "/\u{7F}/evil.example", "/ /evil.example", "/units ", " /units", "/\u{A0}/evil", "/\u{2028}/evil", "/ünits",
        ] {
            #expect(LoginRedirect.target(next) == "/", "\(next.debugDescription)")
        }
    }

    @Test func otherSitesAreRefused() {
        for next in [
            "//evil.example", "///evil.example", "/\\evil.example", "/\\/evil.example", "/units\\..\\x",
            "https://evil.example/", "http:/evil.example", "evil.example", "javascript:alert(1)", "", ".//evil",
        ] {
            #expect(LoginRedirect.target(next) == "/", "\(next.debugDescription)")
        }
        #expect(LoginRedirect.target(nil) == "/")
    }

    @Test func percentEncodedTricksAreRefused() {
        for next in [
            "/%2F%2Fevil.example", "/%2fevil.example", "/%5Cevil.example", "/%5c%5cevil", "/%09/evil.example",
            "/%0D%0ASet-Cookie:%20x=1", "%2F%2Fevil.example", "/%2F/evil",
        ] {
            #expect(LoginRedirect.target(next) == "/", "\(next)")
        }
    }

    @Test func atMostFiveHundredCharacters() {
        let exactly500 = "/" + String(repeating: "a", count: 499)
        #expect(exactly500.count == 500)
        #expect(LoginRedirect.target(exactly500) == exactly500)
        #expect(LoginRedirect.target(exactly500 + "a") == "/")
    }

    @Test func notBackToTheLoginPage() {
        for next in ["/login", "/login?next=/units", "/login/", "/LOGIN", "/login#x"] {
            #expect(LoginRedirect.target(next) == "/", "\(next)")
        }
    }
}
