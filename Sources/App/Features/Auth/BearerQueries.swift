import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The one read every API call pays for: the token, its user and the OPD the access rules need,
/// in a single statement. Nothing of it is cached: a token revoked or a user deactivated through
/// any instance is refused by every instance on its next request.
enum BearerQueries: SQLShorthand {
    struct Holder: Sendable {
        let principal: Principal
        let tokenID: UUID
        let lastUsedAt: Date?
        let mustChangePassword: Bool
    }

    private static let t = "t", u = "u", uu = "uu", ue = "ue", eu = "eu"

    /// The active user holding this unexpired token, or nil.
    static func holder(tokenHash: String, at now: Date, on db: any Database) async throws -> Holder? {
        // The OPD as ActorResolver finds it: an operator's unit's OPD, else the OPD of the
        // user's own employee record.
        guard
            let row = try await db.sql.select()
                .column(col("id", t), as: "token_id").column(col("last_used_at", t), as: "last_used_at")
                .column(col("id", u), as: "user_id").column(col("username", u), as: "username")
                .column(col("role", u), as: "role").column(col("instansi_id", u), as: "instansi_id")
                .column(col("unit_id", u), as: "unit_id").column(col("employee_id", u), as: "employee_id")
                .column(col("provider_id", u), as: "provider_id")
                .column(col("must_change_password", u), as: "must_change_password")
                .column(col("opd_id", uu), as: "unit_opd_id").column(col("opd_id", eu), as: "employee_opd_id")
                .from(alias(UserToken.schema, t))
                .join(alias(User.schema, u), method: SQLJoinMethod.inner, on: col("user_id", t), .equal, col("id", u))
                .join(alias(Unit.schema, uu), method: SQLJoinMethod.left, on: col("unit_id", u), .equal, col("id", uu))
                .join(
                    alias(Employee.schema, ue), method: SQLJoinMethod.left, on: col("employee_id", u), .equal,
                    col("id", ue)
                )
                .join(alias(Unit.schema, eu), method: SQLJoinMethod.left, on: col("unit_id", ue), .equal, col("id", eu))
                .where(col("token_hash", t), .equal, SQLBind(tokenHash))
                .where(col("expires_at", t), .greaterThan, SQLBind(now))
                .where(col("is_active", u), .equal, SQLBind(true))
                .first()
        else { return nil }
        func uuid(_ column: String) throws -> UUID? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: UUID.self)
        }
        let unitID = try uuid("unit_id")
        let employeeID = try uuid("employee_id")
        let opdID = unitID != nil ? try uuid("unit_opd_id") : employeeID != nil ? try uuid("employee_opd_id") : nil
        let principal = Principal(
            userID: try row.decode(column: "user_id", as: UUID.self),
            username: try row.decode(column: "username", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .employee,
            instansiID: try uuid("instansi_id"), opdID: opdID, employeeID: employeeID,
            providerID: try uuid("provider_id"))
        return Holder(
            principal: principal, tokenID: try row.decode(column: "token_id", as: UUID.self),
            lastUsedAt: try row.decodeNil(column: "last_used_at")
                ? nil : try row.decode(column: "last_used_at", as: Date.self),
            mustChangePassword: try row.decodeNil(column: "must_change_password")
                ? false : try row.decode(column: "must_change_password", as: Bool.self))
    }
}
