import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The needs analysis read side. Everyone below standard by a KNOWN level is one join (employees ×
/// their position's standard × current levels); the database groups and pages it, so a city-wide
/// page never decodes 25,000 rows. A competency never assessed is no need (`Need.from`, the
/// core rule: its gap is unknown) — it is listed by `AssessmentNeedsQueries` ("perlu asesmen").
enum TNAQueries: SQLShorthand {
    private static let e = "e", s = "s", c = "c", k = "k"
    /// required − current level (only rows with a level get this far).
    private static var gapExpression: any SQLExpression {
        SQLBinaryExpression(col("required_level", s), .subtract, col("level", c))
    }

    private static func scoped(_ db: any Database, instansiID: UUID, unitIDs: [UUID]?, employeeID: UUID?) throws
        -> SQLSelectBuilder
    {
        // An inner join on the levels: no accepted result, no known level, no need.
        var q = StandardLevelRows.select(try db.sql, instansiID: instansiID, unitIDs: unitIDs, levelJoin: .inner)
            .where(col("level", c), .lessThan, col("required_level", s))
        if let employeeID { q = q.where(col("id", e), .equal, SQLBind(employeeID)) }
        return q
    }

    struct NeedRow: Sendable {
        let employeeID: UUID, nip: String, name: String, unitID: UUID, kind: String
        let competencyID: UUID, competencyCode: String, required: Int, actual: Int
        var gap: Int { required - actual }
    }

    /// The needs with the people's names, by name then competency code; `range` pages in SQL.
    static func needs(
        instansiID: UUID, unitIDs: [UUID]?, employeeID: UUID? = nil, range: Range<Int>? = nil, on db: any Database
    ) async throws -> [NeedRow] {
        var q = try scoped(db, instansiID: instansiID, unitIDs: unitIDs, employeeID: employeeID)
            .column(col("id", e), as: "employee_id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(col("employment_type", e), as: "kind")
            .column(col("competency_id", s), as: "competency_id").column(col("code", k), as: "code")
            .column(col("required_level", s), as: "required").column(col("level", c), as: "level")
            .join(
                alias(Competency.schema, k), method: SQLJoinMethod.inner, on: col("id", k), .equal,
                col("competency_id", s)
            )
            .orderBy(col("name", e)).orderBy(col("id", e)).orderBy(col("code", k))
        if let range { q = q.limit(range.count).offset(range.lowerBound) }
        return try await q.all().map { row in
            NeedRow(
                employeeID: try row.decode(column: "employee_id", as: UUID.self),
                nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                kind: try row.decode(column: "kind", as: String.self),
                competencyID: try row.decode(column: "competency_id", as: UUID.self),
                competencyCode: try row.decode(column: "code", as: String.self),
                required: try row.integer("required"), actual: try row.integer("level"))
        }
    }

    /// How many needs (person × competency) and how many people with at least one.
    static func count(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> (needs: Int, people: Int)
    {
        let row = try await scoped(db, instansiID: instansiID, unitIDs: unitIDs, employeeID: nil)
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "needs")
            .column(SQLFunction("COUNT", args: SQLDistinct(col("id", e))), as: "people")
            .first()
        guard let row else { return (0, 0) }
        return (try row.integer("needs"), try row.integer("people"))
    }

    /// People per competency and gap size: a handful of grouped rows for any scope.
    static func tally(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> [CompetencyNeed] {
        let rows = try await scoped(db, instansiID: instansiID, unitIDs: unitIDs, employeeID: nil)
            .column(col("code", k), as: "code").column(gapExpression, as: "gap")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .join(
                alias(Competency.schema, k), method: SQLJoinMethod.inner, on: col("id", k), .equal,
                col("competency_id", s)
            )
            .groupBy(col("code", k)).groupBy(gapExpression)
            .all()
        var byCode: [String: [Int: Int]] = [:]
        for row in rows {
            byCode[try row.decode(column: "code", as: String.self), default: [:]][try row.integer("gap")] =
                try row.integer("n")
        }
        return CompetencyNeed.ordered(byCode.map { CompetencyNeed(competencyCode: $0.key, byGap: $0.value) })
    }

    struct Gap: Sendable {
        let employeeID: UUID
        let competencyID: UUID
        let gap: Int
    }

    /// Every need as three numbers, for the optimiser: known levels only, so an employee never
    /// assessed brings no gap into the annual plan (the plan may still give them JP for the 20 JP
    /// right, but buys no training against a gap nobody measured).
    static func gaps(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> [Gap] {
        try await scoped(db, instansiID: instansiID, unitIDs: unitIDs, employeeID: nil)
            .column(col("id", e), as: "employee_id").column(col("competency_id", s), as: "competency_id").column(
                gapExpression, as: "gap"
            )
            .all().map { row in
                Gap(
                    employeeID: try row.decode(column: "employee_id", as: UUID.self),
                    competencyID: try row.decode(column: "competency_id", as: UUID.self),
                    gap: try row.integer("gap"))
            }
    }

    struct Catalogue: Sendable {
        let analysis: TrainingNeeds
        let programmes: [UUID: Programme]
        let raises: [UUID: [RaiseDTO]]
    }

    /// The active programmes with what they raise.
    static func catalogue(instansiID: UUID, on db: any Database) async throws -> Catalogue {
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID).filter(
            \.$isActive == true
        ).all()
        let raises = try await ProgrammeService.raises(of: programmes.map { try $0.requireID() }, on: db)
        let analysis = try TrainingNeeds(
            programmes: programmes.map { p in
                try NeedProgramme(
                    id: p.requireID().uuidString, costPerParticipant: p.costPerParticipant,
                    raises: Dictionary(
                        (raises[p.requireID()] ?? []).map { ($0.competencyCode, $0.levelGain) }, uniquingKeysWith: max))
            })
        return try Catalogue(
            analysis: analysis,
            programmes: Dictionary(uniqueKeysWithValues: programmes.map { try ($0.requireID(), $0) }), raises: raises)
    }
}
