import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Who adopts the plan. Kompeten has no PPK role: the admin designates a user (the Sekretaris
/// Daerah's login, or an Admin BKPPD acting for the PPK) and only that user adopts; the
/// designation is audited, and the adoption's audit entry says who adopted in which capacity.
enum InstansiPlanPPK {
    struct Candidate: Sendable {
        let id: UUID
        let label: String
    }

    /// Active admins and supervisors (atasan: the Sekda logs in as one) of the instansi.
    static func candidates(_ instansiID: UUID, on db: any Database) async throws -> [Candidate] {
        let users = try await User.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true)
            .filter(\.$role ~~ [Role.admin.rawValue, Role.supervisor.rawValue]).sort(\.$username).all()
        return try users.map {
            Candidate(id: try $0.requireID(), label: "\($0.username) (\(Role(rawValue: $0.role)?.label ?? $0.role))")
        }
    }

    static func designate(_ userID: UUID?, actor: Principal, at now: Date, on db: any Database) async throws {
        try AccessPolicy.designatePPK(actor).require()
        let instansiID = actor.instansiID!
        if let userID {
            guard try await candidates(instansiID, on: db).contains(where: { $0.id == userID }) else {
                throw ValidationFailure(errors: [
                    .init(
                        field: "userId", message: "PPK harus pengguna aktif berperan Admin BKPPD atau Atasan Langsung.")
                ])
            }
        }
        let before = try await InstansiPlanQueries.ppkUserID(instansiID, on: db)
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await db.sql.delete(from: "instansi_ppk").where("instansi_id", .equal, SQLBind(instansiID)).run()
                if let userID {
                    try await db.sql.insert(into: "instansi_ppk").columns(
                        "instansi_id", "user_id", "updated_by", "updated_at"
                    )
                    .values(SQLBind(instansiID), SQLBind(userID), SQLBind(actor.userID), SQLBind(now)).run()
                }
                try await AuditLog.record(
                    .update, entity: "instansi_ppk", id: userID,
                    summary: userID == nil
                        ? "Menghapus penunjukan PPK rencana pengembangan" : "Menunjuk PPK penetap rencana pengembangan",
                    before: before?.uuidString, after: userID?.uuidString, actor: actor, instansiID: instansiID,
                    at: now,
                    on: db)
            }
        }
    }
}
