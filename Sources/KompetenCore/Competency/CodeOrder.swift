/// The order competency codes are listed in: numbers inside a code compare by value
/// (`M.2` before `M.10`), letters without regard to case (`M.2` before `m.3`). Foundation's
/// `localizedStandardCompare` gives the same order for such codes but builds an ICU collator per
/// comparison: sorting one person's ten-code standard took about 0.3 ms of CPU on the 2-core
/// server, more than the rest of the gap API's work in Swift.
public enum CodeOrder {
    /// True when `a` is listed before `b`. Codes equal but for case fall back to plain order,
    /// so the sort is total and the same on every run.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        switch compare(Array(a.utf8), Array(b.utf8)) {
        case .some(let before): return before
        case .none: return a < b
        }
    }

    /// nil when the two are equal as codes.
    private static func compare(_ a: [UInt8], _ b: [UInt8]) -> Bool? {
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if isDigit(a[i]), isDigit(b[j]) {
                let (x, nextI) = number(a, from: i)
                let (y, nextJ) = number(b, from: j)
                if x != y { return x < y }
                i = nextI
                j = nextJ
            } else {
                let x = lower(a[i])
                let y = lower(b[j])
                if x != y { return x < y }
                i += 1
                j += 1
            }
        }
        if i < a.count || j < b.count { return i >= a.count } // a prefix comes first
        return nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

    /// The value of the digit run at `start` (leading zeros ignored; long runs saturate) and where it ends.
    private static func number(_ s: [UInt8], from start: Int) -> (UInt64, Int) {
        var value: UInt64 = 0
        var k = start
        while k < s.count, isDigit(s[k]) {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(s[k] - 0x30))
            value = o1 || o2 ? UInt64.max : plus
            k += 1
        }
        return (value, k)
    }
}
