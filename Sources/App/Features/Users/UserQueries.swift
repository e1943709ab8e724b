import Fluent
import Foundation

/// The user accounts' read side.
enum UserQueries {
    /// The account with this id, if any (no access rule: for the signed-in user's own account).
    static func find(_ id: UUID, on db: any Database) async throws -> User? {
        try await User.find(id, on: db)
    }
}
