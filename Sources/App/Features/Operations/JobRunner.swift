import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// A job the scheduler runs periodically (re-computations, retention, clean-up).
struct ScheduledJob: Sendable {
    let name: String
    let schedule: JobSchedule
    /// How long a run may take before another instance may assume its holder died.
    let maxDuration: TimeInterval
    /// Does the work; returns a short summary for the run log (no personal data).
    let work: @Sendable (Application, Date) async throws -> String
}

/// The log of job runs, one row per job and period: the proof that a job ran once.
enum JobRunLog {
    static let table = "job_runs"

    struct Row: Codable, Sendable {
        let job: String
        let period: String
        let holder: String
        let startedAt: Double
        let finishedAt: Double?
        let outcome: String
        let detail: String?
        enum CodingKeys: String, CodingKey {
            case job, period, holder, outcome, detail
            case startedAt = "started_at", finishedAt = "finished_at"
        }
    }

    /// Done for this period: it succeeded, or it failed less than `retryAfter` ago (a job that
    /// fails every time is retried every quarter of an hour, not on every tick).
    static func settled(
        _ job: String, period: String, now: Date, retryAfter: TimeInterval = 900, on sql: any SQLDatabase
    ) async throws -> Bool {
        try await sql.select().column("job").from(table)
            .where("job", .equal, SQLBind(job)).where("period", .equal, SQLBind(period))
            .where {
                $0.where("outcome", .equal, SQLBind("ok"))
                    .orWhere {
                        $0.where("outcome", .equal, SQLBind("failed")).where(
                            "started_at", .greaterThan, SQLBind(now.timeIntervalSince1970 - retryAfter))
                    }
            }
            .first() != nil
    }

    static func recent(limit: Int, on sql: any SQLDatabase) async throws -> [Row] {
        try await sql.select().columns("*").from(table).orderBy("started_at", .descending).limit(limit).all(
            decoding: Row.self)
    }
}

/// Runs a job if it is due and nobody else is running it: lease first, then the run log.
enum JobRunner {
    enum Outcome: String, Sendable { case ran, alreadyDone, busy, failed }

    static func runIfDue(_ job: ScheduledJob, app: Application, holder: String, now: Date) async -> Outcome {
        let period = job.schedule.period(at: now)
        let lease = "job:\(job.name)"
        do {
            let sql = try app.db.sql
            if try await JobRunLog.settled(job.name, period: period, now: now, on: sql) { return .alreadyDone }
            guard try await JobLease.acquire(lease, holder: holder, ttl: job.maxDuration, now: now, on: sql) else {
                return .busy
            }
            // Another instance may have finished between the first check and the lease.
            if try await JobRunLog.settled(job.name, period: period, now: now, on: sql) {
                try? await JobLease.release(lease, holder: holder, on: sql)
                return .alreadyDone
            }
            try await sql.insert(into: JobRunLog.table)
                .columns("job", "period", "holder", "started_at", "outcome")
                .values(
                    SQLBind(job.name), SQLBind(period), SQLBind(holder), SQLBind(now.timeIntervalSince1970),
                    SQLBind("running")
                )
                .onConflict(with: ["job", "period"]) {
                    $0.set(excludedValueOf: "holder").set(excludedValueOf: "started_at").set(excludedValueOf: "outcome")
                }
                .run()
            let started = Date()
            let outcome: Outcome
            let detail: String
            do {
                detail = try await job.work(app, now)
                outcome = .ran
            } catch {
                app.logger.error(
                    "job failed",
                    metadata: [
                        "job": .string(job.name), "period": .string(period),
                        "error": .string(String(describing: type(of: error))),
                    ])
                detail = "gagal: \(type(of: error))"
                outcome = .failed
            }
            try await sql.update(JobRunLog.table)
                .set("finished_at", to: SQLBind(Date().timeIntervalSince1970))
                .set("outcome", to: SQLBind(outcome == .ran ? "ok" : "failed"))
                .set("detail", to: SQLBind(String(detail.prefix(500))))
                .where("job", .equal, SQLBind(job.name)).where("period", .equal, SQLBind(period))
                .run()
            try? await JobLease.release(lease, holder: holder, on: sql)
            app.kompeten.metrics.jobRan(job.name, outcome: outcome.rawValue, seconds: Date().timeIntervalSince(started))
            app.logger.info(
                "job run",
                metadata: [
                    "job": .string(job.name), "period": .string(period), "outcome": .string(outcome.rawValue),
                    "detail": .string(detail),
                ])
            return outcome
        } catch {
            app.logger.warning("job skipped: database unavailable", metadata: ["job": .string(job.name)])
            return .failed
        }
    }
}

/// Every instance runs this loop; the lease makes each job's run happen once per period.
/// In-process timers alone would run a nightly job once per instance.
struct JobScheduler: LifecycleHandler {
    struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }

    func didBoot(_ app: Application) throws {
        let interval = app.kompeten.config.jobIntervalSeconds
        // Not in tests: Vapor's testing environment looks like `serve` (no command argument),
        // and a nightly rebuild started in the middle of a test would fight it for the database.
        guard interval > 0, app.environment != .testing, BootstrapOnServe.isServe(app) else { return }
        let holder = app.kompeten.instanceName
        let jobs = KompetenJobs.all
        // The loop holds the app until it is cancelled; shutdown waits for it (a job in flight
        // finishes before the database pools close).
        app.storage[TaskKey.self] = Task { [app] in
            // A short random delay: instances started together do not all race at once.
            try? await Task.sleep(nanoseconds: UInt64.random(in: 1...5) * 1_000_000_000)
            while !Task.isCancelled {
                for job in jobs where !Task.isCancelled {
                    _ = await JobRunner.runIfDue(job, app: app, holder: holder, now: app.kompeten.now)
                }
                try? await Task.sleep(nanoseconds: UInt64(interval) * 1_000_000_000)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        guard let task = app.storage[TaskKey.self] else { return }
        task.cancel()
        await task.value
    }
}
