import Foundation

/// When to refuse a login attempt, decided per counter before the password is checked.
///
/// The app keeps three counters per attempt: username+address, address, and username alone.
/// An attempt first *reserves* a slot in each (one atomic compare-and-swap per counter, so
/// parallel guesses cannot all slip through between "count" and "record"); only then is the
/// password verified. A failure keeps the reservation (it is the failure record); a success
/// gives the slots back (`release`) or clears the counter.
///
/// Two kinds of counter:
/// - `.lock`: at most `maxFailures` attempts per `window` (counted from the first); the next one
///   is refused until `lockout` after the last. For username+address (5 / 15 min) and for an
///   address (30 / 15 min).
/// - `.delay`: the username alone, whoever tries it. A hard lock there would let anyone lock
///   `admin` out from elsewhere; instead, beyond `freeFailures` each attempt must wait
///   `base × 2^(failures − freeFailures)` after the previous one, at most `cap`.
public struct LoginThrottle: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case lock(maxFailures: Int, lockout: TimeInterval)
        case delay(freeFailures: Int, base: TimeInterval, cap: TimeInterval)
    }

    /// A counter's stored state.
    public struct Counter: Sendable, Equatable {
        public var failures: Int
        public var windowStart: Date
        public var last: Date
        public init(failures: Int, windowStart: Date, last: Date) {
            self.failures = failures
            self.windowStart = windowStart
            self.last = last
        }
    }

    public enum Decision: Sendable, Equatable {
        /// Go on; store this as the counter's new state.
        case allowed(Counter)
        /// Refused until then; the counter stays as it is (a refused attempt is not a failure,
        /// or every retry during a lock would extend it).
        case refused(until: Date)
    }

    public var kind: Kind
    public var window: TimeInterval

    public init(_ kind: Kind, window: TimeInterval = 15 * 60) {
        self.kind = kind
        self.window = window
    }

    /// 5 failures in 15 minutes for one username from one address: 15 minutes' lock.
    public static let perUsernameAndAddress = LoginThrottle(.lock(maxFailures: 5, lockout: 15 * 60))
    /// 30 failures in 15 minutes from one address (whatever the usernames): 15 minutes' lock.
    public static let perAddress = LoginThrottle(.lock(maxFailures: 30, lockout: 15 * 60))
    /// The username from anywhere: 5 free failures, then 1 s, 2 s, 4 s … at most 60 s apart.
    public static let perUsername = LoginThrottle(.delay(freeFailures: 5, base: 1, cap: 60))

    /// Takes a slot for an attempt at `now`, or refuses it.
    public func reserve(_ counter: Counter?, now: Date) -> Decision {
        let fresh = Counter(failures: 1, windowStart: now, last: now)
        guard var c = counter else { return .allowed(fresh) }
        switch kind {
        case .lock(let maxFailures, let lockout):
            if c.failures >= max(1, maxFailures) {
                let until = c.last.addingTimeInterval(lockout)
                return now < until ? .refused(until: until) : .allowed(fresh)
            }
            if now.timeIntervalSince(c.windowStart) >= window { return .allowed(fresh) }
        case .delay:
            // Quiet for a whole window: start over.
            if now.timeIntervalSince(c.last) >= window { return .allowed(fresh) }
            if let wait = requiredWait(afterFailures: c.failures) {
                let until = c.last.addingTimeInterval(wait)
                if now < until { return .refused(until: until) }
            }
        }
        c.failures += 1
        c.last = max(c.last, now)
        return .allowed(c)
    }

    /// Gives back a slot taken by `reserve` when the attempt turned out not to be a failure.
    public func release(_ counter: Counter) -> Counter {
        var c = counter
        c.failures = max(0, c.failures - 1)
        return c
    }

    /// For `.delay`: how long after the last attempt the next may come, with `failures` so far.
    public func requiredWait(afterFailures failures: Int) -> TimeInterval? {
        guard case .delay(let free, let base, let cap) = kind, failures >= free else { return nil }
        let doublings = failures - free
        // 2^doublings overflows long before it matters: anything past the cap is the cap.
        guard doublings < 32 else { return cap }
        return min(cap, base * Double(1 << doublings))
    }

    /// `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.` — minutes rounded
    /// up (never "0 menit"); under a minute in seconds, also rounded up.
    public static func retryMessage(until: Date, now: Date) -> String {
        let seconds = until.timeIntervalSince(now)
        if seconds < 60 {
            return
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(max(1, Int(seconds.rounded(.up)))) detik."
        }
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        return "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit."
    }
}
