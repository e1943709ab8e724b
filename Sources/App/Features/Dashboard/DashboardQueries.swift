import Fluent
import KompetenCore
import Vapor

/// The development figures of the home pages.
enum DashboardQueries {}

extension DashboardQueries {
    /// What the step-2 panel shows; each part nil when this user does not see it.
    struct DevelopmentFigures {
        let year: Int
        /// The JP of everyone in the actor's development report scope.
        var people: [JPQueries.Person]?
        /// Plans and outside learning waiting for this user's decision (the two parts of `/plans`).
        var waitingPlans: Int?
        var waitingLearning: Int?
        /// The provider's programmes in the catalogue.
        var providerProgrammes: Int?
        /// Mandatory training in the actor's scope (city, OPD, or their own), by status.
        var mandatory: MandatoryTraining.Counts?
        /// Whether the counts are the user's own requirements (an employee's view).
        var mandatoryOwn = false
        /// BKPPD's view: the counts per OPD with any requirement, by name.
        var mandatoryPerOPD: [(opdID: UUID, name: String, counts: MandatoryTraining.Counts)] = []
    }

    /// Nil without an instansi (a superadmin).
    static func development(_ actor: Principal, at now: Date, on db: any Database) async throws
        -> DevelopmentFigures?
    {
        guard let instansiID = actor.instansiID else { return nil }
        var f = DevelopmentFigures(year: WITA.today(now).year)
        if case .success(let opd) = AccessPolicy.developmentReportScope(actor) {
            let unitIDs = try await opd.asyncMap { try await UnitQueries.ids(inOPD: $0, on: db) }
            f.people = try await JPQueries.people(instansiID: instansiID, unitIDs: unitIDs, year: f.year, on: db)
        }
        if AccessPolicy.approvalInbox(actor).isAllowed {
            f.waitingPlans = try await PlanService.inbox(actor, on: db).count
            f.waitingLearning = try await LearningQueries.awaitingVerification(actor, on: db).count
        }
        if case .success(let scope) = AccessPolicy.mandatoryTrainingScope(actor) {
            let query: MandatoryTrainingQueries.Scope
            switch scope {
            case .instansi: query = .init(instansiID: instansiID, unitIDs: nil, employeeID: nil)
            case .opd(let opd):
                query = .init(
                    instansiID: instansiID, unitIDs: try await UnitQueries.ids(inOPD: opd, on: db), employeeID: nil)
            case .own(let me): query = .init(instansiID: instansiID, unitIDs: nil, employeeID: me)
            }
            var counts = MandatoryTraining.Counts()
            let items = try await MandatoryTrainingQueries.items(query, today: WITA.today(now), on: db)
            for i in items { counts.add(i.requirement.status) }
            f.mandatory = counts
            if case .own = scope { f.mandatoryOwn = true }
            if case .instansi = scope, !items.isEmpty {
                let units = try await Unit.query(on: db).filter(\.$instansiID == instansiID).all()
                let opdOf = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.opdID) })
                let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
                f.mandatoryPerOPD = MandatoryTrainingQueries.counts(items, rowOf: { opdOf[$0] })
                    .map { (opdID: $0.key, name: names[$0.key] ?? "", counts: $0.value) }
                    .sorted { $0.name < $1.name }
            }
        }
        if case .only(let providerID?) = AccessPolicy.providerReach(actor) {
            f.providerProgrammes = try await Programme.scopedQuery(actor, on: db).filter(\.$providerID == providerID)
                .count()
        }
        return f
    }
}
