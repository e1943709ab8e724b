import Testing

@testable import KompetenCore

@Suite("Services: survey rate limiter")
struct ServicesRateLimiterTests {
    @Test func burstThenLimitedThenRefill() {
        var limiter = SurveyRateLimiter(perMinute: 6) // one token per 10 s
        for _ in 0..<6 { #expect(limiter.admit(key: "kiosk-1", now: 100) == .allowed) }
        #expect(limiter.admit(key: "kiosk-1", now: 100) == .limited(retryAfterSeconds: 10))
        #expect(limiter.admit(key: "kiosk-1", now: 104) == .limited(retryAfterSeconds: 6))
        #expect(limiter.admit(key: "kiosk-1", now: 109.5) == .limited(retryAfterSeconds: 1))
        // 60 / 6 = 10 s after the burst one more passes, then the bucket is empty again.
        #expect(limiter.admit(key: "kiosk-1", now: 110) == .allowed)
        #expect(limiter.admit(key: "kiosk-1", now: 110) == .limited(retryAfterSeconds: 10))
    }

    @Test func refillWithInexactInterval() {
        // 60/7 s is not exact in binary; the token must still be whole after that long.
        var limiter = SurveyRateLimiter(perMinute: 7)
        for _ in 0..<7 { #expect(limiter.admit(key: "k", now: 0) == .allowed) }
        #expect(limiter.admit(key: "k", now: 0) == .limited(retryAfterSeconds: 9))
        #expect(limiter.admit(key: "k", now: 60.0 / 7.0) == .allowed)
        // After a long pause the bucket holds no more than its capacity.
        for _ in 0..<7 { #expect(limiter.admit(key: "k", now: 10_000) == .allowed) }
        #expect(limiter.admit(key: "k", now: 10_000) != .allowed)
    }

    @Test func zeroMeansUnlimited() {
        var limiter = SurveyRateLimiter(perMinute: 0)
        for _ in 0..<1000 { #expect(limiter.admit(key: "k", now: 0) == .allowed) }
        #expect(limiter.trackedKeys == 0)
    }

    @Test func keysAreIndependent() {
        var limiter = SurveyRateLimiter(perMinute: 2)
        #expect(limiter.admit(key: "a", now: 0) == .allowed)
        #expect(limiter.admit(key: "a", now: 0) == .allowed)
        #expect(limiter.admit(key: "a", now: 0) == .limited(retryAfterSeconds: 30))
        #expect(limiter.admit(key: "b", now: 0) == .allowed)
        #expect(limiter.admit(key: "b", now: 0) == .allowed)
    }

    @Test func clockGoingBackwardsDoesNotGrantTokens() {
        var limiter = SurveyRateLimiter(perMinute: 1)
        #expect(limiter.admit(key: "a", now: 100) == .allowed)
        #expect(limiter.admit(key: "a", now: 50) == .limited(retryAfterSeconds: 60))
        #expect(limiter.admit(key: "a", now: 160) == .allowed)
    }

    @Test func pruningKeepsMemoryBounded() {
        var limiter = SurveyRateLimiter(perMinute: 10, maxKeys: 100)
        // 1000 different clients, one request each, one second apart: most buckets refill
        // (10 per minute → full again after 6 s) and are dropped.
        for i in 0..<1000 {
            _ = limiter.admit(key: "ip-\(i)", now: Double(i))
            #expect(limiter.trackedKeys <= 100)
        }
        // All busy at the same instant: the count is still capped.
        for i in 0..<500 { _ = limiter.admit(key: "burst-\(i)", now: 5000) }
        #expect(limiter.trackedKeys <= 100)
        // The fallback drops the fullest buckets, so a client that used up its allowance keeps
        // its (empty) bucket while 50 one-off clients arrive at the same moment.
        var strict = SurveyRateLimiter(perMinute: 60, maxKeys: 10)
        for _ in 0..<60 { #expect(strict.admit(key: "abuser", now: 100) == .allowed) }
        for i in 0..<50 { _ = strict.admit(key: "other-\(i)", now: 100.5) }
        #expect(strict.trackedKeys <= 10)
        #expect(strict.admit(key: "abuser", now: 100.5) == .limited(retryAfterSeconds: 1))
    }
}
