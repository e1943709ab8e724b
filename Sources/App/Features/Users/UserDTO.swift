import Foundation
import KompetenCore
import Vapor

/// A user as the API shows it. Never carries the password hash.
struct UserDTO: Content {
    let id: UUID
    let username: String
    let role: Role
    let unitId: UUID?
    let employeeId: UUID?
    let providerId: UUID?
    let active: Bool
    let lastLoginAt: Date?

    init(_ u: User) {
        id = u.id!; username = u.username; role = u.userRole; unitId = u.unitID; employeeId = u.employeeID; providerId = u.providerID
        active = u.isActive; lastLoginAt = u.lastLoginAt
    }
}

struct NewUserInput: Content {
    var username: String
    var password: String
    var role: String
    var unitId: UUID?
    var employeeId: UUID?
    var providerId: UUID?
}

struct UserUpdateInput: Content {
    var role: String?
    var unitId: UUID?
    var employeeId: UUID?
    var providerId: UUID?
    var active: Bool?
}

/// What the audit log keeps of a user (no password hash).
struct UserSnapshot: Encodable {
    let username: String, role: String, unitId: UUID?, employeeId: UUID?, providerId: UUID?, active: Bool
    init(_ u: User) { username = u.username; role = u.role; unitId = u.unitID; employeeId = u.employeeID; providerId = u.providerID; active = u.isActive }
}
