/// The three competency groups of PermenPANRB 38/2017 (SPEC.md §1).
/// Raw values are the codes stored in the database and used in imports and the API.
public enum CompetencyGroup: String, CaseIterable, Codable, Sendable {
    case teknis, manajerial
    case sosialKultural = "sosial_kultural"

    /// How the group is named in the UI (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .teknis: "Teknis"
        case .manajerial: "Manajerial"
        case .sosialKultural: "Sosial Kultural"
        }
    }
}
