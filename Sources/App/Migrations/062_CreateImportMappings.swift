import Fluent

/// Issue 19: saved column mappings, so the spreadsheet people already have (a SIASN export,
/// an OPD's own sheet) can be imported under its own headers, chosen once and reused.
struct CreateImportMappings: AsyncMigration {
    var name: String { "062_CreateImportMappings" }

    func prepare(on db: any Database) async throws {
        try await db.schema("import_mappings")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("column_map", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "instansi_id", "kind", "name")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("import_mappings").delete()
    }
}
