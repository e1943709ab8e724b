import Foundation

/// The service time promised in a standar pelayanan ("60 menit", "1 hari", "28 hari kerja").
///
/// Minutes, hours and calendar days ("hari", 1440 minutes) are judged on the wall-clock time from
/// received to completed: the adminduk standards (KTP-el, KK, akta) are written that way. Working
/// days ("hari kerja", e.g. PBG in PP 16/2021) are judged in `WorkingCalendar` days instead.
public struct StandardTime: Sendable, Equatable, Hashable, Codable {
    /// 1…100 000.
    public let value: Int
    public let unit: Unit

    public enum Unit: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case minutes = "menit"
        case hours = "jam"
        case days = "hari"
        case workingDays = "hari_kerja"

        /// The Indonesian words, as written in a standar pelayanan.
        public var label: String { self == .workingDays ? "hari kerja" : rawValue }

        /// Minutes per unit. A working day has no fixed length: its figure is the calendar
        /// equivalent of five working days a week (7/5 of 1440), used only to fill the old
        /// `standard_minutes` column and to size demo data, never to judge a request.
        public var minutes: Int {
            switch self {
            case .minutes: 1
            case .hours: 60
            case .days: 1440
            case .workingDays: 2016
            }
        }
    }

    /// The accepted values: large enough for any real standard, small enough that
    /// `value × 2016` cannot overflow.
    public static let valueRange = 1...100_000

    public init?(value: Int, unit: Unit) {
        guard StandardTime.valueRange.contains(value) else { return nil }
        self.value = value
        self.unit = unit
    }

    /// The largest clock unit that divides `minutes` exactly: 1440 → 1 hari, 120 → 2 jam, 90 → 90
    /// menit. Never working days: a number of minutes cannot say it meant them.
    public init?(minutes: Int) {
        guard minutes >= 1 else { return nil }
        for unit in [Unit.days, .hours, .minutes] where minutes % unit.minutes == 0 {
            if let time = StandardTime(value: minutes / unit.minutes, unit: unit) {
                self = time
                return
            }
        }
        return nil
    }

    /// Parses `"30 menit"`, `"2 jam"`, `"1 hari"`, `"28 hari kerja"` (any case, extra spaces allowed).
    public init?(text: String) {
        let parts = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard (2...3).contains(parts.count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(parts[0]),
            let unit = Unit.allCases.first(where: { $0.label == parts.dropFirst().joined(separator: " ") })
        else { return nil }
        self.init(value: value, unit: unit)
    }

    /// In minutes; for working days the calendar equivalent (see `Unit.minutes`).
    public var minutes: Int { value * unit.minutes }

    public var isWorkingDays: Bool { unit == .workingDays }

    /// `"1 hari"`, `"60 menit"`, `"28 hari kerja"`.
    public var label: String { "\(value) \(unit.label)" }
}
