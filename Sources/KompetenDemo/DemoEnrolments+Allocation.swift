import KompetenCore

/// Who goes where: employees placed in batches by their gaps, the story's waves and the JP rules.
extension DemoEnrolmentPlanner {
    // MARK: - Enrolments

    /// The improving OPDs first (their wave fills the first-half batches), then everyone else in
    /// a random order, so that the full batches fall on random people.
    mutating func allocate(rng: inout DemoRandom) {
        var rest = active.filter { group[$0] != .improving }
        rng.shuffle(&rest)
        let order = active.filter { group[$0] == .improving } + rest
        records.reserveCapacity(order.count * 2)
        var taken = [Int](repeating: -1, count: programmes.count)
        var mark = taken
        for e in order { plan(e, taken: &taken, mark: &mark, rng: &rng) }
    }

    /// `taken[p] == e`: employee `e` already has an enrolment (of any status) in programme `p`.
    mutating func plan(_ e: Int, taken: inout [Int], mark: inout [Int], rng: inout DemoRandom) {
        let employee = instansi.employees[e]
        let pns = employee.employmentType == .pns
        let g = group[e]
        let r = rng.unit()
        var target: Int
        var limit: Int
        if pns {
            let (meet, low) =
                switch g {
                case .improving: (0.96, 0.03)
                case .lagging: (0.22, 0.25)
                case .normal: (0.77, 0.03)
                }
            if r < meet {
                target = JPRule.minimumPNS + (rng.chance(0.4) ? rng.int(in: 4...30) : 0)
                limit = Int.max
            } else if r < meet + low {
                target = rng.int(in: 4...16)
                limit = JPRule.minimumPNS - 1
            } else {
                return
            }
        } else {
            guard r < (g == .improving ? 0.85 : g == .lagging ? 0.1 : 0.16) else { return }
            target = rng.int(in: 8...JPRule.maximumPPPK)
            limit = JPRule.maximumPPPK
        }
        let kind: PositionKind? = positionOf[e] >= 0 ? positionKind[positionOf[e]] : nil
        let kindBit = Self.bit(kind)
        // The lagging OPDs' gap is not addressed: their staff are (nearly) never sent to M.5.
        let avoidPublicService = g == .lagging && rng.chance(0.9)
        let candidates = self.candidates(
            e, kindBit: kindBit, pns: pns, avoidPublicService: avoidPublicService,
            mark: &mark, rng: &rng)
        var waitlisted = false

        func fits(_ p: Int, _ planned: Bool) -> Bool {
            let jp = self.jp[p]
            return planned ? (pns || plannedJP[e] + completedJP[e] + jp <= limit) : completedJP[e] + jp <= limit
        }

        // Leadership training for a few structural officials (never for those meant to stay below 20 JP).
        if pns, kind != nil, limit == Int.max, rng.chance(0.12) {
            for p in leadership where taken[p] != e && eligible(p, kindBit: kindBit, pns: pns) {
                if !enrol(e, p, completed: true, firstHalf: false, taken: &taken, rng: &rng) {
                    _ = enrol(e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng)
                }
                break
            }
        }

        // The improving OPDs' wave: public service and their technical competency, first half.
        if g == .improving {
            for p in publicService where taken[p] != e && eligible(p, kindBit: kindBit, pns: pns) && fits(p, false) {
                if enrol(e, p, completed: true, firstHalf: true, taken: &taken, rng: &rng) { break }
            }
            if let pos = positionOf[e] >= 0 ? positionOf[e] : nil {
                outer: for s in standards[pos] where !isNational[s.code] {
                    let list = byCode[s.code]
                    guard !list.isEmpty else { continue }
                    let off = rng.below(list.count)
                    for k in 0..<list.count {
                        let p = list[(off + k) % list.count]
                        guard taken[p] != e, roles[p] == .regular, eligible(p, kindBit: kindBit, pns: pns),
                            fits(p, false)
                        else { continue }
                        if enrol(e, p, completed: true, firstHalf: true, taken: &taken, rng: &rng) { break outer }
                    }
                }
            }
        }

        // Completed training, following the gaps, up to the target (and at most six).
        var completedCount = 0
        for p in candidates where completedJP[e] < target && completedCount < 6 {
            guard taken[p] != e, fits(p, false) else { continue }
            if enrol(e, p, completed: true, firstHalf: false, taken: &taken, rng: &rng) { completedCount += 1 }
        }

        // Something planned for November/December or next year; more likely when short of 20 JP.
        let short = pns && completedJP[e] < JPRule.minimumPNS
        if !candidates.isEmpty, rng.chance(short ? 0.6 : 0.25) {
            let off = rng.below(candidates.count)
            for k in 0..<candidates.count {
                let p = candidates[(off + k) % candidates.count]
                guard taken[p] != e, fits(p, true) else { continue }
                if enrol(
                    e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng,
                    waitlist: !waitlisted && rng.chance(0.07), waitlisted: &waitlisted)
                {
                    break
                }
            }
        }

        // Tugas belajar for a very few younger PNS, starting in August.
        if pns, employee.birthDate.year >= year - 42, !education.isEmpty, rng.chance(0.006) {
            let p = education[rng.below(education.count)]
            if taken[p] != e { _ = enrol(e, p, completed: false, firstHalf: false, taken: &taken, rng: &rng) }
        }

        // A handful of cancellations (no seat held).
        if rng.chance(0.012), !candidates.isEmpty {
            let p = candidates[rng.below(candidates.count)]
            let list = batchesOf[p]
            if taken[p] != e, !list.isEmpty {
                taken[p] = e
                records.append(
                    Record(employee: e, batch: list[rng.below(list.count)], status: .cancelled, attendance: nil))
            }
        }
    }

    /// PositionKind as a bit, 0 when unknown.
    static func bit(_ kind: PositionKind?) -> UInt8 {
        guard let kind, let i = PositionKind.allCases.firstIndex(of: kind) else { return 0 }
        return 1 << UInt8(i)
    }

    // `eligible`, `add` and `candidates` only read `self`; they are `mutating` because a debug
    // build copies the whole planner (all its arrays) when a non-mutating method is called from a
    // mutating one, which made the city take seconds instead of a fraction of one.
    mutating func eligible(_ p: Int, kindBit: UInt8, pns: Bool) -> Bool {
        (pns || !pnsOnly[p]) && (kindMask[p] == 0 || kindMask[p] & kindBit != 0)
    }

    /// Programmes for `e`, most wanted first: those raising the competencies with the largest
    /// gaps (standard above the latest counted level), then the rest of the standard (technical
    /// first), then the general offer. Each list is entered at a random point. `mark[p] == e`
    /// while building: `p` is in the list already.
    mutating func candidates(
        _ e: Int, kindBit: UInt8, pns: Bool, avoidPublicService: Bool, mark: inout [Int],
        rng: inout DemoRandom
    ) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(48)
        var codes: [(code: Int, priority: Double)] = []
        if positionOf[e] >= 0 {
            let standard = standards[positionOf[e]]
            codes.reserveCapacity(standard.count)
            for s in standard {
                let level = Int(latest[e * count + s.code])
                let gap = level > 0 ? s.level - level : 0
                // Gaps first (bigger first), then technical, then the rest; random within.
                let priority = gap > 0 ? Double(10 * gap) : isNational[s.code] ? 0 : 2
                codes.append((s.code, priority + rng.unit() * 3))
            }
        }
        // Insertion sort: at most a dozen entries (and no generic sort in debug builds).
        for i in codes.indices.dropFirst() {
            var j = i
            let item = codes[i]
            while j > 0, codes[j - 1].priority < item.priority {
                codes[j] = codes[j - 1]
                j -= 1
            }
            codes[j] = item
        }
        for c in codes { add(byCode[c.code], e, kindBit, pns, avoidPublicService, &out, &mark, &rng) }
        add(general, e, kindBit, pns, avoidPublicService, &out, &mark, &rng)
        return out
    }

    mutating func add(
        _ list: [Int], _ e: Int, _ kindBit: UInt8, _ pns: Bool, _ avoidPublicService: Bool,
        _ out: inout [Int], _ mark: inout [Int], _ rng: inout DemoRandom
    ) {
        guard !list.isEmpty else { return }
        let off = rng.below(list.count)
        for k in 0..<list.count {
            let p = list[(off + k) % list.count]
            if mark[p] != e, eligible(p, kindBit: kindBit, pns: pns), !(avoidPublicService && raisesM5[p]) {
                mark[p] = e
                out.append(p)
            }
        }
    }

    /// Places `e` in a batch of `p` that is over (`completed`) or still to come, preferring the
    /// first half of the year when `firstHalf`. When every coming batch is full, `waitlist` puts
    /// `e` on the waiting list of one of them instead.
    mutating func enrol(
        _ e: Int, _ p: Int, completed: Bool, firstHalf: Bool, taken: inout [Int],
        rng: inout DemoRandom
    ) -> Bool {
        var none = true
        return enrol(
            e, p, completed: completed, firstHalf: firstHalf, taken: &taken, rng: &rng,
            waitlist: false, waitlisted: &none)
    }

    mutating func enrol(
        _ e: Int, _ p: Int, completed: Bool, firstHalf: Bool, taken: inout [Int],
        rng: inout DemoRandom, waitlist: Bool, waitlisted: inout Bool
    ) -> Bool {
        let list = batchesOf[p]
        guard !list.isEmpty else { return false }
        let off = rng.below(list.count)
        var chosen = -1
        var full = -1
        for pass in 0..<(firstHalf ? 2 : 1) where chosen < 0 {
            for k in 0..<list.count {
                let b = list[(off + k) % list.count]
                let end = batchEnd[b]
                guard (end <= today) == completed else { continue }
                if firstHalf, pass == 0, end > midYear { continue }
                if batchUsed[b] >= batchCapacity[b] {
                    full = b
                    continue
                }
                chosen = b
                break
            }
        }
        guard chosen >= 0 else {
            if waitlist, !completed, full >= 0 {
                taken[p] = e
                waitlisted = true
                records.append(Record(employee: e, batch: full, status: .waitlisted, attendance: nil))
            }
            return false
        }
        batchUsed[chosen] += 1
        taken[p] = e
        if completed {
            // Attendance is high for most; 80 % is the minimum for a certificate.
            let attendance = 100 - min(rng.below(21), rng.below(21))
            records.append(Record(employee: e, batch: chosen, status: .completed, attendance: attendance))
            if batchEnd[chosen] >= yearStart, batchEnd[chosen] <= yearEnd { completedJP[e] += jp[p] }
        } else {
            records.append(Record(employee: e, batch: chosen, status: .enrolled, attendance: nil))
            if batchEnd[chosen] <= yearEnd { plannedJP[e] += jp[p] }
        }
        return true
    }
}
