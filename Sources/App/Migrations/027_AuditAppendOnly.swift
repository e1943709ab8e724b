import Fluent
import Foundation
import SQLKit

/// Migration 027: on PostgreSQL the audit log is append-only for the app — a trigger refuses
/// UPDATE, DELETE and TRUNCATE on `audit_entries` (nothing in the app changes or removes an
/// entry). SQLite has no such guard (a single-file database; whoever can write it can replace it).
struct MakeAuditAppendOnly: AsyncMigration {
    var name: String { "027_AuditAppendOnly" }
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            """
            CREATE OR REPLACE FUNCTION kompeten_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
            END $$
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION kompeten_audit_append_only()
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION kompeten_audit_append_only()
            """
        ).run()
    }
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries").run()
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries").run()
        try await sql.raw("DROP FUNCTION IF EXISTS kompeten_audit_append_only()").run()
    }
}
