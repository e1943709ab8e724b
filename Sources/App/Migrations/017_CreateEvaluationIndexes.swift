import Fluent
import Foundation
import SQLKit

/// Indexes for the evaluation worklists, effectiveness sums and the talent grid.
struct CreateEvaluationIndexes: IndexMigration {
    var name: String { "017_CreateEvaluationIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_evaluations_program", "evaluations", ["program_id", "level", "respondent"]),
        ("idx_evaluations_employee", "evaluations", ["employee_id"]),
        ("idx_performance_instansi_year", "performance_ratings", ["instansi_id", "year", "employee_id"]),
        ("idx_enrolments_completed", "enrolments", ["instansi_id", "status", "completed_on"]),
    ]
}
