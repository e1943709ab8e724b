import Foundation

/// Who may create records of a kind at all, asked BEFORE a request body is read: a role that
/// can create nothing of the kind is refused with 403 instead of learning from a 422 which
/// fields the form has. Whether the record in the body is within reach (e.g. a unit of one's
/// own OPD) is still decided by the record's own rule once the body is known.
public enum CreatableKind: Sendable, CaseIterable {
    /// Records placed in one OPD: units, employees, positions, public services.
    case unit, employee, position, service
    case user, competency, provider, programme
    /// Participants of a batch (enrolment is by BKPPD or an OPD operator, `enrol`).
    case enrolment
    /// BKPPD's instansi-wide plans and settings (annual plan, bulk standards, settings, monitoring rebuild).
    case instansiWide
}

extension AccessPolicy {
    public static func mayCreate(_ actor: Principal, _ kind: CreatableKind) -> AccessDecision {
        guard actor.instansiID != nil, actor.role != .superadmin else { return .deny(noAccess) }
        switch kind {
        case .unit, .employee, .position, .service, .enrolment:
            switch actor.role {
            case .admin: return .allow
            case .operator: return actor.opdID != nil ? .allow : .deny(otherOPD)
            default: return .deny(noAccess)
            }
        case .user, .instansiWide: return manageUsers(actor)
        case .competency: return competencies(actor, .write)
        case .provider: return providers(actor, .write)
        case .programme:
            switch actor.role {
            case .admin: return .allow
            case .provider: return actor.providerID != nil ? .allow : .deny(ownProgrammesOnly)
            default: return .deny("Katalog program dikelola Admin BKPPD dan lembaga pelatihan.")
            }
        }
    }

    /// Approving development plans at all: BKPPD (the last step), or anyone with an employee
    /// record (the direct supervisor of the plan's employee; which plans is the workflow's).
    public static func mayApprovePlans(_ actor: Principal) -> AccessDecision {
        guard actor.instansiID != nil else { return .deny(noAccess) }
        return actor.role == .admin || actor.employeeID != nil
            ? .allow : .deny("Rencana disetujui oleh atasan langsung atau Admin BKPPD.")
    }

    /// Whether the actor may fill some evaluation of this enrolment (as whichever respondent the
    /// body will name): decided before the body, so a stranger is refused without a 422.
    public static func mayFillSomeEvaluation(_ actor: Principal, _ parties: EnrolmentParties) -> AccessDecision {
        let decisions = EvaluationRespondent.allCases.map { fillEvaluation(actor, as: $0, parties) }
        return decisions.contains(.allow) ? .allow : decisions.first ?? .deny(noAccess)
    }

    /// One filled evaluation record, beyond `readEvaluations` (who reaches the enrolment at all):
    /// a supervisor's L3 judges one named person and is written by one identifiable supervisor,
    /// so the training provider gets it only as counts and means (the effectiveness figures),
    /// never the record with its scores, comment and author.
    public static func readEvaluationRecord(
        _ actor: Principal, _ parties: EnrolmentParties,
        level: Int, respondent: EvaluationRespondent?
    ) -> AccessDecision {
        let reach = readEvaluations(actor, parties)
        guard reach.isAllowed else { return reach }
        if actor.role == .provider, level == 3, respondent == .supervisor {
            return .deny("Lembaga pelatihan melihat evaluasi atasan (L3) hanya sebagai ringkasan.")
        }
        return .allow
    }
}
