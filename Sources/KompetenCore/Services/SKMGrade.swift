/// The mutu pelayanan (service quality grade) of an IKM, per PermenPANRB 14/2017.
public enum SKMGrade: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case A, B, C, D

    /// The kinerja unit pelayanan as the regulation words it.
    public var label: String {
        switch self {
        case .A: "Sangat Baik"
        case .B: "Baik"
        case .C: "Kurang Baik"
        case .D: "Tidak Baik"
        }
    }

    /// The lowest converted IKM (nilai interval konversi) of the grade.
    public var minimum: Double {
        switch self {
        case .A: 88.31
        case .B: 76.61
        case .C: 65.00
        case .D: 25.00
        }
    }

    /// The grade of an IKM. The value is first rounded to two decimals (half up), as the report
    /// prints it, and then compared with `>=`: the published intervals (88,31–100,00;
    /// 76,61–88,30; …) leave gaps between 88,30 and 88,31 that only the printed value closes.
    /// So 88,305 → 88,31 → A, but 88,3049 → 88,30 → B. Anything below 65,00 (including values
    /// under the nominal 25,00 floor, which a partly answered survey can produce) is D.
    public static func of(ikm: Double) -> SKMGrade {
        let value = SKMRounding.hundredths(ikm)
        if value >= SKMGrade.A.minimum { return .A }
        if value >= SKMGrade.B.minimum { return .B }
        if value >= SKMGrade.C.minimum { return .C }
        return .D
    }
}
