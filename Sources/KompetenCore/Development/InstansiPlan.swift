import Foundation

/// The annual development plan of an instansi as a record (PP 11/2017 Ps 207): BKPPD drafts it
/// and proposes it, the PPK (Pejabat Pembina Kepegawaian: the Sekretaris Daerah, or the user the
/// admin designates in the settings) adopts it by decree. Not to be confused with `PlanStatus`,
/// the individual plan of one employee.
public enum InstansiPlanStatus: String, CaseIterable, Codable, Sendable {
    case draf, diusulkan, ditetapkan

    public var label: String {
        switch self {
        case .draf: "Draf"
        case .diusulkan: "Diusulkan"
        case .ditetapkan: "Ditetapkan"
        }
    }

    /// The verb on the button that leads here.
    public var actionLabel: String {
        switch self {
        case .draf: "Kembalikan ke draf"
        case .diusulkan: "Usulkan ke PPK"
        case .ditetapkan: "Tetapkan"
        }
    }
}

/// Who is asking, relative to the instansi plan. The app builds it from the principal and the
/// instansi's PPK setting, so the rule stays a pure function.
public struct InstansiPlanActor: Sendable, Equatable {
    public let role: Role
    /// The principal is the user designated as PPK of the plan's instansi.
    public let isPPK: Bool
    public let sameInstansi: Bool

    public init(role: Role, isPPK: Bool, sameInstansi: Bool = true) {
        self.role = role
        self.isPPK = isPPK
        self.sameInstansi = sameInstansi
    }

    public init(_ actor: Principal, instansiID: UUID, ppkUserID: UUID?) {
        self.init(
            role: actor.role, isPPK: ppkUserID != nil && actor.userID == ppkUserID,
            sameInstansi: actor.instansiID == instansiID)
    }

    var isBKPPD: Bool { sameInstansi && role == .admin }
    var isDesignatedPPK: Bool { sameInstansi && isPPK }
}

/// Why a step of the instansi plan is refused. Every refusal is a 409 for the API (the issue:
/// "409 when the state or role does not allow it"); reading is a separate 403 rule.
public enum InstansiPlanRefusal: Error, Equatable, Sendable {
    case state(String)
    case role(String)
    case decreeRequired
    case reasonRequired
    case overCeiling(String)

    public var message: String {
        switch self {
        case .state(let m), .role(let m), .overCeiling(let m): m
        case .decreeRequired: "Nomor keputusan wajib diisi untuk menetapkan rencana."
        case .reasonRequired: "Alasan revisi wajib diisi."
        }
    }

    /// The field a form or the API names.
    public var field: String {
        switch self {
        case .decreeRequired: "decreeNumber"
        case .reasonRequired: "reason"
        case .overCeiling: "items"
        case .state, .role: "to"
        }
    }
}

public enum InstansiPlanWorkflow {
    static let steps: [InstansiPlanStatus: [InstansiPlanStatus]] = [
        .draf: [.diusulkan],
        .diusulkan: [.ditetapkan, .draf],
        .ditetapkan: [],
    ]

    /// Whether `actor` may move the plan from `from` to `to`. Adoption needs a decree number;
    /// proposing and adopting need every OPD within its ceiling (`overCeiling` lists the OPD
    /// names that are not; a warning while drafting, a refusal from then on).
    public static func check(
        from: InstansiPlanStatus, to: InstansiPlanStatus, by actor: InstansiPlanActor, decreeNumber: String?,
        overCeiling: [String] = []
    ) -> Result<Void, InstansiPlanRefusal> {
        guard steps[from, default: []].contains(to) else {
            if from == .ditetapkan {
                return .failure(
                    .state("Rencana sudah ditetapkan dan terkunci; buka revisi untuk mengubahnya."))
            }
            return .failure(.state("Rencana berstatus \(from.label) tidak dapat diubah menjadi \(to.label)."))
        }
        guard may(from: from, to: to, actor) else {
            switch to {
            case .ditetapkan:
                return .failure(
                    .role(
                        "Hanya PPK (Sekretaris Daerah atau pejabat yang ditunjuk di Pengaturan) yang dapat menetapkan rencana."
                    ))
            default:
                return .failure(
                    .role("Peran Anda tidak dapat mengubah rencana dari \(from.label) menjadi \(to.label)."))
            }
        }
        if to == .ditetapkan, (decreeNumber ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.decreeRequired)
        }
        if to != .draf, !overCeiling.isEmpty {
            return .failure(
                .overCeiling(
                    "Biaya melebihi pagu OPD: \(overCeiling.joined(separator: ", ")). Sesuaikan butir atau pagu."))
        }
        return .success(())
    }

    private static func may(from: InstansiPlanStatus, to: InstansiPlanStatus, _ a: InstansiPlanActor) -> Bool {
        switch (from, to) {
        case (.draf, .diusulkan): a.isBKPPD
        // The PPK returns a proposal; BKPPD may withdraw its own.
        case (.diusulkan, .draf): a.isDesignatedPPK || a.isBKPPD
        case (.diusulkan, .ditetapkan): a.isDesignatedPPK
        default: false
        }
    }

    /// The steps this actor can take now (the buttons a page shows).
    public static func available(from: InstansiPlanStatus, by actor: InstansiPlanActor) -> [InstansiPlanStatus] {
        steps[from, default: []].filter { may(from: from, to: $0, actor) }
    }

    /// Items, ceilings and budget change only while the plan is a draft, by BKPPD.
    public static func canEdit(_ status: InstansiPlanStatus, by actor: InstansiPlanActor) -> Result<
        Void, InstansiPlanRefusal
    > {
        guard status == .draf else {
            return .failure(
                .state(
                    status == .ditetapkan
                        ? "Rencana sudah ditetapkan dan terkunci; buka revisi untuk mengubahnya."
                        : "Rencana sedang diusulkan ke PPK; kembalikan ke draf untuk mengubahnya."))
        }
        return actor.isBKPPD ? .success(()) : .failure(.role("Hanya Admin BKPPD yang dapat mengubah rencana."))
    }

    /// Opening revision N+1 of an adopted plan: BKPPD, with a reason. The plan goes back to draf
    /// and the adopted version stays as a snapshot.
    public static func canRevise(_ status: InstansiPlanStatus, by actor: InstansiPlanActor, reason: String?) -> Result<
        Void, InstansiPlanRefusal
    > {
        guard status == .ditetapkan else {
            return .failure(.state("Revisi hanya dapat dibuka untuk rencana yang sudah ditetapkan."))
        }
        guard actor.isBKPPD else { return .failure(.role("Hanya Admin BKPPD yang dapat membuka revisi.")) }
        if (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .failure(.reasonRequired) }
        return .success(())
    }
}

/// One item of the plan, as the totals see it.
public struct InstansiPlanLine: Sendable, Equatable {
    public let opdID: UUID
    /// Klasikal, nonklasikal or pendidikan: the totals "per jalur" of the plan.
    public let form: DevelopmentForm
    public let quarter: Int
    public let participants: Int
    /// JP per participant.
    public let jp: Int
    /// Total cost of the item (all participants), Rupiah.
    public let cost: Int
    /// The catalogue programme, when the item names one: realisation matches on it.
    public let programmeID: UUID?

    public init(
        opdID: UUID, form: DevelopmentForm, quarter: Int, participants: Int, jp: Int, cost: Int, programmeID: UUID?
    ) {
        self.opdID = opdID
        self.form = form
        self.quarter = quarter
        self.participants = participants
        self.jp = jp
        self.cost = cost
        self.programmeID = programmeID
    }
}

/// Participants, JP (participants × JP each) and Rupiah, added up.
public struct PlanFigures: Sendable, Equatable, Codable {
    public var participants: Int
    public var jp: Int
    public var budget: Int

    public init(participants: Int = 0, jp: Int = 0, budget: Int = 0) {
        self.participants = participants
        self.jp = jp
        self.budget = budget
    }

    public static func + (a: PlanFigures, b: PlanFigures) -> PlanFigures {
        PlanFigures(participants: a.participants + b.participants, jp: a.jp + b.jp, budget: a.budget + b.budget)
    }
}

public enum InstansiPlanTotals {
    static func figures(_ l: InstansiPlanLine) -> PlanFigures {
        PlanFigures(participants: l.participants, jp: l.participants * l.jp, budget: l.cost)
    }

    public static func total(_ lines: [InstansiPlanLine]) -> PlanFigures {
        lines.reduce(PlanFigures()) { $0 + figures($1) }
    }

    public static func byOPD(_ lines: [InstansiPlanLine]) -> [UUID: PlanFigures] {
        lines.reduce(into: [:]) {
            $0[$1.opdID, default: PlanFigures()] = $0[$1.opdID, default: PlanFigures()] + figures($1)
        }
    }

    public static func byForm(_ lines: [InstansiPlanLine]) -> [DevelopmentForm: PlanFigures] {
        lines.reduce(into: [:]) {
            $0[$1.form, default: PlanFigures()] = $0[$1.form, default: PlanFigures()] + figures($1)
        }
    }

    /// The OPDs whose planned cost is above their ceiling (an OPD without a ceiling has none).
    public static func overCeiling(_ lines: [InstansiPlanLine], ceilings: [UUID: Int]) -> Set<UUID> {
        Set(byOPD(lines).filter { opd, f in ceilings[opd].map { f.budget > $0 } ?? false }.keys)
    }
}

/// Completed training of the plan's year, grouped by programme, the participant's OPD and the
/// quarter the batch ended in (the app aggregates this in SQL).
public struct RealisedActivity: Sendable, Equatable {
    public let programmeID: UUID
    public let opdID: UUID
    public let quarter: Int
    public let participants: Int
    public let jp: Int
    /// Sum of the enrolments' actual cost (an enrolment without one counts 0).
    public let cost: Int

    public init(programmeID: UUID, opdID: UUID, quarter: Int, participants: Int, jp: Int, cost: Int) {
        self.programmeID = programmeID
        self.opdID = opdID
        self.quarter = quarter
        self.participants = participants
        self.jp = jp
        self.cost = cost
    }
}

/// Plan against realisation. An activity realises the plan when some item of the same OPD names
/// its programme (whatever the quarter: training moved to another quarter is still the plan's);
/// the rest are unplanned activities. An item with a programme and no realisation in its OPD is
/// planned-but-not-done.
public struct PlanRealisation: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let planned: PlanFigures
        public let realised: PlanFigures
    }

    public let planned: PlanFigures
    public let realised: PlanFigures
    public let byOPD: [UUID: Row]
    public let byQuarter: [Int: Row]
    /// Indices into the lines given.
    public let notDone: [Int]
    public let unplanned: [RealisedActivity]

    public init(lines: [InstansiPlanLine], activities: [RealisedActivity]) {
        let plannedKeys = Set(lines.compactMap { l in l.programmeID.map { PairKey(programme: $0, opd: l.opdID) } })
        let matched = activities.filter { plannedKeys.contains(PairKey(programme: $0.programmeID, opd: $0.opdID)) }
        let realisedKeys = Set(matched.map { PairKey(programme: $0.programmeID, opd: $0.opdID) })
        func fig(_ a: RealisedActivity) -> PlanFigures {
            PlanFigures(participants: a.participants, jp: a.jp, budget: a.cost)
        }
        planned = InstansiPlanTotals.total(lines)
        realised = matched.reduce(PlanFigures()) { $0 + fig($1) }
        var opd: [UUID: (PlanFigures, PlanFigures)] = [:]
        var quarter: [Int: (PlanFigures, PlanFigures)] = [:]
        for l in lines {
            opd[l.opdID, default: (.init(), .init())].0 =
                opd[l.opdID, default: (.init(), .init())].0
                + InstansiPlanTotals.figures(l)
            quarter[l.quarter, default: (.init(), .init())].0 =
                quarter[l.quarter, default: (.init(), .init())].0
                + InstansiPlanTotals.figures(l)
        }
        for a in matched {
            opd[a.opdID, default: (.init(), .init())].1 = opd[a.opdID, default: (.init(), .init())].1 + fig(a)
            quarter[a.quarter, default: (.init(), .init())].1 =
                quarter[a.quarter, default: (.init(), .init())].1
                + fig(a)
        }
        byOPD = opd.mapValues { Row(planned: $0.0, realised: $0.1) }
        byQuarter = quarter.mapValues { Row(planned: $0.0, realised: $0.1) }
        notDone = lines.indices.filter { i in
            guard let p = lines[i].programmeID else { return false }
            return !realisedKeys.contains(PairKey(programme: p, opd: lines[i].opdID))
        }
        unplanned = activities.filter { !plannedKeys.contains(PairKey(programme: $0.programmeID, opd: $0.opdID)) }
    }

    struct PairKey: Hashable {
        let programme: UUID
        let opd: UUID
    }

    /// Share of the planned budget absorbed, in whole percent (0 when nothing was planned).
    public var absorptionPercent: Int {
        planned.budget > 0 ? Int((Double(realised.budget) * 100 / Double(planned.budget)).rounded()) : 0
    }
}

extension InstansiPlanTotals {
    /// The quarter (1–4) of an ISO date `yyyy-MM-dd`, or nil.
    public static func quarter(of isoDate: String) -> Int? {
        let parts = isoDate.split(separator: "-")
        guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return (m - 1) / 3 + 1
    }
}
