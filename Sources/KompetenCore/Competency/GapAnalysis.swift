/// One line of a position's competency standard: the level the position requires.
public struct StandardItem: Sendable, Equatable {
    public var competencyCode: String
    public var required: Int

    public init(competencyCode: String, required: Int) {
        self.competencyCode = competencyCode
        self.required = required
    }
}

/// How the Job Person Match is computed (a per-instance setting, SPEC.md §1).
public enum JPMFormula: String, CaseIterable, Codable, Sendable {
    /// Σ actual / Σ required × 100, capped at 100: what assessment centres report.
    case capped
    /// Σ min(actual, required) / Σ required × 100: a surplus on one competency cannot hide a
    /// shortfall on another.
    case strict

    public var label: String {
        switch self {
        case .capped: "Standar (Σ aktual ÷ Σ standar, maksimal 100)"
        case .strict: "Ketat (kelebihan tidak menutupi kekurangan)"
        }
    }
}

/// A JPM category (SPEC.md §1): three per threshold set, and `belumDinilai` when nothing in the
/// standard was ever assessed. The raw value is the code the API, the exports and the CSV carry,
/// so it must never change.
public enum JPMCategory: String, CaseIterable, Codable, Sendable {
    case optimal
    case cukupOptimal = "cukup_optimal"
    case kurangOptimal = "kurang_optimal"
    case memenuhiSyarat = "memenuhi_syarat"
    case masihMemenuhiSyarat = "masih_memenuhi_syarat"
    case kurangMemenuhiSyarat = "kurang_memenuhi_syarat"
    case belumDinilai = "belum_dinilai"

    public var label: String {
        switch self {
        case .optimal: "Optimal"
        case .cukupOptimal: "Cukup optimal"
        case .kurangOptimal: "Kurang optimal"
        case .memenuhiSyarat: "Memenuhi syarat"
        case .masihMemenuhiSyarat: "Masih memenuhi syarat"
        case .kurangMemenuhiSyarat: "Kurang memenuhi syarat"
        case .belumDinilai: "Belum dinilai"
        }
    }
}

/// What a JPM is computed for: mapping the workforce, or filling a post. The raw values are
/// what the settings store and the API carry.
public enum JPMPurpose: String, Codable, Sendable, CaseIterable {
    case pemetaan
    case pengisianJabatan = "pengisian_jabatan"

    public var label: String {
        switch self {
        case .pemetaan: "Pemetaan"
        case .pengisianJabatan: "Pengisian jabatan"
        }
    }
}

/// A set of JPM categories for one purpose.
public struct JPMThresholds: Sendable, Equatable, Codable {
    public var purpose: JPMPurpose
    public var upper: Double
    public var lower: Double
    public var upperCategory: JPMCategory
    public var middleCategory: JPMCategory
    public var lowerCategory: JPMCategory

    public init(
        purpose: JPMPurpose, upper: Double, lower: Double,
        upperCategory: JPMCategory, middleCategory: JPMCategory, lowerCategory: JPMCategory
    ) {
        self.purpose = purpose
        self.upper = upper
        self.lower = lower
        self.upperCategory = upperCategory
        self.middleCategory = middleCategory
        self.lowerCategory = lowerCategory
    }

    /// Mapping the workforce (the default purpose).
    public static let pemetaan = JPMThresholds(
        purpose: .pemetaan, upper: 90, lower: 78,
        upperCategory: .optimal, middleCategory: .cukupOptimal, lowerCategory: .kurangOptimal)
    /// Filling a post.
    public static let pengisianJabatan = JPMThresholds(
        purpose: .pengisianJabatan, upper: 80, lower: 68,
        upperCategory: .memenuhiSyarat, middleCategory: .masihMemenuhiSyarat, lowerCategory: .kurangMemenuhiSyarat)

    public static let all: [JPMThresholds] = [pemetaan, pengisianJabatan]

    /// The set for a stored or posted purpose code; nil for an unknown one.
    public static func named(_ purpose: String) -> JPMThresholds? {
        all.first { $0.purpose.rawValue == purpose }
    }

    /// The purpose as shown in the UI.
    public var purposeLabel: String { purpose.label }

    /// Every category a person can get under this set, best first: the order of report columns.
    public var categories: [JPMCategory] { [upperCategory, middleCategory, lowerCategory, .belumDinilai] }

    /// The category of an already ROUNDED JPM: the spec categorises the rounded value, so that
    /// 77.996 (shown as 78,00) is `cukup_optimal`, exactly as the printed number suggests.
    public func category(_ roundedJPM: Double) -> JPMCategory {
        if roundedJPM >= upper { return upperCategory }
        if roundedJPM >= lower { return middleCategory }
        return lowerCategory
    }
}

/// The state of one competency of one employee against the standard.
public enum GapStatus: String, Codable, Sendable {
    case memenuhi
    case belumMemenuhi = "belum_memenuhi"
    case belumDinilai = "belum_dinilai"

    public var label: String {
        switch self {
        case .memenuhi: "Memenuhi"
        case .belumMemenuhi: "Belum memenuhi"
        case .belumDinilai: "Belum dinilai"
        }
    }
}

public struct GapItem: Sendable, Equatable {
    public var competencyCode: String
    public var required: Int
    /// Nil when the competency was never assessed (by a method that counts).
    public var actual: Int?
    /// required − actual: positive = development need, negative = surplus; nil when never assessed
    /// (an unknown level is not the same as a known gap of `required`).
    public var gap: Int?
    public var status: GapStatus

    public init(competencyCode: String, required: Int, actual: Int?, gap: Int?, status: GapStatus) {
        self.competencyCode = competencyCode
        self.required = required
        self.actual = actual
        self.gap = gap
        self.status = status
    }
}

public struct GapResult: Sendable, Equatable {
    /// In the order of the standard.
    public var items: [GapItem]
    /// Rounded to 2 decimals; nil when the standard is empty (or requires nothing), since
    /// Σ required = 0 leaves nothing to divide by.
    public var jpm: Double?
    /// `belum_dinilai` when nothing in the standard was ever assessed; else the threshold category
    /// of the rounded `jpm`; nil when `jpm` is nil.
    public var category: JPMCategory?
    /// How many standard items have a result.
    public var assessedCount: Int

    public init(items: [GapItem], jpm: Double?, category: JPMCategory?, assessedCount: Int) {
        self.items = items
        self.jpm = jpm
        self.category = category
        self.assessedCount = assessedCount
    }
}

public enum GapAnalysis {
    /// Compares a current profile (`actual`: competency code → level) with a position's standard.
    ///
    /// A competency without a result counts as actual 0 in the sums (the spec: an unassessed
    /// competency must lower the match, not vanish from it) and is reported `belum_dinilai`.
    public static func analyse(
        standard: [StandardItem], actual: [String: Int],
        formula: JPMFormula, thresholds: JPMThresholds
    ) -> GapResult {
        var items: [GapItem] = []
        items.reserveCapacity(standard.count)
        var sumRequired = 0
        var sumCounted = 0
        var assessed = 0
        for s in standard {
            let a = actual[s.competencyCode]
            // Levels are 1–5; clamping keeps a stray negative from producing a negative JPM.
            let required = max(0, s.required)
            let level = max(0, a ?? 0)
            sumRequired += required
            sumCounted += formula == .strict ? min(level, required) : level
            let status: GapStatus
            if let a {
                assessed += 1
                status = a >= s.required ? .memenuhi : .belumMemenuhi
            } else {
                status = .belumDinilai
            }
            items.append(
                GapItem(
                    competencyCode: s.competencyCode, required: s.required, actual: a,
                    gap: a.map { s.required - $0 }, status: status))
        }
        let (jpm, category) = match(
            JPMTotals(required: sumRequired, counted: sumCounted, assessed: assessed), thresholds: thresholds)
        return GapResult(items: items, jpm: jpm, category: category, assessedCount: assessed)
    }

    /// The sums a JPM is made of, for one person: Σ required, Σ counted (Σ actual for the capped
    /// formula, Σ min(actual, required) for the strict one; unassessed = 0) and how many of the
    /// standard's competencies have a result. Reports over thousands of people get these sums
    /// from the database and apply `match` — the same rule as `analyse`.
    public struct JPMTotals: Sendable, Equatable {
        public var required: Int, counted: Int, assessed: Int
        public init(required: Int, counted: Int, assessed: Int) {
            self.required = required
            self.counted = counted
            self.assessed = assessed
        }
    }

    /// JPM (rounded) and category from the sums; nil when nothing is required.
    public static func match(_ totals: JPMTotals, thresholds: JPMThresholds) -> (jpm: Double?, category: JPMCategory?) {
        guard totals.required > 0 else { return (nil, nil) }
        // Whole numbers all the way: the percentage in hundredths, rounded half up (all terms are
        // non-negative, so that is half away from zero), and only then turned into a Double.
        // A Double quotient could land on 89.99499… and round the wrong way.
        let capped = min(max(0, totals.counted), totals.required)
        let hundredths = (2 * capped * 10_000 + totals.required) / (2 * totals.required)
        let jpm = Double(hundredths) / 100
        return (jpm, totals.assessed == 0 ? .belumDinilai : thresholds.category(jpm))
    }

    /// Rounds to 2 decimals, half away from zero, on the shortest decimal text of `x` (what a
    /// person reads), not its binary value: 17999/200 is stored as 89.99499999… yet means 89.995,
    /// which rounds to 90.00. Shares the digit logic of `IndonesianFormat.decimal`.
    public static func round2(_ x: Double) -> Double {
        // Beyond 2^52 every Double is a whole number; non-finite values have nothing to round.
        guard x.isFinite, x.magnitude < 4_503_599_627_370_496 else { return x }
        let (intDigits, fracDigits) = IndonesianFormat.plainDigits(x.magnitude)
        let frac = Array(fracDigits + "000")
        var kept = Int(intDigits)! * 100 + Int(String(frac[0...1]))!
        if frac[2] >= "5" { kept += 1 }
        let r = Double(kept) / 100
        return x < 0 && kept != 0 ? -r : r
    }
}

extension GapAnalysis.JPMTotals {
    /// Totals from database sums: `sumActual` (Σ level, unassessed = 0) serves the capped formula,
    /// `sumMin` (Σ min(level, required)) the strict one.
    public init(required: Int, sumActual: Int, sumMin: Int, assessed: Int, formula: JPMFormula) {
        self.init(required: required, counted: formula == .strict ? sumMin : sumActual, assessed: assessed)
    }
}

/// Gaps of many people in one competency. Only the assessed count: someone never assessed has
/// an unknown gap (`unassessed`), never a gap of the whole standard. A surplus never offsets a
/// shortfall: levels 2 and 4 on a standard of 3 are one person 1 below and one 1 above — mean
/// shortfall 0,5 with half below standard — not a "mean gap" of 0. The surplus is kept apart.
public struct GapTally: Sendable, Equatable {
    /// People whose standard names the competency.
    public var required = 0
    /// Of those, with an accepted result.
    public var assessed = 0
    /// Σ max(0, required − actual) over the assessed: the shortfall, never netted.
    public var gapSum = 0
    /// How many of the assessed are below standard.
    public var withGap = 0
    /// Σ max(0, actual − required) over the assessed: the surplus, shown apart.
    public var surplusSum = 0

    public init(required: Int = 0, assessed: Int = 0, gapSum: Int = 0, withGap: Int = 0, surplusSum: Int = 0) {
        self.required = required
        self.assessed = assessed
        self.gapSum = gapSum
        self.withGap = withGap
        self.surplusSum = surplusSum
    }

    /// One person: the level the standard requires and their level (nil = never assessed).
    public mutating func record(required level: Int, actual: Int?) {
        required += 1
        guard let actual else { return }
        assessed += 1
        let shortfall = max(0, level - actual)
        gapSum += shortfall
        if shortfall > 0 { withGap += 1 }
        surplusSum += max(0, actual - level)
    }

    public mutating func add(_ other: GapTally) {
        required += other.required
        assessed += other.assessed
        gapSum += other.gapSum
        withGap += other.withGap
        surplusSum += other.surplusSum
    }

    /// People required to have the competency with no result yet.
    public var unassessed: Int { max(0, required - assessed) }
    /// Mean shortfall over the assessed, rounded to 2 decimals; nil when nobody was assessed.
    public var meanShortfall: Double? { assessed == 0 ? nil : GapAnalysis.round2(Double(gapSum) / Double(assessed)) }
    /// Share of the assessed below standard (0…1, rounded to 4 decimals); nil when nobody was assessed.
    public var shareBelow: Double? {
        guard assessed > 0 else { return nil }
        // Whole numbers, half up: 1/3 → 0.3333, 2/3 → 0.6667.
        return Double((2 * withGap * 10_000 + assessed) / (2 * assessed)) / 10_000
    }
    /// Mean surplus over the assessed, rounded to 2 decimals; nil when nobody was assessed.
    public var meanSurplus: Double? { assessed == 0 ? nil : GapAnalysis.round2(Double(surplusSum) / Double(assessed)) }
}

/// The mean JPM of a group, one rule for every page and API: over the people assessed on at
/// least one competency of their standard. Someone with a standard and no result has an unknown
/// match — counted beside the mean as `unassessed`, never averaged in as 0; someone without a
/// standard (no position) has no match at all and is neither.
public struct JPMMean: Sendable, Equatable {
    public private(set) var assessed = 0
    public private(set) var unassessed = 0
    public private(set) var sum = 0.0

    public init() {}

    /// One person: their JPM (nil without a standard) and how many competencies have a result.
    public mutating func add(jpm: Double?, assessedCount: Int) {
        guard let jpm else { return }
        if assessedCount > 0 {
            assessed += 1
            sum += jpm
        } else {
            unassessed += 1
        }
    }

    public mutating func add(_ result: GapResult) { add(jpm: result.jpm, assessedCount: result.assessedCount) }

    /// Rounded to 2 decimals; nil when nobody was assessed.
    public var mean: Double? { assessed == 0 ? nil : GapAnalysis.round2(sum / Double(assessed)) }
}
