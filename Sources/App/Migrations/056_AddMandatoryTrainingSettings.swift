import Fluent

/// Issue 17: the months within which each mandatory training is due, per instansi. Existing
/// rows get 12 months each (`MandatoryDeadlines.standard` when this was written; literals here,
/// so a later default does not rewrite history).
struct AddMandatoryTrainingSettings: AsyncMigration {
    var name: String { "056_AddMandatoryTrainingSettings" }

    static let columns = ["latsar_months", "pkp_months", "pka_months", "pkn2_months"]

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in Self.columns {
            try await db.schema("instansi_settings")
                .field(FieldKey(stringLiteral: column), .int, .required, .sql(.default(12))).update()
        }
    }

    func revert(on db: any Database) async throws {
        for column in Self.columns.reversed() {
            try await db.schema("instansi_settings").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
