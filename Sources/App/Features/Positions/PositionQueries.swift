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

    /// Only key positions: of a kind that always is (JPT, administrator) or marked by BKPPD.
    static func keyOnly(_ query: QueryBuilder<Position>) -> QueryBuilder<Position> {
        query.group(.or) {
            $0.filter(\.$keyPosition == true).filter(\.$kind ~~ TalentBox.keyPositionKinds.map(\.rawValue))
        }
    }

    /// The position of the actor's instansi with this code.
    static func find(code: String, _ actor: Principal, on db: any Database) async throws -> Position? {
        try await Position.scopedQuery(actor, on: db).filter(\.$code == code).first()
    }
}
