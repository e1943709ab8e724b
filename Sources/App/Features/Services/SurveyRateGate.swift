import Foundation
import KompetenCore
import Vapor

/// The per-address limit on public SKM responses, held in memory: the limiter on SQLite (one
/// instance); on PostgreSQL `SharedRateBucket` keeps the same bucket in the database for all
/// instances. Core's token bucket decides; this only serialises access to it.
final class SurveyRateGate: @unchecked Sendable {
    private var limiter: SurveyRateLimiter
    private let lock = NSLock()

    /// Fixed at creation: readable without the lock.
    let perMinute: Int

    init(perMinute: Int) {
        self.perMinute = perMinute
        limiter = SurveyRateLimiter(perMinute: perMinute)
    }

    func admit(_ key: String, at now: Date) -> RateDecision {
        lock.lock()
        defer { lock.unlock() }
        return limiter.admit(key: key, now: now.timeIntervalSince1970)
    }
}

extension Application.Kompeten {
    struct SurveyGateKey: StorageKey { typealias Value = SurveyRateGate }

    /// Created in `configure` from the setting; tests that change the setting install a new one.
    var surveyGate: SurveyRateGate {
        get { app.storage[SurveyGateKey.self] ?? SurveyRateGate(perMinute: 0) }
        nonmutating set { app.storage[SurveyGateKey.self] = newValue }
    }
}

extension Request {
    /// The sender's address as the socket sees it, an IPv6 address cut to its /64 (one household
    /// or phone gets a whole /64, so per-/128 buckets would not limit anything). `X-Forwarded-For`
    /// counts only when it comes from a trusted proxy: anyone can send it, and believed from
    /// anyone it would let one script pose as many residents.
    var surveyClientAddress: String { SurveyClientKey.of(clientAddress) }
}

enum SurveyClientKey {
    /// `2001:db8:1:2:a:b:c:d` and `2001:db8:1:2::9` → `2001:db8:1:2::/64`; IPv4 unchanged.
    static func of(_ address: String) -> String {
        guard address.contains(":") else { return address }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return address }
        let head = halves[0].split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        let tail =
            halves.count == 2 ? halves[1].split(separator: ":", omittingEmptySubsequences: true).map(String.init) : []
        let groups =
            halves.count == 2 ? head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail : head
        guard groups.count >= 4 else { return address }
        return groups.prefix(4).map { $0.lowercased() }.joined(separator: ":") + "::/64"
    }

}
