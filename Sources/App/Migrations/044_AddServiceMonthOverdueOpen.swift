import Fluent
import SQLKit

/// Open tickets already past their standard, per month (see `ServiceMonth.overdueOpen`).
struct AddServiceMonthOverdueOpen: AsyncMigration {
    var name: String { "044_AddServiceMonthOverdueOpen" }
    func prepare(on db: any Database) async throws {
        try await db.schema("service_months").field("overdue_open", .int).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("service_months").deleteField("overdue_open").update()
    }
}
