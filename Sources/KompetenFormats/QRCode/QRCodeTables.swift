// QR Code (ISO/IEC 18004) capacity tables.
//
// Values are from ISO/IEC 18004:2015, Table 9 ("Error correction characteristics
// for QR Code"): for every version 1…40 and error correction level, the number of
// error correction codewords per block and the number of blocks. Everything else
// (total codewords, data codewords, short/long block split) is derived from these.

/// Static lookup tables for the QR Code encoder. Internal; namespaced to avoid clashes.
enum QRCodeTables {
    static let minVersion = 1
    static let maxVersion = 40

    /// Error correction codewords per block, indexed `[level][version]` (index 0 unused).
    /// Level order: L, M, Q, H.
    static let eccCodewordsPerBlock: [[Int]] = [
        // L
        [
            -1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        // M
        [
            -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        // Q
        [
            -1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        // H
        [
            -1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Number of error correction blocks, indexed `[level][version]` (index 0 unused).
    static let errorCorrectionBlocks: [[Int]] = [
        // L
        [
            -1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        // M
        [
            -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        // Q
        [
            -1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        // H
        [
            -1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    /// Number of modules available for data + EC codewords + remainder bits
    /// (everything that is not a function pattern, format or version information).
    static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignCount = version / 7 + 2
            result -= (25 * alignCount - 10) * alignCount - 55
            if version >= 7 {
                result -= 36
            }
        }
        return result
    }

    /// Total codewords (data + EC) of a version.
    static func totalCodewords(version: Int) -> Int {
        rawDataModules(version: version) / 8
    }

    /// Data codewords of a version at an error correction level.
    static func dataCodewords(version: Int, level: Int) -> Int {
        totalCodewords(version: version)
            - eccCodewordsPerBlock[level][version] * errorCorrectionBlocks[level][version]
    }

    /// Centre coordinates of the alignment patterns (same list for rows and columns),
    /// ISO/IEC 18004:2015 Annex E. Empty for version 1.
    static func alignmentPatternPositions(version: Int) -> [Int] {
        if version == 1 { return [] }
        let count = version / 7 + 2
        let size = version * 4 + 17
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var position = size - 7
        for _ in 0..<(count - 1) {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }
}
