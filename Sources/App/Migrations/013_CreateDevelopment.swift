import Fluent
import SQLKit

/// Step 2's tables: providers, the catalogue, batches, enrolments, the JP ledger, re-assessment
/// due dates, outside learning, plans.
struct CreateDevelopment: AsyncMigration {
    var name: String { "013_CreateDevelopment" }
    func prepare(on db: any Database) async throws {
        try await createCatalogue(on: db)
        try await createPlans(on: db)
        try await createEnrolments(on: db)
        try await createLedger(on: db)
        try await createLearningRecords(on: db)
    }

    /// The catalogue: providers, their programmes and the competencies each develops, the batches.
    private func createCatalogue(on db: any Database) async throws {
        try await db.schema("providers")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("accreditation", .string, .required)
            .field("contact_name", .string, .required)
            .field("phone", .string, .required)
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .create()
        try await db.schema("programs")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("provider_id", .uuid, .required, .references("providers", .id))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("form", .string, .required)
            .field("path", .string)
            .field("jp", .int, .required)
            .field("cost_per_participant", .int64, .required)
            .field("capacity", .int, .required)
            .field("description", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .create()
        try await db.schema("program_competencies")
            .id()
            .field("program_id", .uuid, .required, .references("programs", .id, onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references("competencies", .id))
            .field("level_gain", .int, .required)
            .unique(on: "program_id", "competency_id")
            .create()
        try await db.schema("batches")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("program_id", .uuid, .required, .references("programs", .id))
            .field("name", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("capacity", .int, .required)
            .field("place", .string, .required)
            .field("is_online", .bool, .required)
            .field("seats_taken", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    /// Development plans and their items.
    private func createPlans(on db: any Database) async throws {
        try await db.schema("development_plans")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("rejection_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "employee_id", "year")
            .create()
        try await db.schema("plan_items")
            .id()
            .field("plan_id", .uuid, .required, .references("development_plans", .id, onDelete: .cascade))
            .field("program_id", .uuid, .references("programs", .id))
            .field("competency_id", .uuid, .references("competencies", .id))
            .field("title", .string, .required)
            .field("jp", .int, .required)
            .field("estimated_cost", .int64, .required)
            .field("source", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    /// Enrolments in batches (a plan item may lead to one).
    private func createEnrolments(on db: any Database) async throws {
        try await db.schema("enrolments")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("batch_id", .uuid, .required, .references("batches", .id))
            .field("program_id", .uuid, .required, .references("programs", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("status", .string, .required)
            .field("attendance_percent", .int)
            .field("certificate_number", .string)
            .field("certificate_file_id", .uuid, .references("evidence_files", .id))
            .field("completed_on", .string)
            .field("plan_item_id", .uuid, .references("plan_items", .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // No double enrolment, even when two requests race.
            .unique(on: "batch_id", "employee_id")
            .create()
    }

    /// The JP ledger and the re-assessments due after a training.
    private func createLedger(on db: any Database) async throws {
        try await db.schema("jp_credits")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("year", .int, .required)
            .field("jp", .int, .required)
            .field("end_date", .string, .required)
            .field("source", .string, .required)
            .field("source_id", .uuid, .required)
            .field("title", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "source_id")
            .create()
        try await db.schema("reassessment_dues")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("competency_id", .uuid, .required, .references("competencies", .id))
            .field("enrolment_id", .uuid, .required, .references("enrolments", .id))
            .field("due_on", .string, .required)
            .field("closed_on", .string)
            .field("closed_assessment_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "enrolment_id", "competency_id")
            .create()
    }

    /// Outside learning an employee records for verification.
    private func createLearningRecords(on db: any Database) async throws {
        try await db.schema("learning_records")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("employee_id", .uuid, .required, .references("employees", .id))
            .field("title", .string, .required)
            .field("path", .string, .required)
            .field("organiser", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("jp", .int, .required)
            .field("evidence_id", .uuid, .references("evidence_files", .id))
            .field("status", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [
            "learning_records", "reassessment_dues", "jp_credits", "enrolments", "plan_items",
            "development_plans", "batches", "program_competencies", "programs", "providers",
        ] {
            try await db.schema(schema).delete()
        }
    }
}
