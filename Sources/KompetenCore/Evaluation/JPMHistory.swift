/// The JPM of a group of employees (an OPD) as it stood on past dates, rebuilt from the
/// assessment history: for each date, every employee's profile is the latest counted result on
/// or before it (CurrentProfile's rule), compared with today's position standard.
///
/// Positions are taken as they are now: the history shows how people grew into their current
/// jobs, not how past job moves changed the match.
public enum JPMHistory {
    public struct Person: Sendable {
        public let group: String
        public let standard: [StandardItem]
        /// Sorted by date is not required.
        public let results: [AssessedLevel]
        public init(group: String, standard: [StandardItem], results: [AssessedLevel]) {
            self.group = group
            self.standard = standard
            self.results = results
        }
    }

    /// One group on one date.
    public struct Point: Sendable, Equatable {
        /// Employees with a standard (a JPM can be computed).
        public var people = 0
        /// Of those, with at least one result by that date.
        public var assessed = 0
        /// Σ JPM of the assessed (the mean is over them: someone never assessed has no match yet).
        public var jpmSum = 0.0
        /// Per competency code: the gap tally on that date. `gapSum` here counts shortfalls only
        /// (a surplus in one person does not hide another's gap): what "closing gaps" means.
        public var gaps: [String: GapTally] = [:]

        public var meanJPM: Double? { assessed == 0 ? nil : GapAnalysis.round2(jpmSum / Double(assessed)) }
    }

    /// Per date, per group.
    public static func points(_ people: [Person], dates: [SimpleDate], formula: JPMFormula) -> [SimpleDate: [String:
        Point]]
    {
        var result: [SimpleDate: [String: Point]] = [:]
        for date in dates { result[date] = [:] }
        for person in people where !person.standard.isEmpty {
            for date in dates {
                let levels = CurrentProfile.latestLevels(person.results.filter { $0.date <= date })
                let gap = GapAnalysis.analyse(
                    standard: person.standard, actual: levels, formula: formula, thresholds: .pemetaan)
                var point = result[date]![person.group] ?? Point()
                point.people += 1
                // JPMMean's rule: the mean is over the assessed (an unknown match is not 0).
                if gap.assessedCount > 0, let jpm = gap.jpm {
                    point.assessed += 1
                    point.jpmSum += jpm
                }
                for item in gap.items {
                    point.gaps[item.competencyCode, default: GapTally()].record(
                        required: item.required, actual: item.actual)
                }
                result[date]![person.group] = point
            }
        }
        return result
    }

    /// The ends of the last `count` quarters up to `today`, oldest first; the current,
    /// unfinished quarter is represented by `today` itself.
    public static func quarterEnds(count: Int, today: SimpleDate) -> [SimpleDate] {
        var ends: [SimpleDate] = [today]
        var quarter = (today.month - 1) / 3 // 0…3, the current quarter
        var year = today.year
        while ends.count < count {
            quarter -= 1
            if quarter < 0 {
                quarter = 3
                year -= 1
            }
            let month = quarter * 3 + 3
            ends.append(SimpleDate(year: year, month: month, day: SimpleDate.daysIn(month: month, year: year))!)
        }
        return ends.reversed()
    }

    /// `Triwulan III 2026` for a date.
    public static func quarterLabel(_ date: SimpleDate) -> String {
        let names = ["I", "II", "III", "IV"]
        return "Triwulan \(names[(date.month - 1) / 3]) \(date.year)"
    }
}
