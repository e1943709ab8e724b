import Fluent

/// Minimum attendance per programme (issue 15 item 11): a completion under it needs a reason.
/// Existing programmes get the default, 90 % (`CompletionRule.defaultMinimumAttendance` when this
/// was written; a literal here, so a later default does not rewrite this migration).
struct AddProgrammeMinimumAttendance: AsyncMigration {
    var name: String { "047_AddProgrammeMinimumAttendance" }

    func prepare(on db: any Database) async throws {
        try await db.schema("programs")
            .field("min_attendance_percent", .int, .required, .sql(.default(90)))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("programs").deleteField("min_attendance_percent").update()
    }
}
