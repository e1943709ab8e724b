import Fluent
import KompetenCore
import Vapor

/// The instansi's settings, written with their audit entry.
enum SettingsService {
    /// Creates or replaces the instansi's settings; returns what was saved.
    static func save(
        formula: JPMFormula, thresholds: JPMThresholds, development: DevelopmentSettings,
        evaluation: EvaluationSettings, complaints: (targetDays: Int, retentionMonths: Int),
        effectiveHours: Int = Workload.defaultEffectiveHours, mandatory: MandatoryDeadlines = .standard,
        actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> InstansiSettings {
        let existing = try await InstansiSettings.query(on: db).filter(\.$instansiID == actor.instansiID!).first()
        let before = existing.map { SettingsSnapshot($0) }
        let settings = existing ?? InstansiSettings()
        if existing == nil {
            settings.id = UUID()
            settings.instansiID = actor.instansiID!
        }
        settings.jpmFormula = formula.rawValue
        settings.jpmPurpose = thresholds.purpose.rawValue
        settings.updatedAt = now
        development.apply(to: settings)
        evaluation.apply(to: settings)
        settings.complaintTargetDays = complaints.targetDays
        settings.complaintRetentionMonths = complaints.retentionMonths
        settings.workloadEffectiveHours = effectiveHours
        settings.latsarMonths = mandatory.latsarMonths
        settings.pkpMonths = mandatory.pkpMonths
        settings.pkaMonths = mandatory.pkaMonths
        settings.pkn2Months = mandatory.pkn2Months
        try await db.transaction { db in
            try await settings.save(on: db)
            try await AuditLog.record(
                .update, entity: "settings", id: settings.id, summary: "Mengubah pengaturan JPM",
                before: before, after: SettingsSnapshot(settings),
                actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
        return settings
    }
}
