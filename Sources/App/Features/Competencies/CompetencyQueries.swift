import Fluent
import KompetenCore
import Vapor

/// The competency dictionary's read side.
enum CompetencyQueries {
    /// The instansi's dictionary, retired entries included, in the database's order.
    static func all(instansiID: UUID, on db: any Database) async throws -> [Competency] {
        try await Competency.query(on: db).filter(\.$instansiID == instansiID).all()
    }

    /// The instansi's dictionary, retired entries included, by code.
    static func byCode(instansiID: UUID, on db: any Database) async throws -> [Competency] {
        try await Competency.query(on: db).filter(\.$instansiID == instansiID).sort(\.$code).all()
    }

    /// The dictionary as this actor sees it, retired entries included, in the database's order.
    static func visible(_ actor: Principal, on db: any Database) async throws -> [Competency] {
        try await Competency.scopedQuery(actor, on: db).all()
    }

    /// The actor's dictionary by code, of one group or all; retired entries only when asked for.
    static func list(_ actor: Principal, group: String?, includeRetired: Bool, on db: any Database) async throws
        -> [Competency]
    {
        var query = try Competency.scopedQuery(actor, on: db)
        if let group { query = query.filter(\.$group == group) }
        if !includeRetired { query = query.filter(\.$retiredAt == nil) }
        return try await query.sort(\.$code).all()
    }

    /// The competencies this actor may pick (not retired), by code.
    static func inUse(_ actor: Principal, on db: any Database) async throws -> [Competency] {
        try await Competency.scopedQuery(actor, on: db).filter(\.$retiredAt == nil).sort(\.$code).all()
    }

    /// How many position standards ask for this competency.
    static func positionStandardCount(_ competencyID: UUID, on db: any Database) async throws -> Int {
        try await PositionStandard.query(on: db).filter(\.$competencyID == competencyID).count()
    }
}

/// Competency names by code, as the actor's dictionary has them.
enum CompetencyNames {
    static func byCode(_ actor: Principal, on db: any Database) async throws -> [String: String] {
        Dictionary(
            try await Competency.scopedQuery(actor, on: db).all().map { ($0.code, $0.name) },
            uniquingKeysWith: { a, _ in a })
    }
}
