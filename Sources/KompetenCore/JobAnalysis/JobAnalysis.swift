/// One tugas pokok row of a job analysis (PermenPANRB 1/2020): what is done, what it produces,
/// how many times a year, and how long one takes (norma waktu).
public struct JobTask: Equatable, Codable, Sendable {
    public let description: String
    /// Hasil kerja ("Dokumen KTP-el tercetak").
    public let output: String
    /// Satuan hasil ("keping", "dokumen").
    public let unit: String
    /// Beban kerja per year, in `unit`s.
    public let annualVolume: Int
    /// Norma waktu in hundredths of an hour (0.25 jam = 25): anjab forms give it to 2 decimals.
    public let normHundredths: Int

    public init(description: String, output: String, unit: String, annualVolume: Int, normHundredths: Int) {
        self.description = description
        self.output = output
        self.unit = unit
        self.annualVolume = annualVolume
        self.normHundredths = normHundredths
    }

    public var normHours: Double { Double(normHundredths) / 100 }
}

/// The informasi jabatan of a position beyond its name, kind, ikhtisar and competency standard.
public struct JobAnalysis: Equatable, Sendable {
    /// Kelas jabatan 1–17 (Perpres tunjangan kinerja); nil until it is graded.
    public var positionClass: Int?
    /// Jenjang of a fungsional position; nil for the other kinds (and until it is set).
    public var functionalGrade: FunctionalGrade?
    /// Kualifikasi jabatan.
    public var education = "", training = "", experience = ""
    public var tasks: [JobTask] = []
    /// The remaining parts of the informasi jabatan, as the analyst writes them (one item per line).
    public var texts: [Part: String] = [:]

    public init() {}

    /// The free-text parts in the order of the informasi jabatan form, with their API key.
    public enum Part: String, CaseIterable, Codable, Sendable {
        case materials, tools, responsibilities, authorities, correlations, workingConditions, risks, requirements

        public var label: String {
            switch self {
            case .materials: "Bahan kerja"
            case .tools: "Perangkat kerja"
            case .responsibilities: "Tanggung jawab"
            case .authorities: "Wewenang"
            case .correlations: "Korelasi jabatan"
            case .workingConditions: "Kondisi lingkungan kerja"
            case .risks: "Risiko bahaya"
            case .requirements: "Syarat jabatan"
            }
        }
    }

    public static let classRange = 1...17
    public static let maxTasks = 100
    public static let textLimit = 4_000
    public static let volumeRange = 0...1_000_000
    /// 0.01 hour to a whole working year of one task.
    public static let normHundredthsRange = 1...250_000

    /// The raw input of one task row, as the API or the form gives it.
    public struct TaskInput: Sendable {
        public var description: String?, output: String?, unit: String?
        public var annualVolume: Double?, normHours: Double?
        public init(
            description: String?, output: String?, unit: String?, annualVolume: Double?, normHours: Double?
        ) {
            self.description = description
            self.output = output
            self.unit = unit
            self.annualVolume = annualVolume
            self.normHours = normHours
        }
    }

    /// Checks a job analysis from outside; field names are the API's (`tasks[2].normHours`), so
    /// the form and an import can map them to their own places.
    public static func validate(
        positionClass: Int?, education: String?, training: String?, experience: String?,
        tasks: [TaskInput], texts: [Part: String?], functionalGrade: String? = nil, kind: PositionKind? = nil
    ) throws -> JobAnalysis {
        var v = FieldValidator()
        var result = JobAnalysis()
        if let c = positionClass {
            v.require(classRange.contains(c), field: "positionClass", "Kelas jabatan 1 sampai 17.")
            result.positionClass = c
        }
        // A jenjang belongs to a fungsional position only (an unknown kind is refused, so a caller
        // that forgets the kind cannot let one through); an empty one is "not set".
        if let raw = functionalGrade?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            if let grade = FunctionalGrade(rawValue: raw) {
                v.require(
                    kind == .fungsional, field: "functionalGrade",
                    "Jenjang hanya untuk jabatan fungsional (jabatan ini \(kind?.label ?? "belum jelas jenisnya")).")
                result.functionalGrade = grade
            } else {
                v.add(
                    field: "functionalGrade",
                    "Jenjang tidak dikenal; pilih salah satu: "
                        + FunctionalGrade.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }
        func text(_ s: String?, _ field: String, _ label: String) -> String {
            let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(
                t.count <= textLimit, field: field,
                "\(label) paling panjang \(IndonesianFormat.integer(textLimit)) karakter.")
            return t
        }
        result.education = text(education, "qualification.education", "Pendidikan formal")
        result.training = text(training, "qualification.training", "Pelatihan")
        result.experience = text(experience, "qualification.experience", "Pengalaman kerja")
        for part in Part.allCases {
            let t = text(texts[part] ?? nil, part.rawValue, part.label)
            if !t.isEmpty { result.texts[part] = t }
        }
        v.require(tasks.count <= maxTasks, field: "tasks", "Paling banyak \(maxTasks) tugas pokok per jabatan.")
        for (i, t) in tasks.prefix(maxTasks).enumerated() {
            if let task = validateTask(t, prefix: "tasks[\(i)].", into: &v) { result.tasks.append(task) }
        }
        try v.check()
        return result
    }

    /// One task row; nil (with its errors in `v`) when it is not valid.
    public static func validateTask(_ t: TaskInput, prefix: String, into v: inout FieldValidator) -> JobTask? {
        let before = v.errors.count
        let description = (t.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            (3...500).contains(description.count), field: prefix + "description", "Uraian tugas 3–500 karakter.")
        let output = (t.output ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            (1...200).contains(output.count), field: prefix + "output", "Hasil kerja wajib diisi (≤ 200 karakter).")
        let unit = (t.unit ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require((1...50).contains(unit.count), field: prefix + "unit", "Satuan hasil wajib diisi (≤ 50 karakter).")
        var volume = 0
        if let x = t.annualVolume, x.isFinite, x == x.rounded(), volumeRange.contains(Int(x)) {
            volume = Int(x)
        } else {
            v.add(field: prefix + "annualVolume", "Beban kerja per tahun bilangan bulat 0–1.000.000.")
        }
        var norm = 0
        if let h = t.normHours, h.isFinite, let hundredths = Self.hundredths(h),
            normHundredthsRange.contains(hundredths)
        {
            norm = hundredths
        } else {
            v.add(
                field: prefix + "normHours",
                "Norma waktu dalam jam, lebih dari 0, paling banyak 2 angka desimal (mis. 0,25).")
        }
        guard v.errors.count == before else { return nil }
        return JobTask(description: description, output: output, unit: unit, annualVolume: volume, normHundredths: norm)
    }

    /// `h` in whole hundredths, or nil when it has more than 2 decimals (0.125 is not 0.13).
    static func hundredths(_ h: Double) -> Int? {
        guard h.magnitude < 1e9 else { return nil }
        let scaled = (h * 100).rounded()
        return (h * 100 - scaled).magnitude < 1e-6 ? Int(scaled) : nil
    }
}
