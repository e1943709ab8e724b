import Fluent

/// Issue 17: the position an employee is being prepared for (jabatan tujuan), set by BKPPD or the
/// OPD's operator from a successor list; its gaps are development needs of their own source.
struct AddEmployeeTargetPosition: AsyncMigration {
    var name: String { "061_AddEmployeeTargetPosition" }

    func prepare(on db: any Database) async throws {
        try await db.schema("employees")
            .field("target_position_id", .uuid, .references("positions", .id, onDelete: .setNull)).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("employees").deleteField("target_position_id").update()
    }
}
