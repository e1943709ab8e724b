/// The weight of each of the nine elements in the IKM.
///
/// PermenPANRB 14/2017 defines the weight as 1/9 but its worked example writes 0,111, and some
/// units still follow older guides with 0,11. The three give visibly different IKMs (an all-"3"
/// survey scores 75,00, 74,93 or 74,25), so the setting is explicit rather than hidden.
public enum SKMWeight: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Exactly 1/9 (the regulation's definition; the default).
    case ninth = "1/9"
    /// 0,111 as printed in the regulation's example.
    case w0111 = "0.111"
    /// 0,11 as used by older guides.
    case w011 = "0.11"

    /// Parses the stored setting (`"1/9"`, `"0.111"`, `"0.11"`).
    public init?(setting: String) {
        self.init(rawValue: setting)
    }

    /// The text stored in the settings table.
    public var setting: String { rawValue }

    /// The weight as a number (1/9 is the nearest Double to one ninth).
    public var value: Double {
        switch self {
        case .ninth: 1.0 / 9.0
        case .w0111: 0.111
        case .w011: 0.11
        }
    }

    /// How the choice is shown in the settings form.
    public var label: String {
        switch self {
        case .ninth: "1/9 (0,1111…)"
        case .w0111: "0,111"
        case .w011: "0,11"
        }
    }

    /// Σ(NRR × weight) for a sum of NRRs. Dividing by 9 (instead of multiplying by 0,1111…)
    /// keeps an all-"3" survey at exactly 75,00 before any rounding.
    func weighted(_ nrrSum: Double) -> Double {
        switch self {
        case .ninth: nrrSum / 9
        case .w0111, .w011: nrrSum * value
        }
    }
}
