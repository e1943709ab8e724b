/// The 20 JP rule (PP 11/2017 Ps 203(4)): every PNS has the right to at least 20 JP of
/// competency development a year; PPPK get at most 24 JP a year. 1 JP = 45 minutes
/// (PerLAN 10/2018; `reference/jalur-pengembangan.json`).
public enum JPRule {
    public static let minimumPNS = 20
    public static let maximumPPPK = 24
    public static let minutesPerJP = 45
    /// A learning day holds at most 12 JP (9 hours of 45 minutes, the longest day a classical
    /// course schedules): a record claiming more than its dates can hold is refused.
    public static let maximumPerDay = 12

    /// The most JP an activity from `start` to `end` (both days counted) can hold; 0 when the
    /// dates are the wrong way round.
    public static func maximumJP(start: SimpleDate, end: SimpleDate) -> Int {
        let days = start.days(to: end) + 1
        return days <= 0 ? 0 : days * maximumPerDay
    }

    /// Why `jp` does not fit the dates (nil when it does), for the `jp` field.
    public static func datesProblem(jp: Int, start: SimpleDate, end: SimpleDate) -> String? {
        let days = start.days(to: end) + 1
        guard days > 0, jp > maximumJP(start: start, end: end) else { return nil }
        return
            "\(jp) JP tidak muat dalam \(days) hari kegiatan: paling banyak \(maximumPerDay) JP sehari (\(maximumJP(start: start, end: end)) JP)."
    }

    /// The PPPK cap applied to one more activity: `credited` JP already in the ledger for the
    /// year, `planned` JP of enrolments still open that end that year, `adding` the new one.
    /// Nil when it fits; otherwise the reason. The same rule guards enrolment and the
    /// verification of outside learning, so neither path credits a PPPK past 24 JP.
    public static func pppkCapProblem(credited: Int, planned: Int, adding jp: Int) -> String? {
        guard credited + planned + jp > maximumPPPK else { return nil }
        return
            "PPPK paling banyak \(maximumPPPK) JP setahun: sudah \(credited) JP tercatat dan \(planned) JP terdaftar; kegiatan ini \(jp) JP."
    }
}

/// One completed development activity credited to an employee.
public struct JPActivity: Sendable, Equatable {
    public var title: String
    public var jp: Int
    /// The year of the end date decides which year the JP count in, so an activity that
    /// runs over New Year is credited once, when the certificate can be issued.
    public var endDate: SimpleDate

    public init(title: String, jp: Int, endDate: SimpleDate) {
        self.title = title
        self.jp = jp
        self.endDate = endDate
    }
}

/// Where an employee stands against the rule for their kind of appointment.
public enum JPStatus: Equatable, Sendable {
    /// PNS under 20 JP: the right is not yet met; `missing` JP are still owed.
    case belowMinimum(missing: Int)
    /// PNS at 20 JP or more.
    case met
    /// PPPK at 24 JP or fewer.
    case withinCap
    /// PPPK over 24 JP: `excess` JP above the cap.
    case aboveCap(excess: Int)

    public var label: String {
        switch self {
        case .belowMinimum(let missing): "Kurang \(missing) JP dari minimum \(JPRule.minimumPNS) JP"
        case .met: "Memenuhi minimum \(JPRule.minimumPNS) JP"
        case .withinCap: "Dalam batas \(JPRule.maximumPPPK) JP"
        case .aboveCap(let excess): "Melebihi batas \(JPRule.maximumPPPK) JP sebanyak \(excess) JP"
        }
    }
}

/// The JP ledger of one employee: the completed activities, summed per year.
public struct JPLedger: Sendable {
    public let activities: [JPActivity]

    public init(activities: [JPActivity]) { self.activities = activities }

    /// JP credited in `year` (by end date).
    public func total(year: Int) -> Int {
        activities.filter { $0.endDate.year == year }.reduce(0) { $0 + $1.jp }
    }

    /// The minimum applies to PNS, the cap to PPPK (the two kinds have different rules).
    public func status(year: Int, kind: NIP.Kind) -> JPStatus {
        let t = total(year: year)
        switch kind {
        case .pns: return t >= JPRule.minimumPNS ? .met : .belowMinimum(missing: JPRule.minimumPNS - t)
        case .pppk: return t <= JPRule.maximumPPPK ? .withinCap : .aboveCap(excess: t - JPRule.maximumPPPK)
        }
    }

    /// Whole JP in `minutes`, rounded down: a partial lesson hour is not credited.
    /// Negative durations are input errors and count as 0.
    public static func jp(minutes: Int) -> Int {
        minutes <= 0 ? 0 : minutes / JPRule.minutesPerJP
    }

    /// Share (0…1) of people whose yearly total reaches `minimum`, for compliance reports per OPD.
    /// Nil when there is nobody, so an empty OPD is not shown as 0 % or 100 % compliant.
    public static func complianceShare(_ totals: [Int], minimum: Int = JPRule.minimumPNS) -> Double? {
        guard !totals.isEmpty else { return nil }
        return Double(totals.filter { $0 >= minimum }.count) / Double(totals.count)
    }
}

extension JPLedger {
    /// The status for a yearly total already summed elsewhere (the database sums the ledger).
    public static func status(total t: Int, kind: NIP.Kind) -> JPStatus {
        switch kind {
        case .pns: return t >= JPRule.minimumPNS ? .met : .belowMinimum(missing: JPRule.minimumPNS - t)
        case .pppk: return t <= JPRule.maximumPPPK ? .withinCap : .aboveCap(excess: t - JPRule.maximumPPPK)
        }
    }
}
