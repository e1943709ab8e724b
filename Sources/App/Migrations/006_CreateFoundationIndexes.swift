import Fluent

/// Indexes for the filters every page uses (instansi, OPD, parent, time).
struct CreateFoundationIndexes: IndexMigration {
    var name: String { "006_CreateFoundationIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_units_instansi_parent", "units", ["instansi_id", "parent_id"]),
        ("idx_units_opd", "units", ["opd_id"]),
        ("idx_employees_instansi_unit", "employees", ["instansi_id", "unit_id"]),
        ("idx_employees_instansi_name", "employees", ["instansi_id", "name"]),
        ("idx_employees_supervisor", "employees", ["supervisor_id"]),
        ("idx_users_instansi", "users", ["instansi_id"]),
        ("idx_user_tokens_user", "user_tokens", ["user_id"]),
        ("idx_login_failures_username_at", "login_failures", ["username", "at"]),
        ("idx_login_failures_address_at", "login_failures", ["address", "at"]),
        ("idx_audit_instansi_at", "audit_entries", ["instansi_id", "at"]),
    ]
}
