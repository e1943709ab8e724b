import Fluent
import KompetenCore

/// Minimum attendance per programme (issue 15 item 11): a completion under it needs a reason.
/// Existing programmes get the default, 90 %.
struct AddProgrammeMinimumAttendance: AsyncMigration {
    var name: String { "047_AddProgrammeMinimumAttendance" }

    func prepare(on db: any Database) async throws {
        try await db.schema(Programme.schema)
            .field("min_attendance_percent", .int, .required, .sql(.default(CompletionRule.defaultMinimumAttendance)))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Programme.schema).deleteField("min_attendance_percent").update()
    }
}
