import Foundation
import KompetenCore
import Vapor

/// The per-address limit on public SKM responses, held in memory by this instance (a shared
/// limit across several instances belongs to the deployment work). Core's token bucket decides;
/// this only serialises access to it.
final class SurveyRateGate: @unchecked Sendable {
    private var limiter: SurveyRateLimiter
    private let lock = NSLock()

    init(perMinute: Int) { limiter = SurveyRateLimiter(perMinute: perMinute) }

    func admit(_ key: String, at now: Date) -> RateDecision {
        lock.lock(); defer { lock.unlock() }
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
    /// The sender's address as the socket sees it. `X-Forwarded-For` is not trusted: anyone can
    /// send it, and it would let one script pose as many residents.
    var surveyClientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
