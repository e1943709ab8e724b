/// Training needs analysis (analisis kebutuhan pengembangan kompetensi, PP 11/2017 Ps 206):
/// from every employee's gaps, which competencies they need and which programmes raise them.

/// A programme as the needs analysis sees it.
public struct NeedProgramme: Sendable, Equatable {
    public let id: String
    public let costPerParticipant: Int
    /// Competency code → levels gained.
    public let raises: [String: Int]

    public init(id: String, costPerParticipant: Int, raises: [String: Int]) {
        self.id = id
        self.costPerParticipant = costPerParticipant
        self.raises = raises
    }
}

/// One employee below standard in one competency, by a KNOWN level.
public struct Need: Sendable, Equatable {
    public let employee: String
    public let competencyCode: String
    /// required − actual, always ≥ 1. A competency never assessed is no need: its gap is unknown
    /// (counting it as actual 0 would invent a gap of the whole standard and spend money on it);
    /// it goes to `AssessmentNeeds` instead.
    public let gap: Int

    public init(employee: String, competencyCode: String, gap: Int) {
        self.employee = employee
        self.competencyCode = competencyCode
        self.gap = gap
    }

    /// The needs of one person: the competencies with a known level below standard, in the
    /// standard's order. The database reads (TNAQueries) apply the same rule in SQL.
    public static func from(employee: String, gap: GapResult) -> [Need] {
        gap.items.compactMap { item in
            guard item.actual != nil, let g = item.gap, g > 0 else { return nil }
            return Need(employee: employee, competencyCode: item.competencyCode, gap: g)
        }
    }
}

/// How many people need one competency: the line of a summary per OPD or city-wide.
public struct CompetencyNeed: Sendable, Equatable {
    public let competencyCode: String
    public let people: Int
    public let totalGap: Int
    /// People per gap size: [1: 40, 2: 12, …].
    public let byGap: [Int: Int]

    /// From people counted per gap size (what a grouped database query returns): someone has one
    /// gap per competency, so the people are the sum of the counts.
    public init(competencyCode: String, byGap: [Int: Int]) {
        self.competencyCode = competencyCode
        self.byGap = byGap.filter { $0.key > 0 && $0.value > 0 }
        people = self.byGap.values.reduce(0, +)
        totalGap = self.byGap.reduce(0) { $0 + $1.key * $1.value }
    }

    init(competencyCode: String, people: Int, totalGap: Int, byGap: [Int: Int]) {
        self.competencyCode = competencyCode
        self.people = people
        self.totalGap = totalGap
        self.byGap = byGap
    }

    /// Largest total gap first, then by code.
    public static func ordered(_ list: [CompetencyNeed]) -> [CompetencyNeed] {
        list.sorted { ($1.totalGap, $0.competencyCode) < ($0.totalGap, $1.competencyCode) }
    }
}

public struct TrainingNeeds: Sendable {
    /// Per competency, the programmes raising it, cheapest first (then by id for a stable order).
    private let byCompetency: [String: [NeedProgramme]]

    public init(programmes: [NeedProgramme]) {
        var index: [String: [NeedProgramme]] = [:]
        for p in programmes {
            for (code, gain) in p.raises where gain > 0 { index[code, default: []].append(p) }
        }
        byCompetency = index.mapValues { $0.sorted { ($0.costPerParticipant, $0.id) < ($1.costPerParticipant, $1.id) } }
    }

    /// Programmes that raise `code`, the ones closing the whole gap first (a training that
    /// leaves the person still below standard is a weaker recommendation), each group cheapest first.
    public func matches(competencyCode code: String, gap: Int) -> [String] {
        let all = byCompetency[code] ?? []
        let closing = all.filter { ($0.raises[code] ?? 0) >= gap }
        let partial = all.filter { ($0.raises[code] ?? 0) < gap }
        return (closing + partial).map(\.id)
    }

    /// People and total gap per competency, largest total gap first (then by code).
    public static func summary(_ needs: [Need]) -> [CompetencyNeed] {
        var people: [String: Set<String>] = [:]
        var total: [String: Int] = [:]
        var byGap: [String: [Int: Int]] = [:]
        for n in needs where n.gap > 0 {
            people[n.competencyCode, default: []].insert(n.employee)
            total[n.competencyCode, default: 0] += n.gap
            byGap[n.competencyCode, default: [:]][n.gap, default: 0] += 1
        }
        return CompetencyNeed.ordered(
            total.keys.map { code in
                CompetencyNeed(
                    competencyCode: code, people: people[code]?.count ?? 0, totalGap: total[code] ?? 0,
                    byGap: byGap[code] ?? [:])
            })
    }
}
