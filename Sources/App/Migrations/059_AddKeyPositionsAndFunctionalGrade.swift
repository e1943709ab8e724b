import Fluent
import SQLKit

/// Issue 17: positions BKPPD marks as key beyond the kinds that always are (JPT, administrator),
/// so they get a successor list; and the jenjang of a fungsional position in its job analysis.
struct AddKeyPositionsAndFunctionalGrade: AsyncMigration {
    var name: String { "059_AddKeyPositionsAndFunctionalGrade" }

    func prepare(on db: any Database) async throws {
        // Nullable: Fluent writes an unset optional field as NULL, which reads as "not marked".
        try await db.schema("positions").field("key_position", .bool, .sql(.default(false))).update()
        try await db.schema("position_job_analyses").field("functional_grade", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("position_job_analyses").deleteField("functional_grade").update()
        try await db.schema("positions").deleteField("key_position").update()
    }
}
