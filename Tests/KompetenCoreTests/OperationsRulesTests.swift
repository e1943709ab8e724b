import Foundation
import KompetenCore
import Testing

@Suite("Operations rules: client address behind proxies, job periods")
struct OperationsRulesTests {
    let nginx: Set<String> = ["127.0.0.1", "10.0.0.5"]

    @Test func xForwardedForIsBelievedOnlyFromATrustedProxy() {
        // Directly connected: the header is the client's own word and is ignored.
        #expect(
            ForwardedFor.client(peer: "203.0.113.9", headerValues: ["198.51.100.1"], trusted: nginx) == "203.0.113.9")
        // Through nginx: the address nginx saw.
        #expect(
            ForwardedFor.client(peer: "127.0.0.1", headerValues: ["198.51.100.1"], trusted: nginx) == "198.51.100.1")
        // A forged entry on the left is skipped: the rightmost untrusted hop is the client.
        #expect(
            ForwardedFor.client(peer: "127.0.0.1", headerValues: ["1.2.3.4, 198.51.100.1"], trusted: nginx)
                == "198.51.100.1")
        // Two proxies (a front load balancer, then nginx), in two headers.
        #expect(
            ForwardedFor.client(peer: "127.0.0.1", headerValues: ["198.51.100.1", "10.0.0.5"], trusted: nginx)
                == "198.51.100.1")
        // IPv6.
        #expect(ForwardedFor.client(peer: "127.0.0.1", headerValues: ["2001:db8::7"], trusted: nginx) == "2001:db8::7")
        // Garbage is not used as an address: the proxy's own address stands.
        #expect(ForwardedFor.client(peer: "127.0.0.1", headerValues: ["<script>"], trusted: nginx) == "127.0.0.1")
        #expect(ForwardedFor.client(peer: "127.0.0.1", headerValues: ["999.1.1.1"], trusted: nginx) == "127.0.0.1")
        // No header through a proxy: the proxy; no peer at all: nil.
        #expect(ForwardedFor.client(peer: "127.0.0.1", headerValues: [], trusted: nginx) == "127.0.0.1")
        #expect(ForwardedFor.client(peer: nil, headerValues: ["198.51.100.1"], trusted: nginx) == nil)
        // Nothing trusted (the default): never believed.
        #expect(ForwardedFor.client(peer: "127.0.0.1", headerValues: ["198.51.100.1"], trusted: []) == "127.0.0.1")
    }

    /// Periods are in WITA (UTC+8): 29 Nov 2026 17:30 UTC is 30 Nov 01:30 WITA.
    @Test func jobPeriodsAreInKupangTime() {
        let utc = { (s: String) in ISO8601DateFormatter().date(from: s)! }
        #expect(JobSchedule.hourly.period(at: utc("2026-11-29T17:30:00Z")) == "2026-11-30T01")
        // Daily at 02:00: at 01:30 WITA the due period is still the previous day.
        #expect(JobSchedule.daily(hour: 2).period(at: utc("2026-11-29T17:30:00Z")) == "2026-11-29")
        #expect(JobSchedule.daily(hour: 2).period(at: utc("2026-11-29T18:00:00Z")) == "2026-11-30")
        #expect(JobSchedule.daily(hour: 0).period(at: utc("2026-11-29T15:59:59Z")) == "2026-11-29")
        #expect(JobSchedule.daily(hour: 0).period(at: utc("2026-11-29T16:00:00Z")) == "2026-11-30")
        // New Year's Eve across the year boundary.
        #expect(JobSchedule.daily(hour: 3).period(at: utc("2026-12-31T18:59:00Z")) == "2026-12-31")
        #expect(JobSchedule.daily(hour: 3).period(at: utc("2026-12-31T19:00:00Z")) == "2027-01-01")
    }
}
