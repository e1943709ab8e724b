import Fluent
import Foundation
import KompetenCore
import SQLKit

/// The reads of the SKM report (`SKMReport`): one function gathers every figure of a unit's (or
/// the instansi's) report for a period, so the page, the API and the published snapshot agree.
enum SKMReportQueries: SQLShorthand {
    static func load(scope: ReportScope, period: SKMPeriod, on db: any Database) async throws -> SKMReport {
        let target = SurveyQueries.Target.units(instansiID: scope.instansiID, unitIDs: scope.unitIDs)
        let services = try await ServiceCatalogue.list(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: db)
        let serviceIDs = try services.map { try $0.requireID() }
        let months = try await ServiceRecordQueries.months(
            serviceIDs: serviceIDs, from: period.from, to: period.to, on: db)
        let monthsBy = Dictionary(grouping: months, by: \.serviceID)
        let perService = try await SurveyQueries.byService(target, from: period.from, to: period.to, on: db)
        let previous = period.previous
        var inputs = SKMReport.Inputs(
            unit: try scope.base.map { SKMReport.UnitRef(id: try $0.requireID(), name: $0.name) },
            period: period,
            weight: try await SettingsQueries.skmWeight(scope.instansiID, on: db),
            tally: try await SurveyQueries.tally(target, from: period.from, to: period.to, on: db),
            population: ServiceRecordQueries.figures(months).count,
            services: try services.map { s in
                let id = try s.requireID()
                return (
                    id, s.name, perService[id] ?? SurveyQueries.Tally(),
                    ServiceRecordQueries.figures(monthsBy[id] ?? []).count
                )
            },
            channels: try await SurveyQueries.channels(target, from: period.from, to: period.to, on: db).values
                .reduce(SurveyQueries.Channels(), +),
            collection: try await collection(target, period.dates, on: db),
            profile: try await SurveyQueries.profileCounts(scope: scope, from: period.from, to: period.to, on: db),
            suggestionCount: try await suggestionCount(target, period.dates, on: db),
            previous: (
                previous.from, previous.to,
                try await SurveyQueries.tally(target, from: previous.from, to: previous.to, on: db)
            ),
            followUp: [], previousFollowUp: [], note: nil, publishedAt: nil)
        if let unitID = scope.base?.id {
            let key = period.key
            inputs.followUp = try await actions(unitID: unitID, from: key.from, to: key.to, on: db)
            inputs.previousFollowUp = try await actions(unitID: unitID, from: previous.from, to: previous.to, on: db)
            // The note is kept under the period's key; one written before the key existed, under the exact dates.
            inputs.note = try await SurveyQueries.followUp(unitID: unitID, period: key, on: db)?.plan
            if inputs.note == nil {
                inputs.note = try await SurveyQueries.followUp(unitID: unitID, period: period.dates, on: db)?.plan
            }
            inputs.publishedAt = try await record(unitID: unitID, period: period, on: db)?.publishedAt
        }
        return SKMReport(inputs)
    }

    /// The instansi's name for the report's cover ("Pemerintah Kota Kupang").
    static func instansiName(_ id: UUID, on db: any Database) async throws -> String {
        try await Instansi.find(id, on: db)?.name ?? ""
    }

    /// The first and last day a counted response was given.
    static func collection(_ target: SurveyQueries.Target, _ period: ServicePeriod, on db: any Database) async throws
        -> (first: SimpleDate?, last: SimpleDate?)
    {
        let q = try db.sql.select().from(alias(SurveyResponse.schema, "r"))
            .column(SQLFunction("MIN", args: col("submitted_on", "r")), as: "first")
            .column(SQLFunction("MAX", args: col("submitted_on", "r")), as: "last")
            .where(col("status", "r"), .equal, SQLBind(SurveyResponse.counted))
            .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(period.from.iso))
            .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(period.to.iso))
        guard let row = try await SurveyQueries.narrowed(q, to: target)?.first() else { return (nil, nil) }
        func day(_ column: String) throws -> SimpleDate? {
            try row.decodeNil(column: column) ? nil : SimpleDate(iso: try row.decode(column: column, as: String.self))
        }
        return (try day("first"), try day("last"))
    }

    /// How many responses of the period left a suggestion (the same rows the unit's list shows).
    static func suggestionCount(_ target: SurveyQueries.Target, _ period: ServicePeriod, on db: any Database)
        async throws -> Int
    {
        let q = try db.sql.select().from(alias(SurveyResponse.schema, "r"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where(col("suggestion", "r"), .isNot, SQLLiteral.null)
            .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(period.from.iso))
            .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(period.to.iso))
        guard let row = try await SurveyQueries.narrowed(q, to: target)?.first() else { return 0 }
        return try row.integer("n")
    }

    /// The follow-up rows a unit keeps under a period key, in table order.
    static func actions(unitID: UUID, from: SimpleDate, to: SimpleDate, on db: any Database) async throws
        -> [SKMFollowUpAction]
    {
        try await SKMFollowUpAction.query(on: db).filter(\.$unitID == unitID).filter(\.$periodFrom == from.iso)
            .filter(\.$periodTo == to.iso).sort(\.$position).all()
    }

    /// The published state of a unit's report for the period's key, if ever published.
    static func record(unitID: UUID, period: SKMPeriod, on db: any Database) async throws -> SKMReportRecord? {
        let key = period.key
        return try await SKMReportRecord.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$periodFrom == key.from.iso).filter(\.$periodTo == key.to.iso)
            .filter(\.$state == SKMReportRecord.published).first()
    }

    /// A published report by its id (the public link), nil when unknown or withdrawn.
    static func published(_ id: UUID, on db: any Database) async throws -> SKMReportRecord? {
        try await SKMReportRecord.query(on: db).filter(\.$id == id).filter(\.$state == SKMReportRecord.published)
            .first()
    }

    /// The published reports of an instansi, newest period first: the transparency page's links.
    static func publishedList(instansiID: UUID, on db: any Database) async throws -> [SKMReportRecord] {
        try await SKMReportRecord.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$state == SKMReportRecord.published).sort(\.$periodFrom, .descending).all()
    }
}

extension ReportScope {
    /// The scope of one unit and its subtree without a request (the demo's published report).
    static func of(_ unit: Unit, on db: any Database) async throws -> ReportScope {
        let tree = try await UnitQueries.tree(instansiID: unit.instansiID, on: db)
        let id = try unit.requireID()
        return ReportScope(
            instansiID: unit.instansiID, tree: tree, base: unit, unitIDs: tree.subtree(of: id),
            rowUnits: [unit.node] + tree.children(of: id).compactMap { tree.node($0) })
    }
}
