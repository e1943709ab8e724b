import Fluent
import Foundation
import KompetenCore
import SQLKit

/// The 9-box from `employees.potential_score` (TalentPotential) and the SKP predicate of the
/// year: the grid is one grouped read (predicate × potential band), lists are filtered in SQL.
enum TalentQueries: SQLShorthand {
    struct Person: Sendable {
        let id: UUID, nip: String, name: String, unitID: UUID, positionID: UUID?
        let potentialScore: Double?
        let predicate: SKPPredicate?
        let box: Int?
    }

    struct Grid: Sendable {
        var boxes: [Int: Int] = [:]
        var noPerformance = 0
        /// With a predicate but no managerial/socio-cultural result yet.
        var noAssessment = 0
        var placed: Int { boxes.values.reduce(0, +) }
        var pool: Int { TalentBox.successionPool.reduce(0) { $0 + (boxes[$1] ?? 0) } }
    }

    /// Which people a list holds.
    enum Filter: Sendable { case everyone, box(Int), pool, employee(UUID) }

    private static let potential = SQLColumn("potential_score", table: "e")

    /// Active employees in scope with the year's rating joined.
    private static func base(_ sql: any SQLDatabase, instansiID: UUID, unitIDs: [UUID]?, year: Int) -> SQLSelectBuilder
    {
        var q = sql.select().from(alias(Employee.schema, "e"))
            .join(
                alias(PerformanceRating.schema, "r"), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(col("employee_id", "r"), .equal, col("id", "e")), .and,
                    SQLBinaryExpression(col("year", "r"), .equal, SQLBind(year)))
            )
            .where(col("instansi_id", "e"), .equal, SQLBind(instansiID)).where(
                col("is_active", "e"), .equal, SQLBind(true))
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        return q
    }

    static func grid(instansiID: UUID, unitIDs: [UUID]?, year: Int, cutoffs: PotentialCutoffs, on db: any Database)
        async throws -> Grid
    {
        let sql = try db.sql
        // 0 = no potential yet, 1 rendah, 2 menengah, 3 tinggi: the cut-offs are bound values.
        let band = SQLCaseWhen(
            condition: SQLIsNull(expression: potential), then: SQLLiteral.numeric("0"),
            otherwise: SQLCaseWhen(
                condition: SQLBinaryExpression(potential, .greaterThanOrEqual, SQLBind(cutoffs.tinggi)),
                then: SQLLiteral.numeric("3"),
                otherwise: SQLCaseWhen(
                    condition: SQLBinaryExpression(potential, .greaterThanOrEqual, SQLBind(cutoffs.menengah)),
                    then: SQLLiteral.numeric("2"), otherwise: SQLLiteral.numeric("1"))))
        let rows = try await base(sql, instansiID: instansiID, unitIDs: unitIDs, year: year)
            .column(col("predicate", "r"), as: "predicate").column(band, as: "band").column(
                SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
            )
            // By position: PostgreSQL would not match the CASE in GROUP BY to the one in SELECT
            // (their bound cut-offs are different parameters).
            .groupBy(SQLLiteral.numeric("1")).groupBy(SQLLiteral.numeric("2")).all()
        var grid = Grid()
        let levels: [Int: PotentialLevel] = [1: .rendah, 2: .menengah, 3: .tinggi]
        for row in rows {
            let n = try row.integer("n")
            guard
                let predicate = try row.decode(column: "predicate", as: String?.self).flatMap(
                    SKPPredicate.init(rawValue:))
            else {
                grid.noPerformance += n
                continue
            }
            guard let level = levels[try row.integer("band")] else {
                grid.noAssessment += n
                continue
            }
            grid.boxes[TalentBox.box(performance: PerformanceLevel(predicate), potential: level), default: 0] += n
        }
        return grid
    }

    static func people(
        instansiID: UUID, unitIDs: [UUID]?, year: Int, cutoffs: PotentialCutoffs, filter: Filter,
        on db: any Database
    ) async throws -> [Person] {
        let sql = try db.sql
        var q = base(sql, instansiID: instansiID, unitIDs: unitIDs, year: year)
            .column(col("id", "e"), as: "id").column(col("nip", "e"), as: "nip").column(col("name", "e"), as: "name")
            .column(col("unit_id", "e"), as: "unit_id").column(col("position_id", "e"), as: "position_id")
            .column(potential, as: "potential").column(col("predicate", "r"), as: "predicate")
        func predicates(_ level: PerformanceLevel) -> [String] {
            SKPPredicate.allCases.filter { PerformanceLevel($0) == level }.map(\.rawValue)
        }
        switch filter {
        case .everyone: break
        case .employee(let id): q = q.where(col("id", "e"), .equal, SQLBind(id))
        case .pool:
            // Box 7 or 9: above expectation and at least menengah; box 8: as expected and tinggi.
            let aboveAndMedium = SQLBinaryExpression(
                SQLBinaryExpression(col("predicate", "r"), .in, SQLBind.group(predicates(.diAtas))), .and,
                SQLBinaryExpression(potential, .greaterThanOrEqual, SQLBind(cutoffs.menengah)))
            let expectedAndHigh = SQLBinaryExpression(
                SQLBinaryExpression(col("predicate", "r"), .in, SQLBind.group(predicates(.sesuai))), .and,
                SQLBinaryExpression(potential, .greaterThanOrEqual, SQLBind(cutoffs.tinggi)))
            q = q.where(SQLGroupExpression(SQLBinaryExpression(aboveAndMedium, .or, expectedAndHigh)))
        case .box(let box):
            let cell = (1...9).flatMap { b in
                PerformanceLevel.allCases.flatMap { p in PotentialLevel.allCases.map { (b, p, $0) } }
            }
            .first { $0.0 == box && TalentBox.box(performance: $0.1, potential: $0.2) == box }
            guard let (_, performance, level) = cell else { return [] }
            q = q.where(col("predicate", "r"), .in, SQLBind.group(predicates(performance)))
            switch level {
            case .tinggi: q = q.where(potential, .greaterThanOrEqual, SQLBind(cutoffs.tinggi))
            case .menengah:
                q = q.where(potential, .greaterThanOrEqual, SQLBind(cutoffs.menengah)).where(
                    potential, .lessThan, SQLBind(cutoffs.tinggi))
            case .rendah: q = q.where(potential, .lessThan, SQLBind(cutoffs.menengah))
            }
        }
        let rows = try await q.orderBy(col("name", "e")).orderBy(col("id", "e")).all()
        let people = try rows.map { row in
            let predicate = try row.decode(column: "predicate", as: String?.self).flatMap(SKPPredicate.init(rawValue:))
            let score = try row.decode(column: "potential", as: Double?.self)
            let box = predicate.flatMap { p in
                score.map { TalentBox.box(performance: PerformanceLevel(p), potential: cutoffs.level($0)) }
            }
            return Person(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                positionID: try row.decode(column: "position_id", as: UUID?.self), potentialScore: score,
                predicate: predicate, box: box)
        }
        if case .pool = filter { return people.filter { $0.box.map(TalentBox.successionPool.contains) ?? false } }
        return people
    }

    struct PositionInfo: Sendable {
        let name: String
        let kind: PositionKind?
    }

    /// Name and kind of some positions (the people listed), without their job descriptions.
    static func positions(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: PositionInfo] {
        guard !ids.isEmpty else { return [:] }
        let sql = try db.sql
        var out: [UUID: PositionInfo] = [:]
        for chunk in Array(ids).chunked(500) {
            for r in try await sql.select().column("id").column("name").column("kind").from(Position.schema).where(
                "id", .in, SQLBind.group(Array(chunk))
            ).all() {
                out[try r.decode(column: "id", as: UUID.self)] = PositionInfo(
                    name: try r.decode(column: "name", as: String.self),
                    kind: PositionKind(rawValue: try r.decode(column: "kind", as: String.self)))
            }
        }
        return out
    }

    /// Positions per kind in the scope (the key positions of the succession table); `markedOnly`:
    /// only those BKPPD marked as key.
    static func positionCounts(instansiID: UUID, unitIDs: [UUID]?, markedOnly: Bool = false, on db: any Database)
        async throws -> [PositionKind: Int]
    {
        let sql = try db.sql
        var q = sql.select().column("kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
            Position.schema
        )
        .where("instansi_id", .equal, SQLBind(instansiID))
        if let unitIDs { q = q.where("unit_id", .in, SQLBind.group(unitIDs)) }
        if markedOnly { q = q.where("key_position", .equal, SQLLiteral.boolean(true)) }
        var out: [PositionKind: Int] = [:]
        for r in try await q.groupBy("kind").all() {
            if let kind = PositionKind(rawValue: try r.decode(column: "kind", as: String.self)) {
                out[kind] = try r.integer("n")
            }
        }
        return out
    }

    /// The latest year with any SKP rating in the instansi (the grid's default year).
    static func latestYear(instansiID: UUID, on db: any Database) async throws -> Int? {
        try await PerformanceRating.query(on: db).filter(\.$instansiID == instansiID).max(\.$year)
    }
}

extension TalentQueries {
    /// The years with an SKP rating in the instansi, each once.
    static func ratedYears(instansiID: UUID, on db: any Database) async throws -> [Int] {
        try await PerformanceRating.query(on: db).filter(\.$instansiID == instansiID).unique().all(\.$year)
    }

    /// The rows behind the step-3 part of one employee's profile; reads only what the actor may see.
    struct EmployeePerformance {
        struct LatestTalent {
            let year: Int
            let cutoffs: PotentialCutoffs
            /// Nil when the employee is not in the 9-box query's result.
            let person: Person?
        }
        let visibility: EmployeePerformanceModel.Visibility
        /// Newest year first; empty when the ratings may not be seen.
        let ratings: [PerformanceRating]
        /// Of the latest rated year; nil when the talent box may not be seen or there is no rating.
        let talent: LatestTalent?
        /// The latest 20 closed re-assessments, newest first.
        let closed: [ReassessmentDue]
        let codes: [UUID: String]
    }

    static func employeePerformance(_ e: Employee, actor: Principal, on db: any Database) async throws
        -> EmployeePerformance
    {
        let placement = try await EnrolmentService.placement(of: e, on: db)
        let visibility = try EmployeePerformanceModel.Visibility(e, actor: actor, placement: placement)
        let ratings =
            visibility.ratings
            ? try await PerformanceRating.query(on: db).filter(\.$employeeID == e.requireID()).sort(
                \.$year, .descending
            ).all() : []
        var talent: EmployeePerformance.LatestTalent?
        if visibility.talent, let latest = ratings.first {
            let cutoffs = try await SettingsQueries.evaluation(e.instansiID, on: db).cutoffs
            let person = try await people(
                instansiID: e.instansiID, unitIDs: nil, year: latest.year, cutoffs: cutoffs,
                filter: .employee(e.requireID()), on: db
            ).first
            talent = EmployeePerformance.LatestTalent(year: latest.year, cutoffs: cutoffs, person: person)
        }
        let closed = try await ReassessmentDue.query(on: db).filter(\.$employeeID == e.requireID()).filter(
            \.$closedOn != nil
        ).sort(\.$closedOn, .descending).limit(20).all()
        let codes = try await PositionService.codesByID(Set(closed.map(\.competencyID)), on: db)
        return EmployeePerformance(
            visibility: visibility, ratings: ratings, talent: talent, closed: closed, codes: codes)
    }
}
