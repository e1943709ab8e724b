import Fluent

/// Issue 17 (partners): agreements (MoU / PKS) between the instansi and a training provider,
/// with the signed document kept as an `evidence_files` row (in the database, so several app
/// instances share it, as assessment evidence and certificates are).
struct CreateProviderAgreements: AsyncMigration {
    var name: String { "057_CreateProviderAgreements" }

    func prepare(on db: any Database) async throws {
        // The columns are written out, not read from the model: a migration is history.
        try await db.schema("provider_agreements")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("provider_id", .uuid, .required, .references("providers", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("scope", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("signatories", .string, .required)
            .field("file_id", .uuid, .references("evidence_files", .id))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // Two concurrent saves of one number cannot both succeed (the 409 of the API).
            .unique(on: "provider_id", "number", name: "uq_provider_agreements_number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("provider_agreements").delete()
    }
}
