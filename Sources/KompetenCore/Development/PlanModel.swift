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
        self.id = id; self.costPerParticipant = costPerParticipant; self.capacity = capacity
        self.jp = jp; self.raises = raises
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

    public init(id: String, isPNS: Bool, jpSoFar: Int, gaps: [String: Int]) {
        self.id = id; self.isPNS = isPNS; self.jpSoFar = jpSoFar; self.gaps = gaps
    }
}

/// One chosen enrolment.
public struct PlanEnrolment: Sendable, Hashable {
    public var candidate: String
    public var programme: String

    public init(candidate: String, programme: String) {
        self.candidate = candidate; self.programme = programme
    }
}

public struct PlanResult: Sendable {
    /// Sorted by candidate id, then programme id.
    public var enrolments: [PlanEnrolment]
    public var totalCost: Int
    /// Σ over candidates and competencies of weight × min(gap, levels raised by all their enrolments).
    public var gapClosed: Double
    /// Share of PNS candidates at ≥ 20 JP after the plan (1 when there are no PNS: nobody's right is unmet).
    public var jpCoverage: Double
    /// No plan can close more weighted gap than this (see `PlanOptimiser.upperBound`), so
    /// `gapClosed / upperBound` tells the planner how far the heuristic could at most be from optimal.
    public var upperBound: Double
}

/// The instance, checked once: indices instead of ids inside the algorithm, gaps and raises
/// reduced to the competencies that matter, weights defaulting to 1.
struct PlanInstance {
    let programmes: [PlanProgramme]
    let candidates: [PlanCandidate]
    let budget: Int
    /// gaps[i]: competency → (positive gap, weight) of candidate i.
    let gaps: [[String: (gap: Int, weight: Double)]]

    init(programmes: [PlanProgramme], candidates: [PlanCandidate], weights: [String: Double], budget: Int) {
        // Sorted by id so every loop visits in the same order: the result must be reproducible.
        self.programmes = programmes.sorted { $0.id < $1.id }
        self.candidates = candidates.sorted { $0.id < $1.id }
        self.budget = max(0, budget)
        gaps = self.candidates.map { c in
            var g: [String: (gap: Int, weight: Double)] = [:]
            for (code, gap) in c.gaps where gap > 0 { g[code] = (gap, weights[code] ?? 1) }
            return g
        }
    }

    func cost(_ p: Int) -> Int { max(0, programmes[p].costPerParticipant) }

    /// Weighted gap closed by programme p for candidate i taken alone.
    func standAlone(_ i: Int, _ p: Int) -> Double {
        var v = 0.0
        for (code, r) in programmes[p].raises where r > 0 {
            if let g = gaps[i][code] { v += g.weight * Double(min(g.gap, r)) }
        }
        return v
    }

    /// A PPPK may not go past 24 JP; a PNS has no cap.
    func jpAllowed(_ i: Int, plannedJP: Int) -> Bool {
        candidates[i].isPNS || candidates[i].jpSoFar + plannedJP <= JPRule.maximumPPPK
    }
}
