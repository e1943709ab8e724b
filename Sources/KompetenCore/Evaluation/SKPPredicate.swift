/// The yearly performance appraisal (SKP): two ratings give the predicate by the matrix of
/// PermenPANRB 6/2022 (`reference/predikat-skp.json`). Groundwork for issue "Evaluate".
public enum SKPRating: String, CaseIterable, Codable, Sendable {
    case belowExpectation = "di_bawah_ekspektasi"
    case asExpected = "sesuai_ekspektasi"
    case aboveExpectation = "di_atas_ekspektasi"

    public var label: String {
        switch self {
        case .belowExpectation: "Di bawah ekspektasi"
        case .asExpected: "Sesuai ekspektasi"
        case .aboveExpectation: "Di atas ekspektasi"
        }
    }
}

/// The predicate of the year. The raw value is the regulation's wording, which is also what the
/// stored column, the API and the exports carry, so it must never change.
public enum SKPPredicate: String, CaseIterable, Codable, Sendable {
    case sangatBaik = "Sangat Baik"
    case baik = "Baik"
    case butuhPerbaikan = "Butuh Perbaikan"
    case kurang = "Kurang/Misconduct"
    case sangatKurang = "Sangat Kurang"

    /// As the pages show it: the regulation's own wording, so the same text as the code.
    public var label: String {
        switch self {
        case .sangatBaik: "Sangat Baik"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang/Misconduct"
        case .sangatKurang: "Sangat Kurang"
        }
    }

    /// Rows: rating of the work results (hasil kerja); columns: rating of work behaviour (perilaku kerja).
    public static func of(hasilKerja: SKPRating, perilakuKerja: SKPRating) -> SKPPredicate {
        switch (hasilKerja, perilakuKerja) {
        case (.aboveExpectation, .aboveExpectation): .sangatBaik
        case (.aboveExpectation, .asExpected), (.asExpected, .asExpected), (.asExpected, .aboveExpectation): .baik
        // Behaviour below expectation is misconduct whatever the results.
        case (.aboveExpectation, .belowExpectation), (.asExpected, .belowExpectation): .kurang
        case (.belowExpectation, .asExpected), (.belowExpectation, .aboveExpectation): .butuhPerbaikan
        case (.belowExpectation, .belowExpectation): .sangatKurang
        }
    }
}
