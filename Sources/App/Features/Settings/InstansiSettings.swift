import Fluent
import Foundation
import KompetenCore

/// Per-instansi settings of the rules (SPEC.md: the JPM formula variant and threshold set).
final class InstansiSettings: Model, @unchecked Sendable {
    static let schema = "instansi_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "jpm_formula") var jpmFormula: String
    @Field(key: "jpm_purpose") var jpmPurpose: String
    @Field(key: "updated_at") var updatedAt: Date
    /// Months after a completed programme when the competencies it raised are re-assessed.
    @Field(key: "reassessment_months") var reassessmentMonths: Int
    /// JSON object competency code → weight for the annual plan optimiser (missing codes weigh 1).
    @Field(key: "competency_weights") var competencyWeights: String
    /// Comma-separated codes of front-line OPD/units (besides every kecamatan and kelurahan).
    @Field(key: "front_line_units") var frontLineUnits: String
    /// Extra weight on Pelayanan Publik (M.5) for staff of front-line units.
    @Field(key: "front_line_multiplier") var frontLineMultiplier: Double
    /// The L3 (behaviour) evaluation window, months after completion.
    @Field(key: "l3_from_months") var l3FromMonths: Int
    @Field(key: "l3_to_months") var l3ToMonths: Int
    /// Potential cut-offs on the mean managerial/socio-cultural level (1–5): at or above
    /// `potentialMedium` is *menengah*, at or above `potentialHigh` is *tinggi*.
    @Field(key: "potential_medium") var potentialMedium: Double
    @Field(key: "potential_high") var potentialHigh: Double
    /// The IKM weight per SKM element: `1/9`, `0.111` or `0.11` (PermenPANRB 14/2017 and office practice).
    @Field(key: "skm_weight") var skmWeight: String
    /// Months an SKM respondent's optional profile is kept before the nightly job erases it
    /// (UU 27/2022); `0` keeps it. The answers themselves are kept: past IKM must not change.
    @Field(key: "survey_profile_retention_months") var surveyProfileRetentionMonths: Int
    /// Working days within which a complaint should be closed (the transparency page counts them).
    @Field(key: "complaint_target_days") var complaintTargetDays: Int
    /// Months after closing that a complainant's name and contact are kept; `0` keeps them.
    @Field(key: "complaint_retention_months") var complaintRetentionMonths: Int
    /// Jam kerja efektif per tahun that ABK divides the workload by (default 1,250).
    @Field(key: "workload_effective_hours") var workloadEffectiveHours: Int
    /// Months from TMT CPNS / TMT jabatan within which Latsar, PKP, PKA and PKN II are due (migration 056).
    @Field(key: "latsar_months") var latsarMonths: Int
    @Field(key: "pkp_months") var pkpMonths: Int
    @Field(key: "pka_months") var pkaMonths: Int
    @Field(key: "pkn2_months") var pkn2Months: Int

    init() {
        // A new row (the settings page, the demo, tests) starts at the default; read rows keep theirs.
        surveyProfileRetentionMonths = SurveyRetention.defaultMonths
        complaintTargetDays = ComplaintTimeliness.defaultTargetDays
        complaintRetentionMonths = ComplaintRetention.defaultMonths
        workloadEffectiveHours = Workload.defaultEffectiveHours
        let deadlines = MandatoryDeadlines.standard
        latsarMonths = deadlines.latsarMonths
        pkpMonths = deadlines.pkpMonths
        pkaMonths = deadlines.pkaMonths
        pkn2Months = deadlines.pkn2Months
    }

    var formula: JPMFormula { JPMFormula(rawValue: jpmFormula) ?? .capped }
    var thresholds: JPMThresholds { JPMThresholds.named(jpmPurpose) ?? .pemetaan }
    var mandatoryDeadlines: MandatoryDeadlines {
        MandatoryDeadlines(
            latsarMonths: latsarMonths, pkpMonths: pkpMonths, pkaMonths: pkaMonths, pkn2Months: pkn2Months)
    }
}

enum SettingsQueries {
    /// The instansi's settings, or the defaults (capped formula, pemetaan thresholds).
    static func load(_ instansiID: UUID, on db: any Database) async throws -> (JPMFormula, JPMThresholds) {
        guard let s = try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first() else {
            return (.capped, .pemetaan)
        }
        return (s.formula, s.thresholds)
    }
}
