/// The plan instance, checked once: indices instead of ids inside the algorithm, competency codes
/// interned to small integers, gaps and raises reduced to the competencies that matter, and every
/// gap carrying its effective weight.
///
/// Why flat arrays of small structs rather than dictionaries keyed by code: a city-size plan
/// evaluates the gain of a (candidate, programme) pair millions of times, and hashing strings
/// each time dominated the run time. A pair's gain is a merge of two short lists sorted by code
/// (≤ 10 gaps against 1–3 raises), which needs no hashing and no allocation.
struct PlanInstance {
    /// One open gap of one candidate.
    struct Gap {
        let code: Int
        let levels: Int
        /// candidate.weights[code] ?? global weights[code] ?? 1, never negative (see `effectiveWeight`).
        let weight: Double
    }

    /// Levels one programme raises in one competency (only competencies someone has a gap in).
    struct Raise {
        let code: Int
        let levels: Int
    }

    let programmes: [PlanProgramme]
    let candidates: [PlanCandidate]
    let budget: Int
    /// Gaps of candidate i are gaps[gapStart[i] ..< gapStart[i + 1]], sorted by code.
    let gaps: [Gap]
    let gapStart: [Int]
    /// Raises of programme p are raises[raiseStart[p] ..< raiseStart[p + 1]], sorted by code.
    let raises: [Raise]
    let raiseStart: [Int]
    /// Cost per participant, negative prices read as free (as before: a price is never a refund).
    private let costs: [Int]

    init(programmes: [PlanProgramme], candidates: [PlanCandidate], weights: [String: Double], budget: Int) {
        // Sorted by id so every loop visits in the same order: the result must be reproducible.
        self.programmes = programmes.sorted { $0.id < $1.id }
        self.candidates = candidates.sorted { $0.id < $1.id }
        self.budget = max(0, budget)
        costs = self.programmes.map { max(0, $0.costPerParticipant) }

        // Codes are numbered in sorted order, so sums over a candidate's gaps run in the same
        // order on every run (dictionary iteration order is not stable across processes).
        var codeSet = Set<String>()
        for c in self.candidates { for (code, gap) in c.gaps where gap > 0 { codeSet.insert(code) } }
        let codes = codeSet.sorted()
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })

        var gaps: [Gap] = []
        var gapStart = [0]
        for c in self.candidates {
            let own = c.gaps.compactMap { code, gap -> Gap? in
                guard gap > 0, let k = index[code] else { return nil }
                return Gap(
                    code: k, levels: gap,
                    weight: Self.effectiveWeight(c.weights[code] ?? weights[code] ?? 1))
            }
            gaps += own.sorted { $0.code < $1.code }
            gapStart.append(gaps.count)
        }
        self.gaps = gaps
        self.gapStart = gapStart

        var raises: [Raise] = []
        var raiseStart = [0]
        for p in self.programmes {
            // A raise of a code nobody lacks can never close anything, so it is dropped here.
            let own = p.raises.compactMap { code, r -> Raise? in
                guard r > 0, let k = index[code] else { return nil }
                return Raise(code: k, levels: r)
            }
            raises += own.sorted { $0.code < $1.code }
            raiseStart.append(raises.count)
        }
        self.raises = raises
        self.raiseStart = raiseStart
    }

    /// Weights below zero (and NaN) count as 0. A negative weight would mean "better not close
    /// this gap", which no rule asks for, and it would break two things the optimiser relies on:
    /// that a pair's gain only falls as its candidate gets more enrolments (the lazy greedy) and
    /// that stand-alone values over-count (the upper bound).
    static func effectiveWeight(_ w: Double) -> Double { w > 0 ? w : 0 }

    var candidateCount: Int { candidates.count }
    var programmeCount: Int { programmes.count }

    func cost(_ p: Int) -> Int { costs[p] }
    func jp(_ p: Int) -> Int { programmes[p].jp }

    /// Calls `body(gapSlot, raisedLevels)` for every competency where candidate i has a gap and
    /// programme p raises it. Both lists are sorted by code, so one merge pass finds them.
    @inline(__always)
    func forEachOverlap(_ i: Int, _ p: Int, _ body: (Int, Int) -> Void) {
        var s = gapStart[i]
        var r = raiseStart[p]
        let sEnd = gapStart[i + 1]
        let rEnd = raiseStart[p + 1]
        while s < sEnd && r < rEnd {
            let gc = gaps[s].code
            let rc = raises[r].code
            if gc == rc {
                body(s, raises[r].levels)
                s += 1
                r += 1
            } else if gc < rc {
                s += 1
            } else {
                r += 1
            }
        }
    }

    /// Weighted gap closed by programme p for candidate i taken alone.
    func standAlone(_ i: Int, _ p: Int) -> Double {
        var v = 0.0
        forEachOverlap(i, p) { s, r in v += gaps[s].weight * Double(min(gaps[s].levels, r)) }
        return v
    }

    /// A PPPK may not go past 24 JP; a PNS has no cap.
    func jpAllowed(_ i: Int, plannedJP: Int) -> Bool {
        candidates[i].isPNS || candidates[i].jpSoFar + plannedJP <= JPRule.maximumPPPK
    }
}
