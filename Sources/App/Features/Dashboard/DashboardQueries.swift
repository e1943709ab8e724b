import Fluent
import KompetenCore
import SQLKit
import Vapor

enum DashboardQueries {
    struct PeopleCounts: Decodable {
        var total = 0
        var pns = 0
        var pppk = 0
        var active = 0
    }
    struct Row: Decodable {
        let employment_type: String
        let is_active: Bool
        let n: Int
    }

    /// Head counts by employment type, for the instansi or one OPD, in one grouped query.
    static func people(instansiID: UUID, opdID: UUID?, on db: any Database) async throws -> PeopleCounts {
        let sql = try db.sql
        var query = sql.select()
            .column(SQLColumn("employment_type", table: "e"))
            .column(SQLColumn("is_active", table: "e"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier(Employee.schema), as: SQLIdentifier("e")))
            .join(
                SQLAlias(SQLIdentifier(Unit.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                on: SQLColumn("unit_id", table: "e"), .equal, SQLColumn("id", table: "u")
            )
            .where(SQLColumn("instansi_id", table: "e"), .equal, SQLBind(instansiID))
        if let opdID { query = query.where(SQLColumn("opd_id", table: "u"), .equal, SQLBind(opdID)) }
        let rows = try await query.groupBy(SQLColumn("employment_type", table: "e")).groupBy(
            SQLColumn("is_active", table: "e")
        )
        .all(decoding: Row.self)
        var counts = PeopleCounts()
        for row in rows {
            counts.total += row.n
            if row.employment_type == "PNS" { counts.pns += row.n } else { counts.pppk += row.n }
            if row.is_active { counts.active += row.n }
        }
        return counts
    }
}

extension DashboardQueries {
    /// What the step-2 panel shows; each part nil when this user does not see it.
    struct DevelopmentFigures {
        let year: Int
        /// The JP of everyone in the actor's development report scope.
        var people: [JPQueries.Person]?
        /// Plans and outside learning waiting for this user's approval.
        var waiting: Int?
        /// The user's own JP, when they are an employee.
        var myJP: (employeeID: UUID, status: JPDTO)?
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
            f.waiting =
                try await PlanService.inbox(actor, on: db).count
                + (try await LearningQueries.awaitingVerification(actor, on: db).count)
        }
        if let me = actor.employeeID, let employee = try await Employee.find(me, on: db) {
            f.myJP = (me, try await JPQueries.status(employee, year: f.year, on: db))
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
