import Fluent
import SQLKit

/// Issue 17: the job analysis (anjab) of a position beyond its ikhtisar and duties (kelas jabatan,
/// kualifikasi, the parts of the informasi jabatan), its tugas pokok as rows with workload, and
/// the effective working hours a year that ABK divides by (a setting, default 1,250).
struct CreateJobAnalysis: AsyncMigration {
    var name: String { "052_CreateJobAnalysis" }

    func prepare(on db: any Database) async throws {
        // The columns are written out, not read from the model: a migration is history.
        var analyses = db.schema("position_job_analyses")
            .id()
            .field("position_id", .uuid, .required, .references("positions", .id, onDelete: .cascade))
            .field("position_class", .int)
            .field("education", .string, .required)
            .field("training", .string, .required)
            .field("experience", .string, .required)
        for column in [
            "materials", "tools", "responsibilities", "authorities", "correlations", "working_conditions", "risks",
            "requirements",
        ] {
            analyses = analyses.field(FieldKey(stringLiteral: column), .string, .required)
        }
        try await analyses
            .field("updated_at", .datetime, .required)
            .field("updated_by", .uuid)
            .unique(on: "position_id")
            .create()
        try await db.schema("position_tasks")
            .id()
            .field("position_id", .uuid, .required, .references("positions", .id, onDelete: .cascade))
            .field("ordinal", .int, .required)
            .field("description", .string, .required)
            .field("output", .string, .required)
            .field("unit", .string, .required)
            .field("annual_volume", .int, .required)
            .field("norm_hundredths", .int, .required)
            .unique(on: "position_id", "ordinal")
            .create()
        try await db.schema("instansi_settings")
            .field("workload_effective_hours", .int, .required, .sql(.default(1250))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("instansi_settings").deleteField("workload_effective_hours").update()
        try await db.schema("position_tasks").delete()
        try await db.schema("position_job_analyses").delete()
    }
}
