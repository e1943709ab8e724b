/// Why a public service is on BKPPD's and the OPD's attention list on the home page. The
/// services list filters by the same reasons (`/services?perhatian=`), so a figure on a home
/// page and the list it links to count the same services.
public enum ServiceAttention: String, CaseIterable, Sendable {
    /// Fewer than `onTimeTarget` of this year's completed requests were finished within the
    /// service standard's time.
    case belowStandard = "standar"
    /// This year's SKM respondents are fewer than the Krejcie–Morgan minimum for the year's
    /// service users (PermenPANRB 14/2017): the IKM is not yet representative.
    case fewResponses = "sampel"
    /// A month of this year that has ended has no service record (volume and processing times).
    case missingRecords = "catatan"

    /// The share of requests finished on time below which a service counts as below its
    /// standard. The regulation sets the standard time per request, not a share; 80 % is the
    /// line BKPPD uses for "mostly on time", so one late request in ten does not raise an alarm.
    public static let onTimeTarget = 0.8

    public var label: String {
        switch self {
        case .belowStandard: "Di bawah standar waktu (tepat waktu < 80 %)"
        case .fewResponses: "Responden SKM kurang dari sampel minimum"
        case .missingRecords: "Catatan layanan bulanan belum lengkap"
        }
    }

    /// What a service's figures for the year so far say. `onTimeShare` nil: nothing completed
    /// yet (no judgement); `population` 0: volume unknown, so the sample is not judged either;
    /// `reportedMonths` are the months (1–12) with a record; `monthsEnded` is how many months of
    /// the year have ended (in January none are due yet).
    public static func reasons(
        onTimeShare: Double?, respondents: Int, population: Int, reportedMonths: Set<Int>, monthsEnded: Int
    ) -> Set<ServiceAttention> {
        var reasons: Set<ServiceAttention> = []
        if let share = onTimeShare, share < onTimeTarget { reasons.insert(.belowStandard) }
        if let minimum = KrejcieMorgan.minimumSample(population: population), respondents < minimum {
            reasons.insert(.fewResponses)
        }
        if !missingMonths(reportedMonths: reportedMonths, monthsEnded: monthsEnded).isEmpty {
            reasons.insert(.missingRecords)
        }
        return reasons
    }

    /// The ended months (1…`monthsEnded`) without a record, in order.
    public static func missingMonths(reportedMonths: Set<Int>, monthsEnded: Int) -> [Int] {
        guard monthsEnded > 0 else { return [] }
        return (1...min(monthsEnded, 12)).filter { !reportedMonths.contains($0) }
    }
}
