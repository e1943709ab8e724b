import Fluent

/// Issue 19: which notices each person has marked read. The notices themselves are derived
/// from the work waiting (`NotificationQueries`), so only the read marks are stored.
struct CreateNotificationReads: AsyncMigration {
    var name: String { "060_CreateNotificationReads" }

    func prepare(on db: any Database) async throws {
        try await db.schema("notification_reads")
            .id()
            .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
            .field("notice_id", .string, .required)
            .field("read_at", .datetime, .required)
            .unique(on: "user_id", "notice_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notification_reads").delete()
    }
}
