import Foundation

/// Rules for step 4 (public services): the catalogue and standards, service records, paper
/// surveys and their review, the SKM report and the competency ↔ service link. The public
/// survey and transparency pages need no login and are not governed here.
extension AccessPolicy {
    /// Reading services, their records, IKM and the impact pages: BKPPD for the whole instansi,
    /// an operator for their own OPD (nil = whole instansi).
    public static func serviceScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin: return actor.instansiID == nil ? .failure(Denied(reason: noAccess)) : .success(nil)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default:
            return .failure(Denied(reason: "Data layanan publik dan SKM dikelola oleh Admin BKPPD dan operator OPD."))
        }
    }

    /// Changing a service, importing its records, entering paper surveys, rejecting or restoring
    /// responses, writing the follow-up plan: BKPPD, or the operator of the service's OPD.
    public static func manageService(_ actor: Principal, _ service: Placement) -> AccessDecision {
        guard actor.instansiID == service.instansiID else { return .deny(otherInstansi) }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID != nil && actor.opdID == service.opdID ? .allow : .deny(otherOPD)
        default: return .deny("Layanan publik dikelola oleh Admin BKPPD dan operator OPD.")
        }
    }

    /// Rejecting or restoring one SKM response. The unit is graded by these answers, so its own
    /// operator may only act on responses the system flagged (duplicate, honeypot, repeat
    /// sender); any other response only BKPPD, which does not run the service, may set aside.
    public static func reviewSurveyResponse(_ actor: Principal, _ service: Placement, flagged: Bool) -> AccessDecision {
        let manage = manageService(actor, service)
        guard manage.isAllowed else { return manage }
        if actor.role == .admin || flagged { return .allow }
        return .deny(
            "Operator OPD hanya dapat menolak atau memulihkan jawaban yang ditandai sistem (ganda, isian jebakan, pengirim berulang). Jawaban lain hanya dapat ditolak oleh Admin BKPPD."
        )
    }

    /// Registering and revoking the counter kiosks of a unit: as for managing its services.
    public static func manageKiosks(_ actor: Principal, _ unit: Placement) -> AccessDecision {
        manageService(actor, unit)
    }
}
