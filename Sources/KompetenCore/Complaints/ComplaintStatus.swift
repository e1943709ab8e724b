/// Where a public complaint (pengaduan) stands. The raw values are what the API and the database
/// carry; the labels are what a resident and an operator read.
public enum ComplaintStatus: String, Codable, Sendable, CaseIterable {
    case received = "diterima"
    case inProgress = "diproses"
    case done = "selesai"
    case rejected = "ditolak"

    public var label: String {
        switch self {
        case .received: "Diterima"
        case .inProgress: "Diproses"
        case .done: "Selesai"
        case .rejected: "Ditolak"
        }
    }

    /// A closed complaint takes no more replies or transitions.
    public var isClosed: Bool { self == .done || self == .rejected }
}
