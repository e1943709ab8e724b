/// The roles of SPEC.md. Raw values are the codes stored in the database and used in the API.
public enum Role: String, CaseIterable, Codable, Sendable {
    case superadmin, admin, `operator`, supervisor, assessor, employee, provider

    /// How the role is named in the UI (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .superadmin: "Superadmin"
        case .admin: "Admin BKPPD"
        case .operator: "Operator OPD"
        case .supervisor: "Atasan Langsung"
        case .assessor: "Asesor"
        case .employee: "Pegawai"
        case .provider: "Lembaga Pelatihan"
        }
    }
}
