import Fluent
import KompetenCore
import Vapor

/// The audit log's read side.
enum AuditQueries {
    /// One page of the instansi's entries, newest first, and how many match. An empty filter is no filter.
    static func entries(
        instansiID: UUID, entity: String?, action: String?, user: String?, from: SimpleDate?, to: SimpleDate?,
        range: Range<Int>, on db: any Database
    ) async throws -> (entries: [AuditEntry], total: Int) {
        var query = AuditEntry.query(on: db).filter(\.$instansiID == instansiID)
        if let entity, !entity.isEmpty { query = query.filter(\.$entity == entity) }
        if let action, !action.isEmpty { query = query.filter(\.$action == action) }
        if let user, !user.isEmpty { query = query.filter(\.$username == user) }
        // Dates are WITA calendar days: from 00:00 WITA of `from` to 24:00 WITA of `to`.
        if let from { query = query.filter(\.$at >= WITA.startOfDay(from)) }
        if let to { query = query.filter(\.$at < WITA.startOfDay(to).addingTimeInterval(86_400)) }
        let total = try await query.count()
        return (try await query.sort(\.$at, .descending).range(range).all(), total)
    }
}
