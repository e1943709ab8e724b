import KompetenCore

/// Demo data for evaluating competency development: Kirkpatrick evaluations (L1–L3) of completed
/// training, the re-assessments due after it, and two years of SKP performance ratings. Plain
/// values that the app maps to its rows.
///
/// The story: every programme has a quality (`DemoEvaluateGenerator.quality`); the BPSDMD and LAN
/// teach well, the private LPK poorly, and the reactions, test gains, behaviour changes and
/// re-assessed levels follow it. DUKCAPIL and DPMPTSP, trained in the first half of 2026, are
/// re-assessed from July on and visibly rise; SATPOLPP and DISHUB barely move, and their
/// supervisors seldom fill the L3 forms (the "overdue evaluations" list).

/// One filled evaluation form: one enrolment, one Kirkpatrick level, one respondent.
public struct DemoEvaluationRecord: Sendable, Equatable {
    public let nip: String
    public let programmeCode: String
    public let batchName: String
    /// Kirkpatrick level 1, 2 or 3.
    public let level: Int
    /// "participant", "supervisor" or "provider".
    public let respondent: String
    /// L1: keys "material","facilitator","organisation","usefulness", values 1...4 (whole numbers).
    /// L2: keys "pre","post","max" (max = 100; pre/post whole numbers 0...100).
    /// L3: one key per competency code the programme raises, value −2...2 (whole numbers; the change seen in the job behaviour:
    ///     −2 much worse, −1 worse, 0 unchanged, 1 better, 2 much better).
    public let scores: [String: Double]
    /// A short comment in Bahasa Indonesia, often empty.
    public let comment: String
    public let filledOn: SimpleDate
}

/// The yearly SKP appraisal of one employee: the two ratings that give the predicate.
public struct DemoPerformanceRating: Sendable, Equatable {
    public let nip: String
    public let year: Int
    public let hasilKerja: SKPRating
    public let perilakuKerja: SKPRating
}

public struct DemoEvaluate: Sendable, Equatable {
    /// By enrolment (in `DemoDevelopment.enrolments` order), then level, supervisor before participant.
    public let evaluations: [DemoEvaluationRecord]
    /// Per active employee (in `DemoInstansi.employees` order): 2024, then 2025.
    public let performance: [DemoPerformanceRating]
    /// New assessments made for the re-assessments due after training (method .ujiKompetensi or .assessmentCenter, results only
    /// for the competencies the programme raised). By employee (in `employees` order), then date.
    public let reassessments: [DemoAssessment]
}

/// Generates `DemoEvaluate` for one demo instansi and its development data.
///
/// Deterministic (same inputs, same output) and linear in the number of employees and enrolments.
/// Each part (evaluations, re-assessments, ratings) draws from a stream of its own, so changing
/// one does not change the others.
public enum DemoEvaluateGenerator {
    /// `today`: the demo's "today" (30 October 2026 in the app): nothing is filled or assessed later.
    /// `reassessmentMonths`: how long after completion a raised competency is due for re-assessment.
    public static func generate(
        for instansi: DemoInstansi, development: DemoDevelopment, today: SimpleDate,
        reassessmentMonths: Int = 6, seed: UInt64 = 2026
    ) -> DemoEvaluate {
        let context = DemoEvaluateContext(instansi: instansi, development: development, today: today)
        let salt = DemoDevelopmentGenerator.stableHash(instansi.code)
        var forms = DemoRandom(seed: DemoRandom.derive(seed ^ 0x0E7A_1BA7_E000_0001, salt))
        var tests = DemoRandom(seed: DemoRandom.derive(seed ^ 0x0E7A_1BA7_E000_0002, salt))
        var ratings = DemoRandom(seed: DemoRandom.derive(seed ^ 0x0E7A_1BA7_E000_0003, salt))
        return DemoEvaluate(
            evaluations: context.evaluations(rng: &forms),
            performance: context.performance(rng: &ratings),
            reassessments: context.reassessments(months: reassessmentMonths, rng: &tests))
    }

    /// The quality 0...1 the demo gives a programme (exposed so tests and docs can name the good and weak ones).
    ///
    /// By provider: the BPSDMD and LAN 0.70–0.95, the Kemendagri and an A-accredited university
    /// 0.50–0.85, other universities 0.38–0.72, a private LPK 0.28–0.42 (0.22–0.35 when accredited
    /// C), an unknown provider 0.40–0.80; where in the band follows an FNV hash of the code
    /// without its year, so `MNJ-M5-2026` and `MNJ-M5-2027` are equally good.
    public static func quality(ofProgramme code: String, providerCode: String) -> Double {
        // FNV-1a barely moves the high bits for a change in the last byte (`ELN-M1`, `ELN-M2`):
        // SplitMix's finaliser spreads it before taking a uniform.
        var mix = DemoRandom(seed: DemoDevelopmentGenerator.stableHash("quality|" + programmeStem(code)))
        let u = mix.unit()
        let provider = DemoCatalogue.providerRows.first { $0.provider.code == providerCode }?.provider
        let (low, high): (Double, Double) =
            switch (provider?.kind, provider?.accreditation) {
            case ("bpsdmd", _), ("lan", _): (0.70, 0.95)
            case ("kementerian", _), ("universitas", "A"): (0.50, 0.85)
            case ("universitas", _): (0.38, 0.72)
            case ("swasta", "C"): (0.22, 0.35)
            case ("swasta", _): (0.28, 0.42)
            default: (0.40, 0.80)
            }
        return low + (high - low) * u
    }

    /// `PKP-2026` → `PKP`: the code without a trailing `-yyyy`.
    static func programmeStem(_ code: String) -> String {
        let bytes = Array(code.utf8)
        guard bytes.count > 5, bytes[bytes.count - 5] == UInt8(ascii: "-"),
            bytes.suffix(4).allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return code }
        return String(code.dropLast(5))
    }
}

/// Everything the three parts share, indexed by integers: employees, their OPD's story group and
/// position, programmes with their quality, and the completed enrolments.
struct DemoEvaluateContext {
    enum Group { case normal, improving, lagging }

    struct Completed {
        /// Index into `development.enrolments`.
        let enrolment: Int
        let employee: Int
        let programme: Int
        /// `DemoCalendar` day of completion.
        let day: Int
    }

    let instansi: DemoInstansi
    let development: DemoDevelopment
    let today: Int
    let group: [Group]
    /// Per employee: the top-level unit's code.
    let opd: [String]
    /// Position index per employee, -1 when unknown.
    let positionOf: [Int]
    let quality: [Double]
    let isKlasikal: [Bool]
    /// Completed enrolments with completion on or before today, in enrolment order.
    let completed: [Completed]
    /// Per employee: the indices of its assessments in `instansi.assessments`.
    let assessmentsOf: [[Int]]

    init(instansi: DemoInstansi, development: DemoDevelopment, today: SimpleDate) {
        self.instansi = instansi
        self.development = development
        self.today = DemoCalendar.day(today)
        let employees = instansi.employees
        let row = Dictionary(employees.enumerated().map { ($1.nip, $0) }, uniquingKeysWith: { a, _ in a })

        var top: [String: String] = [:]
        for u in instansi.units { top[u.code] = u.parentCode.flatMap { top[$0] } ?? u.code }
        let positionIndex = Dictionary(
            instansi.positions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var group = [Group](repeating: .normal, count: employees.count)
        var opd = [String](repeating: "", count: employees.count)
        var positionOf = [Int](repeating: -1, count: employees.count)
        for (i, e) in employees.enumerated() {
            let code = top[e.unitCode] ?? e.unitCode
            opd[i] = code
            group[i] =
                DemoStory.improving.contains(code)
                ? .improving
                : DemoStory.persistentGaps[code] != nil ? .lagging : .normal
            positionOf[i] = positionIndex[e.positionCode] ?? -1
        }
        self.group = group
        self.opd = opd
        self.positionOf = positionOf

        let programmes = development.programmes
        quality = programmes.map { DemoEvaluateGenerator.quality(ofProgramme: $0.code, providerCode: $0.providerCode) }
        isKlasikal = programmes.map { $0.form == "klasikal" }
        let programmeIndex = Dictionary(programmes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })

        var completed: [Completed] = []
        completed.reserveCapacity(development.enrolments.count)
        for (i, en) in development.enrolments.enumerated() where en.status == .completed {
            guard let on = en.completedOn, let e = row[en.nip], let p = programmeIndex[en.programmeCode] else {
                continue
            }
            let day = DemoCalendar.day(on)
            if day <= self.today { completed.append(Completed(enrolment: i, employee: e, programme: p, day: day)) }
        }
        self.completed = completed

        var own = [[Int]](repeating: [], count: employees.count)
        for (i, a) in instansi.assessments.enumerated() { if let e = row[a.nip] { own[e].append(i) } }
        assessmentsOf = own
    }

    /// The required level of `code` in the employee's position standard, if it is part of it.
    func required(_ employee: Int, _ code: String) -> Int? {
        let p = positionOf[employee]
        guard p >= 0 else { return nil }
        return instansi.positions[p].standard.first { $0.competencyCode == code }?.requiredLevel
    }
}

extension DemoRandom {
    /// Roughly normal with standard deviation `sd` (Irwin–Hall of three uniforms, bounded at ±3 sd).
    mutating func noise(_ sd: Double) -> Double {
        (unit() + unit() + unit() - 1.5) * 2 * sd
    }

    /// `value` rounded to a whole number within `range`, as a Double.
    static func whole(_ value: Double, in range: ClosedRange<Int>) -> Double {
        Double(min(range.upperBound, max(range.lowerBound, Int(value.rounded()))))
    }
}
