/// For the swap phase: per programme, the two candidates who would gain most from enrolling in
/// it (ties: smaller index), among those not enrolled in it yet and within the PPPK JP cap;
/// seats and budget are ignored here and checked by the caller.
///
/// Why this is enough: dropping one enrolment (i, p) leaves everyone but i exactly as they were
/// apart from one freed seat and its money, so the best replacement outside i is the top entry
/// of some programme whose seat and price now fit — found in O(programmes) per dropped pair
/// instead of O(candidates × programmes). Two per programme, because the top one may be i.
struct BestAdditions {
    typealias Entry = (j: Int, gain: Double)
    private var first: [Entry?]
    private var second: [Entry?]

    init(_ state: PlanState) {
        first = Array(repeating: nil, count: state.inst.programmeCount)
        second = first
        for q in 0..<state.inst.programmeCount { rescan(state, q) }
    }

    func top(_ q: Int, excluding i: Int) -> Entry? {
        first[q]?.j == i ? second[q] : first[q]
    }

    /// Brings the table up to date after the enrolments of the candidates in `rows` changed (and
    /// nobody else's). A programme whose top two include one of them is rescanned, since their
    /// gain may have fallen below a third candidate's; elsewhere the only possible change is one
    /// of them climbing into the top two. Returns the pairs looked at.
    mutating func update(_ state: PlanState, rows: [Int]) -> Int {
        let m = state.inst.programmeCount
        var dirty = Array(repeating: false, count: m)
        for k in rows {
            for q in 0..<m where first[q]?.j == k || second[q]?.j == k { dirty[q] = true }
        }
        var work = 0
        var seen = Set<Int>()
        for k in rows where seen.insert(k).inserted {
            work += m
            for q in 0..<m where !dirty[q] {
                if let g = Self.eligibleGain(state, k, q) { insert(q, (k, g)) }
            }
        }
        for q in 0..<m where dirty[q] {
            work += state.inst.candidateCount
            rescan(state, q)
        }
        return work
    }

    /// The gain of (j, q) if j could be added to q seats and budget permitting, else nil.
    private static func eligibleGain(_ state: PlanState, _ j: Int, _ q: Int) -> Double? {
        guard !state.isChosen(j, q),
            state.inst.jpAllowed(j, plannedJP: state.plannedJP[j] + state.inst.jp(q))
        else { return nil }
        let g = state.gain(j, q)
        return g > PlanOptimiser.epsilon ? g : nil
    }

    /// More gain first, then the smaller index: the order a full scan keeping the first strictly
    /// better candidate would produce.
    private static func outranks(_ a: Entry, _ b: Entry?) -> Bool {
        guard let b else { return true }
        return a.gain > b.gain || (a.gain == b.gain && a.j < b.j)
    }

    private mutating func insert(_ q: Int, _ e: Entry) {
        if Self.outranks(e, first[q]) {
            second[q] = first[q]
            first[q] = e
        } else if Self.outranks(e, second[q]) {
            second[q] = e
        }
    }

    private mutating func rescan(_ state: PlanState, _ q: Int) {
        first[q] = nil
        second[q] = nil
        for j in 0..<state.inst.candidateCount {
            if let g = Self.eligibleGain(state, j, q) { insert(q, (j, g)) }
        }
    }
}
