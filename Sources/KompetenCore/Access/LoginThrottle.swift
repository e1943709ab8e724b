import Foundation

/// When to refuse logins after repeated failures (per username, and separately per address).
///
/// Pure policy: the caller stores failure timestamps and asks. A burst of `maxFailures` failures
/// that all fit inside `window` locks login until `lockout` after the burst's last failure.
///
/// Bursts are judged at each failure, not only at `now`: with the naive "count failures in the
/// window before now" rule, a lock announced as "until 29" could lift early once older failures
/// of the burst slid out of the window. Judging at the failure keeps the announced time honest,
/// and gives the same answer as the naive rule whenever that rule locks.
public struct LoginThrottle: Sendable, Equatable {
    public var maxFailures: Int
    public var window: TimeInterval
    public var lockout: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
    }

    /// The instant until which login is refused, or nil when login is allowed now.
    ///
    /// Callers should not record attempts refused *because* of the lock as failures, or every
    /// retry during the lock would extend it.
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        let needed = max(1, maxFailures)
        let sorted = failures.sorted()
        guard sorted.count >= needed else { return nil }
        var until: Date?
        // sorted[i - needed + 1 ... i] are the `needed` failures ending at sorted[i];
        // they form a burst when the first is no more than `window` before the last.
        for i in (needed - 1)..<sorted.count
        where sorted[i].timeIntervalSince(sorted[i - needed + 1]) <= window {
            until = sorted[i].addingTimeInterval(lockout) // sorted ascending, so the last wins
        }
        guard let until, until > now else { return nil }
        return until
    }

    /// `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.`
    /// Minutes are rounded up (never "0 menit"), so the user never retries too early.
    public func retryMessage(until: Date, now: Date) -> String {
        let seconds = until.timeIntervalSince(now)
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        return "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit."
    }
}
