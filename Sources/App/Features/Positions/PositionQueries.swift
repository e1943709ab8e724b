import Fluent
import KompetenCore
import Vapor

enum PositionQueries {
    /// Positions the actor may list: the instansi, or one OPD's units.
    static func visible(_ actor: Principal, on db: any Database) async throws -> QueryBuilder<Position> {
        var query = try Position.scopedQuery(actor, on: db)
        switch AccessPolicy.listScope(actor) {
        case .success(nil): break
        case .success(let opd?):
            let units = try await UnitQueries.ids(inOPD: opd, on: db)
            query = query.filter(\.$unitID ~~ units)
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        }
        return query
    }

    /// The position of the actor's instansi with this code.
    static func find(code: String, _ actor: Principal, on db: any Database) async throws -> Position? {
        try await Position.scopedQuery(actor, on: db).filter(\.$code == code).first()
    }
}
