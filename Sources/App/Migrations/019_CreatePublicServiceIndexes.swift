import Fluent
import SQLKit

/// Indexes for the IKM sums (per service or unit and date), duplicate checks and the catalogue.
struct CreatePublicServiceIndexes: IndexMigration {
    var name: String { "019_CreatePublicServiceIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_services_instansi_unit", "services", ["instansi_id", "unit_id"]),
        ("idx_service_positions_position", "service_positions", ["position_id"]),
        ("idx_service_months_instansi_month", "service_months", ["instansi_id", "month"]),
        ("idx_service_tx_received", "service_transactions", ["service_id", "received_at"]),
        ("idx_survey_service_on", "survey_responses", ["service_id", "submitted_on"]),
        ("idx_survey_unit_on", "survey_responses", ["instansi_id", "unit_id", "submitted_on"]),
        // The transparency page and the impact windows read every service of the instansi by date.
        ("idx_survey_instansi_on", "survey_responses", ["instansi_id", "submitted_on"]),
        ("idx_survey_client", "survey_responses", ["service_id", "client_hash", "submitted_at"]),
    ]
}
