import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Reads of the organisation tree.
enum UnitQueries {
    /// The units with these ids, in no particular order.
    static func units(_ ids: Set<UUID>, on db: any Database) async throws -> [Unit] {
        try await Unit.query(on: db).filter(\.$id ~~ ids).all()
    }

    /// One page of the units the actor may list, by code, and how many match; `search` matches
    /// name or code (an empty one is no filter).
    static func page(
        _ actor: Principal, parentID: UUID?, search: String?, range: Range<Int>, on db: any Database
    ) async throws -> (units: [Unit], total: Int) {
        var query = try Unit.scopedQuery(actor, on: db)
        if let opd = try listScope(actor) { query = query.filter(\.$opdID == opd) }
        if let parentID { query = query.filter(\.$parentID == parentID) }
        if let q = search, !q.isEmpty {
            query = query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$code ~~ q.uppercased()) }
        }
        let total = try await query.count()
        return (try await query.sort(\.$code).range(range).all(), total)
    }

    /// The units with these ids in the actor's instansi.
    static func units(_ ids: Set<UUID>, for actor: Principal, on db: any Database) async throws -> [Unit] {
        try await Unit.scopedQuery(actor, on: db).filter(\.$id ~~ ids).all()
    }

    /// The unit with this id, if any (no access rule: the caller has one for the record that names it).
    static func find(_ id: UUID?, on db: any Database) async throws -> Unit? {
        try await Unit.find(id, on: db)
    }

    /// The actor's OPDs (top-level units) by name.
    static func opdsByName(_ actor: Principal, on db: any Database) async throws -> [Unit] {
        try await Unit.scopedQuery(actor, on: db).filter(\.$parentID == nil).sort(\.$name).all()
    }

    /// The actor's OPDs (top-level units) by code.
    static func opdsByCode(_ actor: Principal, on db: any Database) async throws -> [Unit] {
        try await Unit.scopedQuery(actor, on: db).filter(\.$parentID == nil).sort(\.$code).all()
    }

    /// The ids of the units in one OPD (the OPD's own unit among them).
    static func ids(inOPD opd: UUID, on db: any Database) async throws -> [UUID] {
        try await Unit.query(on: db).filter(\.$opdID == opd).all(\.$id)
    }

    static func tree(instansiID: UUID, on db: any Database) async throws -> UnitTree<UUID> {
        let units = try await Unit.query(on: db).filter(\.$instansiID == instansiID).all()
        return UnitTree(units.map(\.node))
    }

    /// Units the actor may see: the whole instansi, or one OPD's subtree.
    static func visible(_ actor: Principal, on db: any Database) async throws -> [Unit] {
        let scope = try listScope(actor)
        var query = try Unit.scopedQuery(actor, on: db)
        if let opd = scope { query = query.filter(\.$opdID == opd) }
        return try await query.sort(\.$code).all()
    }

    static func listScope(_ actor: Principal) throws -> UUID? {
        switch AccessPolicy.listScope(actor) {
        case .success(let opd): return opd
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        }
    }

    struct CountRow: Decodable {
        let unit_id: UUID
        let n: Int
    }

    /// Employees per unit (direct members), one grouped query.
    static func employeeCounts(instansiID: UUID, on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sql
        let rows = try await sql.select()
            .column("unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Employee.schema)
            .where("instansi_id", .equal, SQLBind(instansiID))
            .groupBy("unit_id")
            .all(decoding: CountRow.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.unit_id, $0.n) })
    }
}
