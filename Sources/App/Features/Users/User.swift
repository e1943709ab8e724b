import Fluent
import Foundation
import KompetenCore

/// A login. Superadmins have no instansi; everyone else belongs to exactly one.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "instansi_id") var instansiID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The OPD an operator is bound to.
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// The employee record of an employee or supervisor.
    @OptionalField(key: "employee_id") var employeeID: UUID?
    /// The training institution a provider login acts for.
    @OptionalField(key: "provider_id") var providerID: UUID?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Set by an admin ("temporary password"): the user must choose their own at the next login.
    /// Optional so that code creating users need not set it (NULL = false).
    @OptionalField(key: "must_change_password") var mustChangePasswordValue: Bool?
    /// Where the daily digest of unread notices goes; nil = no e-mail at all.
    @OptionalField(key: "email") var email: String?
    /// NULL = on: the digest is the default once an address is set.
    @OptionalField(key: "digest_enabled") var digestEnabledValue: Bool?
    /// The WITA day (`YYYY-MM-DD`) of the last digest, claimed before sending (DigestService).
    @OptionalField(key: "digest_sent_on") var digestSentOn: String?

    init() {}

    var userRole: Role { Role(rawValue: role) ?? .employee }
    var digestEnabled: Bool {
        get { digestEnabledValue ?? true }
        set { digestEnabledValue = newValue }
    }
    var mustChangePassword: Bool {
        get { mustChangePasswordValue ?? false }
        set { mustChangePasswordValue = newValue }
    }
}

/// An API bearer token; only its SHA-256 is stored, so a database leak reveals no usable token.
final class UserToken: Model, @unchecked Sendable {
    static let schema = "user_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "created_at") var createdAt: Date
    /// What the holder called it ("Integrasi SIMPEG"), so a list of tokens can be read and pruned.
    @OptionalField(key: "label") var label: String?
    /// Updated at most once a minute per token (see BearerAuthMiddleware).
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
}

/// A failed login, kept in the database so throttling holds across several app instances.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}
    init(username: String, address: String, at: Date) {
        self.username = username
        self.address = address
        self.at = at
    }
}
