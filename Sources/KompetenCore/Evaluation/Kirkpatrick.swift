/// Kirkpatrick's four levels of training evaluation, as SPEC §3 stores them: one record per
/// enrolment, level and respondent.
public enum EvaluationLevel: Int, CaseIterable, Codable, Sendable {
    case reaction = 1
    case learning = 2
    case behaviour = 3
    case results = 4

    public var label: String {
        switch self {
        case .reaction: "L1 Reaksi"
        case .learning: "L2 Pembelajaran"
        case .behaviour: "L3 Perilaku"
        case .results: "L4 Hasil"
        }
    }
}

/// Which Kirkpatrick level a monitoring figure is evidence of. A change in JPM (competency
/// measured against the position's standard) shows what people learned and now do — level 2
/// and 3 evidence, measured — not level 4: level 4 is the results the unit delivers, its public
/// services (IKM, the share finished on time). The monitoring page takes its labels from here.
public enum KirkpatrickEvidence: CaseIterable, Sendable {
    case jpmChange, unitServiceResults

    public var levels: [EvaluationLevel] {
        switch self {
        case .jpmChange: [.learning, .behaviour]
        case .unitServiceResults: [.results]
        }
    }

    /// "L2/L3", "L4".
    public var levelTag: String { "L" + levels.map { String($0.rawValue) }.joined(separator: "/L") }

    public var label: String {
        switch self {
        case .jpmChange: "\(levelTag): kompetensi terukur (pembelajaran dan perilaku)"
        case .unitServiceResults: "\(levelTag): hasil layanan unit"
        }
    }
}

public enum EvaluationRespondent: String, CaseIterable, Codable, Sendable {
    case participant, supervisor, provider

    public var label: String {
        switch self {
        case .participant: "Peserta"
        case .supervisor: "Atasan langsung"
        case .provider: "Lembaga pelatihan"
        }
    }
}

/// The four questions of the L1 reaction form, each answered 1–4.
public enum ReactionItem: String, CaseIterable, Sendable {
    case material, facilitator, organisation, usefulness

    public var label: String {
        switch self {
        case .material: "Materi pelatihan"
        case .facilitator: "Fasilitator / widyaiswara"
        case .organisation: "Penyelenggaraan (jadwal, tempat, sarana)"
        case .usefulness: "Manfaat bagi pekerjaan"
        }
    }

    public static let scale = 1...4
    public static let scaleLabels = [1: "Tidak baik", 2: "Kurang baik", 3: "Baik", 4: "Sangat baik"]
}

/// L3: the change seen in the job behaviour of each competency the programme raised.
public enum BehaviourChange {
    public static let scale = -2...2
    public static let labels = [
        -2: "Jauh memburuk", -1: "Memburuk", 0: "Tidak berubah", 1: "Membaik", 2: "Jauh membaik",
    ]
}

/// A filled evaluation, checked: the scores as stored and the one figure programme
/// effectiveness averages (L1 mean item score, L2 normalised gain, L3 mean change).
public struct EvaluationScore: Sendable, Equatable {
    public let level: EvaluationLevel
    public let respondent: EvaluationRespondent
    public let scores: [String: Double]
    /// Nil for an L2 whose pre-test was already the maximum (nothing left to gain).
    public let summary: Double?
}

public enum EvaluationForm {
    public static let defaultMaxScore = 100.0
    static let l4Message =
        "Level 4 (hasil) tidak diisi per peserta: dihitung dari indikator unit (JPM dan penutupan kesenjangan) di halaman pemantauan."

    /// Which respondent fills which level: L1 the participant, L2 the provider (its tests),
    /// L3 both the participant and the direct supervisor, each their own record.
    public static func respondents(for level: EvaluationLevel) -> [EvaluationRespondent] {
        switch level {
        case .reaction: [.participant]
        case .learning: [.provider]
        case .behaviour: [.supervisor, .participant]
        case .results: []
        }
    }

    /// Checks one submission. `raisedCodes`: the competencies the programme raises (the L3 items).
    public static func validate(
        level rawLevel: Int, respondent rawRespondent: String, scores: [String: Double],
        raisedCodes: [String]
    ) -> Result<EvaluationScore, ValidationFailure> {
        var v = FieldValidator()
        guard let level = EvaluationLevel(rawValue: rawLevel) else {
            v.add(field: "level", "Level evaluasi 1–4.")
            return .failure(ValidationFailure(errors: v.errors))
        }
        guard level != .results else {
            return .failure(ValidationFailure(errors: [FieldError(field: "level", message: l4Message)]))
        }
        guard let respondent = EvaluationRespondent(rawValue: rawRespondent) else {
            return .failure(
                ValidationFailure(errors: [
                    FieldError(
                        field: "respondentRole", message: "Responden harus participant, supervisor atau provider.")
                ]))
        }
        let allowed = respondents(for: level)
        guard allowed.contains(respondent) else {
            let names = allowed.map(\.label).joined(separator: " atau ")
            return .failure(
                ValidationFailure(errors: [
                    FieldError(field: "respondentRole", message: "\(level.label) diisi oleh \(names).")
                ]))
        }
        var summary: Double?
        var stored = scores
        switch level {
        case .reaction:
            let keys = ReactionItem.allCases.map(\.rawValue)
            checkKeys(scores, expected: keys, &v)
            for key in keys { checkWhole(scores[key], in: ReactionItem.scale, field: "scores.\(key)", &v) }
            if v.isValid { summary = keys.reduce(0) { $0 + scores[$1]! } / Double(keys.count) }
        case .learning:
            checkKeys(scores, expected: ["pre", "post"], optional: ["max"], &v)
            let maximum = scores["max"] ?? defaultMaxScore
            if !(maximum.isFinite && maximum >= 1 && maximum <= 1000) {
                v.add(field: "scores.max", "Nilai maksimum tes 1–1.000.")
            }
            for key in ["pre", "post"] {
                guard let x = scores[key] else { continue }
                if !(x.isFinite && x >= 0 && x <= maximum) {
                    v.add(
                        field: "scores.\(key)",
                        "Nilai \(key == "pre" ? "pre-test" : "post-test") harus 0 sampai nilai maksimum.")
                }
            }
            if v.isValid {
                stored["max"] = maximum
                summary = LearningGain.normalised(pre: scores["pre"]!, post: scores["post"]!, max: maximum)
            }
        case .behaviour:
            checkKeys(scores, expected: raisedCodes, &v)
            for code in raisedCodes { checkWhole(scores[code], in: BehaviourChange.scale, field: "scores.\(code)", &v) }
            if v.isValid, !raisedCodes.isEmpty {
                summary = raisedCodes.reduce(0) { $0 + scores[$1]! } / Double(raisedCodes.count)
            }
        case .results: break
        }
        if !v.isValid { return .failure(ValidationFailure(errors: v.errors)) }
        return .success(EvaluationScore(level: level, respondent: respondent, scores: stored, summary: summary))
    }

    private static func checkKeys(
        _ scores: [String: Double], expected: [String], optional: [String] = [], _ v: inout FieldValidator
    ) {
        for key in expected where scores[key] == nil {
            v.add(field: "scores.\(key)", "Pilih salah satu nilai (wajib diisi).")
        }
        for key in scores.keys.sorted() where !expected.contains(key) && !optional.contains(key) {
            v.add(
                field: "scores.\(key)",
                "\(key) bukan butir evaluasi ini (butir: \((expected + optional).joined(separator: ", "))).")
        }
    }

    private static func checkWhole(_ x: Double?, in range: ClosedRange<Int>, field: String, _ v: inout FieldValidator) {
        guard let x else { return }
        // Compared as Doubles: `Int(1e19)` would trap, and a form field can hold any number.
        if !(x.isFinite && x == x.rounded() && x >= Double(range.lowerBound) && x <= Double(range.upperBound)) {
            v.add(field: field, "Nilai harus bilangan bulat \(range.lowerBound) sampai \(range.upperBound).")
        }
    }
}
