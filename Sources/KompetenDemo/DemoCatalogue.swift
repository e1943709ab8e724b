import KompetenCore

/// The demo training providers and programme catalogue: what the BPSDMD of NTT, LAN, the
/// universities in Kupang, the Kemendagri and two private LPK offer a city government in a year.
/// Providers, phone numbers and e-mail addresses are fictional (names of real institutions, made-up
/// contacts).
struct DemoCatalogue {
    /// Who may take a programme. `kinds` is for PNS holding one of the position kinds.
    enum Audience: Equatable {
        case all, pns
        case kinds([PositionKind])
    }

    /// How the enrolment planner uses a programme: `regular` follows gaps, `general` (e-learning,
    /// seminars, sosialisasi: many seats, few JP) also fills up, `leadership` (KL01) and
    /// `education` (tugas belajar) are for a chosen few.
    enum Role: Equatable { case regular, general, leadership, education }

    enum Online: Equatable {
        /// Always online at this "place" (an LMS or Zoom).
        case always(String)
        /// Online (Zoom) with this probability per batch.
        case sometimes(Double)
    }

    struct Entry {
        let programme: DemoProgramme
        let audience: Audience
        let role: Role
        let online: Online
        /// A fixed venue (benchmarking, internship, LAN's campus); nil: the provider's or in-house.
        let venue: String?
    }

    let providers: [DemoProvider]
    /// Provider code → the prefix of its certificate numbers (`BPSDMD-NTT`).
    let certificatePrefix: [String: String]
    /// Provider code → its own venues in Kupang.
    let venues: [String: [String]]
    let entries: [Entry]

    /// The 8 manajerial and the sosial kultural competencies.
    static let national = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]

    init(technicalCodes: [String], year: Int) {
        providers = Self.providerRows.map(\.provider)
        certificatePrefix = Dictionary(
            Self.providerRows.map { ($0.provider.code, $0.prefix) }, uniquingKeysWith: { a, _ in a })
        venues = Dictionary(Self.providerRows.map { ($0.provider.code, $0.venues) }, uniquingKeysWith: { a, _ in a })

        let allowed = Set(Self.national + technicalCodes)
        var rows = Self.leadership + Self.managerial + Self.publicService
        var seen = Set<String>()
        for code in technicalCodes where seen.insert(code).inserted {
            if let known = Self.technical[code] {
                rows += known
            } else {
                let suffix = "BTK-" + String(code.split(separator: ".").last ?? Substring(code))
                rows.append(
                    Row(
                        suffix, "Bimbingan Teknis Kompetensi \(code)", "KL10", "BPSDMD-NTT", [code],
                        jp: 24, cost: 2_750_000, cap: 40,
                        "Bimbingan teknis untuk meningkatkan kompetensi teknis \(code) sesuai standar kompetensi jabatan."
                    ))
            }
        }
        rows += Self.functional + Self.eLearning + Self.coaching + Self.events + Self.education

        var out: [Entry] = []
        var codes = Set<String>()
        for r in rows {
            let raises = r.raises.filter { allowed.contains($0) }
            let code = r.suffix + "-" + String(year)
            guard !raises.isEmpty, codes.insert(code).inserted else { continue }
            let form = r.path == nil ? "pendidikan" : r.path!.hasPrefix("NKL") ? "nonklasikal" : "klasikal"
            let programme = DemoProgramme(
                code: code, title: r.title, form: form, path: r.path, providerCode: r.provider,
                raises: raises.map { DemoRaise(competencyCode: $0, levelGain: r.gain) },
                jp: r.jp, costPerParticipant: r.cost, capacity: r.cap, description: r.description)
            out.append(
                Entry(programme: programme, audience: r.audience, role: r.role, online: r.online, venue: r.venue))
        }
        entries = out
    }
}
