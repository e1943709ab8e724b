import Fluent
import KompetenCore
import Vapor

/// This year's figures of every service in a scope, with the reasons each is on the attention
/// list: what the services list shows and filters by, and what the home pages count.
enum ServiceOverviewQueries {
    struct Entry {
        let service: PublicService
        let tally: SurveyQueries.Tally
        let figures: ServiceRecordQueries.Figures
        let ikm: IKMResult?
        let reasons: Set<ServiceAttention>
        /// The ended months of the year without a record (1–12).
        let missingMonths: [Int]
    }

    /// The year so far (1 January to `today`); months end at the start of the next.
    static func load(instansiID: UUID, unitIDs: [UUID]?, today: SimpleDate, on db: any Database) async throws
        -> [Entry]
    {
        let services = try await ServiceCatalogue.list(instansiID: instansiID, unitIDs: unitIDs, on: db)
        let period = ServicePeriod(from: SimpleDate(year: today.year, month: 1, day: 1)!, to: today)
        let weight = try await SettingsQueries.skmWeight(instansiID, on: db)
        let tallies = try await SurveyQueries.byService(
            .units(instansiID: instansiID, unitIDs: unitIDs), from: period.from, to: period.to, on: db)
        let months = Dictionary(
            grouping: try await ServiceRecordQueries.months(
                serviceIDs: services.map { try $0.requireID() }, from: period.from, to: period.to, on: db),
            by: \.serviceID)
        return try services.map { s in
            let id = try s.requireID()
            let tally = tallies[id] ?? SurveyQueries.Tally()
            let rows = months[id] ?? []
            let figures = ServiceRecordQueries.figures(rows)
            let reported = Set(
                rows.compactMap { m -> Int? in
                    guard m.month.hasPrefix("\(today.year)-") else { return nil }
                    return Int(m.month.suffix(2))
                })
            let ended = today.month - 1
            return Entry(
                service: s, tally: tally, figures: figures,
                ikm: tally.ikm(weight: weight, population: figures.count > 0 ? figures.count : nil),
                reasons: s.isActive
                    ? ServiceAttention.reasons(
                        onTimeShare: figures.onTimeShare,
                        respondents: tally.respondents, population: figures.count, reportedMonths: reported,
                        monthsEnded: ended) : [],
                missingMonths: s.isActive
                    ? ServiceAttention.missingMonths(reportedMonths: reported, monthsEnded: ended) : [])
        }
    }
}
