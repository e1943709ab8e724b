import Fluent
import SQLKit

/// Tables that let several app instances share one database safely: job leases and runs (a
/// scheduled job runs once, whichever instance gets there first), idempotency keys (a retried
/// POST is answered, not written twice), shared rate-limit buckets, and a cluster-wide secret.
/// Also: API token labels and last use, and the survey-profile retention setting.
struct CreateOperations: AsyncMigration {
    var name: String { "020_CreateOperations" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        // First start creates it before migrating (BootstrapOnServe): the lease decides who migrates.
        try await JobLease.createTable(on: sql)
        try await sql.create(table: "job_runs")
            .column("job", type: .text, .notNull)
            .column("period", type: .text, .notNull)
            .column("holder", type: .text, .notNull)
            .column("started_at", type: .float64, .notNull)
            .column("finished_at", type: .float64)
            .column("outcome", type: .text, .notNull)
            .column("detail", type: .text)
            .primaryKey("job", "period")
            .run()
        try await sql.create(table: "idempotency_keys")
            .column("scope", type: .text, .notNull)
            .column("key", type: .text, .notNull)
            .column("status", type: .int, .notNull)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .float64, .notNull)
            .primaryKey("scope", "key")
            .run()
        try await sql.create(index: "idx_idempotency_created").on("idempotency_keys").column("created_at").run()
        try await sql.create(table: "rate_buckets")
            .column("bucket", type: .text, .primaryKey(autoIncrement: false))
            .column("tokens", type: .float64, .notNull)
            .column("updated_at", type: .float64, .notNull)
            .run()
        try await sql.create(table: "cluster_secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
        // One column per ALTER: SQLite adds one at a time.
        try await db.schema("user_tokens").field("label", .string).update()
        try await db.schema("user_tokens").field("last_used_at", .datetime).update()
        try await db.schema("instansi_settings")
            .field("survey_profile_retention_months", .int, .required, .sql(.default(24)))
            .update()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql
        try await db.schema("instansi_settings").deleteField("survey_profile_retention_months").update()
        try await db.schema("user_tokens").deleteField("last_used_at").update()
        try await db.schema("user_tokens").deleteField("label").update()
        for table in ["cluster_secrets", "rate_buckets", "idempotency_keys", "job_runs", "job_leases"] {
            try await sql.drop(table: table).run()
        }
    }
}
