import Foundation

/// Rules for step 1 (identify): the dictionary, positions, assessments, gap reports, imports.
extension AccessPolicy {
    /// The dictionary is read by every role of the instansi; only BKPPD (admin) defines
    /// teknis competencies and retires them.
    public static func competencies(_ actor: Principal, _ action: AccessAction) -> AccessDecision {
        guard actor.instansiID != nil, actor.role != .superadmin else { return .deny(noAccess) }
        if action == .read { return .allow }
        return actor.role == .admin ? .allow : .deny("Hanya Admin BKPPD yang dapat mengubah kamus kompetensi.")
    }

    /// Positions and their standards: read like units; written by admin (all) and operators (own OPD).
    public static func position(_ actor: Principal, _ action: AccessAction, _ target: Placement) -> AccessDecision {
        guard actor.instansiID == target.instansiID else { return .deny(otherInstansi) }
        switch (actor.role, action) {
        case (.admin, _), (.assessor, .read): return .allow
        case (.operator, _): return actor.opdID == target.opdID ? .allow : .deny(otherOPD)
        case (.supervisor, .read), (.employee, .read):
            return actor.opdID != nil && actor.opdID == target.opdID ? .allow : .deny(otherOPD)
        default: return .deny(noAccess)
        }
    }

    /// Recording an assessment result: assessors and admin, for any employee of the instansi.
    public static func recordAssessment(_ actor: Principal, _ target: Placement) -> AccessDecision {
        guard actor.instansiID == target.instansiID else { return .deny(otherInstansi) }
        return [.admin, .assessor].contains(actor.role)
            ? .allow : .deny("Hanya asesor atau Admin BKPPD yang dapat mencatat hasil penilaian.")
    }

    /// Gap reports over many people (heat map, distribution, lists): nil = whole instansi,
    /// a value = one OPD only; denied for roles that see only themselves or their team.
    public static func reportScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin, .assessor: return .success(nil)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default:
            return .failure(
                Denied(reason: "Laporan kesenjangan kompetensi hanya untuk Admin BKPPD, operator OPD dan asesor."))
        }
    }

    /// "Perlu asesmen" (who must be assessed before their gaps are known), its page, API and
    /// downloads: BKPPD and the assessor (who records the results) everyone, an operator their
    /// own OPD — the scope of the gap reports.
    public static func assessmentNeedsScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch reportScope(actor) {
        case .success(let opd): return .success(opd)
        case .failure(let denied):
            return .failure(
                actor.role == .operator
                    ? denied
                    : Denied(reason: "Daftar pegawai perlu asesmen hanya untuk Admin BKPPD, operator OPD dan asesor."))
        }
    }

    /// Bulk imports: admin (any unit) and operators (rows of their own OPD only, checked per row).
    public static func importData(_ actor: Principal) -> AccessDecision {
        [.admin, .operator].contains(actor.role) && actor.instansiID != nil ? .allow : .deny(noAccess)
    }

    /// One row of a bulk import that lands in (or changes a record of) the OPD `opd`. Who imports
    /// at all is `importData`/`importAssessments`; an operator's rows must stay in their own OPD.
    /// Checked per row, so a wrong row is reported with its line instead of the file refused.
    public static func importRowReaches(_ actor: Principal, opd: UUID?) -> Bool {
        actor.role != .operator || opd == actor.opdID
    }

    /// Importing assessment results: admin and assessors.
    public static func importAssessments(_ actor: Principal) -> AccessDecision {
        [.admin, .assessor].contains(actor.role) && actor.instansiID != nil ? .allow : .deny(noAccess)
    }

    /// The rule settings (JPM formula, threshold set): admin.
    public static func manageSettings(_ actor: Principal) -> AccessDecision { manageUsers(actor) }
}
