import Foundation

/// The service time promised in a standar pelayanan ("1 hari", "60 menit").
///
/// Days are calendar days of 1440 minutes: the standar pelayanan of the adminduk services
/// (KTP-el, KK, akta) state calendar days and hours, and the request log records wall-clock
/// times, so no working-day calendar is involved. "Hari kerja" is therefore not accepted.
public struct StandardTime: Sendable, Equatable, Hashable, Codable {
    /// 1…100 000.
    public let value: Int
    public let unit: Unit

    public enum Unit: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case minutes = "menit"
        case hours = "jam"
        case days = "hari"

        /// The Indonesian word, as written in a standar pelayanan.
        public var label: String { rawValue }

        public var minutes: Int {
            switch self {
            case .minutes: 1
            case .hours: 60
            case .days: 1440
            }
        }
    }

    /// The accepted values: large enough for any real standard, small enough that
    /// `value × 1440` cannot overflow.
    public static let valueRange = 1...100_000

    public init?(value: Int, unit: Unit) {
        guard StandardTime.valueRange.contains(value) else { return nil }
        self.value = value
        self.unit = unit
    }

    /// The largest unit that divides `minutes` exactly: 1440 → 1 hari, 120 → 2 jam, 90 → 90 menit.
    public init?(minutes: Int) {
        guard minutes >= 1 else { return nil }
        for unit in [Unit.days, .hours, .minutes] where minutes % unit.minutes == 0 {
            if let time = StandardTime(value: minutes / unit.minutes, unit: unit) { self = time; return }
        }
        return nil
    }

    /// Parses `"30 menit"`, `"2 jam"`, `"1 hari"` (any case, extra spaces allowed).
    public init?(text: String) {
        let parts = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(parts[0]), let unit = Unit(rawValue: String(parts[1])) else { return nil }
        self.init(value: value, unit: unit)
    }

    public var minutes: Int { value * unit.minutes }

    /// `"1 hari"`, `"60 menit"`.
    public var label: String { "\(value) \(unit.label)" }
}
