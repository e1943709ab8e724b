import Fluent
import SQLKit

/// Issue 18, the SKM report: the follow-up plan as a table (one row per action: element, action,
/// due date, person in charge, status) and the report's published state with the snapshot the
/// public reads. The free-text `skm_follow_ups.plan` stays; the report shows it as "Catatan".
struct CreateSKMFollowUpActions: AsyncMigration {
    var name: String { "051_CreateSKMFollowUpActions" }

    func prepare(on db: any Database) async throws {
        try await db.schema("skm_follow_up_actions")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("unit_id", .uuid, .required, .references("units", .id, onDelete: .cascade))
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("position", .int, .required)
            .field("element", .string, .required)
            .field("action", .string, .required)
            .field("due", .string, .required)
            .field("responsible", .string, .required)
            .field("status", .string, .required)
            .field("updated_by", .uuid)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("skm_reports")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("unit_id", .uuid, .required, .references("units", .id, onDelete: .cascade))
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            // `draf` or `terbit`: a string so that publishing is one conditional UPDATE on both databases.
            .field("state", .string, .required)
            .field("snapshot", .string)
            .field("published_at", .datetime)
            .field("published_by", .uuid)
            .unique(on: "unit_id", "period_from", "period_to")
            .create()
        try await db.sql.create(index: "skm_follow_up_actions_unit_period").on("skm_follow_up_actions")
            .column("unit_id").column("period_from").column("period_to").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "skm_follow_up_actions_unit_period").run()
        try await db.schema("skm_reports").delete()
        try await db.schema("skm_follow_up_actions").delete()
    }
}
