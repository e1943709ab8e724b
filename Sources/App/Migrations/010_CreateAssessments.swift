import Fluent
import Foundation
import KompetenCore

struct CreateAssessments: AsyncMigration {
    var name: String { "010_CreateAssessments" }
    func prepare(on db: any Database) async throws {
        try await db.schema("evidence_files")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("assessments")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("assessed_on", .string, .required)
            .field("method", .string, .required)
            .field("assessor_name", .string, .required)
            .field("assessor_user_id", .uuid)
            .field("notes", .string, .required)
            .field("evidence_id", .uuid, .references("evidence_files", .id))
            .field("created_at", .datetime, .required)
            .field("sequence", .int, .required)
            .create()
        try await db.schema("assessment_results")
            .id()
            .field("assessment_id", .uuid, .required, .references("assessments", .id, onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references("competencies", .id))
            .field("level", .int, .required)
            .unique(on: "assessment_id", "competency_id")
            .create()
        try await db.schema("current_levels")
            .id()
            .field("instansi_id", .uuid, .required)
            .field("employee_id", .uuid, .required, .references("employees", .id, onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references("competencies", .id))
            .field("level", .int, .required)
            .field("assessed_on", .string, .required)
            .field("assessment_id", .uuid, .required)
            .unique(on: "employee_id", "competency_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("current_levels").delete()
        try await db.schema("assessment_results").delete()
        try await db.schema("assessments").delete()
        try await db.schema("evidence_files").delete()
    }
}
