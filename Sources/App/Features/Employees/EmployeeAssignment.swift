import Fluent
import Foundation

/// One period in an employee's career here: unit, position and supervisor from a date.
/// The employee record holds the current values; this table keeps the history.
final class EmployeeAssignment: Model, @unchecked Sendable {
    static let schema = "employee_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "position_id") var positionID: UUID?
    @OptionalField(key: "supervisor_id") var supervisorID: UUID?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}

/// Employees get a position; their assignment history gets a table.
struct AddEmployeePositions: AsyncMigration {
    var name: String { "009_AddEmployeePositions" }
    func prepare(on db: any Database) async throws {
        // No foreign-key clause on an added column: SQLite could not drop it again in `revert`.
        try await db.schema(Employee.schema).field("position_id", .uuid).update()
        try await db.schema(EmployeeAssignment.schema)
            .id()
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("position_id", .uuid, .references(Position.schema, .id))
            .field("supervisor_id", .uuid)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("recorded_by", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(EmployeeAssignment.schema).delete()
        try await db.schema(Employee.schema).deleteField("position_id").update()
    }
}
