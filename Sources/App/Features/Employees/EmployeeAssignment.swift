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
