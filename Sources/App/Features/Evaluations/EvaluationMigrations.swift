import Foundation
import Fluent
import SQLKit

/// Step 3: evaluation records, SKP ratings, the monitoring history; the level before and after
/// on each re-assessment due; the evaluation and talent settings.
struct CreateEvaluation: AsyncMigration {
    var name: String { "016_CreateEvaluation" }
    func prepare(on db: any Database) async throws {
        try await db.schema(EvaluationRecord.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("program_id", .uuid, .required, .references(Programme.schema, .id))
            .field("level", .int, .required)
            .field("respondent", .string, .required)
            .field("respondent_user_id", .uuid)
            .field("scores", .string, .required)
            .field("summary", .double)
            .field("comment", .string, .required)
            .field("filled_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "enrolment_id", "level", "respondent")
            .create()
        try await db.schema(PerformanceRating.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("hasil_kerja", .string, .required)
            .field("perilaku_kerja", .string, .required)
            .field("predicate", .string, .required)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "employee_id", "year")
            .create()
        try await db.schema(MonitoringPoint.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("as_of", .string, .required)
            .field("opd_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("people", .int, .required)
            .field("assessed", .int, .required)
            .field("jpm_sum", .double, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "instansi_id", "as_of", "opd_id")
            .create()
        try await db.schema(MonitoringGap.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("as_of", .string, .required)
            .field("opd_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("competency_code", .string, .required)
            .field("required", .int, .required)
            .field("assessed", .int, .required)
            .field("gap_sum", .int, .required)
            .field("with_gap", .int, .required)
            .unique(on: "instansi_id", "as_of", "opd_id", "competency_code")
            .create()
        try await db.schema(Employee.schema).field("potential_score", .double).update()
        try await db.schema(ReassessmentDue.schema).field("level_before", .int).update()
        try await db.schema(ReassessmentDue.schema).field("level_after", .int).update()
        try await db.schema(InstansiSettings.schema).field("l3_from_months", .int, .required, .sql(.default(3))).update()
        try await db.schema(InstansiSettings.schema).field("l3_to_months", .int, .required, .sql(.default(6))).update()
        try await db.schema(InstansiSettings.schema).field("potential_medium", .double, .required, .sql(.default(2.5))).update()
        try await db.schema(InstansiSettings.schema).field("potential_high", .double, .required, .sql(.default(3.25))).update()
    }
    func revert(on db: any Database) async throws {
        for field in ["potential_high", "potential_medium", "l3_to_months", "l3_from_months"] {
            try await db.schema(InstansiSettings.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.schema(ReassessmentDue.schema).deleteField("level_after").update()
        try await db.schema(ReassessmentDue.schema).deleteField("level_before").update()
        try await db.schema(Employee.schema).deleteField("potential_score").update()
        for schema in [MonitoringGap.schema, MonitoringPoint.schema, PerformanceRating.schema, EvaluationRecord.schema] {
            try await db.schema(schema).delete()
        }
    }
}

/// Indexes for the evaluation worklists, effectiveness sums and the talent grid.
struct CreateEvaluationIndexes: IndexMigration {
    var name: String { "017_CreateEvaluationIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_evaluations_program", EvaluationRecord.schema, ["program_id", "level", "respondent"]),
        ("idx_evaluations_employee", EvaluationRecord.schema, ["employee_id"]),
        ("idx_performance_instansi_year", PerformanceRating.schema, ["instansi_id", "year", "employee_id"]),
        ("idx_enrolments_completed", Enrolment.schema, ["instansi_id", "status", "completed_on"]),
    ]
}
