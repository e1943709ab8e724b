import Fluent
import KompetenCore
import Vapor

/// The counts on an operator's and BKPPD's home page. Each is read with the same query as the
/// list it links to, so a figure and its list cannot disagree.
enum WorklistQueries {
    struct Counts {
        var assessmentNeeds = 0
        var belowJP = 0
        var overdueBehaviour = 0
        var overdueReaction = 0
        var overdueReassessments = 0
        var complaints: [ComplaintStatus: Int] = [:]
        var services: [ServiceAttention: Int] = [:]
    }

    /// `opdID` nil: the whole instansi (BKPPD). `people`: this year's JP of everyone in that
    /// scope when the caller has read it already (the development panel has), else read here.
    static func counts(
        instansiID: UUID, opdID: UUID?, today: SimpleDate, people: [JPQueries.Person]?, on db: any Database
    ) async throws -> Counts {
        let unitIDs = try await opdID.asyncMap { try await UnitQueries.ids(inOPD: $0, on: db) }
        var c = Counts()
        c.assessmentNeeds = try await AssessmentNeedsQueries.count(instansiID: instansiID, unitIDs: unitIDs, on: db)
        var jp = people ?? []
        if people == nil {
            jp = try await JPQueries.people(instansiID: instansiID, unitIDs: unitIDs, year: today.year, on: db)
        }
        c.belowJP = jp.filter { $0.kind == .pns && $0.jp < JPRule.minimumPNS }.count
        let schedule = try await SettingsQueries.evaluation(instansiID, on: db).schedule
        let one = KompetenCore.PageRequest(page: 1, per: 1)
        c.overdueBehaviour =
            try await MonitoringQueries.overdueList(
                .behaviour, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule, page: one,
                on: db
            ).total
        c.overdueReaction =
            try await MonitoringQueries.overdueList(
                .reaction, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule, page: one,
                on: db
            ).total
        c.overdueReassessments = try await ReassessmentQueries.count(
            instansiID: instansiID, unitIDs: unitIDs, status: .overdue, today: today, on: db)
        for status in [ComplaintStatus.received, .inProgress] {
            c.complaints[status] = try await ComplaintQueries.list(
                .init(instansiID: instansiID, unitIDs: unitIDs, status: status), on: db
            ).count
        }
        for entry in try await ServiceOverviewQueries.load(
            instansiID: instansiID, unitIDs: unitIDs, today: today, on: db)
        {
            for reason in entry.reasons { c.services[reason, default: 0] += 1 }
        }
        return c
    }

    /// An OPD's plans waiting for a decision (submitted, or approved by the supervisor and
    /// waiting for BKPPD), oldest first.
    static func waitingPlans(opdID: UUID, on db: any Database) async throws -> [(plan: DevelopmentPlan, name: String)] {
        let units = try await UnitQueries.ids(inOPD: opdID, on: db)
        let people = try await Employee.query(on: db).filter(\.$unitID ~~ units).all()
        let names = Dictionary(uniqueKeysWithValues: try people.map { (try $0.requireID(), $0.name) })
        let plans = try await DevelopmentPlan.query(on: db).filter(\.$employeeID ~~ Array(names.keys))
            .filter(\.$status ~~ [PlanStatus.submitted.rawValue, PlanStatus.approvedSupervisor.rawValue])
            .sort(\.$updatedAt).all()
        return plans.map { ($0, names[$0.employeeID] ?? "") }
    }

    /// Per service of the OPD, how many survey responses the duplicate rule flagged for review.
    static func flaggedResponses(instansiID: UUID, opdID: UUID, on db: any Database) async throws
        -> [(service: PublicService, flagged: Int)]
    {
        let units = try await UnitQueries.ids(inOPD: opdID, on: db)
        var out: [(PublicService, Int)] = []
        for s in try await ServiceCatalogue.list(instansiID: instansiID, unitIDs: units, on: db) {
            let n = try await SurveyQueries.responses(
                serviceID: s.requireID(), flagged: true, status: nil, tieBreakByID: false, range: 0..<1, on: db
            ).total
            if n > 0 { out.append((s, n)) }
        }
        return out
    }
}

/// BKPPD's attention list across OPDs.
extension WorklistQueries {
    struct OPDFigure {
        let opdID: UUID
        let name: String
        let value: Double
        let count: Int
        let of: Int
    }

    /// The OPDs with the lowest mean JPM in the latest monitoring snapshot (assessed people only).
    static func lowestJPM(instansiID: UUID, limit: Int, on db: any Database) async throws -> [OPDFigure] {
        let points = try await MonitoringQueries.points(instansiID: instansiID, opdIDs: nil, on: db)
        guard let latest = points.map(\.asOf).max() else { return [] }
        let names = try await InstansiPlanQueries.opdNames(instansiID, on: db)
        return points.filter { $0.asOf == latest && $0.assessed > 0 }
            .map {
                OPDFigure(
                    opdID: $0.opdID, name: names[$0.opdID] ?? "", value: $0.jpmSum / Double($0.assessed),
                    count: $0.assessed, of: $0.people)
            }
            .sorted { ($0.value, $0.name) < ($1.value, $1.name) }.prefix(limit).map { $0 }
    }

    /// The OPDs with the largest share of PNS below 20 JP this year.
    static func largestBelowJP(instansiID: UUID, people: [JPQueries.Person], limit: Int, on db: any Database)
        async throws -> [OPDFigure]
    {
        let units = try await Unit.query(on: db).filter(\.$instansiID == instansiID).all()
        let opdOf = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.opdID) })
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        return JPQueries.compliance(people, opdOf: { opdOf[$0] }).filter { $0.pns > 0 }
            .map {
                OPDFigure(
                    opdID: $0.opdID, name: names[$0.opdID] ?? "", value: Double($0.pns - $0.pnsMet) / Double($0.pns),
                    count: $0.pns - $0.pnsMet, of: $0.pns)
            }
            .filter { $0.count > 0 }
            .sorted { ($1.value, $0.name) < ($0.value, $1.name) }.prefix(limit).map { $0 }
    }

    /// This year's instansi plan (the latest revision) and the share of its budget absorbed.
    static func planAbsorption(instansiID: UUID, year: Int, on db: any Database) async throws
        -> (plan: InstansiPlan, percent: Int)?
    {
        guard
            let plan = try await InstansiPlanQueries.plans(instansiID, on: db).filter({ $0.year == year })
                .max(by: { $0.revision < $1.revision })
        else { return nil }
        return (plan, try await InstansiPlanPage.realisation(plan, on: db).absorptionPercent)
    }
}
