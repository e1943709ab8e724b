import Foundation

/// Who is acting: the signed-in user as the access rules see them.
public struct Principal: Sendable, Equatable {
    public let userID: UUID
    public let username: String
    public let role: Role
    /// Nil only for a superadmin.
    public let instansiID: UUID?
    /// The top-level unit (OPD/kecamatan) an operator is bound to, or the OPD of the
    /// employee record of a supervisor/employee.
    public let opdID: UUID?
    /// The employee record of this user (employee, supervisor).
    public let employeeID: UUID?
    /// The training institution a `provider` login acts for.
    public let providerID: UUID?

    public init(
        userID: UUID, username: String, role: Role, instansiID: UUID?, opdID: UUID?, employeeID: UUID?,
        providerID: UUID? = nil
    ) {
        self.userID = userID
        self.username = username
        self.role = role
        self.instansiID = instansiID
        self.opdID = opdID
        self.employeeID = employeeID
        self.providerID = providerID
    }
}
