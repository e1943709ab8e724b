import Fluent
import SQLKit

/// Step 2's tables: providers, the catalogue, batches, enrolments, the JP ledger, re-assessment
/// due dates, outside learning, plans.
struct CreateDevelopment: AsyncMigration {
    var name: String { "013_CreateDevelopment" }
    func prepare(on db: any Database) async throws {
        try await db.schema(Provider.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
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
        try await db.schema(Programme.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("provider_id", .uuid, .required, .references(Provider.schema, .id))
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
        try await db.schema(ProgrammeCompetency.schema)
            .id()
            .field("program_id", .uuid, .required, .references(Programme.schema, .id, onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references(Competency.schema, .id))
            .field("level_gain", .int, .required)
            .unique(on: "program_id", "competency_id")
            .create()
        try await db.schema(Batch.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("program_id", .uuid, .required, .references(Programme.schema, .id))
            .field("name", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("capacity", .int, .required)
            .field("place", .string, .required)
            .field("is_online", .bool, .required)
            .field("seats_taken", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema(DevelopmentPlan.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("rejection_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "employee_id", "year")
            .create()
        try await db.schema(PlanItem.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(DevelopmentPlan.schema, .id, onDelete: .cascade))
            .field("program_id", .uuid, .references(Programme.schema, .id))
            .field("competency_id", .uuid, .references(Competency.schema, .id))
            .field("title", .string, .required)
            .field("jp", .int, .required)
            .field("estimated_cost", .int64, .required)
            .field("source", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema(Enrolment.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("batch_id", .uuid, .required, .references(Batch.schema, .id))
            .field("program_id", .uuid, .required, .references(Programme.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("status", .string, .required)
            .field("attendance_percent", .int)
            .field("certificate_number", .string)
            .field("certificate_file_id", .uuid, .references(EvidenceFile.schema, .id))
            .field("completed_on", .string)
            .field("plan_item_id", .uuid, .references(PlanItem.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // No double enrolment, even when two requests race.
            .unique(on: "batch_id", "employee_id")
            .create()
        try await db.schema(JPCredit.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("year", .int, .required)
            .field("jp", .int, .required)
            .field("end_date", .string, .required)
            .field("source", .string, .required)
            .field("source_id", .uuid, .required)
            .field("title", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "source_id")
            .create()
        try await db.schema(ReassessmentDue.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("competency_id", .uuid, .required, .references(Competency.schema, .id))
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, .id))
            .field("due_on", .string, .required)
            .field("closed_on", .string)
            .field("closed_assessment_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "enrolment_id", "competency_id")
            .create()
        try await db.schema(LearningRecord.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("title", .string, .required)
            .field("path", .string, .required)
            .field("organiser", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("jp", .int, .required)
            .field("evidence_id", .uuid, .references(EvidenceFile.schema, .id))
            .field("status", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [LearningRecord.schema, ReassessmentDue.schema, JPCredit.schema, Enrolment.schema, PlanItem.schema,
                       DevelopmentPlan.schema, Batch.schema, ProgrammeCompetency.schema, Programme.schema, Provider.schema] {
            try await db.schema(schema).delete()
        }
    }
}

/// A provider login acts for one institution; the development rules become settings.
struct AddDevelopmentSettings: AsyncMigration {
    var name: String { "014_AddDevelopmentSettings" }
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("provider_id", .uuid, .references(Provider.schema, .id)).update()
        try await db.schema(InstansiSettings.schema).field("reassessment_months", .int, .required, .sql(.default(6))).update()
        try await db.schema(InstansiSettings.schema).field("competency_weights", .string, .required, .sql(.default("{}"))).update()
        try await db.schema(InstansiSettings.schema).field("front_line_units", .string, .required, .sql(.default(""))).update()
        try await db.schema(InstansiSettings.schema).field("front_line_multiplier", .double, .required, .sql(.default(2.0))).update()
    }
    func revert(on db: any Database) async throws {
        for field in ["front_line_multiplier", "front_line_units", "competency_weights", "reassessment_months"] {
            try await db.schema(InstansiSettings.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.schema(User.schema).deleteField("provider_id").update()
    }
}

/// Indexes for the catalogue, the ledger and the worklists.
struct CreateDevelopmentIndexes: IndexMigration {
    var name: String { "015_CreateDevelopmentIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_programs_instansi_provider", Programme.schema, ["instansi_id", "provider_id"]),
        ("idx_program_competencies_competency", ProgrammeCompetency.schema, ["competency_id"]),
        ("idx_batches_program", Batch.schema, ["program_id", "start_date"]),
        ("idx_enrolments_employee", Enrolment.schema, ["employee_id", "status"]),
        ("idx_enrolments_batch_status", Enrolment.schema, ["batch_id", "status", "created_at"]),
        ("idx_jp_credits_instansi_year", JPCredit.schema, ["instansi_id", "year", "employee_id"]),
        ("idx_jp_credits_employee", JPCredit.schema, ["employee_id", "year"]),
        ("idx_reassessment_dues_instansi", ReassessmentDue.schema, ["instansi_id", "closed_on", "due_on"]),
        ("idx_reassessment_dues_employee", ReassessmentDue.schema, ["employee_id", "competency_id"]),
        ("idx_learning_employee", LearningRecord.schema, ["employee_id", "status"]),
        ("idx_plans_instansi_year", DevelopmentPlan.schema, ["instansi_id", "year", "status"]),
        ("idx_plan_items_plan", PlanItem.schema, ["plan_id"]),
    ]
}
