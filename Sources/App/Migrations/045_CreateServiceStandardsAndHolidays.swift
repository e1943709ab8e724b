import Fluent
import Foundation
import KompetenCore

/// Issue 15 items 7–8: the effective-dated history of each service's standard time, the holiday
/// calendar for working-day standards (seeded 2024–2027 for every existing instansi), and the
/// months' P90/median in working days.
///
/// The old `services.standard_minutes`/`standard_text` columns stay and keep holding the standard
/// in force when it was last set: an app instance of the previous release (a rolling deploy) still
/// reads them, and `revert` loses nothing. The rules read the history only.
struct CreateServiceStandardsAndHolidays: AsyncMigration {
    var name: String { "045_CreateServiceStandardsAndHolidays" }

    func prepare(on db: any Database) async throws {
        try await db.schema("service_standards")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("service_id", .uuid, .required, .references("services", .id, onDelete: .cascade))
            .field("effective_from", .string, .required)
            .field("value", .int, .required)
            .field("unit", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .unique(on: "service_id", "effective_from")
            .create()
        try await db.schema("holidays")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("date", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("provisional", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "instansi_id", "date")
            .create()
        // One column per statement: SQLite alters a table one change at a time.
        try await db.schema("service_months").field("median_working_days", .double).update()
        try await db.schema("service_months").field("p90_working_days", .double).update()
        // Existing data: every service's current standard becomes its first history row, in force
        // from `StandardHistory.beginning`: it judged all of the service's records until now.
        for s in try await PublicService.query(on: db).all() {
            // The minutes are what the figures were judged by until now (the text is free wording).
            let standard = StandardTime(minutes: s.standardMinutes) ?? StandardTime(value: 1, unit: .minutes)!
            try await ServiceStandards.firstRow(
                for: s, standard: standard, text: s.standardText, at: s.createdAt, by: nil
            ).create(on: db)
        }
        for instansiID in try await Instansi.query(on: db).all(\.$id) {
            try await HolidayCalendar.seed(instansiID: instansiID, at: Date(), on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("service_months").deleteField("p90_working_days").update()
        try await db.schema("service_months").deleteField("median_working_days").update()
        try await db.schema("holidays").delete()
        try await db.schema("service_standards").delete()
    }
}
