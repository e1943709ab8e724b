/// Jenjang jabatan fungsional (PermenPANRB 1/2023, Ps 9–10): the keahlian ladder for graduates,
/// the keterampilan ladder below it. Only a fungsional position has one; raw values are stored.
public enum FunctionalGrade: String, CaseIterable, Codable, Sendable {
    case pemula, terampil, mahir, penyelia
    case ahliPertama = "ahli_pertama"
    case ahliMuda = "ahli_muda"
    case ahliMadya = "ahli_madya"
    case ahliUtama = "ahli_utama"

    public enum Category: String, Codable, Sendable {
        case keterampilan, keahlian

        public var label: String { self == .keahlian ? "Keahlian" : "Keterampilan" }
    }

    public var category: Category {
        switch self {
        case .pemula, .terampil, .mahir, .penyelia: .keterampilan
        case .ahliPertama, .ahliMuda, .ahliMadya, .ahliUtama: .keahlian
        }
    }

    public var label: String {
        switch self {
        case .pemula: "Pemula"
        case .terampil: "Terampil"
        case .mahir: "Mahir"
        case .penyelia: "Penyelia"
        case .ahliPertama: "Ahli Pertama"
        case .ahliMuda: "Ahli Muda"
        case .ahliMadya: "Ahli Madya"
        case .ahliUtama: "Ahli Utama"
        }
    }

    /// "Keahlian — Ahli Muda", as the informasi jabatan names it.
    public var fullLabel: String { "\(category.label) — \(label)" }
}
