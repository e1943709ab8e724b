import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Storing SKM responses: from the public page or API (channel `daring`/`kios`) and from paper
/// forms entered by the unit's operator (`kertas`). Nothing is dropped: a response that looks
/// like a repeat is flagged and still counts until an operator rejects it; one that filled the
/// hidden honeypot field is kept as rejected so an operator can restore it if it was genuine.
enum SurveyService {
    static let channels = ["daring", "kios", "kertas"]

    struct Stored: Sendable {
        let id: UUID
        let flag: String?
    }

    /// A salted hash of address and browser: enough to spot a repeat, not enough to identify anyone.
    static func clientHash(address: String, userAgent: String, salt: String) -> String {
        let digest = SHA256.hash(data: Data("\(salt)|\(address)|\(userAgent)".utf8))
        return Hex.lower(digest.prefix(12))
    }

    /// `writer`: the public endpoints pass the app's `SurveyWriter` (grouped commits); the
    /// operator's paper forms write directly, inside their own transaction. `kiosk`: the
    /// registered counter kiosk that sent it (channel `kios`, never sender-flagged).
    static func store(
        _ submission: SurveySubmission, partial: [Int?]? = nil, service: PublicService, channel: String,
        clientHash: String?,
        honeypot: Bool, on date: SimpleDate? = nil, enteredBy: UUID?, at now: Date, db: any Database,
        writer: SurveyWriter? = nil, kiosk: UUID? = nil
    ) async throws -> Stored {
        let r = SurveyResponse()
        r.id = UUID()
        r.instansiID = service.instansiID
        r.serviceID = try service.requireID()
        r.unitID = service.unitID
        r.submittedAt = now
        r.submittedOn = (date ?? WITA.today(now)).iso
        r.setAnswers(partial ?? submission.answers.map { Optional($0) })
        r.sex = submission.respondent.sex?.rawValue
        r.ageBand = submission.respondent.ageBand?.rawValue
        r.education = submission.respondent.education?.rawValue
        r.occupation = submission.respondent.occupation?.rawValue
        r.suggestion = submission.suggestion
        r.channel = channel
        r.clientHash = kiosk == nil ? clientHash : nil
        r.enteredBy = enteredBy
        r.kioskID = kiosk
        r.status = SurveyResponse.counted
        if honeypot {
            r.flag = SurveyFlag.honeypot.rawValue
            r.status = SurveyResponse.rejected
        } else if kiosk == nil, let clientHash {
            let previous = try await SurveyQueries.latestFromSender(
                serviceID: service.requireID(), clientHash: clientHash, around: now,
                window: SurveyDuplicateRule.window, on: db)
            r.flag =
                SurveyDuplicateRule.flag(
                    previous: previous, current: submission.answers, at: now.timeIntervalSince1970)?.rawValue
        }
        if let writer { try await writer.write(r) } else { try await r.create(on: db) }
        return try Stored(id: r.requireID(), flag: r.flag)
    }

    static let maxReasonLength = 500

    /// Rejecting or restoring one response, with a reason, audited. Who may: `AccessPolicy.
    /// reviewSurveyResponse` (the unit's operator only for flagged responses). The status change
    /// is one conditional UPDATE (`… WHERE status = <the other one>`), so of two concurrent
    /// rejections exactly one succeeds; the other, like rejecting a rejected response, is a 409.
    @discardableResult
    static func review(
        _ responseID: UUID, service: PublicService, unit: Unit, reject: Bool, reason: String?, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> SurveyResponse {
        guard
            let r = try await SurveyResponse.query(on: db).filter(\.$id == responseID).filter(
                \.$serviceID == service.requireID()
            ).first()
        else {
            throw Abort(.notFound, reason: "Jawaban survei tidak ditemukan.")
        }
        // Access first, then the body.
        try AccessPolicy.reviewSurveyResponse(
            actor, ServiceCatalogue.placement(service, unit: unit), flagged: r.flag != nil
        ).require()
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var v = FieldValidator()
        v.require(
            !text.isEmpty, field: "reason", reject ? "Alasan penolakan wajib diisi." : "Alasan pemulihan wajib diisi.")
        v.require(text.count <= maxReasonLength, field: "reason", "Alasan paling panjang \(maxReasonLength) karakter.")
        // One line: it is shown in the list and the audit summary.
        v.require(
            !text.unicodeScalars.contains { $0.properties.generalCategory == .control },
            field: "reason", "Alasan satu baris, tanpa karakter kendali.")
        try v.check()
        let from = reject ? SurveyResponse.counted : SurveyResponse.rejected
        let to = reject ? SurveyResponse.rejected : SurveyResponse.counted
        return try await db.transaction { db in
            let changed = try await db.sql.update(SurveyResponse.schema)
                .set("status", to: SQLBind(to))
                .where("id", .equal, SQLBind(responseID))
                .where("status", .equal, SQLBind(from))
                .returning("id")
                .all()
            guard !changed.isEmpty else {
                throw Abort(
                    .conflict,
                    reason: reject
                        ? "Jawaban ini sudah ditolak." : "Jawaban ini sudah dihitung (tidak dalam status ditolak).")
            }
            // This request won the status change; the details follow in the same transaction
            // (through Fluent, which stores dates the way every other read expects).
            try await SurveyResponse.query(on: db).filter(\.$id == responseID)
                .set(\.$reviewedBy, to: actor.userID).set(\.$reviewedAt, to: now).set(\.$reviewReason, to: text)
                .update()
            try await AuditLog.record(
                .update, entity: "survey_response", id: r.id,
                summary:
                    "\(reject ? "Menolak" : "Memulihkan") jawaban SKM layanan \(service.code) (\(r.submittedOn)): \(text)",
                before: ["status": from, "flag": r.flag ?? "", "reason": r.reviewReason ?? ""],
                after: ["status": to, "flag": r.flag ?? "", "reason": text],
                actor: actor, instansiID: service.instansiID, at: now, on: db)
            r.status = to
            r.reviewedBy = actor.userID
            r.reviewedAt = now
            r.reviewReason = text
            return r
        }
    }
}

/// Paper SKM forms, entered on the web form, by file or through the API.
extension SurveyService {
    /// A paper form's answers: blanks allowed (nobody answered that element), at least one given,
    /// each 1–4; the date within the period being entered (`PaperSurveyPeriod`: this month, last
    /// month until the 10th, never before the service existed nor in the future). Errors name the form fields.
    static func parsePaper(
        date: String, answers: [String], profile: [String: String], today: SimpleDate,
        serviceCreated: SimpleDate
    ) -> Result<(SimpleDate, [Int?], SurveySubmission), ValidationFailure> {
        var v = FieldValidator()
        let day = SimpleDate(iso: date.trimmingCharacters(in: .whitespaces))
        if let day {
            if let problem = PaperSurveyPeriod.problem(day, today: today, serviceCreated: serviceCreated) {
                v.add(field: "date", problem)
            }
        } else {
            v.add(field: "date", "Tanggal pengisian: format YYYY-MM-DD.")
        }
        var values: [Int?] = []
        for (i, text) in answers.enumerated() {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty {
                values.append(nil)
                continue
            }
            if let n = Int(t), (1...4).contains(n) {
                values.append(n)
            } else {
                values.append(nil)
                v.add(field: "u\(i + 1)", "Jawaban \(SKMElement.codes[i]) harus 1 sampai 4 atau kosong.")
            }
        }
        if values.allSatisfy({ $0 == nil }) && v.isValid { v.add(field: "u1", "Isi sedikitnya satu jawaban.") }
        // The profile is checked by the same rule as online; the answers above are checked here.
        var submission: SurveySubmission?
        switch SurveySubmission.validate(
            answers: Dictionary(uniqueKeysWithValues: SKMElement.codes.map { ($0, 1) }),
            respondent: profile.filter { !$0.value.isEmpty })
        {
        case .success(let ok): submission = ok
        case .failure(let f):
            for e in f.errors { v.add(field: e.field.replacingOccurrences(of: "respondent.", with: ""), e.message) }
        }
        guard v.isValid, let day, let submission else { return .failure(ValidationFailure(errors: v.errors)) }
        return .success((day, values, submission))
    }

    /// One paper form stored and audited in one transaction (the web form and the API).
    static func savePaper(
        day: SimpleDate, values: [Int?], submission: SurveySubmission, service s: PublicService, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> SurveyResponse {
        try await db.transaction { db in
            let stored = try await SurveyService.store(
                submission, partial: values, service: s, channel: "kertas", clientHash: nil, honeypot: false,
                on: day, enteredBy: actor.userID, at: now, db: db)
            try await AuditLog.record(
                .create, entity: "survey_response", id: stored.id,
                summary: "Memasukkan formulir SKM kertas layanan \(s.code) (\(day.iso))",
                actor: actor, instansiID: s.instansiID, at: now, on: db)
            guard let row = try await SurveyResponse.find(stored.id, on: db) else { throw Abort(.internalServerError) }
            return row
        }
    }
}
