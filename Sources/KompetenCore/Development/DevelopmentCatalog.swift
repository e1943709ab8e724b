/// The vocabulary of the catalogue: forms and paths of competency development (PerLAN 10/2018,
/// `reference/jalur-pengembangan.json`; the KL/NKL codes are a common convention), and the kinds of
/// training institution.
public enum DevelopmentForm: String, CaseIterable, Codable, Sendable {
    case pendidikan, klasikal, nonklasikal

    public var label: String {
        switch self {
        case .pendidikan: "Pendidikan (tugas belajar, pendidikan formal)"
        case .klasikal: "Pelatihan klasikal"
        case .nonklasikal: "Pelatihan nonklasikal"
        }
    }
}

public struct DevelopmentPath: Sendable, Equatable {
    public let code: String
    public let form: DevelopmentForm
    public let name: String

    public static let all: [DevelopmentPath] = [
        DevelopmentPath(code: "KL01", form: .klasikal, name: "Pelatihan struktural kepemimpinan"),
        DevelopmentPath(code: "KL02", form: .klasikal, name: "Pelatihan manajerial"),
        DevelopmentPath(code: "KL03", form: .klasikal, name: "Pelatihan teknis"),
        DevelopmentPath(code: "KL04", form: .klasikal, name: "Pelatihan fungsional"),
        DevelopmentPath(code: "KL05", form: .klasikal, name: "Pelatihan sosial kultural"),
        DevelopmentPath(code: "KL06", form: .klasikal, name: "Seminar/konferensi/sarasehan"),
        DevelopmentPath(code: "KL07", form: .klasikal, name: "Workshop atau lokakarya"),
        DevelopmentPath(code: "KL08", form: .klasikal, name: "Kursus"),
        DevelopmentPath(code: "KL09", form: .klasikal, name: "Penataran"),
        DevelopmentPath(code: "KL10", form: .klasikal, name: "Bimbingan teknis"),
        DevelopmentPath(code: "KL11", form: .klasikal, name: "Sosialisasi"),
        DevelopmentPath(code: "KL12", form: .klasikal, name: "Jalur klasikal lainnya"),
        DevelopmentPath(code: "NKL01", form: .nonklasikal, name: "Coaching"),
        DevelopmentPath(code: "NKL02", form: .nonklasikal, name: "Mentoring"),
        DevelopmentPath(code: "NKL03", form: .nonklasikal, name: "E-learning"),
        DevelopmentPath(code: "NKL04", form: .nonklasikal, name: "Pelatihan jarak jauh"),
        DevelopmentPath(code: "NKL05", form: .nonklasikal, name: "Detasering (secondment)"),
        DevelopmentPath(code: "NKL06", form: .nonklasikal, name: "Pembelajaran alam terbuka (outbound)"),
        DevelopmentPath(code: "NKL07", form: .nonklasikal, name: "Patok banding (benchmarking)"),
        DevelopmentPath(code: "NKL08", form: .nonklasikal, name: "Pertukaran PNS dengan pegawai swasta/BUMN/BUMD"),
        DevelopmentPath(code: "NKL09", form: .nonklasikal, name: "Belajar mandiri (self development)"),
        DevelopmentPath(code: "NKL10", form: .nonklasikal, name: "Komunitas belajar (community of practices)"),
        DevelopmentPath(code: "NKL11", form: .nonklasikal, name: "Bimbingan di tempat kerja"),
        DevelopmentPath(code: "NKL12", form: .nonklasikal, name: "Magang/praktik kerja"),
        DevelopmentPath(code: "NKL13", form: .nonklasikal, name: "Jalur nonklasikal lainnya"),
    ]

    public static func named(_ code: String) -> DevelopmentPath? { all.first { $0.code == code } }

    /// Pendidikan has no paths; the other two forms need one of their own.
    public static func isValid(form: DevelopmentForm, path: String?) -> Bool {
        switch form {
        case .pendidikan: return path == nil || path == ""
        case .klasikal, .nonklasikal: return path.flatMap(named)?.form == form
        }
    }
}

public enum ProviderKind: String, CaseIterable, Codable, Sendable {
    case bpsdmd, lan, kementerian, universitas, swasta
    /// BKPPD's own training (bimtek, coaching, in-house courses by the city's widyaiswara).
    case inHouse = "internal"

    /// Whether its programmes must run under an agreement (MoU/PKS): the city does not sign a
    /// cooperation agreement with itself, so in-house training never runs "outside" one.
    public var needsAgreement: Bool { self != .inHouse }

    public var label: String {
        switch self {
        case .inHouse: "Internal (BKPPD Kota)"
        case .bpsdmd: "BPSDMD Provinsi"
        case .lan: "Lembaga Administrasi Negara"
        case .kementerian: "Kementerian/lembaga"
        case .universitas: "Perguruan tinggi"
        case .swasta: "Lembaga pelatihan swasta"
        }
    }
}

/// Accreditation of a training institution (LAN accredits lembaga pelatihan pemerintah A/B/C).
public enum Accreditation: String, CaseIterable, Codable, Sendable {
    case a = "A"
    case b = "B"
    case c = "C"
    case belum

    public var label: String { self == .belum ? "Belum terakreditasi" : "Terakreditasi \(rawValue)" }
}
