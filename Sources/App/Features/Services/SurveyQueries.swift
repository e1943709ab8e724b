import Fluent
import Foundation
import KompetenCore
import SQLKit

/// SKM sums straight from the database: per element Σ answers and how many answered, over the
/// counted responses of one service or of units, in a date range. One aggregate row however many
/// responses there are (a service with 100,000 responses is one indexed scan).
enum SurveyQueries: SQLShorthand {
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
        var q = sql.select().from(alias(SurveyResponse.schema, "r"))
            .column(col("service_id", "r"), as: "service_id").column(col("channel", "r"), as: "channel").column(
                col("status", "r"), as: "status"
            )
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").column(
                SQLFunction("COUNT", args: col("flag", "r")), as: "f"
            )
            .where(col("submitted_on", "r"), .greaterThanOrEqual, SQLBind(from.iso))
            .where(col("submitted_on", "r"), .lessThanOrEqual, SQLBind(to.iso))
        switch target {
        case .service(let id): q = q.where(col("service_id", "r"), .equal, SQLBind(id))
        case .units(let instansiID, let unitIDs):
            q = q.where(col("instansi_id", "r"), .equal, SQLBind(instansiID))
            if let unitIDs {
                guard !unitIDs.isEmpty else { return [:] }
                q = q.where(col("unit_id", "r"), .in, SQLBind.group(unitIDs))
            }
        }
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
