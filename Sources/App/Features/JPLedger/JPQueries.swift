import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The JP ledger read side: one employee's year, and compliance over many people in one grouped query.
enum JPQueries {
    /// SQL rather than Fluent's `sum`: PostgreSQL answers SUM(bigint) as NUMERIC, which Fluent's
    /// aggregate cannot decode as Int.
    static func total(employeeID: UUID, year: Int, on db: any Database) async throws -> Int {
        let row = try await db.sql.select()
            .column(SQLFunction("SUM", args: SQLColumn("jp")), as: "total")
            .from(JPCredit.schema)
            .where("employee_id", .equal, SQLBind(employeeID)).where("year", .equal, SQLBind(year))
            .first()
        return try row.map { try $0.integer("total") } ?? 0
    }

    /// JP of enrolments still open (enrolled) whose batch ends in `year`.
    static func plannedJP(employeeID: UUID, year: Int, on db: any Database) async throws -> Int {
        let open = try await Enrolment.query(on: db).filter(\.$employeeID == employeeID)
            .filter(\.$status == EnrolmentStatus.enrolled.rawValue).all()
        guard !open.isEmpty else { return 0 }
        let batches = try await Batch.query(on: db).filter(\.$id ~~ open.map(\.batchID)).all()
        let programmes = try await Programme.query(on: db).filter(\.$id ~~ open.map(\.programmeID)).all()
        let jpByProgramme = try Dictionary(uniqueKeysWithValues: programmes.map { try ($0.requireID(), $0.jp) })
        return batches.filter { SimpleDate(iso: $0.endDate)?.year == year }.reduce(0) {
            $0 + (jpByProgramme[$1.programmeID] ?? 0)
        }
    }

    static func status(_ employee: Employee, year: Int, on db: any Database) async throws -> JPDTO {
        let jp = try await total(employeeID: employee.requireID(), year: year, on: db)
        return dto(jp: jp, year: year, kind: NIP.Kind(rawValue: employee.employmentType) ?? .pns)
    }

    static func dto(jp: Int, year: Int, kind: NIP.Kind) -> JPDTO {
        let status = JPLedger.status(total: jp, kind: kind)
        switch kind {
        case .pns:
            return JPDTO(
                year: year, jp: jp, minimum: JPRule.minimumPNS, maximum: nil, met: status == .met, status: status.label)
        case .pppk:
            return JPDTO(
                year: year, jp: jp, minimum: 0, maximum: JPRule.maximumPPPK, met: status == .withinCap,
                status: status.label)
        }
    }

    struct Person: Sendable {
        let id: UUID
        let nip: String
        let name: String
        let unitID: UUID
        let kind: NIP.Kind
        let jp: Int
    }

    /// Every active employee in the scope with their JP in `year` (0 when nothing is credited):
    /// employees LEFT JOIN the year's credits, grouped per person.
    static func people(instansiID: UUID, unitIDs: [UUID]?, year: Int, on db: any Database) async throws -> [Person] {
        let sql = try db.sql
        let e = "e"
        let j = "j"
        var q = sql.select()
            .column(SQLColumn("id", table: e), as: "id").column(SQLColumn("nip", table: e), as: "nip")
            .column(SQLColumn("name", table: e), as: "name").column(SQLColumn("unit_id", table: e), as: "unit_id")
            .column(SQLColumn("employment_type", table: e), as: "kind")
            .column(SQLFunction("SUM", args: SQLColumn("jp", table: j)), as: "jp")
            .from(SQLAlias(SQLIdentifier(Employee.schema), as: SQLIdentifier(e)))
            .join(
                SQLAlias(SQLIdentifier(JPCredit.schema), as: SQLIdentifier(j)), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("employee_id", table: j), .equal, SQLColumn("id", table: e)), .and,
                    SQLBinaryExpression(SQLColumn("year", table: j), .equal, SQLBind(year)))
            )
            .where(SQLColumn("instansi_id", table: e), .equal, SQLBind(instansiID))
            .where(SQLColumn("is_active", table: e), .equal, SQLBind(true))
        if let unitIDs { q = q.where(SQLColumn("unit_id", table: e), .in, SQLBind.group(unitIDs)) }
        let rows = try await q.groupBy(SQLColumn("id", table: e)).orderBy(SQLColumn("name", table: e)).all()
        return try rows.map { row in
            Person(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                kind: NIP.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pns,
                jp: try row.integer("jp"))
        }
    }

    /// How many active PNS in the scope, and how many reached 20 JP in `year`: one row from the
    /// database (the per-person sums stay in a derived table), for dashboards that need the share only.
    static func pnsCompliance(instansiID: UUID, unitIDs: [UUID]?, year: Int, on db: any Database) async throws -> (
        pns: Int, met: Int
    ) {
        let sql = try db.sql
        let e = "e"
        let j = "j"
        let perPerson = SQLSubquery.select { q in
            var q = q.column(SQLColumn("id", table: e), as: "id")
                .column(
                    SQLFunction(
                        "COALESCE", args: SQLFunction("SUM", args: SQLColumn("jp", table: j)), SQLLiteral.numeric("0")),
                    as: "total"
                )
                .from(SQLAlias(SQLIdentifier(Employee.schema), as: SQLIdentifier(e)))
                .join(
                    SQLAlias(SQLIdentifier(JPCredit.schema), as: SQLIdentifier(j)), method: SQLJoinMethod.left,
                    on: SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn("employee_id", table: j), .equal, SQLColumn("id", table: e)),
                        .and,
                        SQLBinaryExpression(SQLColumn("year", table: j), .equal, SQLBind(year)))
                )
                .where(SQLColumn("instansi_id", table: e), .equal, SQLBind(instansiID))
                .where(SQLColumn("is_active", table: e), .equal, SQLBind(true))
                .where(SQLColumn("employment_type", table: e), .equal, SQLBind(NIP.Kind.pns.rawValue))
            if let unitIDs { q = q.where(SQLColumn("unit_id", table: e), .in, SQLBind.group(unitIDs)) }
            return q.groupBy(SQLColumn("id", table: e))
        }
        let met = SQLCaseWhen(
            condition: SQLBinaryExpression(
                SQLColumn("total", table: "t"), .greaterThanOrEqual, SQLBind(JPRule.minimumPNS)),
            then: SQLLiteral.numeric("1"), otherwise: SQLLiteral.numeric("0"))
        guard
            let row = try await sql.select()
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "pns").column(
                    SQLFunction("SUM", args: met), as: "met"
                )
                .from(SQLAlias(perPerson, as: SQLIdentifier("t"))).first()
        else { return (0, 0) }
        let pns = try row.integer("pns")
        return (pns, pns == 0 ? 0 : try row.integer("met"))
    }

    struct OPDCompliance: Sendable {
        let opdID: UUID
        let pns: Int
        let pnsMet: Int
        let pppk: Int
        let pppkAboveCap: Int
        let totalJP: Int
        var share: Double? { pns == 0 ? nil : Double(pnsMet) / Double(pns) }
    }

    /// Compliance per OPD: the 20 JP right counts PNS (PP 11/2017 Ps 203(4)); PPPK are shown
    /// against their 24 JP cap instead.
    static func compliance(_ people: [Person], opdOf: (UUID) -> UUID?) -> [OPDCompliance] {
        var acc: [UUID: (pns: Int, met: Int, pppk: Int, above: Int, jp: Int)] = [:]
        for p in people {
            guard let opd = opdOf(p.unitID) else { continue }
            var a = acc[opd] ?? (0, 0, 0, 0, 0)
            switch p.kind {
            case .pns:
                a.pns += 1
                if p.jp >= JPRule.minimumPNS { a.met += 1 }
            case .pppk:
                a.pppk += 1
                if p.jp > JPRule.maximumPPPK { a.above += 1 }
            }
            a.jp += p.jp
            acc[opd] = a
        }
        return acc.map {
            OPDCompliance(
                opdID: $0.key, pns: $0.value.pns, pnsMet: $0.value.met, pppk: $0.value.pppk,
                pppkAboveCap: $0.value.above, totalJP: $0.value.jp)
        }
    }
}
