// Reed–Solomon error correction over GF(2^8) with the QR Code field polynomial
// x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator roots α^0 … α^(n-1), α = 2.

/// Reed–Solomon encoder used by `QRCode`. Internal; namespaced to avoid clashes.
enum QRReedSolomon {
    /// exp[i] = α^i for i in 0..<510 (doubled so products need no modulo).
    static let expTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log[v] = i such that α^i = v (log[0] unused).
    static let logTable: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 {
            table[Int(expTable[i])] = i
        }
        return table
    }()

    /// Product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return expTable[logTable[Int(a)] + logTable[Int(b)]]
    }

    /// Coefficients of the monic generator polynomial ∏(x − α^i), i in 0..<degree,
    /// highest power first, leading 1 omitted (so `count == degree`).
    static func generator(degree: Int) -> [UInt8] {
        precondition(degree >= 1 && degree <= 255)
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1 // start with the polynomial "1"
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply the current product by (x − root).
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree {
                    result[j] ^= result[j + 1]
                }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The `generator.count` error correction codewords for `data`
    /// (remainder of data(x)·x^n divided by the generator).
    static func remainder(of data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
        let degree = generator.count
        var result = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ result[0]
            // Shift left by one coefficient.
            for i in 0..<(degree - 1) {
                result[i] = result[i + 1]
            }
            result[degree - 1] = 0
            if factor != 0 {
                let logFactor = logTable[Int(factor)]
                for i in 0..<degree where generator[i] != 0 {
                    result[i] ^= expTable[logTable[Int(generator[i])] + logFactor]
                }
            }
        }
        return result
    }
}
