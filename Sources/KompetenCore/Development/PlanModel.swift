/// Inputs and output of the annual development plan optimiser (PP 11/2017 Ps 207): which employees
/// go to which programme so that the most weighted competency gap is closed within the budget.

/// A programme in the catalogue, as the optimiser sees it.
public struct PlanProgramme: Sendable, Equatable {
    public var id: String
    /// Rupiah per participant (integers: money is never a floating-point quantity here).
    public var costPerParticipant: Int
    /// Seats available in the planning year (all batches together).
    public var capacity: Int
    public var jp: Int
    /// Competency code → levels a participant gains.
    public var raises: [String: Int]

    public init(id: String, costPerParticipant: Int, capacity: Int, jp: Int, raises: [String: Int]) {
        self.id = id
        self.costPerParticipant = costPerParticipant
        self.capacity = capacity
        self.jp = jp
        self.raises = raises
    }
}

/// An employee who may be enrolled.
public struct PlanCandidate: Sendable, Equatable {
    public var id: String
    /// PNS have the 20 JP right; everyone else is treated as PPPK and capped at 24 JP.
    public var isPNS: Bool
    /// JP already credited this year (from the JP ledger).
    public var jpSoFar: Int
    /// Competency code → positive gap (standard level − current level); non-positive entries are ignored.
    public var gaps: [String: Int]
    /// Competency code → weight for this employee only, overriding the plan's global weight for
    /// that code (e.g. Pelayanan Publik counts double for front-line staff). Codes not listed
    /// fall back to the global weight, then to 1.
    public var weights: [String: Double]

    public init(id: String, isPNS: Bool, jpSoFar: Int, gaps: [String: Int], weights: [String: Double] = [:]) {
        self.id = id
        self.isPNS = isPNS
        self.jpSoFar = jpSoFar
        self.gaps = gaps
        self.weights = weights
    }
}

/// One chosen enrolment.
public struct PlanEnrolment: Sendable, Hashable {
    public var candidate: String
    public var programme: String

    public init(candidate: String, programme: String) {
        self.candidate = candidate
        self.programme = programme
    }
}

public struct PlanResult: Sendable {
    /// Sorted by candidate id, then programme id.
    public var enrolments: [PlanEnrolment]
    public var totalCost: Int
    /// Σ over candidates and competencies of weight × min(gap, levels raised by all their enrolments),
    /// with each candidate's own weight for a code taking precedence over the global one.
    public var gapClosed: Double
    /// Share of PNS candidates at ≥ 20 JP after the plan (1 when there are no PNS: nobody's right is unmet).
    public var jpCoverage: Double
    /// PNS candidates at ≥ 20 JP after the plan (jpSoFar + planned JP), counting those who were
    /// already there: the head count the compliance report states next to the share.
    public var employeesReaching20Jp: Int
    /// No plan can close more weighted gap than this (see `PlanOptimiser.upperBound`), so
    /// `gapClosed / upperBound` tells the planner how far the heuristic could at most be from optimal.
    public var upperBound: Double
    /// Bounds for the lexicographic objective (first PNS at 20 JP, then gap).
    public var bounds: PlanBounds
    public var method: PlanMethod
}

/// What no feasible plan can beat: `employeesReaching20Jp` — no plan brings more PNS to 20 JP
/// (counting those already there); `gapClosed` — no plan that brings at least as many PNS to
/// 20 JP as this one closes more weighted gap. From LP relaxations and the solver's best bound,
/// never from a heuristic's value.
public struct PlanBounds: Sendable, Equatable {
    public var employeesReaching20Jp: Int
    public var gapClosed: Double

    public init(employeesReaching20Jp: Int, gapClosed: Double) {
        self.employeesReaching20Jp = employeesReaching20Jp
        self.gapClosed = gapClosed
    }
}

/// How the plan was found.
public enum PlanMethod: String, Sendable {
    /// The heuristic's plan (instance too large for the solver, no solver, or it found nothing better).
    case heuristic
    /// Improved by the solver within its time limit, not proven optimal.
    case solver
    /// Proven optimal for both figures by the solver.
    case optimal
}
