/// Whether an SKM response counts in the IKM: every response does until someone with the right
/// rejects it (with a reason); a rejected one can be restored. The raw values are what the
/// database and the API carry.
public enum SurveyResponseStatus: String, Codable, Sendable, CaseIterable {
    case counted
    case rejected

    /// As the review list shows it.
    public var label: String {
        switch self {
        case .counted: "dihitung"
        case .rejected: "ditolak"
        }
    }
}
