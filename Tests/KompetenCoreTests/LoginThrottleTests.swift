import Foundation
import Testing
@testable import KompetenCore

@Suite struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    let policy = LoginThrottle()

    @Test func defaults() {
        #expect(policy.maxFailures == 5)
        #expect(policy.window == 900)
        #expect(policy.lockout == 900)
    }

    @Test func fourFailuresDoNotLock() {
        #expect(policy.lockedUntil(failures: [at(0), at(1), at(2), at(3)], now: at(3)) == nil)
        #expect(policy.lockedUntil(failures: [], now: at(0)) == nil)
    }

    @Test func fiveFailuresInWindowLockFromTheLastOne() {
        let failures = [at(0), at(1), at(2), at(3), at(4)]
        // Locked until 4 + 15 = minute 19, whether asked right away or later.
        #expect(policy.lockedUntil(failures: failures, now: at(4)) == at(19))
        #expect(policy.lockedUntil(failures: failures, now: at(18.9)) == at(19))
        #expect(policy.lockedUntil(failures: failures, now: at(19)) == nil)
        #expect(policy.lockedUntil(failures: failures, now: at(30)) == nil)
        // Order of the input does not matter.
        #expect(policy.lockedUntil(failures: failures.reversed(), now: at(10)) == at(19))
    }

    @Test func failuresSpreadWiderThanTheWindowDoNotLock() {
        // Each run of five spans 16 minutes > 15.
        let failures = [at(0), at(4), at(8), at(12), at(16)]
        #expect(policy.lockedUntil(failures: failures, now: at(16)) == nil)
        // Exactly 15 minutes between the first and fifth counts as within the window.
        #expect(policy.lockedUntil(failures: [at(0), at(4), at(8), at(12), at(15)], now: at(15)) == at(30))
    }

    @Test func lockDoesNotLiftEarlyWhenOldFailuresLeaveTheWindow() {
        // Burst completes at minute 14 → locked until 29. At minute 20 only one failure is in
        // the last 15 minutes, but the announced lock must still hold.
        let failures = [at(0), at(1), at(2), at(3), at(14)]
        #expect(policy.lockedUntil(failures: failures, now: at(14)) == at(29))
        #expect(policy.lockedUntil(failures: failures, now: at(20)) == at(29))
        #expect(policy.lockedUntil(failures: failures, now: at(29)) == nil)
    }

    @Test func laterFailureExtendsTheLock() {
        let failures = [at(0), at(1), at(2), at(3), at(4), at(10)]
        // Failures at 1…4 and 10 form a second burst: until 10 + 15 = 25.
        #expect(policy.lockedUntil(failures: failures, now: at(12)) == at(25))
    }

    @Test func customPolicy() {
        let strict = LoginThrottle(maxFailures: 3, window: 60, lockout: 3600)
        #expect(strict.lockedUntil(failures: [at(0), at(0.5), at(1)], now: at(1)) == at(61))
        #expect(strict.lockedUntil(failures: [at(0), at(0.5), at(1.5)], now: at(1.5)) == nil)
    }

    @Test func retryMessageRoundsMinutesUp() {
        let base = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam "
        #expect(policy.retryMessage(until: at(15), now: at(0)) == base + "15 menit.")
        #expect(policy.retryMessage(until: at(15), now: at(0.5)) == base + "15 menit.") // 14.5 → 15
        #expect(policy.retryMessage(until: at(15), now: at(14.99)) == base + "1 menit.")
        #expect(policy.retryMessage(until: at(15), now: at(15)) == base + "1 menit.")
        #expect(policy.retryMessage(until: at(15), now: at(20)) == base + "1 menit.")
    }
}
