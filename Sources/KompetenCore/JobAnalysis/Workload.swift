/// Analisis beban kerja (ABK, PermenPANRB 1/2020): how many people a position needs for the
/// work its job analysis lists, and how that compares with the people holding it.
///
/// needed = Σ (annual volume × norm hours) ÷ effective working hours per year, 2 decimals.
/// The arithmetic is done in whole hundredths of an hour, so 0.1 + 0.2 never becomes
/// 0.30000000000000004 and a published figure is the one a hand calculation gives.
public enum Workload {
    /// Jam kerja efektif per tahun: 1,250 hours is the figure the ABK guidance uses (about 235
    /// working days × 5.3 effective hours); an instansi may set another (a setting).
    public static let defaultEffectiveHours = 1_250
    public static let effectiveHoursRange = 500...2_500

    /// One task's yearly work in hundredths of an hour (`annualVolume × normHundredths`).
    public static func hundredths(_ task: JobTask) -> Int { task.annualVolume * task.normHundredths }

    /// Staff needed for the tasks, rounded half up to 2 decimals.
    public static func needed(_ tasks: [JobTask], effectiveHours: Int) -> Double {
        needed(totalHundredths: tasks.reduce(0) { $0 + hundredths($1) }, effectiveHours: effectiveHours)
    }

    /// The same from the sum of `hundredths` over the tasks (a report sums it in the database).
    public static func needed(totalHundredths total: Int, effectiveHours: Int) -> Double {
        precondition(effectiveHours > 0)
        // total / 100 / effectiveHours people, to hundredths: total / effectiveHours, half up.
        return Double((2 * total + effectiveHours) / (2 * effectiveHours)) / 100
    }

    /// The whole people the positions needs: `needed` rounded half up (1.50 → 2, 0.49 → 0).
    /// A position whose work needs 0.3 of a person needs nobody of its own: ABK then says
    /// its holder is "lebih", which is the finding (merge the work into another position).
    public static func wholePeople(_ needed: Double) -> Int { Int((needed + 0.5).rounded(.down)) }

    /// Kurang / sesuai / lebih: the holders against the whole people needed.
    public static func status(needed: Double, holders: Int) -> FormationStatus {
        let whole = wholePeople(needed)
        return holders < whole ? .kurang : holders > whole ? .lebih : .sesuai
    }

    /// holders − needed, 2 decimals (negative = people missing).
    public static func difference(needed: Double, holders: Int) -> Double {
        Double(holders * 100 - Int((needed * 100).rounded())) / 100
    }

    /// Efisiensi jabatan (EJ) = needed ÷ holders, 2 decimals; nil without holders.
    public static func efficiency(needed: Double, holders: Int) -> Double? {
        guard holders > 0 else { return nil }
        let h = Int((needed * 100).rounded())
        return Double((2 * h + holders) / (2 * holders)) / 100
    }
}

/// The formation finding of ABK for a position or a unit.
public enum FormationStatus: String, Codable, Sendable, CaseIterable {
    case kurang, sesuai, lebih

    public var label: String {
        switch self {
        case .kurang: "Kurang"
        case .sesuai: "Sesuai"
        case .lebih: "Lebih"
        }
    }
}

/// Prestasi kerja jabatan from the efficiency EJ, in the bands the ABK guidance (Permendagri
/// 12/2008, still the table units quote) uses: A above 1.00, B 0.90–1.00, C 0.70–0.89,
/// D 0.50–0.69, E below 0.50.
public enum EfficiencyGrade: String, Codable, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E"

    public init(_ ej: Double) {
        let h = Int((ej * 100).rounded())
        self = h > 100 ? .a : h >= 90 ? .b : h >= 70 ? .c : h >= 50 ? .d : .e
    }

    public var label: String {
        switch self {
        case .a: "Sangat baik"
        case .b: "Baik"
        case .c: "Cukup"
        case .d: "Sedang"
        case .e: "Kurang"
        }
    }
}
