import Fluent
import Foundation
import KompetenCore

/// Records every create/update/delete made through the app. Call it inside the same
/// transaction as the change, so a change and its audit entry are written together or not at all.
enum AuditLog {
    enum Action: String { case create, update, delete, login, logout, password, reveal, revoke, download }

    static func record<Before: Encodable, After: Encodable>(
        _ action: Action, entity: String, id: UUID?, summary: String,
        before: Before?, after: After?, actor: Principal?, instansiID: UUID?, at: Date, on db: any Database,
        changes: [AuditChange]? = nil
    ) async throws {
        let entry = AuditEntry()
        entry.instansiID = instansiID ?? actor?.instansiID
        entry.userID = actor?.userID
        entry.username = actor?.username ?? "sistem"
        entry.at = at
        entry.action = action.rawValue
        entry.entity = entity
        entry.entityID = id?.uuidString
        entry.summary = summary
        entry.before = before.flatMap(json)
        entry.after = after.flatMap(json)
        // An edit keeps its field-level difference; without an explicit list it is worked out
        // from the two snapshots (which never hold a password hash).
        let diff = changes ?? (action == .update ? AuditDiff.changes(before: entry.before, after: entry.after) : [])
        entry.changes = diff.isEmpty ? nil : json(AuditDiff.redacted(diff))
        try await entry.create(on: db)
    }

    /// For entries without a before/after state (login, password reset).
    static func record(
        _ action: Action, entity: String, id: UUID?, summary: String,
        actor: Principal?, instansiID: UUID?, at: Date, on db: any Database
    ) async throws {
        try await record(
            action, entity: entity, id: id, summary: summary, before: Optional<String>.none,
            after: Optional<String>.none, actor: actor, instansiID: instansiID, at: at, on: db)
    }

    private static func json<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
