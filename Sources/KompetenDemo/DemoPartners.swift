import KompetenCore

/// One agreement (MoU / PKS) of the city with a demo provider.
public struct DemoAgreement: Sendable, Equatable {
    public let providerCode: String
    /// `mou` or `pks`.
    public let kind: String
    public let number: String
    public let title: String
    public let scope: String
    public let startDate: SimpleDate
    public let endDate: SimpleDate
    public let signatories: String
}

/// LAN's accreditation of one demo programme.
public struct DemoProgrammeAccreditation: Sendable, Equatable {
    /// `A`, `B`, `C` or `belum`.
    public let grade: String
    public let number: String
    public let until: SimpleDate?
}

/// The partners' story, seen on 29 November 2026: every institution works under a PKS running
/// to the end of 2028, except that
/// - LAN's umbrella MoU with the city ends on 15 February 2027 ("akan berakhir": renew it now);
/// - LPK Sasando Prima's PKS ended on 31 December 2025 and was not renewed, yet its 2026
///   courses ran: those batches are "di luar perjanjian kerja sama" on its page and BKPPD's list.
/// Government institutions' programmes carry LAN's programme accreditation; private courses not.
public enum DemoPartners {
    public static let lapsedProvider = "LPK-SASANDO"
    public static let expiringProvider = "LAN-PUSLATBANG-KMP"

    static func d(_ y: Int, _ m: Int, _ day: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: day)! }

    public static func agreements(_ providers: [DemoProvider]) -> [DemoAgreement] {
        var result: [DemoAgreement] = []
        for (i, p) in providers.enumerated() {
            let seq = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            func add(
                _ kind: String, _ number: String, _ title: String, _ scope: String, _ term: ClosedRange<SimpleDate>
            ) {
                result.append(
                    DemoAgreement(
                        providerCode: p.code, kind: kind, number: number, title: title, scope: scope,
                        startDate: term.lowerBound, endDate: term.upperBound,
                        signatories: "Wali Kota Kupang\nPimpinan \(p.name)"))
            }
            switch p.code {
            case lapsedProvider:
                add(
                    "pks", "PKS/\(seq)/BKPPD/2024", "Kursus keterampilan perkantoran dan komunikasi ASN",
                    "Kursus dan pelatihan keterampilan (KL02, KL08) bagi ASN Pemerintah Kota Kupang.",
                    d(2024, 2, 1)...d(2025, 12, 31))
                continue
            case expiringProvider:
                add(
                    "mou", "MoU/\(seq)/PEMKOT-KPG/2022", "Nota kesepahaman pengembangan kompetensi aparatur",
                    "Kerja sama pengembangan kompetensi ASN, kajian kebijakan dan inovasi pelayanan publik.",
                    d(2022, 2, 16)...d(2027, 2, 15))
            default: break
            }
            add(
                "pks", "PKS/\(seq)/BKPPD/2025", "Penyelenggaraan pengembangan kompetensi ASN Kota Kupang",
                "Penyelenggaraan pelatihan, kursus dan pendidikan sesuai katalog program BKPPD 2025–2028.",
                d(2025, 1, 2)...d(2028, 12, 31))
        }
        return result
    }

    /// Government institutions (BPSDMD, LAN, ministries) hold A for their leadership and core
    /// programmes, universities B; private courses are not accredited as programmes.
    public static func accreditation(_ programme: DemoProgramme, providerKind: String, index: Int)
        -> DemoProgrammeAccreditation
    {
        guard programme.form != "pendidikan" else {
            return DemoProgrammeAccreditation(grade: "belum", number: "", until: nil)
        }
        let seq = String(100 + index)
        switch providerKind {
        case "bpsdmd", "lan", "kementerian":
            return DemoProgrammeAccreditation(
                grade: "A", number: "AKR-PROG/\(seq)/LAN/2025", until: d(2028, 6, 30))
        case "universitas":
            return DemoProgrammeAccreditation(
                grade: "B", number: "AKR-PROG/\(seq)/LAN/2024", until: d(2027, 9, 30))
        default:
            return DemoProgrammeAccreditation(grade: "belum", number: "", until: nil)
        }
    }
}
