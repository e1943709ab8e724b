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

extension BatchesController {
    /// The batch page's "Catat biaya" form: blank clears the cost; a value that is not a whole
    /// Rupiah amount is named in the flash message and nothing changes.
    static func actualCost(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        try await AccessFirst.recordCompletion(id, try req.actor, on: req.db) // access before the form is read
        struct Posted: Content { var actualCost: String? }
        let posted = try req.content.decode(Posted.self)
        let raw = (posted.actualCost ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
        let e = try await Enrolment.findScoped(id, try req.actor, on: req.db, what: "Pendaftaran")
        guard raw.isEmpty || Int(raw) != nil else {
            Flash.add(.error, "Biaya realisasi diisi angka Rupiah tanpa desimal (mis. 1500000).", to: req)
            return req.redirect(to: SiteURL.batch(e.batchID).path)
        }
        do {
            let saved = try await EnrolmentService.recordActualCost(
                id, Int(raw), actor: try req.actor, at: req.now, on: req.db)
            Flash.add(
                .success, "Biaya realisasi \(saved.actualCost.map(IndonesianFormat.money) ?? "dikosongkan") dicatat.",
                to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.batch(e.batchID).path)
    }
}
