import Foundation

/// The individual development plan's life (SPEC §2): the employee (or their OPD's operator)
/// drafts and submits, the direct supervisor approves or rejects, BKPPD approves or rejects,
/// and the plan is closed as done at the end of the year. A rejected plan can be reopened as a
/// draft, revised and submitted again — the reason stays in the audit log.
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted
    case approvedSupervisor = "approved_supervisor"
    case approved, done, rejected

    public var label: String {
        switch self {
        case .draft: "Draf"
        case .submitted: "Diajukan"
        case .approvedSupervisor: "Disetujui atasan"
        case .approved: "Disetujui BKPPD"
        case .done: "Selesai"
        case .rejected: "Ditolak"
        }
    }
}

/// Who is asking, relative to the plan's employee. Built by the app from the principal and the
/// employee record, so the rule itself stays a pure function.
public struct PlanActor: Sendable, Equatable {
    public let role: Role
    /// The principal is the plan's employee.
    public let isOwner: Bool
    /// The principal is the employee's direct supervisor (atasan langsung).
    public let isSupervisor: Bool
    /// An operator whose OPD is the employee's OPD.
    public let isOwnOPDOperator: Bool
    /// Heads of OPD have no supervisor in the system (theirs is the Sekda); BKPPD then approves
    /// the supervisor step as well, so their plans are not stuck.
    public let employeeHasSupervisor: Bool

    public init(role: Role, isOwner: Bool, isSupervisor: Bool, isOwnOPDOperator: Bool, employeeHasSupervisor: Bool) {
        self.role = role
        self.isOwner = isOwner
        self.isSupervisor = isSupervisor
        self.isOwnOPDOperator = isOwnOPDOperator
        self.employeeHasSupervisor = employeeHasSupervisor
    }

    /// How `actor` stands to the plan of the employee `employeeID` (whose direct supervisor is
    /// `supervisorID` and whose OPD is `opdID`).
    public init(_ actor: Principal, employeeID: UUID?, supervisorID: UUID?, opdID: UUID?) {
        self.init(
            role: actor.role, isOwner: actor.employeeID != nil && actor.employeeID == employeeID,
            isSupervisor: supervisorID != nil && actor.employeeID == supervisorID,
            isOwnOPDOperator: actor.role == .operator && actor.opdID != nil && actor.opdID == opdID,
            employeeHasSupervisor: supervisorID != nil)
    }

    /// The people who write the plan: the employee, their OPD's operator, BKPPD.
    public var isAuthor: Bool { isOwner || isOwnOPDOperator || role == .admin }
    /// Who decides at the supervisor step.
    public var decidesSupervisorStep: Bool { isSupervisor || (!employeeHasSupervisor && role == .admin) }
}

public enum PlanRefusal: Error, Equatable, Sendable {
    /// No such step from the current state (e.g. draft → approved).
    case state(String)
    /// The step exists, but not for this person.
    case role(String)
    /// A rejection without a reason.
    case reasonRequired

    public var message: String {
        switch self {
        case .state(let m), .role(let m): m
        case .reasonRequired: "Alasan penolakan wajib diisi."
        }
    }
}

public enum PlanWorkflow {
    /// The steps that exist, whoever takes them.
    static let steps: [PlanStatus: [PlanStatus]] = [
        .draft: [.submitted],
        .submitted: [.approvedSupervisor, .rejected],
        .approvedSupervisor: [.approved, .rejected],
        .approved: [.done],
        .rejected: [.draft],
        .done: [],
    ]

    /// Whether `actor` may move a plan from `from` to `to`. A rejection needs a reason.
    public static func check(from: PlanStatus, to: PlanStatus, by actor: PlanActor, reason: String?) -> Result<
        Void, PlanRefusal
    > {
        guard steps[from, default: []].contains(to) else {
            return .failure(.state("Rencana berstatus \(from.label) tidak dapat diubah menjadi \(to.label)."))
        }
        if actor.isOwner, isDecision(from: from, to: to) {
            return .failure(
                .role(
                    "Rencana Anda sendiri tidak dapat Anda setujui atau tolak: keputusan ada pada atasan langsung dan Admin BKPPD lain."
                ))
        }
        guard may(from: from, to: to, actor) else {
            return .failure(.role("Peran Anda tidak dapat mengubah rencana dari \(from.label) menjadi \(to.label)."))
        }
        if to == .rejected, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.reasonRequired)
        }
        return .success(())
    }

    /// The approval steps (approve or reject, at the supervisor's and at BKPPD's): taken by
    /// someone other than the plan's employee, whatever their role — an admin who is also the
    /// employee (or the head of an OPD with no supervisor in the system) does not decide their own.
    static func isDecision(from: PlanStatus, to: PlanStatus) -> Bool {
        from == .submitted || from == .approvedSupervisor
    }

    private static func may(from: PlanStatus, to: PlanStatus, _ a: PlanActor) -> Bool {
        if a.isOwner, isDecision(from: from, to: to) { return false }
        switch (from, to) {
        case (.draft, .submitted), (.rejected, .draft): return a.isAuthor
        case (.submitted, .approvedSupervisor), (.submitted, .rejected): return a.decidesSupervisorStep
        case (.approvedSupervisor, .approved), (.approvedSupervisor, .rejected): return a.role == .admin
        case (.approved, .done): return a.role == .admin || a.isOwnOPDOperator
        default: return false
        }
    }

    /// The steps this actor can take now (the buttons a page shows).
    public static func available(from: PlanStatus, by actor: PlanActor) -> [PlanStatus] {
        steps[from, default: []].filter { may(from: from, to: $0, actor) }
    }

    /// Items are added and removed while the plan is a draft, by its authors only: once submitted,
    /// what the supervisor approves is what BKPPD sees.
    public static func canEditItems(_ status: PlanStatus, by actor: PlanActor) -> Bool {
        status == .draft && actor.isAuthor
    }
}
