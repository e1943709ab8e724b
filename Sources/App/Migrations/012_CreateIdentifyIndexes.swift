import Fluent

/// Indexes for the gap reports: standards by position, results by employee, profiles by instansi.
struct CreateIdentifyIndexes: IndexMigration {
    var name: String { "012_CreateIdentifyIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_positions_instansi_unit", "positions", ["instansi_id", "unit_id"]),
        ("idx_employees_position", "employees", ["position_id"]),
        ("idx_assignments_employee", "employee_assignments", ["employee_id", "started_at"]),
        ("idx_assessments_employee", "assessments", ["employee_id", "assessed_on"]),
        ("idx_current_levels_instansi", "current_levels", ["instansi_id", "competency_id"]),
        ("idx_competencies_instansi_group", "competencies", ["instansi_id", "group"]),
    ]
}
