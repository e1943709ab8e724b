import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Read marks: one row per person and notice, written once (a second mark is a no-op).
enum NotificationService {
    /// Read marks older than this are dropped when new ones are written: the work they were
    /// about is long done, and the table must not grow forever.
    static let keepDays = 180

    /// Marks `ids` read for the person. Only ids of their current notices count, so the table
    /// holds nothing a client made up; returns how many of `ids` were current.
    @discardableResult
    static func markRead(_ ids: [String], for actor: Principal, at now: Date, on db: any Database) async throws -> Int {
        let current = Set(try await NotificationQueries.notices(for: actor, at: now, on: db).map(\.id))
        let wanted = Set(ids).intersection(current)
        guard !wanted.isEmpty else { return 0 }
        try await db.transaction { db in
            let already = try await NotificationQueries.readIDs(of: actor.userID, on: db)
            let rows = wanted.subtracting(already).sorted().map { id -> NotificationRead in
                let r = NotificationRead()
                r.id = UUID()
                r.userID = actor.userID
                r.noticeID = id
                r.readAt = now
                return r
            }
            if !rows.isEmpty { try await rows.create(on: db) }
            try await NotificationRead.query(on: db).filter(\.$userID == actor.userID)
                .filter(\.$readAt < now.addingTimeInterval(-Double(keepDays) * 86_400)).delete()
        }
        NotificationBell.forget(actor.userID)
        return wanted.count
    }
}
