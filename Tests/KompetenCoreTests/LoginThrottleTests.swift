import Foundation
import Testing

@testable import KompetenCore

/// `LoginThrottle`: reserving a slot before the password is checked. Expected instants worked
/// out by hand from the rule (5 per 15 minutes, 15 minutes' lock; 1 s, 2 s, 4 s … 60 s waits).
@Suite struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// Reserves `n` times at the given instants, asserting each is allowed; returns the counter.
    func reserve(_ rule: LoginThrottle, at instants: [Double], from start: LoginThrottle.Counter? = nil)
        -> LoginThrottle.Counter?
    {
        var c = start
        for s in instants {
            guard case .allowed(let next) = rule.reserve(c, now: at(s)) else {
                Issue.record("refused at \(s)")
                return c
            }
            c = next
        }
        return c
    }

    @Test func fiveAttemptsPassTheSixthIsLockedFifteenMinutesAfterTheLast() {
        let rule = LoginThrottle.perUsernameAndAddress
        let c = reserve(rule, at: [0, 60, 120, 180, 240])
        #expect(c == .init(failures: 5, windowStart: at(0), last: at(240)))
        #expect(rule.reserve(c, now: at(241)) == .refused(until: at(240 + 900)))
        #expect(rule.reserve(c, now: at(1139)) == .refused(until: at(1140)))
        // The lock over, the counter starts again from one.
        #expect(rule.reserve(c, now: at(1140)) == .allowed(.init(failures: 1, windowStart: at(1140), last: at(1140))))
    }

    @Test func theWindowCountsFromItsFirstAttempt() {
        let rule = LoginThrottle.perUsernameAndAddress
        let c = reserve(rule, at: [0, 1, 2, 3])
        // 15 minutes after the first, four failures are forgotten.
        #expect(rule.reserve(c, now: at(900)) == .allowed(.init(failures: 1, windowStart: at(900), last: at(900))))
        #expect(rule.reserve(c, now: at(899)) == .allowed(.init(failures: 5, windowStart: at(0), last: at(899))))
    }

    @Test func perAddressAllowsThirty() {
        let rule = LoginThrottle.perAddress
        let c = reserve(rule, at: Array(repeating: 5, count: 30))
        #expect(c?.failures == 30)
        #expect(rule.reserve(c, now: at(5)) == .refused(until: at(905)))
    }

    @Test func aReleasedSlotIsFreeAgain() {
        let rule = LoginThrottle.perUsernameAndAddress
        let c = reserve(rule, at: [0, 1, 2, 3, 4])!
        #expect(rule.release(c) == .init(failures: 4, windowStart: at(0), last: at(4)))
        #expect(rule.release(.init(failures: 0, windowStart: at(0), last: at(0))).failures == 0)
        guard case .allowed = rule.reserve(rule.release(c), now: at(5)) else {
            Issue.record("refused")
            return
        }
    }

    @Test func theUsernameAloneWaitsLongerAndLongerButNeverLocks() {
        let rule = LoginThrottle.perUsername
        // Five free failures, whenever.
        var c = reserve(rule, at: [0, 0, 0, 0, 0])
        // Then 1 s after the last, 2 s, 4 s, 8 s, 16 s, 32 s, and 60 s from then on.
        var last = 0.0
        for wait in [1.0, 2, 4, 8, 16, 32, 60, 60, 60] {
            #expect(rule.reserve(c, now: at(last + wait - 0.5)) == .refused(until: at(last + wait)))
            c = reserve(rule, at: [last + wait], from: c)
            last += wait
        }
        #expect(c?.failures == 14)
        #expect(rule.requiredWait(afterFailures: 4) == nil)
        #expect(rule.requiredWait(afterFailures: 5) == 1)
        #expect(rule.requiredWait(afterFailures: 11) == 60)
        #expect(rule.requiredWait(afterFailures: 1_000_000) == 60)
    }

    @Test func aQuietWindowForgetsTheUsernamesFailures() {
        let rule = LoginThrottle.perUsername
        let c = reserve(rule, at: [0, 0, 0, 0, 0, 1, 3])
        #expect(c?.failures == 7)
        #expect(rule.reserve(c, now: at(3 + 900)) == .allowed(.init(failures: 1, windowStart: at(903), last: at(903))))
    }

    @Test func retryMessages() {
        #expect(
            LoginThrottle.retryMessage(until: at(900), now: at(0))
                == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.")
        #expect(
            LoginThrottle.retryMessage(until: at(61), now: at(0))
                == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 2 menit.")
        #expect(
            LoginThrottle.retryMessage(until: at(60), now: at(0))
                == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit.")
        #expect(
            LoginThrottle.retryMessage(until: at(1.5), now: at(0))
                == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 2 detik.")
        #expect(
            LoginThrottle.retryMessage(until: at(0.1), now: at(0))
                == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 detik.")
    }
}
