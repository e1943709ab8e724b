import Fluent
import Foundation
import KompetenCore
import Vapor

extension EnrolmentService {
    static let maxActualCost = 1_000_000_000

    /// What the enrolment actually cost (Rupiah; nil clears it): the realisation of the instansi
    /// plan sums these as the budget absorbed. Recorded by whoever records completion.
    static func recordActualCost(_ id: UUID, _ cost: Int?, actor: Principal, at now: Date, on db: any Database)
        async throws -> Enrolment
    {
        let (e, _, _) = try await forRecording(id, actor: actor, on: db)
        if let cost, !(0...maxActualCost).contains(cost) {
            throw ValidationFailure(errors: [.init(field: "actualCost", message: "Biaya realisasi Rp 0 – Rp 1 miliar.")]
            )
        }
        guard e.enrolmentStatus != .cancelled, e.enrolmentStatus != .waitlisted else {
            throw Abort(
                .conflict, reason: "Biaya realisasi hanya dicatat untuk peserta (bukan daftar tunggu atau batal).")
        }
        let before = EnrolmentDTO(e)
        e.actualCost = cost
        e.updatedAt = now
        return try await db.transaction { db in
            try await e.save(on: db)
            try await AuditLog.record(
                .update, entity: "enrolment", id: e.id,
                summary: "Mencatat biaya realisasi \(cost.map(IndonesianFormat.money) ?? "(dikosongkan)")",
                before: before, after: EnrolmentDTO(e), actor: actor, instansiID: e.instansiID, at: now, on: db)
            return e
        }
    }
}
