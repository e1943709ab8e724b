import Fluent
import KompetenCore
import Vapor

/// The training providers' read side.
enum ProviderQueries {
    /// Every provider of the actor's instansi by name (no access rule: for the user form's choice).
    static func byName(_ actor: Principal, on db: any Database) async throws -> [Provider] {
        try await Provider.scopedQuery(actor, on: db).sort(\.$name).all()
    }

    /// One provider's programmes by code (the caller checked the provider is within reach).
    static func programmes(of providerID: UUID, _ actor: Principal, includeInactive: Bool, on db: any Database)
        async throws -> [Programme]
    {
        var q = try Programme.scopedQuery(actor, on: db).filter(\.$providerID == providerID)
        if !includeInactive { q = q.filter(\.$isActive == true) }
        return try await q.sort(\.$code).all()
    }
}
