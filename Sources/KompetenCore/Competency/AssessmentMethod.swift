/// How an assessment result was obtained (SPEC.md §1, Assessments).
/// Raw values are the stored codes; `360` is a string code, not a number.
public enum AssessmentMethod: String, CaseIterable, Codable, Sendable {
    case assessmentCenter = "assessment_center"
    case ujiKompetensi = "uji_kompetensi"
    case catSJT = "cat_sjt"
    case supervisor
    case selfAssessment = "self"
    case threeSixty = "360"

    /// How the method is named in the UI (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .assessmentCenter: "Assessment center"
        case .ujiKompetensi: "Uji kompetensi"
        case .catSJT: "CAT/SJT"
        case .supervisor: "Penilaian atasan"
        case .selfAssessment: "Penilaian diri"
        case .threeSixty: "Penilaian 360°"
        }
    }

    /// Whether a result by this method may become the current profile (and so enter the JPM).
    /// Self-ratings are kept as history and shown to the employee, but the spec says they never
    /// count: an employee must not be able to raise their own JPM.
    public var countsTowardProfile: Bool { self != .selfAssessment }
}
