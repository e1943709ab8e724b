/// Mandatory training (pelatihan wajib): Latsar for a CPNS within the probation (PP 11/2017 Ps 37,
/// Perlan 1/2021), and the leadership training of the position an official was appointed to —
/// PKP for pengawas, PKA for administrator, PKN Tingkat II for JPT pratama — within a set number
/// of months after the appointment (TMT jabatan). The periods are settings; this is the one
/// place that turns a start date, a period and a completion into a status.

/// What is required. The raw value is what the database, the API and the exports carry.
public enum MandatoryKind: String, CaseIterable, Codable, Sendable {
    case latsar, pkp, pka, pkn2

    public var label: String {
        switch self {
        case .latsar: "Latsar CPNS"
        case .pkp: "PKP (Pelatihan Kepemimpinan Pengawas)"
        case .pka: "PKA (Pelatihan Kepemimpinan Administrator)"
        case .pkn2: "PKN Tingkat II"
        }
    }

    /// The short name used in tables and exports.
    public var shortLabel: String {
        switch self {
        case .latsar: "Latsar CPNS"
        case .pkp: "PKP"
        case .pka: "PKA"
        case .pkn2: "PKN Tingkat II"
        }
    }

    /// The leadership training a position kind requires. Every JPT of a kota is pratama (the
    /// Sekretaris Daerah included), so `jpt` requires PKN Tingkat II; pelaksana and fungsional
    /// have no leadership training.
    public static func forPosition(_ kind: PositionKind) -> MandatoryKind? {
        switch kind {
        case .pengawas: .pkp
        case .administrator: .pka
        case .jpt: .pkn2
        case .pelaksana, .fungsional: nil
        }
    }
}

public enum MandatoryStatus: String, CaseIterable, Codable, Sendable {
    /// Not done, the deadline not passed (the deadline day itself included).
    case due
    /// Not done, the deadline passed.
    case overdue
    /// Completed (on time or late: `late` says which).
    case done

    public var label: String {
        switch self {
        case .due: "Belum, masih dalam tenggat"
        case .overdue: "Terlambat"
        case .done: "Selesai"
        }
    }
}

/// The periods BKPPD sets, in months from the start date (TMT CPNS or TMT jabatan).
public struct MandatoryDeadlines: Sendable, Equatable {
    /// The CPNS probation (masa percobaan) is one year (PP 11/2017 Ps 37): Latsar within it.
    public var latsarMonths: Int
    public var pkpMonths: Int
    public var pkaMonths: Int
    public var pkn2Months: Int

    public static let standard = MandatoryDeadlines(latsarMonths: 12, pkpMonths: 12, pkaMonths: 12, pkn2Months: 12)
    /// What the settings form accepts: at least a month, at most five years.
    public static let allowedMonths = 1...60

    public init(latsarMonths: Int, pkpMonths: Int, pkaMonths: Int, pkn2Months: Int) {
        self.latsarMonths = latsarMonths
        self.pkpMonths = pkpMonths
        self.pkaMonths = pkaMonths
        self.pkn2Months = pkn2Months
    }

    public func months(_ kind: MandatoryKind) -> Int {
        switch kind {
        case .latsar: latsarMonths
        case .pkp: pkpMonths
        case .pka: pkaMonths
        case .pkn2: pkn2Months
        }
    }
}

/// One requirement of one person, judged on one day.
public struct MandatoryRequirement: Sendable, Equatable {
    public let kind: MandatoryKind
    /// TMT CPNS or TMT jabatan.
    public let start: SimpleDate
    /// The last day it may be completed on time.
    public let dueDate: SimpleDate
    public let status: MandatoryStatus
    public let completedOn: SimpleDate?
    /// Completed after the due date.
    public var late: Bool { completedOn.map { $0 > dueDate } ?? false }

    public init(
        kind: MandatoryKind, start: SimpleDate, dueDate: SimpleDate, status: MandatoryStatus, completedOn: SimpleDate?
    ) {
        self.kind = kind
        self.start = start
        self.dueDate = dueDate
        self.status = status
        self.completedOn = completedOn
    }
}

public enum MandatoryTraining {
    /// The start date plus the period in whole months, the day clamped to the month's length
    /// (TMT 31 January + 1 month = 28 February, 29 in a leap year): completing on that day is
    /// on time, the day after is late.
    public static func dueDate(start: SimpleDate, months: Int) -> SimpleDate {
        start.adding(months: months)
    }

    /// A completion on or before `today` is done, whenever it happened (a PKP finished before the
    /// appointment still counts: the competency is there); a completion dated after `today` is
    /// not yet a completion.
    public static func judge(
        _ kind: MandatoryKind, start: SimpleDate, months: Int, completedOn: SimpleDate?, today: SimpleDate
    ) -> MandatoryRequirement {
        let due = dueDate(start: start, months: months)
        let done = completedOn.flatMap { $0 <= today ? $0 : nil }
        let status: MandatoryStatus = done != nil ? .done : (today > due ? .overdue : .due)
        return MandatoryRequirement(kind: kind, start: start, dueDate: due, status: status, completedOn: done)
    }

    /// The requirements of one person: Latsar while they are a CPNS (a TMT CPNS recorded), and
    /// the leadership training of their position when its TMT jabatan is recorded (an
    /// appointment without a TMT has no deadline to count from, so it is not tracked).
    public static func requirements(
        cpnsStart: SimpleDate?, positionKind: PositionKind?, positionStart: SimpleDate?
    ) -> [(kind: MandatoryKind, start: SimpleDate)] {
        var list: [(kind: MandatoryKind, start: SimpleDate)] = []
        if let cpnsStart { list.append((.latsar, cpnsStart)) }
        if let positionKind, let positionStart, let kind = MandatoryKind.forPosition(positionKind) {
            list.append((kind, positionStart))
        }
        return list
    }

    /// Counts per status (what the dashboard panel and the per-OPD table show).
    public struct Counts: Sendable, Equatable {
        public var due = 0, overdue = 0, done = 0
        public init(due: Int = 0, overdue: Int = 0, done: Int = 0) {
            self.due = due
            self.overdue = overdue
            self.done = done
        }
        public var total: Int { due + overdue + done }
        public mutating func add(_ s: MandatoryStatus) {
            switch s {
            case .due: due += 1
            case .overdue: overdue += 1
            case .done: done += 1
            }
        }
    }
}
