/// Kinds of organisational unit (OPD → bidang/seksi/UPT; kecamatan → kelurahan).
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case opd, sekretariat, bidang, seksi, upt, kecamatan, kelurahan

    public var label: String {
        switch self {
        case .opd: "OPD"
        case .sekretariat: "Sekretariat"
        case .bidang: "Bidang"
        case .seksi: "Seksi/Subbagian"
        case .upt: "UPT"
        case .kecamatan: "Kecamatan"
        case .kelurahan: "Kelurahan"
        }
    }

    /// Kinds that stand at the top of the tree (an operator is bound to one of these).
    public var isTopLevel: Bool { self == .opd || self == .kecamatan }
}
