// QR Code model 2 encoder (ISO/IEC 18004:2015), byte mode, versions 1…40.
//
// Pure Swift standard library; no Foundation. The pipeline follows clause 7.1:
//   1. data encoding (byte mode, UTF-8 bytes, no ECI header),
//   2. terminator, bit padding, pad codewords 0xEC/0x11,
//   3. split into blocks, Reed–Solomon EC per block (GF(256), 0x11D), interleave,
//   4. function patterns + codeword placement,
//   5. data masking: all 8 masks scored on the complete symbol (format and version
//      information included, as 7.8.3.1 requires) with the four penalty rules; the
//      lowest score wins, ties go to the lower mask number,
//   6. format (BCH(15,5), XOR 0x5412) and version (BCH(18,6)) information.
//
// Why not libqrencode (Debian libqrencode-dev 4.1.1), measured 2026-12-07 against the reference
// vectors in QRCodeTests: it reproduces 5 of the 7 automatic symbols, but (a) for "indonesianUTF8Q"
// it picks mask 1 (penalty 1705) instead of mask 0 (1629), because, like segno, it scores masks
// before the format information is drawn, which 7.8.3.1 does not allow; (b) it refuses empty
// data; (c) its public API cannot fix the version or the mask, which the fixed-version/mask
// reference tests need. The encoder here is 750 lines behind those vectors, so it stays.

/// Error correction level of a QR Code symbol (recovery capacity ≈ 7 / 15 / 25 / 30 %).
public enum QRErrorCorrection: Sendable, CaseIterable {
    case low, medium, quartile, high

    /// Row index into `QRCodeTables` (L, M, Q, H).
    var qrTableIndex: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .quartile: return 2
        case .high: return 3
        }
    }

    /// The two error-correction bits of the format information (Table 12).
    var qrFormatBits: Int {
        switch self {
        case .low: return 0b01
        case .medium: return 0b00
        case .quartile: return 0b11
        case .high: return 0b10
        }
    }
}

/// An encoded QR Code symbol: an immutable square grid of dark/light modules
/// (without quiet zone).
public struct QRCode: Sendable, Equatable {
    /// Symbol version 1…40.
    public let version: Int
    /// Modules per side: 17 + 4 · version.
    public let size: Int
    /// Data mask pattern 0…7 that was applied.
    public let mask: Int
    /// Error correction level the symbol was encoded with.
    public let correction: QRErrorCorrection
    /// Row-major modules, `true` = dark; index `y * size + x`.
    let modules: [Bool]

    /// `true` when the module in column `x`, row `y` is dark. Coordinates outside the
    /// symbol (the quiet zone) are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Encodes `text` as UTF-8 in byte mode using the smallest version (1…40) that
    /// fits at the requested level, and the mask with the lowest penalty score.
    /// Returns `nil` when the text does not fit in version 40.
    public static func encode(_ text: String, correction: QRErrorCorrection = .medium) -> QRCode? {
        encode(bytes: Array(text.utf8), correction: correction)
    }

    /// Encodes raw bytes in byte mode.
    /// - Parameters:
    ///   - version: a fixed version 1…40, or `nil` for the smallest one that fits.
    ///   - mask: a fixed mask pattern 0…7, or `nil` for the automatic (penalty-based) choice.
    /// - Returns: `nil` when the data does not fit or a parameter is out of range.
    public static func encode(
        bytes: [UInt8],
        correction: QRErrorCorrection = .medium,
        version: Int? = nil,
        mask: Int? = nil
    ) -> QRCode? {
        if let mask, !(0...7).contains(mask) { return nil }
        let level = correction.qrTableIndex
        let chosenVersion: Int
        if let version {
            guard (QRCodeTables.minVersion...QRCodeTables.maxVersion).contains(version),
                fits(byteCount: bytes.count, version: version, level: level)
            else { return nil }
            chosenVersion = version
        } else {
            guard
                let smallest = (QRCodeTables.minVersion...QRCodeTables.maxVersion)
                    .first(where: { fits(byteCount: bytes.count, version: $0, level: level) })
            else { return nil }
            chosenVersion = smallest
        }

        let data = dataCodewords(bytes: bytes, version: chosenVersion, level: level)
        let codewords = interleavedCodewords(data: data, version: chosenVersion, level: level)

        var grid = QRModuleGrid(version: chosenVersion)
        grid.drawFunctionPatterns(correction: correction)
        grid.placeCodewords(codewords)

        let chosenMask: Int
        if let mask {
            chosenMask = mask
        } else {
            chosenMask = bestMask(for: grid, correction: correction)
        }
        grid.applyMask(chosenMask)
        grid.drawFormatInformation(correction: correction, mask: chosenMask)

        return QRCode(
            version: chosenVersion,
            size: grid.size,
            mask: chosenMask,
            correction: correction,
            modules: grid.dark
        )
    }

    /// Largest number of bytes that fits in `version` at `correction` (byte mode).
    public static func byteCapacity(version: Int, correction: QRErrorCorrection) -> Int {
        guard (QRCodeTables.minVersion...QRCodeTables.maxVersion).contains(version) else { return 0 }
        let bits = QRCodeTables.dataCodewords(version: version, level: correction.qrTableIndex) * 8
        return (bits - 4 - characterCountBits(version: version)) / 8
    }

    // MARK: - Data encoding (clause 7.4)

    /// Character count indicator length for byte mode (Table 3).
    private static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    private static func fits(byteCount: Int, version: Int, level: Int) -> Bool {
        let countBits = characterCountBits(version: version)
        guard byteCount < (1 << countBits) else { return false }
        let needed = 4 + countBits + 8 * byteCount
        return needed <= QRCodeTables.dataCodewords(version: version, level: level) * 8
    }

    /// Mode indicator, count, data, terminator, bit padding and pad codewords.
    static func dataCodewords(bytes: [UInt8], version: Int, level: Int) -> [UInt8] {
        let capacity = QRCodeTables.dataCodewords(version: version, level: level)
        var buffer = QRBitBuffer()
        buffer.append(0b0100, bitCount: 4) // byte mode
        buffer.append(bytes.count, bitCount: characterCountBits(version: version))
        for byte in bytes {
            buffer.append(Int(byte), bitCount: 8)
        }
        let capacityBits = capacity * 8
        buffer.append(0, bitCount: min(4, capacityBits - buffer.bitCount)) // terminator
        buffer.append(0, bitCount: (8 - buffer.bitCount % 8) % 8) // to a codeword boundary
        var result = buffer.bytes
        var pad: UInt8 = 0xEC
        while result.count < capacity {
            result.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return result
    }

    // MARK: - Error correction and interleaving (clauses 7.5, 7.6)

    /// Splits `data` into blocks (short blocks first), appends the Reed–Solomon
    /// codewords of each block and interleaves data then EC codewords.
    static func interleavedCodewords(data: [UInt8], version: Int, level: Int) -> [UInt8] {
        let blockCount = QRCodeTables.errorCorrectionBlocks[level][version]
        let eccLength = QRCodeTables.eccCodewordsPerBlock[level][version]
        let total = QRCodeTables.totalCodewords(version: version)
        let shortBlockCount = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength
        precondition(data.count == total - eccLength * blockCount)

        let generator = QRReedSolomon.generator(degree: eccLength)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        dataBlocks.reserveCapacity(blockCount)
        eccBlocks.reserveCapacity(blockCount)
        var offset = 0
        for index in 0..<blockCount {
            let length = shortDataLength + (index < shortBlockCount ? 0 : 1)
            let block = data[offset..<(offset + length)]
            offset += length
            dataBlocks.append(block)
            eccBlocks.append(QRReedSolomon.remainder(of: block, generator: generator))
        }

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortDataLength {
            for block in dataBlocks where i < block.count {
                result.append(block[block.startIndex + i])
            }
        }
        for i in 0..<eccLength {
            for block in eccBlocks {
                result.append(block[i])
            }
        }
        return result
    }

    // MARK: - Masking (clause 7.8)

    /// Mask with the lowest penalty, evaluated on the complete symbol.
    private static func bestMask(for grid: QRModuleGrid, correction: QRErrorCorrection) -> Int {
        var best = 0
        var bestPenalty = Int.max
        for candidate in 0..<8 {
            var trial = grid
            trial.applyMask(candidate)
            trial.drawFormatInformation(correction: correction, mask: candidate)
            let penalty = trial.penaltyScore()
            if penalty < bestPenalty {
                bestPenalty = penalty
                best = candidate
            }
        }
        return best
    }
}
