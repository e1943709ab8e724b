import Fluent
import Foundation
import KompetenCore
import Vapor

/// BKPPD's mark on a position as key (jabatan kunci), which gives it a successor list and a row
/// on the talent page. Setting the value it already has changes nothing and records nothing.
enum KeyPositionService {
    /// Access first (the position's instansi, then the admin rule), then the JPT/administrator
    /// check: those are key by their kind, and a mark on them would mean nothing.
    static func mark(_ id: UUID?, key: Bool, actor: Principal, at now: Date, on db: any Database) async throws
        -> Position
    {
        let p = try await Position.findScoped(id, actor, on: db, what: "Jabatan")
        try AccessPolicy.markKeyPosition(actor, try await PositionService.placement(p, on: db)).require()
        guard Succession.canMark(p.positionKind) else {
            throw ValidationFailure(errors: [
                .init(
                    field: "key",
                    message: "Jabatan \(p.positionKind.label) selalu jabatan kunci; tandanya tidak dapat diubah.")
            ])
        }
        guard (p.keyPosition ?? false) != key else { return p }
        try await db.transaction { db in
            try await Position.query(on: db).filter(\.$id == p.requireID()).set(\.$keyPosition, to: key).update()
            try await AuditLog.record(
                .update, entity: "key_position", id: p.id,
                summary: "\(p.code) \(p.name) \(key ? "ditandai" : "tidak lagi ditandai") sebagai jabatan kunci",
                actor: actor, instansiID: p.instansiID, at: now, on: db)
        }
        p.keyPosition = key
        return p
    }
}
