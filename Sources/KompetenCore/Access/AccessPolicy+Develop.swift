import Foundation

/// Rules for step 2 (develop): providers, the catalogue, batches, enrolments, plans, the JP
/// ledger and the annual plan. Plan *transitions* are `PlanWorkflow`'s; these say who reaches what.
extension AccessPolicy {
    static let bkppdOnly = "Hanya Admin BKPPD yang dapat melakukan ini."
    static let ownProgrammesOnly = "Lembaga pelatihan hanya dapat mengelola program miliknya sendiri."

    /// Training institutions: everyone in the instansi reads the list (it is the catalogue's
    /// other half); BKPPD registers and edits them.
    public static func providers(_ actor: Principal, _ action: AccessAction) -> AccessDecision {
        guard actor.instansiID != nil, actor.role != .superadmin else { return .deny(noAccess) }
        if action == .read { return .allow }
        return actor.role == .admin ? .allow : .deny(bkppdOnly)
    }

    /// A programme of the catalogue (and its batches). Employees plan from the whole catalogue, so
    /// every role reads it, except that a provider sees only its own programmes. BKPPD writes all;
    /// a provider writes its own (schedules batches, updates descriptions).
    public static func programme(_ actor: Principal, _ action: AccessAction, providerID: UUID) -> AccessDecision {
        guard actor.instansiID != nil, actor.role != .superadmin else { return .deny(noAccess) }
        switch (actor.role, action) {
        case (.admin, _): return .allow
        case (.provider, _): return actor.providerID == providerID ? .allow : .deny(ownProgrammesOnly)
        case (_, .read): return .allow
        default: return .deny("Katalog program dikelola Admin BKPPD dan lembaga pelatihan.")
        }
    }

    /// Creating a programme: BKPPD for any provider, a provider for itself.
    public static func createProgramme(_ actor: Principal, providerID: UUID) -> AccessDecision {
        switch actor.role {
        case .admin: return actor.instansiID != nil ? .allow : .deny(noAccess)
        case .provider: return actor.providerID == providerID ? .allow : .deny(ownProgrammesOnly)
        default: return .deny("Katalog program dikelola Admin BKPPD dan lembaga pelatihan.")
        }
    }

    /// Enrolling an employee into a batch (or cancelling): BKPPD for anyone, an operator for the
    /// employees of their own OPD. Providers run batches but do not choose participants.
    public static func enrol(_ actor: Principal, employee: Placement) -> AccessDecision {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID == employee.opdID ? .allow : .deny(otherOPD)
        default: return .deny("Pendaftaran peserta dilakukan Admin BKPPD atau operator OPD.")
        }
    }

    /// Attendance and completion (certificate) of an enrolment: the programme's provider, or BKPPD.
    public static func recordCompletion(_ actor: Principal, providerID: UUID) -> AccessDecision {
        switch actor.role {
        case .admin: return .allow
        case .provider: return actor.providerID == providerID ? .allow : .deny(ownProgrammesOnly)
        default: return .deny("Kehadiran dan kelulusan dicatat oleh lembaga pelatihan atau Admin BKPPD.")
        }
    }

    /// Which participants of a batch a user sees: nil = all; a value = only that OPD's;
    /// `.deny` for roles that see no participant lists.
    public static func participantScope(_ actor: Principal, providerID: UUID) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin: return .success(nil)
        case .provider:
            return actor.providerID == providerID ? .success(nil) : .failure(Denied(reason: ownProgrammesOnly))
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default:
            return .failure(
                Denied(reason: "Daftar peserta hanya untuk Admin BKPPD, operator OPD dan lembaga pelatihan."))
        }
    }

    /// The training-needs analysis and JP compliance over many people: like the gap reports.
    public static func developmentReportScope(_ actor: Principal) -> Result<UUID?, Denied> {
        switch actor.role {
        case .admin: return .success(nil)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(opd)
        default:
            return .failure(
                Denied(reason: "Analisis kebutuhan dan kepatuhan JP hanya untuk Admin BKPPD dan operator OPD."))
        }
    }

    /// The budget-optimal annual plan and its adoption: BKPPD sets plans and budget (SPEC roles).
    public static func annualPlan(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil ? .allow : .deny(bkppdOnly)
    }

    /// Recording learning outside the catalogue (a webinar, e-learning elsewhere): the employee
    /// themself, their OPD's operator, BKPPD.
    public static func recordLearning(_ actor: Principal, employee: Placement, employeeID: UUID) -> AccessDecision {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        switch actor.role {
        case .admin: return .allow
        case .operator: return actor.opdID == employee.opdID ? .allow : .deny(otherOPD)
        case .employee, .supervisor:
            return actor.employeeID == employeeID
                ? .allow : .deny("Anda hanya dapat mencatat pembelajaran Anda sendiri.")
        default: return .deny(noAccess)
        }
    }

    /// Verifying such learning before its JP count: the direct supervisor; BKPPD when the
    /// employee has no supervisor in the system. Never the employee themself.
    public static func verifyLearning(_ actor: Principal, employee: Placement, employeeID: UUID, supervisorID: UUID?)
        -> AccessDecision
    {
        guard actor.instansiID == employee.instansiID else { return .deny(otherInstansi) }
        if actor.employeeID == employeeID {
            return .deny("Pembelajaran Anda sendiri diverifikasi oleh atasan langsung.")
        }
        if let supervisorID, actor.employeeID == supervisorID { return .allow }
        if actor.role == .admin {
            return supervisorID == nil ? .allow : .deny("Pembelajaran ini diverifikasi oleh atasan langsung pegawai.")
        }
        return .deny("Hanya atasan langsung yang dapat memverifikasi pembelajaran ini.")
    }
}
