import Foundation

/// Rules for step 3 (evaluate and monitor): who fills which evaluation, who sees the
/// re-assessment worklist, the monitoring pages, SKP ratings and the talent grid.
extension AccessPolicy {
    /// The people around one enrolment: the participant, their direct supervisor, the
    /// programme's provider, and where the participant sits.
    public struct EnrolmentParties: Sendable {
        public let participantID: UUID
        public let supervisorID: UUID?
        public let providerID: UUID
        public let placement: Placement
        public init(participantID: UUID, supervisorID: UUID?, providerID: UUID, placement: Placement) {
            self.participantID = participantID
            self.supervisorID = supervisorID
            self.providerID = providerID
            self.placement = placement
        }
    }

    /// Filling an evaluation as `respondent`: each record is filled by that person and nobody
    /// else — a participant never fills the supervisor's L3, an operator fills nothing. BKPPD may
    /// enter the provider's test scores (paper results sent in by the provider).
    public static func fillEvaluation(
        _ actor: Principal, as respondent: EvaluationRespondent, _ parties: EnrolmentParties
    ) -> AccessDecision {
        guard actor.instansiID == parties.placement.instansiID else { return .deny(otherInstansi) }
        switch respondent {
        case .participant:
            return actor.employeeID == parties.participantID
                ? .allow : .deny("Evaluasi peserta hanya diisi oleh peserta itu sendiri.")
        case .supervisor:
            if actor.employeeID == parties.participantID {
                return .deny("Evaluasi atasan tidak dapat diisi oleh peserta sendiri.")
            }
            guard let supervisorID = parties.supervisorID, actor.employeeID == supervisorID else {
                return .deny("Evaluasi atasan hanya diisi oleh atasan langsung peserta.")
            }
            return .allow
        case .provider:
            if actor.role == .admin { return .allow }
            return actor.role == .provider && actor.providerID == parties.providerID
                ? .allow
                : .deny("Nilai pre-test/post-test dicatat oleh lembaga pelatihan program ini atau Admin BKPPD.")
        }
    }

    /// Reading an enrolment's evaluations: BKPPD, the operator of the participant's OPD, the
    /// programme's provider, the participant and their supervisor.
    public static func readEvaluations(_ actor: Principal, _ parties: EnrolmentParties) -> AccessDecision {
        guard actor.instansiID == parties.placement.instansiID else { return .deny(otherInstansi) }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID == parties.placement.opdID ? .allow : .deny(otherOPD)
        case .provider: return actor.providerID == parties.providerID ? .allow : .deny(ownProgrammesOnly)
        default:
            if let me = actor.employeeID, me == parties.participantID || me == parties.supervisorID { return .allow }
            return .deny(noAccess)
        }
    }

    /// Monitoring pages and programme effectiveness over many people: BKPPD for the city, an
    /// operator for their OPD (nil = whole instansi).
    public static func monitoringScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin: return .success(nil)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default: return .failure(Denied(reason: "Halaman pemantauan hanya untuk Admin BKPPD dan operator OPD."))
        }
    }

    /// The re-assessment worklist: assessors and BKPPD for the whole instansi, an operator for
    /// their OPD (to chase the dates).
    public static func reassessmentScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin, .assessor: return actor.instansiID == nil ? .failure(Denied(reason: noAccess)) : .success(nil)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default: return .failure(Denied(reason: "Daftar penilaian ulang untuk asesor, Admin BKPPD dan operator OPD."))
        }
    }

    /// Recording an employee's yearly SKP ratings: BKPPD, the operator of their OPD, or their
    /// direct supervisor (who rates the SKP); never the employee themself.
    public static func recordPerformance(_ actor: Principal, employee: Placement, employeeID: UUID, supervisorID: UUID?)
        -> AccessDecision
    {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        if actor.employeeID == employeeID {
            return .deny("Predikat kinerja Anda dicatat oleh atasan langsung atau operator OPD.")
        }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID == employee.opdID ? .allow : .deny(otherOPD)
        default:
            if let supervisorID, actor.employeeID == supervisorID { return .allow }
            return .deny("Predikat kinerja dicatat oleh atasan langsung, operator OPD atau Admin BKPPD.")
        }
    }

    /// Setting an employee's jabatan tujuan (the post they are prepared for): BKPPD for anyone of
    /// the instansi, an OPD's operator for their own OPD's people — those who manage talent.
    public static func setTargetPosition(_ actor: Principal, _ employee: Placement) -> AccessDecision {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID != nil && actor.opdID == employee.opdID ? .allow : .deny(otherOPD)
        default: return .deny("Jabatan tujuan ditetapkan oleh Admin BKPPD atau operator OPD pegawai.")
        }
    }

    /// Whether the successor list offers the "jabatan tujuan" buttons at all (each click is then
    /// checked against `setTargetPosition` for that person).
    public static func setsTargetPositions(_ actor: Principal) -> Bool {
        actor.instansiID != nil && (actor.role == .admin || actor.role == .operator)
    }

    /// Marking a position as key (jabatan kunci) for succession planning: BKPPD (admin) only,
    /// since the mark gives the position a city-wide successor list.
    public static func markKeyPosition(_ actor: Principal, _ target: Placement) -> AccessDecision {
        guard actor.instansiID == target.instansiID else { return .deny(otherInstansi) }
        return actor.role == .admin ? .allow : .deny("Hanya Admin BKPPD yang dapat menandai jabatan kunci.")
    }

    /// One employee's talent placement (box, recommendation): confidential talent-management
    /// data (PermenPANRB 3/2020) for BKPPD, the operator of their OPD and their direct supervisor
    /// — never for the person themself, whatever their role.
    public static func readTalent(_ actor: Principal, employee: Placement, employeeID: UUID, supervisorID: UUID?)
        -> AccessDecision
    {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        if actor.employeeID == employeeID {
            return .deny("Pemetaan talenta Anda sendiri dibahas bersama atasan langsung atau BKPPD.")
        }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID == employee.opdID ? .allow : .deny(otherOPD)
        default:
            if let supervisorID, actor.employeeID == supervisorID { return .allow }
            return .deny("Pemetaan talenta hanya untuk Admin BKPPD, operator OPD dan atasan langsung.")
        }
    }

    /// SKP ratings of one employee: the employee themself, and whoever may see their talent
    /// placement (not every reader of the employee list: an assessor sees people, not ratings).
    public static func readPerformance(_ actor: Principal, employee: Placement, employeeID: UUID, supervisorID: UUID?)
        -> AccessDecision
    {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        if actor.employeeID == employeeID { return .allow }
        return readTalent(actor, employee: employee, employeeID: employeeID, supervisorID: supervisorID)
    }
}
