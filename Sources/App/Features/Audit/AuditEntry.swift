import Fluent
import Foundation

/// One change made through the app: who, when, which record, and its state before and after.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "instansi_id") var instansiID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "at") var at: Date
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @Field(key: "summary") var summary: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// Field-level differences, JSON `[{"field","before","after"}]` (migration 026); never a
    /// password hash or a token.
    @OptionalField(key: "changes") var changes: String?

    init() {}

    var changeList: [AuditChange] {
        guard let changes, let list = try? JSONDecoder().decode([AuditChange].self, from: Data(changes.utf8)) else {
            return []
        }
        return list
    }
}
