import CCbc
import Foundation

/// `MIPSolver` on COIN-OR CBC 2.10 (Debian `coinor-libcbc-dev`) through its C interface.
///
/// CBC minimises here: the model's objective is negated going in and the results coming out, so
/// "best possible" (a lower bound of the minimum) becomes an upper bound of the maximum without
/// relying on how the C interface reports bounds under a maximising sense.
public struct CbcMIPSolver: MIPSolver {
    /// Prints CBC's status after each solve (tests and benchmarks only).
    public var debug = false

    public init(debug: Bool = false) { self.debug = debug }

    /// CBC 2.10's solve keeps state in statics (CbcMain's parameter tables): two solves at once
    /// in one process — two admins optimising, or parallel tests — corrupted each other and came
    /// back unsolved without a bound. One solve at a time per process.
    private static let solving = NSLock()

    public func maximise(_ m: MIPModel, timeLimit: Double, start: [Double]?) -> MIPSolution {
        Self.solving.withLock { solve(m, timeLimit: timeLimit, start: start) }
    }

    private func solve(_ m: MIPModel, timeLimit: Double, start: [Double]?) -> MIPSolution {
        let n = m.columnCount
        guard n > 0 else { return MIPSolution(status: .optimal, values: [], objective: 0, bound: 0) }
        // Column-major (compressed sparse column) copy of the rows.
        var counts = [Int](repeating: 0, count: n)
        for r in m.rows { for c in r.columns { counts[c] += 1 } }
        var starts = [CoinBigIndex](repeating: 0, count: n + 1)
        for j in 0..<n { starts[j + 1] = starts[j] + CoinBigIndex(counts[j]) }
        let nz = Int(starts[n])
        var index = [Int32](repeating: 0, count: nz)
        var value = [Double](repeating: 0, count: nz)
        var fill = starts.map { Int($0) }
        for (k, r) in m.rows.enumerated() {
            for (c, a) in zip(r.columns, r.coefficients) {
                index[fill[c]] = Int32(k)
                value[fill[c]] = a
                fill[c] += 1
            }
        }
        // CLP reads anything beyond 1e30 as infinite; DBL_MAX is COIN_DBL_MAX.
        func finite(_ x: Double) -> Double {
            x == .infinity ? .greatestFiniteMagnitude : (x == -.infinity ? -.greatestFiniteMagnitude : x)
        }
        let colLower = m.lower.map(finite)
        let colUpper = m.upper.map(finite)
        let obj = m.objective.map { -$0 }
        let rowLower = m.rows.map { finite($0.lower) }
        let rowUpper = m.rows.map { finite($0.upper) }

        guard let model = Cbc_newModel() else {
            return MIPSolution(status: .none, values: [], objective: 0, bound: .infinity)
        }
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        Cbc_loadProblem(
            model, Int32(n), Int32(m.rows.count), starts, index, value, colLower, colUpper, obj, rowLower, rowUpper)
        Cbc_setObjSense(model, 1)
        for j in 0..<n where m.integer[j] { Cbc_setInteger(model, Int32(j)) }
        // Wall-clock time: CBC counts process CPU time by default, which in a multi-threaded
        // server includes every other thread's work and would end solves at random.
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(model, max(0.05, timeLimit))
        // One thread: the server runs several requests, and results must not depend on timing of threads.
        Cbc_setParameter(model, "threads", "0")
        if let start, start.count == n {
            let cols = (0..<n).map { Int32($0) }
            Cbc_setMIPStartI(model, Int32(n), cols, start)
        }
        _ = Cbc_solve(model)

        let lowerMin = Cbc_getBestPossibleObjValue(model)
        if debug {
            print(
                "cbc: cols \(n) rows \(m.rows.count) status \(Cbc_status(model)) secondary \(Cbc_secondaryStatus(model)) optimal \(Cbc_isProvenOptimal(model)) abandoned \(Cbc_isAbandoned(model)) bestPossible \(lowerMin) obj \(Cbc_getObjValue(model)) hasSolution \(Cbc_bestSolution(model) != nil)"
            )
        }
        let bound = lowerMin.isFinite && abs(lowerMin) < 1e29 && Cbc_isAbandoned(model) == 0 ? -lowerMin : .infinity
        guard Cbc_isProvenInfeasible(model) == 0, let best = Cbc_bestSolution(model) else {
            return MIPSolution(
                status: .none, values: [], objective: 0, bound: Cbc_isProvenInfeasible(model) != 0 ? -.infinity : bound)
        }
        let values = Array(UnsafeBufferPointer(start: best, count: n))
        let objective = zip(values, m.objective).reduce(0) { $0 + $1.0 * $1.1 }
        let optimal = Cbc_isProvenOptimal(model) != 0
        // A proven optimum is its own bound (up to tolerance); the reported bound is never below it.
        return MIPSolution(
            status: optimal ? .optimal : .feasible, values: values, objective: objective,
            bound: optimal ? max(objective, min(bound, objective)) : max(bound, objective))
    }
}
