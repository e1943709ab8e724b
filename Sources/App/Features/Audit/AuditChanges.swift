import Fluent
import Foundation
import SQLKit

/// One changed field of a record: its value before and after, as text (nil: not set).
struct AuditChange: Codable, Equatable, Sendable {
    let field: String
    let before: String?
    let after: String?
}

/// Field-level differences for the audit log, so that history overwritten in a table is still
/// readable there (who changed what from which value to which).
enum AuditDiff {
    /// Field names that never go into the log, whatever a snapshot holds.
    static let secretWords = ["password", "hash", "token", "secret"]

    static func redacted(_ changes: [AuditChange]) -> [AuditChange] {
        changes.filter { change in !secretWords.contains { change.field.lowercased().contains($0) } }
    }

    /// Differences between two flat field → value maps, in field order.
    static func changes(from before: [String: String], to after: [String: String]) -> [AuditChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : AuditChange(field: key, before: before[key], after: after[key])
        }
    }

    /// Differences between two JSON snapshots (objects; nested objects by dotted path).
    static func changes(before: String?, after: String?) -> [AuditChange] {
        guard let before = before.flatMap(fields), let after = after.flatMap(fields) else { return [] }
        return changes(from: before, to: after)
    }

    /// A JSON object as flat field → text; nil when the JSON is not an object.
    static func fields(_ json: String) -> [String: String]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), case .object(let object) = value else { return nil }
        var result: [String: String] = [:]
        func walk(_ prefix: String, _ object: [String: JSONValue]) {
            for (key, value) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if case .object(let inner) = value { walk(path, inner) } else if let text = value.text { result[path] = text }
            }
        }
        walk("", object)
        return result
    }

    enum JSONValue: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }

        /// Display text; nil for null.
        var text: String? {
            switch self {
            case .null: nil
            case .bool(let b): b ? "true" : "false"
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            case .string(let s): s
            case .array(let items): "[" + items.map { $0.text ?? "null" }.joined(separator: ", ") + "]"
            case .object(let o): "{" + o.keys.sorted().map { "\($0): \(o[$0]!.text ?? "null")" }.joined(separator: ", ") + "}"
            }
        }
    }
}

/// Migration 026: the audit log's `changes` column, and the version counters that let edit forms
/// notice a save made by someone else since the form was opened.
struct AddAuditChangesAndVersions: AsyncMigration {
    var name: String { "026_AuditChangesAndVersions" }
    func prepare(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema).field("changes", .string).update()
        // Nullable (read as 0): Fluent inserts a model that leaves a field unset with DEFAULT, which
        // SQLite renders as NULL — a NOT NULL column would refuse every such insert.
        try await db.schema(Employee.schema).field("version", .int, .sql(.default(0))).update()
        try await db.schema(Position.schema).field("version", .int, .sql(.default(0))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(Position.schema).deleteField("version").update()
        try await db.schema(Employee.schema).deleteField("version").update()
        try await db.schema(AuditEntry.schema).deleteField("changes").update()
    }
}

/// Migration 027: on PostgreSQL the audit log is append-only for the app — a trigger refuses
/// UPDATE, DELETE and TRUNCATE on `audit_entries` (nothing in the app changes or removes an
/// entry). SQLite has no such guard (a single-file database; whoever can write it can replace it).
struct MakeAuditAppendOnly: AsyncMigration {
    var name: String { "027_AuditAppendOnly" }
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("""
            CREATE OR REPLACE FUNCTION kompeten_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
            END $$
            """).run()
        try await sql.raw("""
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION kompeten_audit_append_only()
            """).run()
        try await sql.raw("""
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION kompeten_audit_append_only()
            """).run()
    }
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries").run()
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries").run()
        try await sql.raw("DROP FUNCTION IF EXISTS kompeten_audit_append_only()").run()
    }
}
