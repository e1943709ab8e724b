import Fluent
import KompetenCore
import Vapor

/// The training providers' read side.
enum ProviderQueries {
    /// Every provider of the actor's instansi by name (no access rule: for the user form's choice).
    static func byName(_ actor: Principal, on db: any Database) async throws -> [Provider] {
        try await Provider.scopedQuery(actor, on: db).sort(\.$name).all()
    }
}
