/// How a changed standar pelayanan is stored: every change is a new numbered version from a date
/// on, and a version once in force is history (the standard the public was served under). Only a
/// version announced for a later date may still be corrected in place.
public enum ServiceStandardVersioning {
    public struct Version: Sendable, Equatable {
        public let number: Int
        public let effectiveFrom: SimpleDate
        public init(number: Int, effectiveFrom: SimpleDate) {
            self.number = number
            self.effectiveFrom = effectiveFrom
        }
    }

    public enum Decision: Sendable, Equatable {
        /// A new version with this number.
        case append(Int)
        /// The not-yet-in-force version with this number gets the new content (same number, same date).
        case replace(Int)
        /// 409: the date is taken by a version already in force.
        case conflict(String)
        /// 422 on `effectiveFrom`: the date is before the latest version's.
        case invalid(String)
    }

    /// What saving a standard effective from `effectiveFrom` does, given the stored versions.
    public static func decide(_ existing: [Version], effectiveFrom: SimpleDate, today: SimpleDate) -> Decision {
        guard let latest = existing.max(by: { $0.number < $1.number }) else { return .append(1) }
        if let same = existing.first(where: { $0.effectiveFrom == effectiveFrom }) {
            if same.effectiveFrom > today { return .replace(same.number) }
            return .conflict(
                "Versi \(same.number) berlaku sejak \(IndonesianFormat.date(same.effectiveFrom)) dan sudah berlaku: versi yang sudah berlaku tidak diubah. Pilih tanggal berlaku lain untuk versi baru."
            )
        }
        if effectiveFrom < latest.effectiveFrom {
            return .invalid(
                "Tanggal berlaku harus sesudah tanggal versi terakhir (versi \(latest.number), \(IndonesianFormat.date(latest.effectiveFrom)))."
            )
        }
        return .append(latest.number + 1)
    }

    /// The version in force on `date`: the latest start on or before it; nil before the first one.
    public static func inForce(_ versions: [Version], on date: SimpleDate) -> Version? {
        versions.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }
}
