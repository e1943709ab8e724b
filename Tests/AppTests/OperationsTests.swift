import Fluent
import Foundation
import KompetenCore
import NIOCore
import NIOPosix
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Several instances on one database: leases, jobs that run once, idempotent retries; and the
/// operational endpoints (liveness, readiness, metrics), database outages answered with 503.
@Suite("Operations: leases, jobs, idempotency, health, metrics, outages")
struct OperationsTests {
    @Test func aLeaseHasOneHolderUntilItExpiresOrIsReleased() async throws {
        try await withTestApp { app in
            let sql = try app.db.sql
            #expect(try await JobLease.acquire("x", holder: "a", ttl: 60, now: testNow, on: sql))
            #expect(
                try await !JobLease.acquire("x", holder: "b", ttl: 60, now: testNow.addingTimeInterval(59), on: sql))
            // Not even the holder takes it twice (two tasks of one instance).
            #expect(
                try await !JobLease.acquire("x", holder: "a", ttl: 60, now: testNow.addingTimeInterval(30), on: sql))
            // Expired (a holder that died): the next one takes it.
            #expect(try await JobLease.acquire("x", holder: "b", ttl: 60, now: testNow.addingTimeInterval(61), on: sql))
            // Release by someone else does nothing; by the holder frees it.
            try await JobLease.release("x", holder: "a", on: sql)
            #expect(
                try await !JobLease.acquire("x", holder: "c", ttl: 60, now: testNow.addingTimeInterval(92), on: sql))
            try await JobLease.release("x", holder: "b", on: sql)
            #expect(try await JobLease.acquire("x", holder: "c", ttl: 60, now: testNow.addingTimeInterval(92), on: sql))
        }
    }

    /// Four "instances" try the same job twelve times each, concurrently: it runs once per period.
    @Test func aScheduledJobRunsOncePerPeriodAcrossInstances() async throws {
        try await withTestApp { app in
            actor Count {
                var n = 0
                func add() { n += 1 }
            }
            let count = Count()
            let job = ScheduledJob(name: "test-job", schedule: .daily(hour: 2), maxDuration: 60) { _, _ in
                await count.add()
                try await Task.sleep(nanoseconds: 20_000_000)
                return "ok"
            }
            let outcomes = try await withThrowingTaskGroup(of: JobRunner.Outcome.self) { group in
                for instance in 0..<4 {
                    for _ in 0..<12 {
                        group.addTask {
                            await JobRunner.runIfDue(job, app: app, holder: "instance-\(instance)", now: testNow)
                        }
                    }
                }
                return try await group.reduce(into: [JobRunner.Outcome]()) { $0.append($1) }
            }
            #expect(await count.n == 1)
            #expect(outcomes.filter { $0 == .ran }.count == 1)
            #expect(outcomes.allSatisfy { [.ran, .busy, .alreadyDone].contains($0) })
            // 10:00 WITA on 29 November: the daily-at-02:00 period is that day.
            let runs = try await JobRunLog.recent(limit: 10, on: try app.db.sql)
            #expect(runs.map(\.period) == ["2026-11-29"] && runs.first?.outcome == "ok")
            // The next day it is due again.
            #expect(
                await JobRunner.runIfDue(job, app: app, holder: "instance-0", now: testNow.addingTimeInterval(86_400))
                    == .ran)
            #expect(await count.n == 2)
            // A job that fails is retried a quarter of an hour later, not on every tick.
            struct Broken: Error {}
            let broken = ScheduledJob(name: "broken", schedule: .hourly, maxDuration: 60) { _, _ in
                await count.add()
                throw Broken()
            }
            #expect(await JobRunner.runIfDue(broken, app: app, holder: "a", now: testNow) == .failed)
            #expect(
                await JobRunner.runIfDue(broken, app: app, holder: "a", now: testNow.addingTimeInterval(60))
                    == .alreadyDone)
            #expect(
                await JobRunner.runIfDue(broken, app: app, holder: "a", now: testNow.addingTimeInterval(960)) == .failed
            )
            #expect(await count.n == 4)
        }
    }

    @Test func surveyProfilesPastTheRetentionAreErasedAndTheAnswersKept() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            let profile = ["sex": "perempuan", "ageBand": "30-39", "education": "s1", "occupation": "pns"]
            for _ in 0..<3 {
                #expect(
                    try await PublicServicesTests.post(app, s.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], respondent: profile)
                        .status == .created)
            }
            // Two of them are 25 months old.
            let all = try await SurveyResponse.query(on: app.db).sort(\.$id).all()
            let old = Calendar(identifier: .gregorian).date(byAdding: .month, value: -25, to: testNow)!
            for r in all.prefix(2) {
                r.submittedAt = old
                try await r.save(on: app.db)
            }
            #expect(try await SurveyRetention.apply(on: app.db, now: testNow) == 2)
            let after = try await SurveyResponse.query(on: app.db).all()
            #expect(
                after.filter {
                    $0.sex == nil && $0.ageBand == nil && $0.education == nil && $0.occupation == nil
                        && $0.clientHash == nil
                }.count == 2)
            #expect(after.filter { $0.sex == "perempuan" }.count == 1)
            #expect(after.allSatisfy { $0.u1 == 3 && $0.u9 == 3 })
            // Nothing more to erase; and 0 months keeps everything.
            #expect(try await SurveyRetention.apply(on: app.db, now: testNow) == 0)
            // Set through the settings page, as BKPPD would.
            let admin = try await WebClient.login(app, "admin")
            _ = try await admin.get("/admin/settings")
            #expect(
                try await admin.post(
                    "/admin/settings", ["formula": "capped", "purpose": "pemetaan", "surveyRetentionMonths": "200"]
                ).status == .unprocessableEntity)
            #expect(
                try await admin.post(
                    "/admin/settings", ["formula": "capped", "purpose": "pemetaan", "surveyRetentionMonths": "0"]
                ).status == .seeOther)
            #expect(
                try await InstansiSettings.query(on: app.db).filter(\.$instansiID == world.instansi.id!).first()?
                    .surveyProfileRetentionMonths == 0)
            let recent = try #require(after.first { $0.sex == "perempuan" })
            recent.submittedAt = Calendar(identifier: .gregorian).date(byAdding: .month, value: -60, to: testNow)!
            try await recent.save(on: app.db)
            #expect(try await SurveyRetention.apply(on: app.db, now: testNow) == 0)
        }
    }

    /// A retried survey POST with the same Idempotency-Key gets the first answer and writes nothing.
    @Test func idempotencyKeyMakesARetryHarmless() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let s = try await PublicServicesTests.service(app, world)
            struct Body: Encodable { let answers: [String: Int] }
            let body = Body(answers: PublicServicesTests.answers([4, 4, 3, 3, 4, 4, 3, 3, 4]))
            func post(_ key: String, browser: String = "kios-1") async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.contentType = .json
                headers.replaceOrAdd(name: .userAgent, value: browser)
                headers.replaceOrAdd(name: "Idempotency-Key", value: key)
                return try await app.testing().sendRequest(
                    .POST, "/api/v1/public/services/\(s.id)/survey", headers: headers,
                    body: ByteBuffer(data: try JSONEncoder().encode(body)))
            }
            let first = try await post("kiosk-7-0001")
            #expect(first.status == .created)
            let again = try await post("kiosk-7-0001")
            #expect(again.status == .created && again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(
                try first.json(PublicServicesTests.Stored.self).id == again.json(PublicServicesTests.Stored.self).id)
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            // The same key from another sender is that sender's own response, not a replay.
            let other = try await post("kiosk-7-0001", browser: "kios-2")
            #expect(other.status == .created && other.headers.first(name: "Idempotent-Replayed") == nil)
            #expect(try await SurveyResponse.query(on: app.db).count() == 2)
            // Eight concurrent twins of a new key: one row.
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 { group.addTask { try await post("kiosk-7-0002").status } }
                for try await status in group { #expect(status == .created) }
            }
            #expect(try await SurveyResponse.query(on: app.db).count() == 3)
            let bad = try await post("spasi tidak boleh")
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.json(PublicServicesTests.Errors.self).fields?.map(\.field) == ["Idempotency-Key"])
            #expect(try await SurveyResponse.query(on: app.db).count() == 3)
        }
    }

    @Test func livenessReadinessAndMetrics() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            #expect(try await app.testing().sendRequest(.GET, "/livez").status == .ok)
            struct Ready: Decodable {
                let status: String
                let migrations: String?
            }
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            let n = Migrations.all.count
            #expect(try ready.status == .ok && ready.json(Ready.self).migrations == "\(n)/\(n)")
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
            _ = try await APIClient.login(app, "admin").send(.GET, "/api/v1/units")
            // Over a socket from 127.0.0.1 (a local agent); anyone else is refused.
            let metrics = try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .GET, "/metrics")
            #expect(metrics.status == .ok)
            let text = metrics.body.string
            #expect(text.contains(#"kompeten_http_requests_total{method="GET",route="/api/v1/units",status="200"} 1"#))
            #expect(text.contains("kompeten_http_request_duration_seconds_bucket"))
            #expect(text.contains("kompeten_database_up 1"))
            // A schema one migration behind this build is not ready: instances wait for the upgrade.
            try await app.db.sql.delete(from: "_fluent_migrations").where(
                "name", .equal, SQLBind("020_CreateOperations")
            ).run()
            #expect(try await app.testing().sendRequest(.GET, "/readyz").status == .serviceUnavailable)
        }
    }

    /// No database at all (PostgreSQL on a closed port): liveness still answers, readiness and
    /// every request that needs the database answer 503 with Retry-After, never 500.
    @Test func aDatabaseOutageIsA503() async throws {
        let app = try await Application.make(.testing)
        do {
            var config = try AppConfig.fromEnvironment([:])
            config.database = .postgres(URL(string: "postgres://kompeten:x@127.0.0.1:9/none")!)
            app.logger.logLevel = .critical
            try await configure(app, config: config)
            #expect(try await app.testing().sendRequest(.GET, "/livez").status == .ok)
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            #expect(ready.status == .serviceUnavailable && ready.headers.first(name: .retryAfter) == "5")
            let token = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/auth/token", json: ["username": "admin", "password": "x"])
            #expect(token.status == .serviceUnavailable)
            #expect(try token.json(APIErrorBody.self).reason.contains("database"))
            let api = try await APIClient(app: app, token: "abc").send(.GET, "/api/v1/units")
            #expect(api.status == .serviceUnavailable)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "kompeten_session=abc")
            let page = try await app.testing().sendRequest(.GET, "/employees", headers: headers)
            #expect(page.status == .serviceUnavailable && page.body.string.contains("database"))
            #expect(page.headers.first(name: "Content-Security-Policy") != nil)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Found by schemathesis through nginx: the probes answer a wrong method with 405 and Allow,
    /// and text PostgreSQL cannot store (a NUL byte) is the client's error, not a 500.
    @Test func probesAnswer405AndNulBytesAreNot500() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            for path in ["/livez", "/readyz", "/healthz"] {
                let r = try await app.testing().sendRequest(.TRACE, path)
                #expect(r.status == .methodNotAllowed && r.headers.first(name: .allow) == "GET", "\(path)")
            }
            let nul = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/auth/token", json: ["username": "ad\u{0}min", "password": "x"])
            #expect([HTTPStatus.unauthorized, .unprocessableEntity].contains(nul.status))
        }
    }

    @Test func classifiesOutagesApartFromBadQueries() {
        #expect(DatabaseOutage.isOutage(IOError(errnoCode: ECONNREFUSED, reason: "connect")))
        #expect(!DatabaseOutage.isOutage(IOError(errnoCode: ENOENT, reason: "open")))
        #expect(!DatabaseOutage.isOutage(Abort(.badRequest)))
    }

    @Test func headersHSTSBehindTLSAndRequestIDs() async throws {
        try await withTestApp { app in
            var config = app.kompeten.config
            config.trustedProxies = ["127.0.0.1"]
            app.kompeten.config = config
            let plain = try await app.testing().sendRequest(.GET, "/login")
            #expect(plain.headers.first(name: "Strict-Transport-Security") == nil)
            #expect(plain.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(plain.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(plain.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(plain.headers.first(name: "X-Request-Id")?.count == 36)
            // The test client's peer is 127.0.0.1: a trusted proxy saying https.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: "X-Forwarded-Proto", value: "https")
            headers.replaceOrAdd(name: "X-Request-Id", value: "nginx-abc123")
            let tls = try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .GET, "/login", headers: headers)
            #expect(tls.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            #expect(tls.headers.first(name: "X-Request-Id") == "nginx-abc123")
        }
    }
}
