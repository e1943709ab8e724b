import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Writes on complaints. Filing needs no login; a reply and a transition are conditional updates
/// on the complaint's version, so two operators clicking at once change it once and the second
/// gets 409; each change is audited in the same transaction.
enum ComplaintService {
    /// Stores a resident's complaint about `service` and returns it with its new tracking code.
    static func file(
        _ submission: ComplaintSubmission, service: PublicService, honeypot: Bool, at now: Date, on db: any Database
    ) async throws -> Complaint {
        guard let unit = try await Unit.find(service.unitID, on: db) else {
            throw Abort(.notFound, reason: "Unit layanan tidak ditemukan.")
        }
        var random = SystemRandomNumberGenerator()
        // 40 random bits: a clash is rare, and the unique index turns one into a retry.
        for attempt in 1...4 {
            let c = Complaint()
            c.id = UUID()
            c.instansiID = service.instansiID
            c.serviceID = try service.requireID()
            c.opdID = unit.opdID
            c.trackingCode = TrackingCode.make(using: &random)
            c.text = submission.text
            c.name = submission.name
            c.contact = submission.contact
            c.status = ComplaintStatus.received.rawValue
            c.flagged = honeypot
            c.receivedAt = now
            c.version = 1
            c.updatedAt = now
            do {
                try await c.create(on: db)
                return c
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 4 {
                continue
            }
        }
        throw Abort(.serviceUnavailable, reason: "Kode pelacakan tidak dapat dibuat. Coba kirim lagi.")
    }

    /// The unit's reply to the resident (replaces an earlier one while the complaint is open). A
    /// reply to a complaint still *diterima* also moves it to *diproses*.
    static func reply(
        _ complaint: Complaint, text: String, competencyCode: String?, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> Complaint {
        let status = complaint.complaintStatus
        // Closed while this operator was typing: a state conflict, as for a transition.
        if status.isClosed { throw Abort(.conflict, reason: "Pengaduan sudah ditutup; jawabannya tidak dapat diubah.") }
        let reply: String
        switch ComplaintReply.validate(text, status: status) {
        case .failure(let failure): throw failure
        case .success(let ok): reply = ok
        }
        let code = try await competency(competencyCode, instansiID: complaint.instansiID, on: db)
        let next = status == .received ? ComplaintStatus.inProgress : status
        let id = try complaint.requireID()
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claim(complaint, on: db)
                try await Complaint.query(on: db).filter(\.$id == id)
                    .set(\.$reply, to: reply).set(\.$repliedAt, to: now)
                    .set(\.$firstReplyAt, to: complaint.firstReplyAt ?? now)
                    .set(\.$status, to: next.rawValue)
                    .set(\.$competencyCode, to: code ?? complaint.competencyCode)
                    .set(\.$updatedAt, to: now)
                    .update()
                try await AuditLog.record(
                    .update, entity: "complaint", id: id,
                    summary: "Menjawab pengaduan \(complaint.trackingCode)",
                    before: ["status": status.rawValue, "reply": complaint.reply ?? ""],
                    after: ["status": next.rawValue, "reply": reply],
                    actor: actor, instansiID: complaint.instansiID, at: now, on: db)
            }
        }
        return try await reload(id, on: db)
    }

    /// Moves a complaint on (`diproses`, `selesai`, `ditolak` with a reason).
    static func transition(
        _ complaint: Complaint, to target: String, reason: String?, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> Complaint {
        let status = complaint.complaintStatus
        let to: ComplaintStatus
        switch ComplaintWorkflow.validate(from: status, to: target, reason: reason, hasReply: complaint.reply != nil) {
        case .failure(let failure):
            // A closed complaint is a state conflict, not a bad field: the other click won.
            if status.isClosed { throw Abort(.conflict, reason: failure.errors.first?.message ?? "") }
            throw failure
        case .success(let ok): to = ok
        }
        let id = try complaint.requireID()
        let why = to == .rejected ? reason?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                try await claim(complaint, on: db)
                try await Complaint.query(on: db).filter(\.$id == id)
                    .set(\.$status, to: to.rawValue)
                    .set(\.$closedAt, to: to.isClosed ? now : nil)
                    .set(\.$rejectReason, to: why)
                    // A rejection answers the resident: it counts as the first reply if none came before.
                    .set(\.$firstReplyAt, to: complaint.firstReplyAt ?? (to == .rejected ? now : nil))
                    .set(\.$updatedAt, to: now)
                    .update()
                try await AuditLog.record(
                    .update, entity: "complaint", id: id,
                    summary: "Pengaduan \(complaint.trackingCode): \(status.label) → \(to.label)",
                    before: ["status": status.rawValue], after: ["status": to.rawValue, "reason": why ?? ""],
                    actor: actor, instansiID: complaint.instansiID, at: now, on: db)
            }
        }
        return try await reload(id, on: db)
    }

    /// Raises the version only if it is still the one this request read: of two operators who
    /// click at once, one goes on and the other gets 409.
    private static func claim(_ c: Complaint, on db: any Database) async throws {
        guard
            try await StateTransition.bumpVersion(Complaint.schema, id: c.requireID(), expected: c.version, on: db)
                != nil
        else { throw Abort(.conflict, reason: conflict) }
    }

    static let conflict =
        "Pengaduan ini baru saja diubah oleh pengguna lain. Muat ulang halaman untuk melihat statusnya."

    private static func reload(_ id: UUID, on db: any Database) async throws -> Complaint {
        guard let c = try await Complaint.find(id, on: db) else { throw Abort(.notFound) }
        return c
    }

    /// A competency code of the instansi's dictionary, or nil for none; unknown → 422 on `competencyCode`.
    private static func competency(_ code: String?, instansiID: UUID, on db: any Database) async throws -> String? {
        guard let raw = code?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let known = try await Competency.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$code == raw.uppercased()).first()
        guard let known else {
            throw ValidationFailure(errors: [.init(field: "competencyCode", message: "Kode kompetensi tidak dikenal.")])
        }
        return known.code
    }
}
