import Fluent
import Foundation
import KompetenCore
import Vapor

/// Storing SKM responses: from the public page or API (channel `daring`/`kios`) and from paper
/// forms entered by the unit's operator (`kertas`). Nothing is dropped: a response that looks
/// like a repeat is flagged and still counts until an operator rejects it; one that filled the
/// hidden honeypot field is kept as rejected so an operator can restore it if it was genuine.
enum SurveyService {
    static let channels = ["daring", "kios", "kertas"]

    struct Stored: Sendable { let id: UUID; let flag: String? }

    /// A salted hash of address and browser: enough to spot a repeat, not enough to identify anyone.
    static func clientHash(address: String, userAgent: String, salt: String) -> String {
        let digest = SHA256.hash(data: Data("\(salt)|\(address)|\(userAgent)".utf8))
        return digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// `writer`: the public endpoints pass the app's `SurveyWriter` (grouped commits); the
    /// operator's paper forms write directly, inside their own transaction.
    static func store(_ submission: SurveySubmission, partial: [Int?]? = nil, service: PublicService, channel: String, clientHash: String?,
                      honeypot: Bool, on date: SimpleDate? = nil, enteredBy: UUID?, at now: Date, db: any Database,
                      writer: SurveyWriter? = nil) async throws -> Stored {
        let r = SurveyResponse()
        r.id = UUID(); r.instansiID = service.instansiID; r.serviceID = service.id!; r.unitID = service.unitID
        r.submittedAt = now; r.submittedOn = (date ?? WITA.today(now)).iso
        r.setAnswers(partial ?? submission.answers.map { Optional($0) })
        r.sex = submission.respondent.sex?.rawValue; r.ageBand = submission.respondent.ageBand?.rawValue
        r.education = submission.respondent.education?.rawValue; r.occupation = submission.respondent.occupation?.rawValue
        r.channel = channel; r.clientHash = clientHash; r.enteredBy = enteredBy
        r.status = SurveyResponse.counted
        if honeypot {
            r.flag = "honeypot"; r.status = SurveyResponse.rejected
        } else if let clientHash {
            let earlier = try await SurveyResponse.query(on: db).filter(\.$serviceID == service.id!).filter(\.$clientHash == clientHash)
                .filter(\.$submittedAt >= now.addingTimeInterval(-SurveyDuplicateRule.window)).sort(\.$submittedAt, .descending).first()
            let previous = earlier.map { (answers: $0.answers.map { $0 ?? 0 }, at: $0.submittedAt.timeIntervalSince1970) }
            if SurveyDuplicateRule.isDuplicate(previous: previous, current: submission.answers, at: now.timeIntervalSince1970) { r.flag = "duplicate" }
        }
        if let writer { try await writer.write(r) } else { try await r.create(on: db) }
        return Stored(id: r.id!, flag: r.flag)
    }

    /// Rejecting or restoring one response (the operator's review of flagged ones).
    static func review(_ responseID: UUID, service: PublicService, reject: Bool, actor: Principal, at now: Date, on db: any Database) async throws {
        guard let r = try await SurveyResponse.query(on: db).filter(\.$id == responseID).filter(\.$serviceID == service.id!).first() else {
            throw Abort(.notFound, reason: "Jawaban survei tidak ditemukan.")
        }
        r.status = reject ? SurveyResponse.rejected : SurveyResponse.counted
        r.reviewedBy = actor.userID
        try await db.transaction { db in
            try await r.save(on: db)
            try await AuditLog.record(.update, entity: "survey_response", id: r.id,
                                      summary: "\(reject ? "Menolak" : "Memulihkan") jawaban SKM layanan \(service.code) (\(r.submittedOn))",
                                      actor: actor, instansiID: service.instansiID, at: now, on: db)
        }
    }
}
