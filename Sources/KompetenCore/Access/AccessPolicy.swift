import Foundation

/// What a user may do: every rule of "who may read/write what" lives here, and every route
/// (HTML and API) asks it. Instansi isolation is enforced before these rules by the scoped
/// queries; these rules decide within one instansi.
public enum AccessDecision: Equatable, Sendable {
    case allow
    case deny(String)

    public var isAllowed: Bool { self == .allow }
}

public enum AccessAction: Sendable { case read, write }

/// Where a record sits: its instansi, and the top-level unit (OPD) it belongs to.
public struct Placement: Sendable, Equatable {
    public let instansiID: UUID
    public let opdID: UUID?
    public init(instansiID: UUID, opdID: UUID?) {
        self.instansiID = instansiID
        self.opdID = opdID
    }
}

public enum AccessPolicy {
    public static let otherOPD = "Anda hanya dapat mengakses data OPD Anda sendiri."
    public static let noAccess = "Peran Anda tidak memiliki akses ke halaman ini."
    public static let otherInstansi = "Data ini milik instansi lain."

    /// Organisation units. Everyone in the instansi may read the structure of their own OPD;
    /// admin and assessors read the whole tree. Admin changes everything; an operator changes
    /// the sub-units of their own OPD but not the OPD itself.
    public static func unit(_ actor: Principal, _ action: AccessAction, _ target: Placement, isTopLevel: Bool)
        -> AccessDecision
    {
        guard actor.instansiID == target.instansiID else { return .deny(otherInstansi) }
        switch (actor.role, action) {
        case (.admin, _): return .allow
        case (.assessor, .read): return .allow
        case (.operator, .write):
            guard actor.opdID == target.opdID else { return .deny(otherOPD) }
            return isTopLevel ? .deny("Hanya Admin BKPPD yang dapat mengubah atau menghapus unit tingkat OPD.") : .allow
        case (.operator, .read), (.supervisor, .read), (.employee, .read):
            return actor.opdID != nil && actor.opdID == target.opdID ? .allow : .deny(otherOPD)
        default: return .deny(noAccess)
        }
    }

    /// Creating a unit under `parent` (nil = a new top-level unit).
    public static func createUnit(_ actor: Principal, under parent: Placement?) -> AccessDecision {
        switch actor.role {
        case .admin: return .allow
        case .operator:
            guard let parent else { return .deny("Hanya Admin BKPPD yang dapat membuat unit tingkat OPD.") }
            return unit(actor, .write, parent, isTopLevel: false)
        default: return .deny(noAccess)
        }
    }

    /// Which OPD's data a list may show: nil = the whole instansi; a value = only that OPD;
    /// `.deny` when the role sees no such list at all.
    public static func listScope(_ actor: Principal, employees: Bool = false) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin, .assessor: return .success(nil)
        case .operator, .supervisor, .employee:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        case .superadmin, .provider: return .failure(Denied(reason: noAccess))
        }
    }

    public struct Denied: Error, Equatable, Sendable { public let reason: String }

    /// Employee records. Admin: all; assessor: read all (they record results city-wide);
    /// operator: own OPD; supervisor: own record and direct subordinates; employee: own record.
    public static func employee(
        _ actor: Principal, _ action: AccessAction, _ target: Placement,
        employeeID: UUID, supervisorID: UUID?
    ) -> AccessDecision {
        guard actor.instansiID == target.instansiID else { return .deny(otherInstansi) }
        switch (actor.role, action) {
        case (.admin, _): return .allow
        case (.assessor, .read): return .allow
        case (.operator, _): return actor.opdID == target.opdID ? .allow : .deny(otherOPD)
        case (.supervisor, .read):
            return actor.employeeID == employeeID || (supervisorID != nil && actor.employeeID == supervisorID)
                ? .allow : .deny("Anda hanya dapat melihat data bawahan langsung Anda.")
        case (.employee, .read):
            return actor.employeeID == employeeID ? .allow : .deny("Anda hanya dapat melihat data Anda sendiri.")
        default: return .deny(noAccess)
        }
    }

    /// User accounts and the audit log: the instansi's admin only.
    public static func manageUsers(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil ? .allow : .deny(noAccess)
    }

    public static func readAudit(_ actor: Principal) -> AccessDecision { manageUsers(actor) }

    /// Creating instansi and their first admin: the superadmin only.
    public static func manageInstansi(_ actor: Principal) -> AccessDecision {
        actor.role == .superadmin ? .allow : .deny(noAccess)
    }

    /// Which roles an admin may grant (never superadmin).
    public static func assignableRoles(by actor: Principal) -> [Role] {
        actor.role == .admin ? Role.allCases.filter { $0 != .superadmin } : []
    }
}
