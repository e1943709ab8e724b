import Fluent
import Foundation

/// One person's "read" mark on one notice (`Notice.id`).
final class NotificationRead: Model, @unchecked Sendable {
    static let schema = "notification_reads"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "notice_id") var noticeID: String
    @Field(key: "read_at") var readAt: Date

    init() {}
}
