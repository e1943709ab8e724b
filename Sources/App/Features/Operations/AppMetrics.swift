import Foundation
import Metrics
import Prometheus
import Vapor

/// The app's metrics, recorded through swift-metrics into a Prometheus registry that belongs
/// to this Application (not the process-wide MetricsSystem: tests start many applications).
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// One request: `kompeten_http_requests_total{method,route,status}` and its duration by route.
    func request(method: String, route: String, status: UInt, seconds: Double) {
        Metrics.Counter(
            label: "kompeten_http_requests_total",
            dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory
        ).increment()
        Metrics.Timer(label: "kompeten_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64(max(0, seconds) * 1e9))
    }

    func inFlight(_ delta: Int) {
        Metrics.Meter(label: "kompeten_http_requests_in_flight", factory: factory).increment(by: Double(delta))
    }

    func jobRan(_ job: String, outcome: String, seconds: Double) {
        Metrics.Counter(
            label: "kompeten_job_runs_total", dimensions: [("job", job), ("outcome", outcome)], factory: factory
        ).increment()
        Metrics.Timer(label: "kompeten_job_duration_seconds", dimensions: [("job", job)], factory: factory)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    /// The database as the last readiness probe saw it, and how long the probe took.
    func database(up: Bool, seconds: Double) {
        Metrics.Gauge(label: "kompeten_database_up", factory: factory).record(up ? 1 : 0)
        Metrics.Timer(label: "kompeten_database_probe_seconds", factory: factory).recordNanoseconds(
            Int64(seconds * 1e9))
    }

    func databaseUnavailable() {
        Metrics.Counter(label: "kompeten_database_unavailable_total", factory: factory).increment()
    }

    /// The pool's configured bound (connections per event loop × loops), for capacity planning.
    /// `kompeten_web_sessions`: server-side web sessions stored (read at each scrape).
    func webSessions(_ count: Int) {
        Metrics.Gauge(label: "kompeten_web_sessions", factory: factory).record(count)
    }

    func poolSize(_ connections: Int) {
        Metrics.Gauge(label: "kompeten_database_pool_max_connections", factory: factory).record(connections)
    }

    var text: String { registry.emitToString() }
}

extension Application.Kompeten {
    struct MetricsKey: StorageKey { typealias Value = AppMetrics }
    struct InstanceKey: StorageKey { typealias Value = String }

    var metrics: AppMetrics {
        if let m = app.storage[MetricsKey.self] { return m }
        let m = AppMetrics()
        app.storage[MetricsKey.self] = m
        return m
    }

    /// Names this process in leases and job runs: host, pid and a random tag (pids repeat).
    var instanceName: String {
        if let n = app.storage[InstanceKey.self] { return n }
        let n =
            "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt16.random(in: 0...UInt16.max))"
        app.storage[InstanceKey.self] = n
        return n
    }
}
