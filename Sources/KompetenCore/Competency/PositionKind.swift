/// Kinds of position (jenis jabatan) in the ASN career system (SPEC.md §1, Positions).
/// Raw values are the stored codes.
public enum PositionKind: String, CaseIterable, Codable, Sendable {
    case jpt, administrator, pengawas, pelaksana, fungsional

    /// How the kind is named in the UI (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .jpt: "Jabatan Pimpinan Tinggi"
        case .administrator: "Administrator"
        case .pengawas: "Pengawas"
        case .pelaksana: "Pelaksana"
        case .fungsional: "Fungsional"
        }
    }
}
