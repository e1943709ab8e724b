import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Reads of the organisation tree.
enum UnitQueries {
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
