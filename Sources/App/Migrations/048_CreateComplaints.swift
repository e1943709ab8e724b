import Fluent
import SQLKit

/// Issue 18: public complaints with a tracking code, and the two settings that govern them (the
/// target in working days, the months the complainant's name and contact are kept).
struct CreateComplaints: AsyncMigration {
    var name: String { "048_CreateComplaints" }

    func prepare(on db: any Database) async throws {
        try await db.schema("complaints")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("service_id", .uuid, .required, .references("services", .id))
            .field("opd_id", .uuid, .required, .references("units", .id))
            .field("tracking_code", .string, .required)
            .field("text", .string, .required)
            .field("name", .string)
            .field("contact", .string)
            .field("status", .string, .required)
            .field("flagged", .bool, .required)
            .field("received_at", .datetime, .required)
            .field("reply", .string)
            .field("replied_at", .datetime)
            .field("first_reply_at", .datetime)
            .field("closed_at", .datetime)
            .field("reject_reason", .string)
            .field("competency_code", .string)
            .field("personal_erased_at", .datetime)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tracking_code")
            .create()
        let sql = try db.sql
        try await sql.create(index: "idx_complaints_instansi_opd_received")
            .on("complaints").column("instansi_id").column("opd_id").column("received_at").run()
        try await sql.create(index: "idx_complaints_service").on("complaints").column("service_id").run()
        // One column per statement: SQLite alters a table one change at a time.
        try await db.schema("instansi_settings")
            .field("complaint_target_days", .int, .required, .sql(.default(5))).update()
        try await db.schema("instansi_settings")
            .field("complaint_retention_months", .int, .required, .sql(.default(12))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("instansi_settings").deleteField("complaint_retention_months").update()
        try await db.schema("instansi_settings").deleteField("complaint_target_days").update()
        try await db.schema("complaints").delete()
    }
}
