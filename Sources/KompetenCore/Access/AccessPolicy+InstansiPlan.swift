import Foundation

/// Who reaches the instansi's annual development plan (Ps 207). What each may *do* to it is
/// `InstansiPlanWorkflow`'s; a role that reads the plan but may not take a step gets 409 there.
extension AccessPolicy {
    /// Reading the plan: BKPPD, the designated PPK, and operators (their OPD's ceiling and items
    /// are in it); other roles have no access.
    public static func instansiPlan(_ actor: Principal, instansiID: UUID, ppkUserID: UUID?) -> AccessDecision {
        guard actor.instansiID == instansiID else { return .deny(otherInstansi) }
        if ppkUserID != nil && actor.userID == ppkUserID { return .allow }
        switch actor.role {
        case .admin, .operator: return .allow
        default: return .deny("Rencana pengembangan instansi hanya untuk Admin BKPPD, PPK dan operator OPD.")
        }
    }

    /// Creating the plan of a year: BKPPD.
    public static func createInstansiPlan(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil ? .allow : .deny(bkppdOnly)
    }

    /// Designating the PPK who adopts the plan: BKPPD (the designation is audited).
    public static func designatePPK(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil ? .allow : .deny(bkppdOnly)
    }
}
