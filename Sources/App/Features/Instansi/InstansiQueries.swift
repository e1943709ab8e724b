import Fluent
import Foundation
import KompetenCore

/// The instansi read side.
enum InstansiQueries {
    /// Every instansi by name.
    static func byName(on db: any Database) async throws -> [Instansi] {
        try await Instansi.query(on: db).sort(\.$name).all()
    }

    /// The Admin BKPPD accounts of every instansi (active ones), by username: what the
    /// superadmin looks after.
    static func admins(on db: any Database) async throws -> [UUID: [String]] {
        let users = try await User.query(on: db).filter(\.$role == Role.admin.rawValue).filter(\.$isActive == true)
            .sort(\.$username).all()
        var out: [UUID: [String]] = [:]
        for u in users { if let id = u.instansiID { out[id, default: []].append(u.username) } }
        return out
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
