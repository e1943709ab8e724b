import Foundation

/// Rules for public complaints (pengaduan). Filing and tracking need no login (the tracking code
/// is the key); handling is the delivering unit's work, watched over by BKPPD.
extension AccessPolicy {
    /// Listing complaints: BKPPD the whole instansi, an operator their own OPD (nil = whole
    /// instansi), as for the services they are about.
    public static func complaintScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch serviceScope(actor) {
        case .success(let scope): return .success(scope)
        case .failure:
            return .failure(Denied(reason: "Pengaduan masyarakat ditangani oleh operator OPD dan Admin BKPPD."))
        }
    }

    /// Reading one complaint with the complainant's name and contact, replying to it and moving
    /// it on: the operator of the delivering OPD and BKPPD. The personal data is shown to no one
    /// else (UU 27/2022), so reading and handling are one decision.
    public static func handleComplaint(_ actor: Principal, _ complaint: Placement) -> AccessDecision {
        // Who handles complaints at all (with the complaint's own wording), then which ones.
        if case .failure(let denied) = complaintScope(actor) { return .deny(denied.reason) }
        return manageService(actor, complaint)
    }
}
