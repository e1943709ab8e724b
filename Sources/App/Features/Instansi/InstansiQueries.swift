import Fluent
import Foundation

/// The instansi read side.
enum InstansiQueries {
    /// Every instansi by name.
    static func byName(on db: any Database) async throws -> [Instansi] {
        try await Instansi.query(on: db).sort(\.$name).all()
    }

    /// The instansi with this id, if any.
    static func find(_ id: UUID, on db: any Database) async throws -> Instansi? {
        try await Instansi.find(id, on: db)
    }

    /// The instansi with this code, or without a code the first one created.
    static func find(code: String?, on db: any Database) async throws -> Instansi? {
        var query = Instansi.query(on: db)
        if let code, !code.isEmpty { query = query.filter(\.$code == code) }
        return try await query.sort(\.$createdAt).first()
    }
}
