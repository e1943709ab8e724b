/// What the employee forms, the API, the import and the exports call the employment status:
/// PNS, CPNS (a PNS candidate on probation, masa percobaan: one year from TMT CPNS, PP 11/2017
/// Ps 37) or PPPK. A CPNS already has a PNS NIP, so the stored employment type stays `PNS` (the
/// NIP decides it, and every PNS rule — the 20 JP right — applies); being a CPNS is the
/// recorded TMT CPNS beside it, which Latsar is due from.
public enum EmploymentStatus: String, CaseIterable, Sendable {
    case pns = "PNS"
    case cpns = "CPNS"
    case pppk = "PPPK"

    /// The NIP kind a status needs.
    public var nipKind: NIP.Kind { self == .pppk ? .pppk : .pns }

    /// The stored type and TMT CPNS as one status.
    public static func of(employmentType: String, cpnsStart: String?) -> EmploymentStatus? {
        guard let kind = NIP.Kind(rawValue: employmentType) else { return nil }
        if kind == .pns, cpnsStart != nil { return .cpns }
        return kind == .pns ? .pns : .pppk
    }

    /// The TMT CPNS is the TMT in the NIP (digits 9–14, `yyyymm`); a TMT is always the first of
    /// its month. Nil for a PPPK number, which carries no month.
    public static func cpnsStart(of nip: NIP) -> SimpleDate? {
        nip.appointmentMonth.flatMap { SimpleDate(year: nip.appointmentYear, month: $0, day: 1) }
    }

    public static let problem = "Jenis kepegawaian harus PNS, CPNS atau PPPK."
}
