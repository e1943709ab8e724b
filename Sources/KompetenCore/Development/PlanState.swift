/// A partial plan while the optimiser builds it. Tracks, per open gap, how many levels the chosen
/// programmes raise it together, so a gap is never closed twice: the value of a candidate's
/// enrolments is Σ_c weight_c × min(gap_c, Σ raises_c), whatever order they were added.
///
/// Everything is a flat array indexed by candidate, programme or gap slot, so `add` and `remove`
/// are O(raises of the programme) and never copy per-candidate containers (the JP phase used to
/// copy the whole state per PNS to be able to undo a failed lift; it now removes what it added).
struct PlanState {
    let inst: PlanInstance
    /// Chosen pairs as one bit per programme, `wordsPerCandidate` words per candidate: listing
    /// the chosen pairs (once per swap round) then skips 64 unchosen pairs per word.
    private var chosenBits: [UInt64]
    private let wordsPerCandidate: Int
    private(set) var seats: [Int] // enrolments per programme
    private(set) var cost = 0
    private(set) var plannedJP: [Int] // JP added by the plan per candidate
    private(set) var raised: [Int] // levels raised per gap slot (parallel to inst.gaps)
    private(set) var count = 0 // enrolments chosen

    init(_ inst: PlanInstance) {
        self.inst = inst
        wordsPerCandidate = (inst.programmeCount + 63) / 64
        chosenBits = Array(repeating: 0, count: inst.candidateCount * wordsPerCandidate)
        seats = Array(repeating: 0, count: inst.programmeCount)
        plannedJP = Array(repeating: 0, count: inst.candidateCount)
        raised = Array(repeating: 0, count: inst.gaps.count)
    }

    var budgetLeft: Int { inst.budget - cost }

    func isChosen(_ i: Int, _ p: Int) -> Bool {
        chosenBits[i * wordsPerCandidate + (p >> 6)] & (1 << UInt64(p & 63)) != 0
    }

    /// Weighted gap that enrolling candidate i in programme p would newly close: only the part of
    /// each gap still open counts.
    func gain(_ i: Int, _ p: Int) -> Double {
        var v = 0.0
        inst.forEachOverlap(i, p) { s, r in
            let g = inst.gaps[s]
            let now = raised[s]
            v += g.weight * Double(min(g.levels, now + r) - min(g.levels, now))
        }
        return v
    }

    /// Weighted gap that would reopen if the chosen enrolment (i, p) were dropped.
    func loss(_ i: Int, _ p: Int) -> Double {
        var v = 0.0
        inst.forEachOverlap(i, p) { s, r in
            let g = inst.gaps[s]
            let now = raised[s]
            v += g.weight * Double(min(g.levels, now) - min(g.levels, now - r))
        }
        return v
    }

    func totalJP(_ i: Int) -> Int { inst.candidates[i].jpSoFar + plannedJP[i] }

    /// A PNS whose 20 JP right is met after the plan.
    func lifted(_ i: Int) -> Bool { inst.candidates[i].isPNS && totalJP(i) >= JPRule.minimumPNS }

    /// Every hard constraint: once per programme, a free seat, the budget, the PPPK cap.
    func canAdd(_ i: Int, _ p: Int) -> Bool {
        !isChosen(i, p)
            && seats[p] < inst.programmes[p].capacity
            && inst.cost(p) <= budgetLeft
            && inst.jpAllowed(i, plannedJP: plannedJP[i] + inst.jp(p))
    }

    mutating func add(_ i: Int, _ p: Int) {
        precondition(!isChosen(i, p))
        chosenBits[i * wordsPerCandidate + (p >> 6)] |= 1 << UInt64(p & 63)
        count += 1
        seats[p] += 1
        cost += inst.cost(p)
        plannedJP[i] += inst.jp(p)
        inst.forEachOverlap(i, p) { s, r in raised[s] += r }
    }

    mutating func remove(_ i: Int, _ p: Int) {
        precondition(isChosen(i, p))
        chosenBits[i * wordsPerCandidate + (p >> 6)] &= ~(1 << UInt64(p & 63))
        count -= 1
        seats[p] -= 1
        cost -= inst.cost(p)
        plannedJP[i] -= inst.jp(p)
        inst.forEachOverlap(i, p) { s, r in raised[s] -= r }
    }

    var gapClosed: Double {
        var v = 0.0
        for s in inst.gaps.indices { v += inst.gaps[s].weight * Double(min(inst.gaps[s].levels, raised[s])) }
        return v
    }

    /// Chosen pairs in id order (indices follow the sorted ids).
    var pairs: [(i: Int, p: Int)] {
        var out: [(i: Int, p: Int)] = []
        out.reserveCapacity(count)
        for i in 0..<inst.candidateCount {
            for w in 0..<wordsPerCandidate {
                var bits = chosenBits[i * wordsPerCandidate + w]
                while bits != 0 {
                    out.append((i, w * 64 + bits.trailingZeroBitCount))
                    bits &= bits - 1
                }
            }
        }
        return out
    }
}
