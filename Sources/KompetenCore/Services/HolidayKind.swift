/// The two kinds of day off that the working-day count leaves out (SKB 3 Menteri each year):
/// libur nasional (national public holiday) and cuti bersama (collective leave, which the
/// government offices of Kota Kupang observe too: ASN take it from their annual leave).
public enum HolidayKind: String, Sendable, CaseIterable, Codable {
    case national = "libur_nasional"
    case collectiveLeave = "cuti_bersama"

    public var label: String {
        switch self {
        case .national: "Libur nasional"
        case .collectiveLeave: "Cuti bersama"
        }
    }
}

/// One day off as the seed lists it.
public struct HolidaySeedEntry: Sendable, Equatable {
    public let date: SimpleDate
    public let name: String
    public let kind: HolidayKind
    /// True for a date not yet fixed by an SKB (estimated from the lunar and Saka calendars):
    /// BKPPD confirms or corrects it when the SKB appears. The page marks it "perkiraan".
    public let provisional: Bool

    public init(date: SimpleDate, name: String, kind: HolidayKind, provisional: Bool) {
        self.date = date
        self.name = name
        self.kind = kind
        self.provisional = provisional
    }
}
