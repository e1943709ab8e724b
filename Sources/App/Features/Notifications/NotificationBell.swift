import Fluent
import Foundation
import KompetenCore
import NIOConcurrencyHelpers
import Vapor

/// The unread count beside the user's name on every page. Counting derives every notice, so
/// each instance keeps a person's count for a minute; marking read here forgets it at once. A
/// count a minute old elsewhere only shows a number, never data, so nothing needs to be shared.
enum NotificationBell {
    static let ttl: TimeInterval = 60
    private static let cache = NIOLockedValueBox<[UUID: (count: Int, until: Date)]>([:])

    static func unread(for actor: Principal, at now: Date, on db: any Database) async throws -> Int {
        if let hit = cache.withLockedValue({ $0[actor.userID] }), hit.until > now { return hit.count }
        let count = try await NotificationQueries.inbox(for: actor, at: now, on: db).unread
        cache.withLockedValue { c in
            if c.count > 10_000 { c.removeAll() } // bounded: a long-running server sees many people
            c[actor.userID] = (count, now.addingTimeInterval(ttl))
        }
        return count
    }

    static func forget(_ userID: UUID) { cache.withLockedValue { $0[userID] = nil } }
}
