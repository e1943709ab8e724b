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
    /// The password was set by an admin as temporary and has not been replaced yet.
    let temporaryPassword: Bool
    /// Where the daily digest of unread notices goes (null: no e-mail).
    let email: String?
    /// Whether the person wants the daily digest (sent only when `email` is set).
    let digestEnabled: Bool

    init(_ u: User) {
        id = u.id!
        username = u.username
        role = u.userRole
        unitId = u.unitID
        employeeId = u.employeeID
        providerId = u.providerID
        active = u.isActive
        lastLoginAt = u.lastLoginAt
        temporaryPassword = u.mustChangePassword
        email = u.email
        digestEnabled = u.digestEnabled
    }
}

struct NewUserInput: Content {
    var username: String
    var password: String
    var role: String
    var unitId: UUID?
    var employeeId: UUID?
    var providerId: UUID?
    /// The user must replace the password at the next login (default false: integrations that
    /// create accounts keep working unchanged).
    var temporary: Bool?
    var email: String?
    var digestEnabled: Bool?
}

struct UserUpdateInput: Content {
    var role: String?
    var unitId: UUID?
    var employeeId: UUID?
    var providerId: UUID?
    var active: Bool?
    /// true: the current password must be replaced at the next login; false: no longer.
    var temporary: Bool?
    /// Absent: unchanged; empty: removed.
    var email: String?
    var digestEnabled: Bool?
}

/// `POST /api/v1/users/:id/password` (admin).
struct PasswordResetInput: Content {
    var password: String
    var temporary: Bool?
}

/// What the audit log keeps of a user (no password hash).
struct UserSnapshot: Encodable {
    let username: String, role: String, unitId: UUID?, employeeId: UUID?, providerId: UUID?, active: Bool
    let email: String?, digestEnabled: Bool
    init(_ u: User) {
        username = u.username
        role = u.role
        unitId = u.unitID
        employeeId = u.employeeID
        providerId = u.providerID
        active = u.isActive
        email = u.email
        digestEnabled = u.digestEnabled
    }
}
