import Fluent
import Foundation
import SQLKit

/// Step 3: evaluation records, SKP ratings, the monitoring history; the level before and after
/// on each re-assessment due; the evaluation and talent settings.
struct CreateEvaluation: AsyncMigration {
    var name: String { "016_CreateEvaluation" }
    func prepare(on db: any Database) async throws {
        try await db.schema("evaluations")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("enrolment_id", .uuid, .required, .references("enrolments", .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("program_id", .uuid, .required, .references("programs", .id))
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
        try await db.schema("performance_ratings")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("hasil_kerja", .string, .required)
            .field("perilaku_kerja", .string, .required)
            .field("predicate", .string, .required)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "employee_id", "year")
            .create()
        try await db.schema("monitoring_points")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("as_of", .string, .required)
            .field("opd_id", .uuid, .required, .references("units", .id, onDelete: .cascade))
            .field("people", .int, .required)
            .field("assessed", .int, .required)
            .field("jpm_sum", .double, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "instansi_id", "as_of", "opd_id")
            .create()
        try await db.schema("monitoring_gaps")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("as_of", .string, .required)
            .field("opd_id", .uuid, .required, .references("units", .id, onDelete: .cascade))
            .field("competency_code", .string, .required)
            .field("required", .int, .required)
            .field("assessed", .int, .required)
            .field("gap_sum", .int, .required)
            .field("with_gap", .int, .required)
            .unique(on: "instansi_id", "as_of", "opd_id", "competency_code")
            .create()
        try await db.schema("employees").field("potential_score", .double).update()
        try await db.schema("reassessment_dues").field("level_before", .int).update()
        try await db.schema("reassessment_dues").field("level_after", .int).update()
        try await db.schema("instansi_settings").field("l3_from_months", .int, .required, .sql(.default(3))).update()
        try await db.schema("instansi_settings").field("l3_to_months", .int, .required, .sql(.default(6))).update()
        try await db.schema("instansi_settings").field("potential_medium", .double, .required, .sql(.default(2.5)))
            .update()
        try await db.schema("instansi_settings").field("potential_high", .double, .required, .sql(.default(3.25)))
            .update()
    }
    func revert(on db: any Database) async throws {
        for field in ["potential_high", "potential_medium", "l3_to_months", "l3_from_months"] {
            try await db.schema("instansi_settings").deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.schema("reassessment_dues").deleteField("level_after").update()
        try await db.schema("reassessment_dues").deleteField("level_before").update()
        try await db.schema("employees").deleteField("potential_score").update()
        for schema in ["monitoring_gaps", "monitoring_points", "performance_ratings", "evaluations"] {
            try await db.schema(schema).delete()
        }
    }
}
