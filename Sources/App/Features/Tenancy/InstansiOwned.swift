import Fluent
import KompetenCore
import Vapor

/// A record that belongs to one instansi. Every read of such a record goes through
/// `scopedQuery`/`findScoped`, so an admin of one instansi can never see another's data:
/// the instansi filter is written here once, not route by route.
protocol InstansiOwned: Model where IDValue == UUID {
    static var instansiKey: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}

extension InstansiOwned {
    /// A query limited to the acting user's instansi.
    static func scopedQuery(_ actor: Principal, on db: any Database) throws -> QueryBuilder<Self> {
        guard let instansiID = actor.instansiID else {
            throw Abort(.forbidden, reason: "Akun ini tidak terikat pada instansi mana pun.")
        }
        return Self.query(on: db).filter(instansiKey == instansiID)
    }

    /// The record with this id in the actor's instansi, or 404 (another instansi's record is not revealed).
    static func findScoped(_ id: UUID?, _ actor: Principal, on db: any Database, what: String) async throws -> Self {
        guard let id, let found = try await scopedQuery(actor, on: db).filter(\._$id == id).first() else {
            throw Abort(.notFound, reason: "\(what) tidak ditemukan.")
        }
        return found
    }
}
