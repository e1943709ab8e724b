import Fluent
import Foundation
import KompetenCore
import Vapor

/// The jabatan tujuan of an employee: the post they are being prepared for. Setting the value
/// it already has changes nothing and records nothing.
enum TargetPositionService {
    /// The employee (scoped to the actor's instansi) and whether the actor may set their target.
    static func authorised(_ id: UUID?, actor: Principal, on db: any Database) async throws -> Employee {
        let e = try await Employee.findScoped(id, actor, on: db, what: "Pegawai")
        let opd = try await Unit.find(e.unitID, on: db)?.opdID
        try AccessPolicy.setTargetPosition(actor, Placement(instansiID: e.instansiID, opdID: opd)).require()
        return e
    }

    /// `positionID` nil clears the target. The target must be a position of the instansi that
    /// the actor may read, and not the one the person already holds.
    static func set(_ e: Employee, to positionID: UUID?, actor: Principal, at now: Date, on db: any Database)
        async throws -> Position?
    {
        var target: Position?
        if let positionID {
            guard let p = try await Position.scopedQuery(actor, on: db).filter(\.$id == positionID).first() else {
                throw ValidationFailure(errors: [
                    .init(field: "positionId", message: "Jabatan tujuan tidak ditemukan di instansi ini.")
                ])
            }
            guard p.id != e.positionID else {
                throw ValidationFailure(errors: [
                    .init(field: "positionId", message: "Jabatan tujuan tidak boleh jabatan yang sedang dipangku.")
                ])
            }
            target = p
        }
        guard e.targetPositionID != positionID else { return target }
        let employeeID = try e.requireID()
        let summary = "Jabatan tujuan \(e.nip) \(e.name): " + (target.map { "\($0.code) \($0.name)" } ?? "dihapus")
        try await db.transaction { db in
            try await Employee.query(on: db).filter(\.$id == employeeID).set(\.$targetPositionID, to: positionID)
                .update()
            try await AuditLog.record(
                .update, entity: "target_position", id: employeeID,
                summary: summary,
                actor: actor, instansiID: e.instansiID, at: now, on: db)
        }
        e.targetPositionID = positionID
        return target
    }
}

/// `GET/PUT /api/v1/employees/{id}/target-position`.
struct TargetPositionDTO: Content {
    let employeeId: UUID
    let positionId: UUID?
    let positionCode: String?
    let positionName: String?
}
