import Fluent
import KompetenCore
import Vapor

/// Turns a stored user into the `Principal` the access rules reason about.
enum ActorResolver {
    static func actor(for user: User, on db: any Database) async throws -> Principal {
        var opdID: UUID?
        if let unitID = user.unitID {
            opdID = try await Unit.find(unitID, on: db)?.opdID
        } else if let employeeID = user.employeeID, let employee = try await Employee.find(employeeID, on: db) {
            opdID = try await Unit.find(employee.unitID, on: db)?.opdID
        }
        return Principal(
            userID: try user.requireID(), username: user.username, role: user.userRole,
            instansiID: user.instansiID, opdID: opdID, employeeID: user.employeeID, providerID: user.providerID)
    }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Principal }

    /// The signed-in user; set by the session or bearer middleware.
    var actor: Principal {
        get throws {
            guard let actor = storage[ActorKey.self] else {
                throw Abort(.unauthorized, reason: "Silakan masuk terlebih dahulu.")
            }
            return actor
        }
    }
    var actorIfPresent: Principal? { storage[ActorKey.self] }
    func setActor(_ actor: Principal?) {
        storage[ActorKey.self] = actor
        // Every log line of the request names who made it (an id, never a name or NIP).
        if let actor { logger[metadataKey: "user_id"] = .string(actor.userID.uuidString) }
    }

    /// Turns a policy decision into a 403 with its reason.
    func authorize(_ decision: AccessDecision) throws { try decision.require() }
}

extension Result where Failure == AccessPolicy.Denied {
    /// The scope the policy grants, or a 403 carrying its reason.
    @discardableResult
    func require() throws -> Success {
        switch self {
        case .success(let scope): return scope
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        }
    }
}

extension AccessDecision {
    /// Throws a 403 carrying the policy's reason when access is denied.
    func require() throws {
        if case .deny(let reason) = self { throw Abort(.forbidden, reason: reason) }
    }
}
