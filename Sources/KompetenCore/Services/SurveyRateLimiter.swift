/// The outcome of one rate-limit check.
public enum RateDecision: Sendable, Equatable, Hashable {
    case allowed
    /// Refused; a new submission will be admitted after this many seconds (at least 1).
    case limited(retryAfterSeconds: Int)
}

/// Limits SKM submissions per key (a kiosk, an IP address) with a token bucket.
///
/// A kiosk at a busy counter legitimately sends bursts — a queue of citizens answering one after
/// another — so the bucket holds `perMinute` tokens and admits a whole minute's allowance at once,
/// then refills continuously at `perMinute` per 60 s. It is a plain value: the caller owns it
/// (e.g. inside an actor) and passes the clock in, which keeps it deterministic to test.
public struct SurveyRateLimiter: Sendable {
    /// Submissions per minute per key; 0 (or less) means unlimited.
    public let perMinute: Int
    /// When more keys than this are tracked, idle ones are dropped so memory stays bounded.
    public let maxKeys: Int

    private var buckets: [String: Bucket] = [:]

    private struct Bucket: Sendable {
        var tokens: Double
        var updated: Double
    }

    public init(perMinute: Int, maxKeys: Int = 10_000) {
        self.perMinute = perMinute
        self.maxKeys = max(1, maxKeys)
    }

    /// Number of keys currently tracked (for tests and monitoring).
    public var trackedKeys: Int { buckets.count }

    /// Takes one token for `key` at time `now` (seconds, any monotonic origin).
    public mutating func admit(key: String, now: Double) -> RateDecision {
        guard perMinute > 0 else { return .allowed }
        let capacity = Double(perMinute)
        var bucket = buckets[key].map { refilled($0, now: now) } ?? Bucket(tokens: capacity, updated: now)
        // A small tolerance: 60/perMinute seconds of refill must give a whole token even when the
        // division is inexact in binary.
        if bucket.tokens >= 1 - 1e-9 {
            bucket.tokens = max(0, bucket.tokens - 1)
            buckets[key] = bucket
            if buckets.count > maxKeys { prune(now: now) }
            return .allowed
        }
        buckets[key] = bucket
        let wait = (1 - bucket.tokens) / ratePerSecond
        return .limited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
    }

    private var ratePerSecond: Double { Double(perMinute) / 60 }

    private func refilled(_ bucket: Bucket, now: Double) -> Bucket {
        // A clock that steps backwards adds nothing rather than taking tokens away.
        let elapsed = max(0, now - bucket.updated)
        return Bucket(
            tokens: min(Double(perMinute), bucket.tokens + elapsed * ratePerSecond), updated: max(now, bucket.updated))
    }

    /// Drops every bucket that has refilled completely: a full bucket behaves exactly like an
    /// unknown key, so nothing is lost. If that is not enough (more than `maxKeys` keys all busy
    /// at once), the fullest buckets go next; that only makes the limiter more lenient to them.
    private mutating func prune(now: Double) {
        let capacity = Double(perMinute)
        buckets = buckets.filter { refilled($0.value, now: now).tokens < capacity - 1e-9 }
        guard buckets.count > maxKeys else { return }
        let fullestFirst = buckets.sorted { refilled($0.value, now: now).tokens > refilled($1.value, now: now).tokens }
        for (key, _) in fullestFirst.prefix(buckets.count - maxKeys) { buckets[key] = nil }
    }
}
