/// A small, solver-neutral mixed-integer linear programme (maximised) and the protocol a MIP
/// solver implements, so the plan rules stay pure Swift: `PlanExact` builds the model, a
/// `MIPSolver` (CBC in production, `CbcMIPSolver`) solves it, and tests can put the answers next
/// to a brute force.
public struct MIPModel: Sendable {
    public struct Row: Sendable {
        public var columns: [Int]
        public var coefficients: [Double]
        public var lower: Double
        public var upper: Double
    }

    public private(set) var objective: [Double] = []
    public private(set) var lower: [Double] = []
    public private(set) var upper: [Double] = []
    public private(set) var integer: [Bool] = []
    public private(set) var rows: [Row] = []

    public init() {}

    public var columnCount: Int { objective.count }

    @discardableResult
    public mutating func addColumn(objective c: Double, lower l: Double = 0, upper u: Double, integer isInt: Bool)
        -> Int
    {
        objective.append(c)
        lower.append(l)
        upper.append(u)
        integer.append(isInt)
        return objective.count - 1
    }

    /// lower ≤ Σ coefficients × columns ≤ upper (either side may be infinite).
    public mutating func addRow(
        _ columns: [Int], _ coefficients: [Double], lower l: Double = -.infinity, upper u: Double = .infinity
    ) {
        precondition(columns.count == coefficients.count)
        rows.append(Row(columns: columns, coefficients: coefficients, lower: l, upper: u))
    }

    public mutating func setObjective(_ c: [Double]) {
        precondition(c.count == objective.count)
        objective = c
    }
}

public struct MIPSolution: Sendable {
    public enum Status: Sendable, Equatable {
        /// The values are optimal (within the solver's tolerances).
        case optimal
        /// Feasible values, not proven optimal (time limit).
        case feasible
        /// No feasible values known (time limit before the first one, or infeasible).
        case none
    }

    public var status: Status
    /// One per column; empty when `status == .none`.
    public var values: [Double]
    public var objective: Double
    /// No feasible solution has a larger objective: the solver's best bound (LP relaxation and
    /// branch and bound), `.infinity` when the solver could not give one. Never a heuristic value.
    public var bound: Double

    public init(status: Status, values: [Double], objective: Double, bound: Double) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
    }
}

public protocol MIPSolver: Sendable {
    /// Maximises within `timeLimit` seconds; `start` (one value per column) is a feasible
    /// solution the solver may start from.
    func maximise(_ model: MIPModel, timeLimit: Double, start: [Double]?) -> MIPSolution
}
