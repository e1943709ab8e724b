import Fluent
import Foundation
import KompetenCore
import SQLKit

/// SKM sums straight from the database: per element Σ answers and how many answered, over the
/// counted responses of one service or of units, in a date range. One aggregate row however many
/// responses there are (a service with 100,000 responses is one indexed scan).
enum SurveyQueries: SQLShorthand {
    /// The latest response of this sender to this service within `window` seconds either side
    /// of `now` (a clock may be skewed): its answers (a blank one as 0) and when it came. Only
    /// those ten columns, through `idx_survey_client`: every public POST asks this.
    static func latestFromSender(
        serviceID: UUID, clientHash: String, around now: Date, window: TimeInterval, on db: any Database
    ) async throws -> (answers: [Int], at: TimeInterval)? {
        let elements = (1...9).map { "u\($0)" }
        guard
            let row = try await db.sql.select().columns(elements + ["submitted_at"]).from(SurveyResponse.schema)
                .where("service_id", .equal, SQLBind(serviceID)).where("client_hash", .equal, SQLBind(clientHash))
                .where("submitted_at", .greaterThanOrEqual, SQLBind(now.addingTimeInterval(-window)))
                .where("submitted_at", .lessThanOrEqual, SQLBind(now.addingTimeInterval(window)))
                .orderBy("submitted_at", .descending).limit(1).first()
        else { return nil }
        let answers = try elements.map { try row.decodeNil(column: $0) ? 0 : try row.integer($0) }
        return (answers, try row.decode(column: "submitted_at", as: Date.self).timeIntervalSince1970)
    }

    enum Target: Sendable {
        case service(UUID)
        /// nil unit IDs: the whole instansi.
        case units(instansiID: UUID, unitIDs: [UUID]?)
    }

    struct Tally: Sendable, Equatable {
        var respondents = 0
        var sums = [Int](repeating: 0, count: 9)
        var answered = [Int](repeating: 0, count: 9)

        var elements: [SKMElementTally] {
            (0..<9).map { SKMElementTally(code: SKMElement.codes[$0], sum: sums[$0], answered: answered[$0]) }
        }

        static func + (a: Tally, b: Tally) -> Tally {
            var t = a
            t.respondents += b.respondents
            for i in 0..<9 {
                t.sums[i] += b.sums[i]
                t.answered[i] += b.answered[i]
            }
            return t
        }

        func ikm(weight: SKMWeight, population: Int?) -> IKMResult? {
            IKMCalculator.compute(tallies: elements, respondents: respondents, weight: weight, population: population)
        }
    }

    private static func select(_ sql: any SQLDatabase, _ target: Target, from: String, to: String) -> SQLSelectBuilder?
    {
        var q = sql.select().from(alias(SurveyResponse.schema, "r"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
        for i in 1...9 {
            q = q.column(SQLFunction("SUM", args: col("u\(i)", "r")), as: "s\(i)")
                .column(SQLFunction("COUNT", args: col("u\(i)", "r")), as: "a\(i)")
        }
        q = q.where(col("status", "r"), .equal, SQLBind(SurveyResponse.counted))
            .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(from))
            .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(to))
        return narrowed(q, to: target)
    }

    /// The responses of `target` (alias `r`); nil when it names no unit at all (nothing to read).
    static func narrowed(_ select: SQLSelectBuilder, to target: Target) -> SQLSelectBuilder? {
        var q = select
        switch target {
        case .service(let id): q = q.where(col("service_id", "r"), .equal, SQLBind(id))
        case .units(let instansiID, let unitIDs):
            q = q.where(col("instansi_id", "r"), .equal, SQLBind(instansiID))
            if let unitIDs {
                guard !unitIDs.isEmpty else { return nil }
                q = q.where(col("unit_id", "r"), .in, SQLBind.group(unitIDs))
            }
        }
        return q
    }

    private static func tally(_ row: any SQLRow) throws -> Tally {
        var t = Tally()
        t.respondents = try row.integer("n")
        for i in 0..<9 {
            t.sums[i] = try row.integer("s\(i + 1)")
            t.answered[i] = try row.integer("a\(i + 1)")
        }
        return t
    }

    static func tally(_ target: Target, from: SimpleDate, to: SimpleDate, on db: any Database) async throws -> Tally {
        guard let q = select(try db.sql, target, from: from.iso, to: to.iso), let row = try await q.first() else {
            return Tally()
        }
        return try tally(row)
    }

    /// Per service over exactly `from`…`to`.
    static func byService(_ target: Target, from: SimpleDate, to: SimpleDate, on db: any Database) async throws
        -> [UUID: Tally]
    {
        guard let base = select(try db.sql, target, from: from.iso, to: to.iso) else { return [:] }
        var out: [UUID: Tally] = [:]
        for row in try await base.column(col("service_id", "r"), as: "service_id").groupBy(col("service_id", "r")).all()
        {
            out[try row.decode(column: "service_id", as: UUID.self)] = try tally(row)
        }
        return out
    }

    /// Where the responses came from and how many are under review: counted responses per
    /// channel, of them how many carry a flag (they still count), and how many were rejected.
    /// Published beside the IKM so a reader sees how much of it rests on paper forms the unit
    /// typed in itself, and how much was set aside.
    struct Channels: Sendable, Equatable {
        var online = 0, kiosk = 0, paper = 0, flagged = 0, rejected = 0
        var counted: Int { online + kiosk + paper }
        static func + (a: Channels, b: Channels) -> Channels {
            Channels(
                online: a.online + b.online, kiosk: a.kiosk + b.kiosk, paper: a.paper + b.paper,
                flagged: a.flagged + b.flagged, rejected: a.rejected + b.rejected)
        }
    }

    /// Per service over exactly `from`…`to`.
    static func channels(_ target: Target, from: SimpleDate, to: SimpleDate, on db: any Database) async throws -> [UUID:
        Channels]
    {
        let sql = try db.sql
        let q = sql.select().from(alias(SurveyResponse.schema, "r"))
            .column(col("service_id", "r"), as: "service_id").column(col("channel", "r"), as: "channel").column(
                col("status", "r"), as: "status"
            )
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").column(
                SQLFunction("COUNT", args: col("flag", "r")), as: "f"
            )
            .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(from.iso))
            .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(to.iso))
        guard let q = narrowed(q, to: target) else { return [:] }
        var out: [UUID: Channels] = [:]
        for row in try await q.groupBy(col("service_id", "r")).groupBy(col("channel", "r")).groupBy(col("status", "r"))
            .all()
        {
            let id = try row.decode(column: "service_id", as: UUID.self)
            let n = try row.integer("n")
            let f = try row.integer("f")
            var c = out[id] ?? Channels()
            if try row.decode(column: "status", as: String.self) == SurveyResponse.counted {
                switch try row.decode(column: "channel", as: String.self) {
                case "kios": c.kiosk += n
                case "kertas": c.paper += n
                default: c.online += n
                }
                c.flagged += f
            } else {
                c.rejected += n
            }
            out[id] = c
        }
        return out
    }
}

extension SurveyQueries {
    /// Counted responses the screening flagged, waiting for a look.
    static func flaggedCount(serviceID: UUID, on db: any Database) async throws -> Int {
        try await SurveyResponse.query(on: db).filter(\.$serviceID == serviceID).filter(\.$flag != nil)
            .filter(\.$status == SurveyResponse.counted).count()
    }

    /// One page of a service's responses, newest first, and how many match. `flagged`: nil = all;
    /// `status`: nil = any; `tieBreakByID`: the API orders equal times by id so its pages are stable.
    static func responses(
        serviceID: UUID, flagged: Bool?, status: String?, tieBreakByID: Bool, range: Range<Int>, on db: any Database
    ) async throws -> (rows: [SurveyResponse], total: Int) {
        var query = SurveyResponse.query(on: db).filter(\.$serviceID == serviceID)
        if let flagged { query = flagged ? query.filter(\.$flag != nil) : query.filter(\.$flag == nil) }
        if let status { query = query.filter(\.$status == status) }
        let total = try await query.count()
        query = query.sort(\.$submittedAt, .descending)
        if tieBreakByID { query = query.sort(\.$id) }
        return (try await query.range(range).all(), total)
    }
}

extension SurveyQueries {
    /// Respondents per profile value (sex, age band, education, occupation), "" = not given.
    static func profileCounts(scope: ReportScope, from: SimpleDate, to: SimpleDate, on db: any Database) async throws
        -> [String: [String: Int]]
    {
        let sql = try db.sql
        var out: [String: [String: Int]] = [:]
        for column in ["sex", "age_band", "education", "occupation"] {
            var q = sql.select().from(alias(SurveyResponse.schema, "r"))
                .column(col(column, "r"), as: "v").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .where(col("instansi_id", "r"), .equal, SQLBind(scope.instansiID))
                .where(col("status", "r"), .equal, SQLBind(SurveyResponse.counted))
                .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(from.iso)).where(
                    col("submitted_on", "r"), .lessThanOrEqual, SQLBind(to.iso))
            if let ids = scope.unitIDs {
                guard !ids.isEmpty else { continue }
                q = q.where(col("unit_id", "r"), .in, SQLBind.group(ids))
            }
            for row in try await q.groupBy(col(column, "r")).all() {
                let v = try row.decodeNil(column: "v") ? "" : try row.decode(column: "v", as: String.self)
                out[column, default: [:]][v] = try row.integer("n")
            }
        }
        return out
    }

    /// The unit's SKM follow-up plan for exactly this period, if written.
    static func followUp(unitID: UUID, period: ServicePeriod, on db: any Database) async throws -> SKMFollowUp? {
        try await SKMFollowUp.query(on: db).filter(\.$unitID == unitID).filter(\.$periodFrom == period.from.iso)
            .filter(\.$periodTo == period.to.iso).first()
    }

    /// The suggestions (saran) of a period, newest first, with their service's name; at most `limit`.
    static func suggestions(
        _ target: Target, from: SimpleDate, to: SimpleDate, limit: Int = 200, on db: any Database
    ) async throws -> [(date: SimpleDate, service: String, text: String)] {
        let q = try db.sql.select().column(col("submitted_on", "r"), as: "day").column(
            col("suggestion", "r"), as: "text"
        )
        .column(col("name", "s"), as: "service")
        .from(alias(SurveyResponse.schema, "r"))
        .join(alias(PublicService.schema, "s"), on: col("id", "s"), .equal, col("service_id", "r"))
        .where(col("suggestion", "r"), .isNot, SQLLiteral.null)
        .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(from.iso))
        .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(to.iso))
        guard let q = narrowed(q, to: target) else { return [] }
        return try await q.orderBy(SQLOrderBy(expression: col("submitted_at", "r"), direction: SQLDirection.descending))
            .limit(limit).all().compactMap { row in
                guard let day = SimpleDate(iso: try row.decode(column: "day", as: String.self)) else { return nil }
                return (
                    day, try row.decode(column: "service", as: String.self),
                    try row.decode(column: "text", as: String.self)
                )
            }
    }
}
