import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// The scheduled jobs. Each runs once per period across all instances (JobRunner).
enum KompetenJobs {
    static let all: [ScheduledJob] = [housekeeping, surveyProfileRetention, monitoringRebuild, emailDigest]

    /// Hourly: expired API tokens and web sessions, old login-throttle counters, idempotency keys,
    /// idle rate buckets and SKM sender hashes past the duplicate window go.
    static let housekeeping = ScheduledJob(name: "housekeeping", schedule: .hourly, maxDuration: 600) { app, now in
        let sql = try app.db.sql
        let tokens = try await UserToken.query(on: app.db).filter(\.$expiresAt < now).count()
        try await UserToken.query(on: app.db).filter(\.$expiresAt < now).delete()
        try await LoginThrottleStore.purge(before: now.addingTimeInterval(-86_400), on: sql)
        // Web sessions past their idle or absolute lifetime (a read would refuse them anyway).
        let config = app.kompeten.config
        try await WebSessionDriver.purge(
            now: now, idle: config.sessionLifetime, max: config.sessionMaxLifetime, on: app.db)
        try await sql.delete(from: IdempotencyStore.table).where(
            "created_at", .lessThan, SQLBind(now.addingTimeInterval(-IdempotencyStore.keepFor).timeIntervalSince1970)
        ).run()
        // A bucket untouched for an hour is full again: the row carries no information.
        try await sql.delete(from: SharedRateBucket.table).where(
            "updated_at", .lessThan, SQLBind(now.addingTimeInterval(-3600).timeIntervalSince1970)
        ).run()
        // SKM sender hashes outlive the ten-minute duplicate window by a day at most.
        try await SurveySenderRetention.apply(on: app.db, now: now)
        return "\(tokens) token kedaluwarsa dihapus"
    }

    /// Daily at 02:00 WITA: the optional respondent profile (sex, age band, education,
    /// occupation), the free-text suggestion and the sender hash of SKM responses older than the instansi's retention
    /// period are erased. The answers stay: the IKM of past periods does not change.
    static let surveyProfileRetention = ScheduledJob(
        name: "survey-profile-retention", schedule: .daily(hour: 2), maxDuration: 1800
    ) { app, now in
        let erased = try await SurveyRetention.apply(on: app.db, now: now)
        // The same night, the name and contact of complaints closed longer ago than their retention.
        let complainants = try await ComplaintRetention.apply(on: app.db, now: now)
        return "\(erased) profil responden dihapus, \(complainants) identitas pelapor dihapus"
    }

    /// Daily at 03:00 WITA: the monitoring history (JPM and gaps per OPD per quarter) is
    /// recomputed from all assessments, for every instansi.
    static let monitoringRebuild = ScheduledJob(
        name: "monitoring-rebuild", schedule: .daily(hour: 3), maxDuration: 3600
    ) { app, now in
        var points = 0
        for instansi in try await Instansi.query(on: app.db).all() {
            points += try await MonitoringHistory.rebuild(
                instansiID: instansi.requireID(), today: WITA.today(now), at: now, on: app.db)
        }
        return "\(points) titik riwayat"
    }
}

extension KompetenJobs {
    /// Hourly, but sending only from the configured hour (WITA) on: the run log makes each hour's
    /// run happen once, and each person's day is claimed on its own (DigestService), so an
    /// instance that was down at 07:00 still sends the day's digests at its next run. The
    /// existing scheduler is used instead of a timer of its own: it already runs once across
    /// instances and stops cleanly at shutdown.
    static let emailDigest = ScheduledJob(name: "email-digest", schedule: .hourly, maxDuration: 1800) { app, now in
        guard let smtp = app.kompeten.config.smtp, let transport = app.kompeten.mailTransport else {
            return "SMTP tidak diatur"
        }
        guard DigestSchedule.isDue(now, sendHour: smtp.sendHour) else { return "belum jam kirim" }
        let report = try await DigestService.run(app, smtp: smtp, transport: transport, at: now)
        return "\(report.sent) ringkasan terkirim, \(report.failed) gagal"
    }
}

/// Retention of survey respondent profiles (UU 27/2022: keep personal data no longer than needed).
enum SurveyRetention {
    static let defaultMonths = 24

    /// Erases the profiles past each instansi's retention; returns how many responses were touched.
    static func apply(on db: any Database, now: Date) async throws -> Int {
        let settings = try await InstansiSettings.query(on: db).all()
        let months = Dictionary(
            settings.map { ($0.instansiID, $0.surveyProfileRetentionMonths) }, uniquingKeysWith: { a, _ in a })
        var erased = 0
        for instansi in try await Instansi.query(on: db).all() {
            let keep = try months[instansi.requireID()] ?? defaultMonths
            guard keep > 0 else { continue } // 0 = keep (the setting says so explicitly)
            let cutoff = Calendar(identifier: .gregorian).date(byAdding: .month, value: -keep, to: now) ?? now
            func stale() -> QueryBuilder<SurveyResponse> {
                SurveyResponse.query(on: db).filter(\.$instansiID == instansi.id!).filter(\.$submittedAt < cutoff)
                    .group(.or) {
                        $0.filter(\.$sex != nil).filter(\.$ageBand != nil).filter(\.$education != nil).filter(
                            \.$occupation != nil
                        ).filter(\.$clientHash != nil).filter(\.$suggestion != nil)
                    }
            }
            erased += try await stale().count()
            try await stale()
                .set(\.$sex, to: nil).set(\.$ageBand, to: nil).set(\.$education, to: nil).set(\.$occupation, to: nil)
                .set(\.$clientHash, to: nil).set(\.$suggestion, to: nil)
                .update()
        }
        return erased
    }
}
