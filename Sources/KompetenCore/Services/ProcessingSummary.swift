/// Processing times of one service over one period, against its standar pelayanan.
public struct ProcessingSummary: Sendable, Equatable, Codable {
    /// Number of completed requests.
    public let count: Int
    /// Median; the mean of the two middle values when `count` is even.
    public let medianMinutes: Double
    /// 90th percentile by nearest rank: the ⌈0,9·n⌉-th smallest value, i.e. a time that was
    /// actually observed ("9 of 10 requests were done within …").
    public let p90Minutes: Double
    public let meanMinutes: Double
    /// Requests finished within the standard time (`minutes <= standard`).
    public let onTime: Int
    /// `onTime / count`, 0…1.
    public let onTimeShare: Double

    public init(
        count: Int, medianMinutes: Double, p90Minutes: Double, meanMinutes: Double, onTime: Int, onTimeShare: Double
    ) {
        self.count = count
        self.medianMinutes = medianMinutes
        self.p90Minutes = p90Minutes
        self.meanMinutes = meanMinutes
        self.onTime = onTime
        self.onTimeShare = onTimeShare
    }
}

/// The stored figures of one month, as kept after the raw times are summarised.
public struct MonthlyServiceFigures: Sendable, Equatable, Codable {
    public let count: Int
    public let onTime: Int
    public let meanMinutes: Double?
    public let medianMinutes: Double?
    public let p90Minutes: Double?
    /// Received but still open when the records were taken, and already past the standard:
    /// late, so they count against the on-time share (see `ProcessingTimes.onTimeShare`).
    public let overdueOpen: Int
    /// In working days (`WorkingCalendar`), from the month's tickets; nil for a monthly report.
    public let medianWorkingDays: Double?
    public let p90WorkingDays: Double?

    public init(
        count: Int, onTime: Int, meanMinutes: Double?, medianMinutes: Double?, p90Minutes: Double?,
        overdueOpen: Int = 0,
        medianWorkingDays: Double? = nil, p90WorkingDays: Double? = nil
    ) {
        self.overdueOpen = overdueOpen
        self.medianWorkingDays = medianWorkingDays
        self.p90WorkingDays = p90WorkingDays
        self.count = count
        self.onTime = onTime
        self.meanMinutes = meanMinutes
        self.medianMinutes = medianMinutes
        self.p90Minutes = p90Minutes
    }
}

/// Several months combined (a quarter, a year).
public struct CombinedFigures: Sendable, Equatable, Codable {
    public let count: Int
    public let onTime: Int
    /// Σ onTime / (Σ count + Σ overdueOpen); nil when nothing was decided.
    public let onTimeShare: Double?
    /// Count-weighted mean of the monthly means: exact.
    public let meanMinutes: Double?
    /// Count-weighted mean of the monthly medians: an approximation (see `exact`).
    public let medianMinutes: Double?
    /// Count-weighted mean of the monthly 90th percentiles: an approximation (see `exact`).
    public let p90Minutes: Double?
    /// False when the median and p90 are approximations, i.e. when more than one month with
    /// requests went into them. The report then prints them with "±" / "perkiraan".
    public let exact: Bool
    /// Σ of the months' open requests already past the standard.
    public let overdueOpen: Int
    /// Count-weighted means of the monthly working-day figures (approximations, as above); nil
    /// when no month has them.
    public let medianWorkingDays: Double?
    public let p90WorkingDays: Double?

    public init(
        count: Int, onTime: Int, onTimeShare: Double?, meanMinutes: Double?, medianMinutes: Double?,
        p90Minutes: Double?, exact: Bool, overdueOpen: Int = 0, medianWorkingDays: Double? = nil,
        p90WorkingDays: Double? = nil
    ) {
        self.overdueOpen = overdueOpen
        self.medianWorkingDays = medianWorkingDays
        self.p90WorkingDays = p90WorkingDays
        self.count = count
        self.onTime = onTime
        self.onTimeShare = onTimeShare
        self.meanMinutes = meanMinutes
        self.medianMinutes = medianMinutes
        self.p90Minutes = p90Minutes
        self.exact = exact
    }
}
