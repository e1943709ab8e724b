import Fluent
import KompetenCore
import Vapor

/// Checks a username and password for both the web login and the API token endpoint,
/// with throttling: repeated failures for one username (or from one address) lock it out.
enum LoginService {
    enum Outcome {
        case success(User)
        case invalid
        case locked(String)
    }

    static let perUsername = LoginThrottle(maxFailures: 5, window: 15 * 60, lockout: 15 * 60)
    static let perAddress = LoginThrottle(maxFailures: 30, window: 15 * 60, lockout: 15 * 60)

    static func attempt(username rawUsername: String, password: String, on req: Request) async throws -> Outcome {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        let address = req.clientAddress
        let now = req.now
        let since = now.addingTimeInterval(-perUsername.window)

        let byName = try await LoginFailure.query(on: req.db)
            .filter(\.$username == username).filter(\.$at >= since).all().map(\.at)
        let byAddress = try await LoginFailure.query(on: req.db)
            .filter(\.$address == address).filter(\.$at >= since).all().map(\.at)
        if let until = [perUsername.lockedUntil(failures: byName, now: now),
                        perAddress.lockedUntil(failures: byAddress, now: now)].compactMap({ $0 }).max() {
            return .locked(perUsername.retryMessage(until: until, now: now))
        }

        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        // Verify against a fixed hash when the user is unknown, so timing does not reveal which usernames exist.
        let hash = user?.passwordHash ?? "$2b$04$abcdefghijklmnopqrstuu5Ok5fNOMj8eJrD3a1QeBkErZKcSsFnK"
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches, user.isActive else {
            try await LoginFailure(username: username, address: address, at: now).create(on: req.db)
            return .invalid
        }
        try await LoginFailure.query(on: req.db).filter(\.$username == username).delete()
        user.lastLoginAt = now
        try await user.save(on: req.db)
        return .success(user)
    }
}
