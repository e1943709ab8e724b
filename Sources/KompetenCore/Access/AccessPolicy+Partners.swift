import Foundation

/// Rules for the partner agreements (MoU / PKS) of the training providers.
extension AccessPolicy {
    static let agreementReaders =
        "Perjanjian kerja sama hanya untuk Admin BKPPD, operator OPD dan lembaga pelatihan yang bersangkutan."

    /// A provider's agreements. BKPPD signs and records them. An OPD operator reads them (they
    /// send their people to the provider and answer for it in the OPD's budget). The provider
    /// reads its own, read-only (it signed them, but the record is the city's). Supervisors,
    /// employees and assessors have no part in contracts.
    public static func agreements(_ actor: Principal, _ action: AccessAction, providerID: UUID) -> AccessDecision {
        guard actor.instansiID != nil, actor.role != .superadmin else { return .deny(noAccess) }
        switch (actor.role, action) {
        case (.admin, _): return .allow
        case (.operator, .read): return .allow
        case (.provider, .read): return actor.providerID == providerID ? .allow : .deny(ownProgrammesOnly)
        case (.operator, .write), (.provider, .write): return .deny(bkppdOnly)
        default: return .deny(agreementReaders)
        }
    }

    /// The city-wide list of batches delivered outside a valid agreement: BKPPD's oversight list.
    public static func uncoveredBatches(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil ? .allow : .deny(bkppdOnly)
    }
}
