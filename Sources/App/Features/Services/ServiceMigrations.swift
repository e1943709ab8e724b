import Fluent
import SQLKit

/// Step 4: the service catalogue and standards, service records (monthly and per ticket), SKM
/// responses, the SKM follow-up plans and the IKM weight setting.
struct CreatePublicServices: AsyncMigration {
    var name: String { "018_CreatePublicServices" }
    func prepare(on db: any Database) async throws {
        try await db.schema(PublicService.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("code", .string, .required)
            .field("short_code", .string, .required)
            .field("name", .string, .required)
            .field("standard_minutes", .int, .required)
            .field("standard_text", .string, .required)
            .field("fee", .int, .required)
            .field("requirements", .string, .required)
            .field("legal_basis", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "code")
            .unique(on: "short_code")
            .create()
        try await db.schema(ServicePosition.schema)
            .id()
            .field("service_id", .uuid, .required, .references(PublicService.schema, .id, onDelete: .cascade))
            .field("position_id", .uuid, .required, .references(Position.schema, .id, onDelete: .cascade))
            .unique(on: "service_id", "position_id")
            .create()
        try await db.schema(ServiceMonth.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("service_id", .uuid, .required, .references(PublicService.schema, .id, onDelete: .cascade))
            .field("month", .string, .required)
            .field("received", .int, .required)
            .field("completed", .int, .required)
            .field("on_time", .int, .required)
            .field("mean_minutes", .double)
            .field("median_minutes", .double)
            .field("p90_minutes", .double)
            .field("backlog", .int, .required)
            .field("source", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "service_id", "month")
            .create()
        try await db.schema(ServiceTransaction.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("service_id", .uuid, .required, .references(PublicService.schema, .id, onDelete: .cascade))
            .field("ticket", .string, .required)
            .field("received_at", .datetime, .required)
            .field("completed_at", .datetime)
            .field("minutes", .int)
            .field("channel", .string, .required)
            .unique(on: "service_id", "ticket")
            .create()
        try await db.schema(SurveyResponse.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("service_id", .uuid, .required, .references(PublicService.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("submitted_at", .datetime, .required)
            .field("submitted_on", .string, .required)
            // Nullable: a paper form may leave an element blank (NRR divides by those who answered it).
            .field("u1", .int).field("u2", .int).field("u3", .int).field("u4", .int).field("u5", .int)
            .field("u6", .int).field("u7", .int).field("u8", .int).field("u9", .int)
            .field("sex", .string).field("age_band", .string).field("education", .string).field("occupation", .string)
            .field("channel", .string, .required)
            .field("client_hash", .string)
            .field("flag", .string)
            .field("status", .string, .required)
            .field("entered_by", .uuid)
            .field("reviewed_by", .uuid)
            .create()
        try await db.schema(SKMFollowUp.schema)
            .id()
            .field("instansi_id", .uuid, .required, .references(Instansi.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("plan", .string, .required)
            .field("updated_by", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "unit_id", "period_from", "period_to")
            .create()
        try await db.schema(InstansiSettings.schema).field("skm_weight", .string, .required, .sql(.default("1/9"))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(InstansiSettings.schema).deleteField("skm_weight").update()
        for schema in [SKMFollowUp.schema, SurveyResponse.schema, ServiceTransaction.schema, ServiceMonth.schema,
                       ServicePosition.schema, PublicService.schema] {
            try await db.schema(schema).delete()
        }
    }
}

/// Indexes for the IKM sums (per service or unit and date), duplicate checks and the catalogue.
struct CreatePublicServiceIndexes: IndexMigration {
    var name: String { "019_CreatePublicServiceIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_services_instansi_unit", PublicService.schema, ["instansi_id", "unit_id"]),
        ("idx_service_positions_position", ServicePosition.schema, ["position_id"]),
        ("idx_service_months_instansi_month", ServiceMonth.schema, ["instansi_id", "month"]),
        ("idx_service_tx_received", ServiceTransaction.schema, ["service_id", "received_at"]),
        ("idx_survey_service_on", SurveyResponse.schema, ["service_id", "submitted_on"]),
        ("idx_survey_unit_on", SurveyResponse.schema, ["instansi_id", "unit_id", "submitted_on"]),
        // The transparency page and the impact windows read every service of the instansi by date.
        ("idx_survey_instansi_on", SurveyResponse.schema, ["instansi_id", "submitted_on"]),
        ("idx_survey_client", SurveyResponse.schema, ["service_id", "client_hash", "submitted_at"]),
    ]
}

/// Open tickets already past their standard, per month (see `ServiceMonth.overdueOpen`).
struct AddServiceMonthOverdueOpen: AsyncMigration {
    var name: String { "044_AddServiceMonthOverdueOpen" }
    func prepare(on db: any Database) async throws {
        try await db.schema(ServiceMonth.schema).field("overdue_open", .int).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(ServiceMonth.schema).deleteField("overdue_open").update()
    }
}
