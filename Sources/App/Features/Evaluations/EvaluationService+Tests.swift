import Fluent
import KompetenCore
import Vapor

/// L2: the provider's pre-/post-test scores for a batch, many participants at once.
extension EvaluationService {
    struct TestRow: Sendable {
        let enrolmentID: UUID
        let pre: Double?
        let post: Double?
    }

    /// Writes (or corrects) the L2 record of every row, all or nothing. Returns how many rows.
    static func recordTests(
        batchID: UUID, rows: [TestRow], max maximum: Double, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Int {
        let (batch, programme) = try await ProgrammeService.findBatch(batchID, actor, .read, on: db)
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
        var v = FieldValidator()
        if rows.isEmpty { v.add(field: "pre", "Isi nilai pre-test dan post-test minimal satu peserta.") }
        let enrolments = Dictionary(
            uniqueKeysWithValues: try await Enrolment.query(on: db).filter(\.$batchID == batch.requireID())
                .filter(\.$id ~~ rows.map(\.enrolmentID)).all().map { (try $0.requireID(), $0) })
        let people = Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$id ~~ enrolments.values.map(\.employeeID))
                .all().map { try ($0.requireID(), $0) })
        var scores: [(Enrolment, EvaluationScore)] = []
        var seen = Set<UUID>()
        for row in rows {
            guard seen.insert(row.enrolmentID).inserted else {
                v.add(field: "pre-\(row.enrolmentID)", "Peserta yang sama disebut dua kali.")
                continue
            }
            guard let e = enrolments[row.enrolmentID] else {
                v.add(field: "pre-\(row.enrolmentID)", "Peserta tidak terdaftar di angkatan ini.")
                continue
            }
            let who = people[e.employeeID].map { "\($0.name) (\($0.nip))" } ?? "?"
            guard e.enrolmentStatus == .completed else {
                v.add(field: "pre-\(try e.requireID())", "\(who): belum dinyatakan lulus.")
                continue
            }
            guard let pre = row.pre, let post = row.post else {
                v.add(field: "pre-\(try e.requireID())", "\(who): isi pre-test dan post-test (angka).")
                continue
            }
            switch EvaluationForm.validate(
                level: 2, respondent: "provider", scores: ["pre": pre, "post": post, "max": maximum], raisedCodes: [])
            {
            case .success(let s): scores.append((e, s))
            case .failure(let f):
                for err in f.errors { v.add(field: "pre-\(try e.requireID())", "\(who): \(err.message)") }
            }
        }
        try v.check()
        let existing = Dictionary(
            uniqueKeysWithValues: try await EvaluationRecord.query(on: db).filter(
                \.$enrolmentID ~~ scores.map { try $0.0.requireID() }
            )
            .filter(\.$level == EvaluationLevel.learning.rawValue).all().map { ($0.enrolmentID, $0) })
        // A row whose scores are already stored as given is left alone (the form re-posts every row).
        let today = WITA.today(now).iso
        let valid = try scores.filter { e, s in try existing[e.requireID()].map { $0.scoreValues != s.scores } ?? true }
        try await db.transaction { db in
            for (e, s) in valid {
                let r = try existing[e.requireID()] ?? EvaluationRecord()
                if existing[try e.requireID()] == nil {
                    r.id = UUID()
                    r.instansiID = e.instansiID
                    r.enrolmentID = try e.requireID()
                    r.employeeID = e.employeeID
                    r.programmeID = e.programmeID
                    r.level = EvaluationLevel.learning.rawValue
                    r.respondent = EvaluationRespondent.provider.rawValue
                    r.createdAt = now
                    r.comment = ""
                }
                r.respondentUserID = actor.userID
                r.scores = EvaluationRecord.encode(s.scores)
                r.summary = s.summary
                r.filledOn = today
                r.updatedAt = now
                try await r.save(on: db)
            }
            try await AuditLog.record(
                .update, entity: "evaluation", id: batch.id,
                summary: "Nilai pre-test/post-test (L2) \(valid.count) peserta \(programme.code) \(batch.name)",
                before: Optional<[String]>.none, after: valid.map { "\(try $0.0.requireID()): \($0.1.scores)" },
                actor: actor, instansiID: batch.instansiID, at: now, on: db)
        }
        return valid.count
    }
}
