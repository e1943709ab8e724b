import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The read side of "perlu asesmen" (`AssessmentNeeds`): the standard's competencies with no
/// accepted result (no row in `current_levels`, which holds counted results only), grouped
/// and paged by the database so a city-wide list never decodes every row.
enum AssessmentNeedsQueries: SQLShorthand {
    private static let e = "e", s = "s", c = "c", k = "k", a = "a"

    /// `employees × their position's standard`, kept where no accepted result exists.
    private static func unknown(_ db: any Database, instansiID: UUID, unitIDs: [UUID]?) throws -> SQLSelectBuilder {
        StandardLevelRows.select(try db.sql, instansiID: instansiID, unitIDs: unitIDs)
            .where(SQLIsNull(expression: col("level", c)))
    }

    struct Person: Sendable {
        let id: UUID, nip: String, name: String, unitID: UUID, since: Date
        var competencies: [String]
        var need: AssessmentNeed {
            AssessmentNeed(employee: id.uuidString, name: name, competencies: competencies, since: since)
        }
    }

    /// People with at least one unknown competency, oldest first (AssessmentNeeds.precedes:
    /// since, name, id); `range` pages in SQL. Since = the first day in the current position
    /// (the earliest assignment to it), or the record's creation when no assignment is kept.
    static func people(instansiID: UUID, unitIDs: [UUID]?, range: Range<Int>? = nil, on db: any Database) async throws
        -> [Person]
    {
        let since = SQLFunction("COALESCE", args: SQLFunction("MIN", args: col("started_at", a)), col("created_at", e))
        var q = try unknown(db, instansiID: instansiID, unitIDs: unitIDs)
            .join(
                alias(EmployeeAssignment.schema, a), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(col("employee_id", a), .equal, col("id", e)), .and,
                    SQLBinaryExpression(col("position_id", a), .equal, col("position_id", e)))
            )
            .column(col("id", e), as: "id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(since, as: "since")
            // Grouping by the primary key alone: the other columns depend on it (PostgreSQL and SQLite agree).
            .groupBy(col("id", e))
            .orderBy(since).orderBy(col("name", e)).orderBy(col("id", e))
        if let range { q = q.limit(range.count).offset(range.lowerBound) }
        var people = try await q.all().map { row in
            Person(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                since: try row.decode(column: "since", as: Date.self), competencies: [])
        }
        // Their unknown competencies: one more read for the people of the page (all of them for a download).
        var codes: [UUID: [String]] = [:]
        let ids = people.map(\.id)
        for chunk in (range == nil ? [ids] : ids.chunked(500).map(Array.init)) where !chunk.isEmpty {
            var cq = try unknown(db, instansiID: instansiID, unitIDs: unitIDs)
                .join(
                    alias(Competency.schema, k), method: SQLJoinMethod.inner, on: col("id", k), .equal,
                    col("competency_id", s)
                )
                .column(col("id", e), as: "id").column(col("code", k), as: "code")
            if range != nil { cq = cq.where(col("id", e), .in, SQLBind.group(chunk)) }
            for row in try await cq.all() {
                codes[try row.decode(column: "id", as: UUID.self), default: []].append(
                    try row.decode(column: "code", as: String.self))
            }
        }
        for i in people.indices {
            people[i].competencies = (codes[people[i].id] ?? []).sorted {
                $0.localizedStandardCompare($1) == .orderedAscending
            }
        }
        return people
    }

    /// Per unit: how many people need an assessment, and how many per competency (two grouped reads).
    static func tally(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> [UUID: AssessmentNeeds
        .UnitTally]
    {
        var result: [UUID: AssessmentNeeds.UnitTally] = [:]
        let people = try await unknown(db, instansiID: instansiID, unitIDs: unitIDs)
            .column(col("unit_id", e), as: "unit_id").column(
                SQLFunction("COUNT", args: SQLDistinct(col("id", e))), as: "n"
            )
            .groupBy(col("unit_id", e)).all()
        for row in people {
            result[try row.decode(column: "unit_id", as: UUID.self), default: .init()].people = try row.integer("n")
        }
        let perCode = try await unknown(db, instansiID: instansiID, unitIDs: unitIDs)
            .join(
                alias(Competency.schema, k), method: SQLJoinMethod.inner, on: col("id", k), .equal,
                col("competency_id", s)
            )
            .column(col("unit_id", e), as: "unit_id").column(col("code", k), as: "code")
            .column(SQLFunction("COUNT", args: SQLDistinct(col("id", e))), as: "n")
            .groupBy(col("unit_id", e)).groupBy(col("code", k)).all()
        for row in perCode {
            result[try row.decode(column: "unit_id", as: UUID.self), default: .init()]
                .byCompetency[try row.decode(column: "code", as: String.self)] = try row.integer("n")
        }
        return result
    }

    /// How many people in the scope need an assessment (the needs and annual-plan pages' link).
    static func count(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> Int {
        let row = try await unknown(db, instansiID: instansiID, unitIDs: unitIDs)
            .column(SQLFunction("COUNT", args: SQLDistinct(col("id", e))), as: "n").first()
        return try row?.integer("n") ?? 0
    }
}
