// The working parts of the QR encoder (QRCode.swift): the bit buffer that collects the data
// stream, and the module grid that function patterns, codewords, masks and the penalty score
// are drawn on and read from.

/// Append-only big-endian bit buffer.
struct QRBitBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var bitCount = 0

    mutating func append(_ value: Int, bitCount count: Int) {
        guard count > 0 else { return }
        for shift in stride(from: count - 1, through: 0, by: -1) {
            let bit = (value >> shift) & 1
            if bitCount % 8 == 0 { bytes.append(0) }
            if bit != 0 {
                bytes[bytes.count - 1] |= UInt8(0x80 >> (bitCount % 8))
            }
            bitCount += 1
        }
    }
}

/// Mutable module grid used while building a symbol.
struct QRModuleGrid {
    let version: Int
    let size: Int
    /// Row-major; `true` = dark.
    var dark: [Bool]
    /// Row-major; `true` for function patterns, format and version information.
    var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    private mutating func setFunction(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    // MARK: Function patterns (clause 6.3)

    mutating func drawFunctionPatterns(correction: QRErrorCorrection) {
        // Timing patterns (row 6 and column 6).
        for i in 0..<size {
            setFunction(x: 6, y: i, dark: i % 2 == 0)
            setFunction(x: i, y: 6, dark: i % 2 == 0)
        }
        // Finder patterns with separators.
        drawFinder(centerX: 3, centerY: 3)
        drawFinder(centerX: size - 4, centerY: 3)
        drawFinder(centerX: 3, centerY: size - 4)
        // Alignment patterns, except the three overlapping the finders.
        let positions = QRCodeTables.alignmentPatternPositions(version: version)
        let last = positions.count - 1
        for (i, row) in positions.enumerated() {
            for (j, column) in positions.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) {
                    continue
                }
                drawAlignment(centerX: column, centerY: row)
            }
        }
        // Reserve format area (real bits are drawn after masking) and the dark module.
        drawFormatInformation(correction: correction, mask: 0)
        drawVersionInformation()
    }

    private mutating func drawFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx
                let y = centerY + dy
                guard x >= 0, y >= 0, x < size, y < size else { continue }
                let distance = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: distance != 2 && distance != 4)
            }
        }
    }

    private mutating func drawAlignment(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Format information (clause 7.9): 5 data bits + BCH(15,5) remainder, XOR 0x5412,
    /// in both copies, plus the dark module at (8, size − 8).
    mutating func drawFormatInformation(correction: QRErrorCorrection, mask: Int) {
        let bits = QRModuleGrid.formatBits(correction: correction, mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 != 0 }

        // First copy, around the top-left finder.
        for i in 0...5 {
            setFunction(x: 8, y: i, dark: bit(i))
        }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9..<15 {
            setFunction(x: 14 - i, y: 8, dark: bit(i))
        }
        // Second copy, split between the top-right and bottom-left finders.
        for i in 0..<8 {
            setFunction(x: size - 1 - i, y: 8, dark: bit(i))
        }
        for i in 8..<15 {
            setFunction(x: 8, y: size - 15 + i, dark: bit(i))
        }
        setFunction(x: 8, y: size - 8, dark: true) // dark module
    }

    /// Version information (clause 7.10), versions 7 and up: 6 bits + BCH(18,6) remainder.
    private mutating func drawVersionInformation() {
        guard version >= 7 else { return }
        let bits = QRModuleGrid.versionBits(version: version)
        for i in 0..<18 {
            let value = (bits >> i) & 1 != 0
            let a = size - 11 + i % 3
            let b = i / 3
            setFunction(x: a, y: b, dark: value) // top-right block
            setFunction(x: b, y: a, dark: value) // bottom-left block
        }
    }

    /// The 15 format information bits: EC level (2) + mask (3), BCH(15,5) remainder
    /// with generator 0x537, XOR-masked with 0x5412.
    static func formatBits(correction: QRErrorCorrection, mask: Int) -> Int {
        let data = correction.qrFormatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version information bits: version (6) + BCH(18,6) remainder (generator 0x1F25).
    static func versionBits(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
        }
        return version << 12 | remainder
    }

    // MARK: Codeword placement (clause 7.7.3)

    /// Places the bit stream in two-module columns, zig-zagging upwards and downwards
    /// from the bottom-right corner, skipping the vertical timing pattern column.
    /// Modules left over (remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = ((right + 1) & 2) == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for j in 0..<2 {
                    let index = y * size + right - j
                    if !isFunction[index] && bitIndex < totalBits {
                        dark[index] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 != 0
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    // MARK: Masking (clause 7.8.2)

    /// XORs mask pattern `mask` onto every non-function module (i = row y, j = column x).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size {
                let index = y * size + x
                if isFunction[index] { continue }
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = (x * y) % 2 + (x * y) % 3 == 0
                case 6: invert = ((x * y) % 2 + (x * y) % 3) % 2 == 0
                default: invert = ((x + y) % 2 + (x * y) % 3) % 2 == 0
                }
                if invert { dark[index].toggle() }
            }
        }
    }

    // MARK: Penalty score (clause 7.8.3.1, Table 11)

    /// N1 = 3, N2 = 3, N3 = 40, N4 = 10.
    ///  - N1: each run of ≥ 5 same-colour modules in a row/column: 3 + (run − 5).
    ///  - N2: each 2×2 block of one colour: 3 (an m×n block scores 3·(m−1)·(n−1)).
    ///  - N3: each 1:1:3:1:1 dark-light-dark-light-dark pattern in a row/column that
    ///    is preceded or followed by 4 light modules (outside the symbol counts as
    ///    light): 40, counted once per occurrence.
    ///  - N4: 10 · k where the dark proportion deviates from 50 % by ≥ 5·k %.
    func penaltyScore() -> Int {
        var score = 0
        var line = [Bool](repeating: false, count: size)
        for y in 0..<size {
            for x in 0..<size { line[x] = dark[y * size + x] }
            score += linePenalty(line)
        }
        for x in 0..<size {
            for y in 0..<size { line[y] = dark[y * size + x] }
            score += linePenalty(line)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let value = dark[y * size + x]
                if value == dark[y * size + x + 1]
                    && value == dark[(y + 1) * size + x]
                    && value == dark[(y + 1) * size + x + 1]
                {
                    score += 3
                }
            }
        }
        var darkCount = 0
        for value in dark where value { darkCount += 1 }
        let total = size * size
        score += abs(darkCount * 20 - total * 10) / total * 10
        return score
    }

    /// N1 and N3 penalties of one row or column.
    private func linePenalty(_ line: [Bool]) -> Int {
        var score = 0
        // N1: runs.
        var runLength = 1
        for i in 1..<size {
            if line[i] == line[i - 1] {
                runLength += 1
            } else {
                if runLength >= 5 { score += runLength - 2 }
                runLength = 1
            }
        }
        if runLength >= 5 { score += runLength - 2 }
        // N3: finder-like pattern with a 4-module light area on either side.
        if size >= 7 {
            for start in 0...(size - 7) {
                guard line[start], !line[start + 1], line[start + 2], line[start + 3],
                    line[start + 4], !line[start + 5], line[start + 6]
                else { continue }
                if isLight(line, from: start - 4, to: start) || isLight(line, from: start + 7, to: start + 11) {
                    score += 40
                }
            }
        }
        return score
    }

    /// All modules in `from..<to` are light; positions outside the symbol count as light.
    private func isLight(_ line: [Bool], from: Int, to: Int) -> Bool {
        var i = max(from, 0)
        let end = min(to, size)
        while i < end {
            if line[i] { return false }
            i += 1
        }
        return true
    }
}
