import Fluent
import KompetenCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Checks a username and password for both the web login and the API token endpoint, with
/// throttling (`LoginThrottle`): a slot is reserved in three counters — username+address
/// (hard lock), address (hard lock) and username alone (a growing delay, so nobody can lock
/// `admin` out from elsewhere) — before the password is verified.
enum LoginService {
    enum Outcome {
        case success(User)
        case invalid
        case locked(String)
    }

    static func attempt(username rawUsername: String, password: String, on req: Request) async throws -> Outcome {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        // No account has a name this long (Username allows 32): nothing to check or count, and
        // no attacker-sized keys in the throttle table.
        guard username.utf8.count <= 64 else { return .invalid }
        let now = req.now
        let sql = try req.db.sql
        let keys = keys(username: username, address: req.clientAddress)

        // Reserve first, verify after: parallel guesses cannot all pass a count read earlier.
        var reserved: [(String, LoginThrottle)] = []
        for (key, rule) in keys {
            if case .refused(let until) = try await LoginThrottleStore.reserve(key, rule, now: now, on: sql) {
                for (k, r) in reserved { try await LoginThrottleStore.release(k, r, on: sql) }
                return .locked(LoginThrottle.retryMessage(until: until, now: now))
            }
            reserved.append((key, rule))
        }

        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        // An unknown username is checked against a hash of the configured hasher and cost, so
        // it takes as long as a known one and the timing does not reveal which usernames exist.
        let hash: String
        if let user {
            hash = user.passwordHash
        } else {
            hash = try await req.application.kompeten.dummyPasswordHash.value(req.password.async)
        }
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        req.application.kompeten.loginVerifications.increment()
        guard let user, matches, user.isActive else { return .invalid } // the reservations are the failure record

        // Success: the username's counters start over; the address keeps its count of failures.
        try await LoginThrottleStore.clear(keys[0].key, on: sql)
        try await LoginThrottleStore.clear(keys[2].key, on: sql)
        try await LoginThrottleStore.release(keys[1].key, keys[1].rule, on: sql)
        user.lastLoginAt = now
        try await user.save(on: req.db)
        return .success(user)
    }

    /// Counter keys in the order they are reserved: username+address, address, username.
    static func keys(username: String, address: String) -> [(key: String, rule: LoginThrottle)] {
        [
            ("ua:\(address) \(username)", .perUsernameAndAddress), ("a:\(address)", .perAddress),
            ("u:\(username)", .perUsername),
        ]
    }
}

/// A bcrypt hash of a random password, made once per application with the configured hasher
/// (production cost) the first time an unknown username tries to log in.
actor DummyPasswordHash {
    private var hash: String?

    func value(_ hasher: AsyncPasswordHasher) async throws -> String {
        if let hash { return hash }
        let made = try await hasher.hash([UInt8].random(count: 18).base64URLEncoded)
        if let hash { return hash } // another task made it meanwhile
        hash = made
        return made
    }
}

/// How many passwords were verified (tests check that the throttle stops guesses before this).
final class LoginVerificationCounter: Sendable {
    private let box = NIOLockedValueBox(0)
    func increment() { box.withLockedValue { $0 += 1 } }
    var value: Int { box.withLockedValue { $0 } }
}

extension Application.Kompeten {
    struct DummyHashKey: StorageKey { typealias Value = DummyPasswordHash }
    struct LoginVerificationsKey: StorageKey { typealias Value = LoginVerificationCounter }
    /// Created in `configure` (Storage is not for concurrent writes).
    var dummyPasswordHash: DummyPasswordHash { app.storage[DummyHashKey.self] ?? DummyPasswordHash() }
    var loginVerifications: LoginVerificationCounter {
        app.storage[LoginVerificationsKey.self] ?? LoginVerificationCounter()
    }
}
