import Fluent
import Foundation
import KompetenCore

/// Service indicators of many services at once, bucketed by period: two grouped reads (survey
/// sums per service and month, service months), then folded in memory. The transparency page,
/// the SKM overview, the impact page and the L4 column of the monitoring page use it.
struct ServiceIndicators {
    struct Cell: Sendable {
        var tally = SurveyQueries.Tally()
        var months: [ServiceMonth] = []
        var figures: ServiceRecordQueries.Figures { ServiceRecordQueries.figures(months) }
        func ikm(_ weight: SKMWeight) -> IKMResult? {
            let population = figures.count
            return tally.ikm(weight: weight, population: population > 0 ? population : nil)
        }
        var u6: Double? { tally.answered[5] > 0 ? Double(tally.sums[5]) / Double(tally.answered[5]) : nil }
    }

    let services: [PublicService]
    /// Per service, per period index (the order of `periods`).
    private(set) var cells: [UUID: [Int: Cell]] = [:]
    let periods: [(from: SimpleDate, to: SimpleDate, label: String)]

    /// Survey sums per period over exactly its days (one grouped read per period); service
    /// records, kept per month, count for a period only when the whole month lies inside it.
    static func load(
        instansiID: UUID, services: [PublicService], periods: [(from: SimpleDate, to: SimpleDate, label: String)],
        on db: any Database
    ) async throws -> ServiceIndicators {
        var out = ServiceIndicators(services: services, periods: periods)
        guard let first = periods.map(\.from).min(), let last = periods.map(\.to).max(), !services.isEmpty else {
            return out
        }
        let ids = try Set(services.map { try $0.requireID() })
        for (i, p) in periods.enumerated() {
            for (serviceID, tally) in try await SurveyQueries.byService(
                .units(instansiID: instansiID, unitIDs: nil), from: p.from, to: p.to, on: db)
            where ids.contains(serviceID) {
                out.cells[serviceID, default: [:]][i, default: Cell()].tally = tally
            }
        }
        for m in try await ServiceRecordQueries.months(serviceIDs: Array(ids), from: first, to: last, on: db) {
            guard let start = SimpleDate(iso: m.month + "-01") else { continue }
            let end = start.adding(months: 1).adding(days: -1)
            guard let i = periods.firstIndex(where: { $0.from <= start && end <= $0.to }) else { continue }
            out.cells[m.serviceID, default: [:]][i, default: Cell()].months.append(m)
        }
        return out
    }

    private init(services: [PublicService], periods: [(from: SimpleDate, to: SimpleDate, label: String)]) {
        self.services = services
        self.periods = periods
    }

    func cell(_ serviceID: UUID, _ period: Int) -> Cell { cells[serviceID]?[period] ?? Cell() }

    /// The services whose `unitOf` maps to `group`, merged.
    func merged(_ serviceIDs: [UUID], _ period: Int) -> Cell {
        var c = Cell()
        for id in serviceIDs {
            let one = cell(id, period)
            c.tally = c.tally + one.tally
            c.months += one.months
        }
        return c
    }
}
