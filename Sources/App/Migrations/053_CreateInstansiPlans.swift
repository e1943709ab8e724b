import Fluent
import SQLKit

/// Issue 17, the annual development plan of an instansi as a record (PP 11/2017 Ps 207): one plan
/// per instansi and year with its status and decree, its items, the budget ceiling per OPD, the
/// numbered revisions (each keeping the adopted version it replaced), and the PPK the admin
/// designates in the settings.
struct CreateInstansiPlans: AsyncMigration {
    var name: String { "053_CreateInstansiPlans" }

    func prepare(on db: any Database) async throws {
        // The columns are written out, not read from the model: a migration is history.
        try await db.schema("instansi_plans")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("year", .int, .required)
            // `draf`, `diusulkan`, `ditetapkan`: a string so a transition is one conditional UPDATE.
            .field("status", .string, .required)
            .field("revision", .int, .required)
            .field("budget", .int64, .required)
            .field("decree_number", .string)
            .field("decree_date", .string)
            .field("adopted_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "year")
            .create()
        try await db.schema("instansi_plan_items")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("plan_id", .uuid, .required, .references("instansi_plans", .id, onDelete: .cascade))
            .field("opd_id", .uuid, .required, .references("units", .id))
            .field("competency_id", .uuid, .references("competencies", .id, onDelete: .setNull))
            .field("program_id", .uuid, .references("programs", .id, onDelete: .setNull))
            .field("provider_id", .uuid, .references("providers", .id, onDelete: .setNull))
            .field("title", .string, .required)
            .field("form", .string, .required)
            .field("path", .string, .required)
            .field("quarter", .int, .required)
            .field("month", .int)
            .field("participants", .int, .required)
            .field("target_group", .string, .required)
            .field("jp", .int, .required)
            .field("cost", .int64, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "instansi_plan_items_plan").on("instansi_plan_items").column("plan_id").run()
        try await db.schema("instansi_plan_ceilings")
            .field("plan_id", .uuid, .required, .references("instansi_plans", .id, onDelete: .cascade))
            .field("opd_id", .uuid, .required, .references("units", .id))
            .field("amount", .int64, .required)
            .unique(on: "plan_id", "opd_id")
            .create()
        try await db.schema("instansi_plan_revisions")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("plan_id", .uuid, .required, .references("instansi_plans", .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("reason", .string, .required)
            // The adopted version this revision replaces, as JSON (items, ceilings, decree).
            .field("snapshot", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "plan_id", "number")
            .create()
        // Its own table, not a column of instansi_settings: designating the PPK must not need the
        // rest of the settings row to exist.
        try await db.schema("instansi_ppk")
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
            .field("updated_by", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("instansi_ppk").delete()
        try await db.schema("instansi_plan_revisions").delete()
        try await db.schema("instansi_plan_ceilings").delete()
        try await db.sql.drop(index: "instansi_plan_items_plan").run()
        try await db.schema("instansi_plan_items").delete()
        try await db.schema("instansi_plans").delete()
    }
}
