import Fluent
import KompetenCore
import Vapor

/// Everything the monitoring page shows for one scope and period, read in a handful of
/// grouped queries (the history is stored; see MonitoringHistory).
struct MonitoringReport {
    struct Period {
        let from: SimpleDate
        let to: SimpleDate
    }
    struct OPD {
        let id: UUID
        let name: String
    }
    struct Trend {
        let dates: [String]
        let byOPD: [UUID: [String: MonitoringPoint]]
    }

    let period: Period
    let opds: [OPD]
    let trend: Trend
    /// The stored dates that stand for the period's start and end.
    let startDate: String?
    let endDate: String?
    /// Per competency code, summed over the scope, at the start and the end.
    let gapsStart: [String: GapTally]
    let gapsEnd: [String: GapTally]
    let effectiveness: [UUID: EffectivenessTally]
    let programmes: [Programme]
    let providers: [Provider]
    let trained: [UUID: Int]
    let overdueBehaviour: [UUID: Int]
    let overdueReaction: [UUID: Int]
    let overdueReassessments: [UUID: Int]
    /// Active PNS in scope, and those at ≥ 20 JP in `jpYear`.
    let jp: (pns: Int, met: Int)
    let jpYear: Int
    let weights: [String: Double]
    let competencyNames: [String: String]
    let computedAt: Date?
    /// L4 service indicators per OPD: the quarter the period starts in and the one it ends in.
    let serviceStart: [UUID: ServiceIndicators.Cell]
    let serviceEnd: [UUID: ServiceIndicators.Cell]
    let skmWeight: SKMWeight

    static func load(scope: ReportScope, period: Period, today: SimpleDate, on db: any Database) async throws
        -> MonitoringReport
    {
        let instansiID = scope.instansiID
        let units = try await Unit.query(on: db).filter(\.$instansiID == instansiID).all()
        let opdOf = try Dictionary(uniqueKeysWithValues: units.map { try ($0.requireID(), $0.opdID) })
        // The page works per OPD (the history is kept per OPD): a sub-unit stands for its OPD.
        let opdIDs: [UUID]? = scope.base.map { [$0.opdID] }
        let opdNodes = scope.tree.roots.compactMap { scope.tree.node($0) }.filter { opdIDs?.contains($0.id) ?? true }
        let unitIDs: [UUID]? = opdIDs.map { ids in units.filter { ids.contains($0.opdID) }.map { $0.id! } }

        let points = try await MonitoringQueries.points(instansiID: instansiID, opdIDs: opdIDs, on: db)
        let dates = Array(Set(points.map(\.asOf))).sorted()
        var byOPD: [UUID: [String: MonitoringPoint]] = [:]
        for p in points { byOPD[p.opdID, default: [:]][p.asOf] = p }
        let startDate = dates.last { $0 <= period.from.iso } ?? dates.first
        let endDate = dates.last { $0 <= period.to.iso }
        let gaps = try await MonitoringQueries.gapTotals(
            instansiID: instansiID, opdIDs: opdIDs, dates: [startDate, endDate].compactMap { $0 }, on: db)

        let schedule = try await SettingsQueries.evaluation(instansiID, on: db).schedule
        let effectiveness = try await EffectivenessQueries.byProgramme(
            .init(instansiID: instansiID, unitIDs: unitIDs, from: period.from.iso, to: period.to.iso), on: db)
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID).all()
        let providers = try await Provider.query(on: db).filter(\.$instansiID == instansiID).all()
        func toOPD(_ counts: [UUID: Int]) -> [UUID: Int] {
            var out: [UUID: Int] = [:]
            for (unit, n) in counts { if let opd = opdOf[unit] { out[opd, default: 0] += n } }
            return out
        }
        let trained = toOPD(
            try await MonitoringQueries.trainedByUnit(
                instansiID: instansiID, unitIDs: unitIDs, from: period.from.iso, to: period.to.iso, on: db))
        let overdueBehaviour = toOPD(
            try await MonitoringQueries.overdueByUnit(
                .behaviour, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule, on: db))
        let overdueReaction = toOPD(
            try await MonitoringQueries.overdueByUnit(
                .reaction, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule, on: db))
        let overdueReassessments = toOPD(
            try await MonitoringQueries.overdueReassessmentsByUnit(
                instansiID: instansiID, unitIDs: unitIDs, today: today, on: db))
        let jpYear = period.to.year
        let jp = try await JPQueries.pnsCompliance(instansiID: instansiID, unitIDs: unitIDs, year: jpYear, on: db)
        let weights = try await SettingsQueries.development(instansiID, on: db).weights
        let services = try await ServiceCatalogue.list(instansiID: instansiID, unitIDs: unitIDs, on: db)
        let first = ReportPeriod.quarter.range(containing: period.from)
        let last = ReportPeriod.quarter.range(containing: period.to)
        // A period inside one quarter compares that quarter with itself.
        let quarters =
            first.from == last.from
            ? [(first.from, last.to, "triwulan")] : [(first.from, first.to, "awal"), (last.from, last.to, "akhir")]
        let indicators = try await ServiceIndicators.load(
            instansiID: instansiID, services: services, periods: quarters, on: db)
        let servicesByOPD = Dictionary(grouping: services) { opdOf[$0.unitID] ?? $0.unitID }.mapValues {
            $0.map { $0.id! }
        }
        let serviceStart = servicesByOPD.mapValues { indicators.merged($0, 0) }
        let serviceEnd = servicesByOPD.mapValues { indicators.merged($0, quarters.count - 1) }
        let skmWeight = try await SettingsQueries.evaluation(instansiID, on: db).skmWeight
        let names = Dictionary(
            try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map { ($0.code, $0.name) },
            uniquingKeysWith: { a, _ in a })
        return MonitoringReport(
            period: period, opds: opdNodes.map { OPD(id: $0.id, name: $0.name) },
            trend: Trend(dates: dates, byOPD: byOPD),
            startDate: startDate, endDate: endDate, gapsStart: startDate.flatMap { gaps[$0] } ?? [:],
            gapsEnd: endDate.flatMap { gaps[$0] } ?? [:],
            effectiveness: effectiveness, programmes: programmes, providers: providers, trained: trained,
            overdueBehaviour: overdueBehaviour, overdueReaction: overdueReaction,
            overdueReassessments: overdueReassessments,
            jp: jp, jpYear: jpYear, weights: weights, competencyNames: names,
            computedAt: points.map(\.computedAt).max(),
            serviceStart: serviceStart, serviceEnd: serviceEnd, skmWeight: skmWeight)
    }

    /// Mean JPM of some OPDs on a stored date (Σ JPM ÷ Σ assessed).
    func meanJPM(on date: String?, opds ids: [UUID]) -> Double? {
        guard let date else { return nil }
        var sum = 0.0
        var n = 0
        for id in ids {
            if let p = trend.byOPD[id]?[date] {
                sum += p.jpmSum
                n += p.assessed
            }
        }
        return n == 0 ? nil : GapAnalysis.round2(sum / Double(n))
    }

    /// Per competency: shortfall summed over the scope at the start and the end.
    func gapTotals() -> [(code: String, start: GapTally, end: GapTally)] {
        Set(gapsStart.keys).union(gapsEnd.keys).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            .map { ($0, gapsStart[$0] ?? .init(), gapsEnd[$0] ?? .init()) }
    }
}
