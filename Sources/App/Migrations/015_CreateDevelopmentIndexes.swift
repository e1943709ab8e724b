import Fluent
import SQLKit

/// Indexes for the catalogue, the ledger and the worklists.
struct CreateDevelopmentIndexes: IndexMigration {
    var name: String { "015_CreateDevelopmentIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_programs_instansi_provider", "programs", ["instansi_id", "provider_id"]),
        ("idx_program_competencies_competency", "program_competencies", ["competency_id"]),
        ("idx_batches_program", "batches", ["program_id", "start_date"]),
        ("idx_enrolments_employee", "enrolments", ["employee_id", "status"]),
        ("idx_enrolments_batch_status", "enrolments", ["batch_id", "status", "created_at"]),
        ("idx_jp_credits_instansi_year", "jp_credits", ["instansi_id", "year", "employee_id"]),
        ("idx_jp_credits_employee", "jp_credits", ["employee_id", "year"]),
        ("idx_reassessment_dues_instansi", "reassessment_dues", ["instansi_id", "closed_on", "due_on"]),
        ("idx_reassessment_dues_employee", "reassessment_dues", ["employee_id", "competency_id"]),
        ("idx_learning_employee", "learning_records", ["employee_id", "status"]),
        ("idx_plans_instansi_year", "development_plans", ["instansi_id", "year", "status"]),
        ("idx_plan_items_plan", "plan_items", ["plan_id"]),
    ]
}
