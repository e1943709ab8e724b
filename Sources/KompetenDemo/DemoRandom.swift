/// SplitMix64 (Steele, Lea & Flood 2014). Demo data must be identical on every run and platform,
/// so neither `SystemRandomNumberGenerator` nor the stdlib's `random(in:using:)`/`shuffle` is
/// used: their algorithms are not part of any stability promise. Everything here is fixed
/// integer arithmetic.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A seed for an independent stream, e.g. one per instansi, so that adding an instansi to
    /// the file does not change the people of the others.
    static func derive(_ seed: UInt64, _ salt: UInt64) -> UInt64 {
        var r = DemoRandom(seed: seed ^ (salt &* 0xD1B5_4A32_D192_ED03))
        return r.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` by multiply-high; the bias (< n / 2⁶⁴) is irrelevant for demo data.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in [0, 1), from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
    }
}
