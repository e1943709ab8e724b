/// A binary max-heap of candidate enrolments for the lazy greedy (`PlanOptimiser.fill`).
///
/// Order: more newly closed gap per rupiah first, then more gap, then the smaller candidate index,
/// then the smaller programme index. The last two make the order total, which is what keeps the
/// plan deterministic and identical to a full scan that keeps the first strictly better pair.
struct PlanHeap {
    struct Entry {
        /// gain / cost; +∞ for a free programme, so free gap is taken first, largest gain first.
        let ratio: Double
        let gain: Double
        let i: Int
        let p: Int

        init(gain: Double, cost: Int, i: Int, p: Int) {
            self.gain = gain
            self.ratio = cost == 0 ? .infinity : gain / Double(cost)
            self.i = i
            self.p = p
        }

        /// True when `self` should be taken before `other`.
        func outranks(_ other: Entry) -> Bool {
            if ratio != other.ratio { return ratio > other.ratio }
            if gain != other.gain { return gain > other.gain }
            if i != other.i { return i < other.i }
            return p < other.p
        }
    }

    private var items: [Entry]

    /// Builds the heap bottom-up in O(n), cheaper than n pushes for the ~10⁵ pairs of a city.
    init(_ entries: [Entry]) {
        items = entries
        var k = items.count / 2
        while k > 0 {
            k -= 1
            siftDown(k)
        }
    }

    var top: Entry? { items.first }

    mutating func push(_ e: Entry) {
        items.append(e)
        siftUp(items.count - 1)
    }

    mutating func pop() -> Entry? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            siftDown(0)
        }
        return first
    }

    private mutating func siftUp(_ start: Int) {
        var k = start
        let e = items[k]
        while k > 0 {
            let parent = (k - 1) / 2
            guard e.outranks(items[parent]) else { break }
            items[k] = items[parent]
            k = parent
        }
        items[k] = e
    }

    private mutating func siftDown(_ start: Int) {
        var k = start
        let e = items[k]
        let n = items.count
        while true {
            var child = 2 * k + 1
            guard child < n else { break }
            if child + 1 < n && items[child + 1].outranks(items[child]) { child += 1 }
            guard items[child].outranks(e) else { break }
            items[k] = items[child]
            k = child
        }
        items[k] = e
    }
}
