import Fluent
import KompetenCore
import Vapor

enum PositionQueries {
    /// Positions the actor may list: the instansi, or one OPD's units.
    static func visible(_ actor: Principal, on db: any Database) async throws -> QueryBuilder<Position> {
        var query = try Position.scopedQuery(actor, on: db)
        switch actor.role {
        case .admin, .assessor: break
        case .operator, .supervisor, .employee:
            guard let opd = actor.opdID else { throw Abort(.forbidden, reason: AccessPolicy.otherOPD) }
            let units = try await UnitQueries.ids(inOPD: opd, on: db)
            query = query.filter(\.$unitID ~~ units)
        case .superadmin, .provider: throw Abort(.forbidden, reason: AccessPolicy.noAccess)
        }
        return query
    }

    /// The position of the actor's instansi with this code.
    static func find(code: String, _ actor: Principal, on db: any Database) async throws -> Position? {
        try await Position.scopedQuery(actor, on: db).filter(\.$code == code).first()
    }
}
