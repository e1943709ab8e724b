import Fluent
import Foundation

/// Employees get a position; their assignment history gets a table.
struct AddEmployeePositions: AsyncMigration {
    var name: String { "009_AddEmployeePositions" }
    func prepare(on db: any Database) async throws {
        // No foreign-key clause on an added column: SQLite could not drop it again in `revert`.
        try await db.schema("employees").field("position_id", .uuid).update()
        try await db.schema("employee_assignments")
            .id()
            .field("employee_id", .uuid, .required, .references("employees", .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("position_id", .uuid, .references("positions", .id))
            .field("supervisor_id", .uuid)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("recorded_by", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("employee_assignments").delete()
        try await db.schema("employees").deleteField("position_id").update()
    }
}
