import Fluent
import KompetenCore
import Vapor

/// Filling Kirkpatrick evaluations: the right person, the right time, once (L2 test scores
/// may be corrected by the provider).
enum EvaluationService {
    /// An enrolment with everyone around it.
    struct Context {
        let enrolment: Enrolment
        let employee: Employee
        let programme: Programme
        let parties: AccessPolicy.EnrolmentParties
        /// The competencies the programme raises, by code (the L3 items).
        let raised: [(id: UUID, code: String, name: String)]
    }

    static func context(_ enrolmentID: UUID?, actor: Principal, on db: any Database) async throws -> Context {
        let e = try await Enrolment.findScoped(enrolmentID, actor, on: db, what: "Pendaftaran")
        guard let employee = try await Employee.find(e.employeeID, on: db),
            let programme = try await Programme.find(e.programmeID, on: db)
        else {
            throw Abort(.notFound, reason: "Pendaftaran tidak ditemukan.")
        }
        let placement = try await EnrolmentService.placement(of: employee, on: db)
        let raisedRows = try await ProgrammeCompetency.query(on: db).filter(\.$programmeID == programme.requireID())
            .all()
        let competencies = try await Competency.query(on: db).filter(\.$id ~~ raisedRows.map(\.competencyID)).all()
        let raised = try competencies.map { try (id: $0.requireID(), code: $0.code, name: $0.name) }
            .sorted { $0.code.localizedStandardCompare($1.code) == .orderedAscending }
        return Context(
            enrolment: e, employee: employee, programme: programme,
            parties: .init(
                participantID: try employee.requireID(), supervisorID: employee.supervisorID,
                providerID: programme.providerID, placement: placement),
            raised: raised)
    }

    static func fill(
        _ enrolmentID: UUID?, _ input: EvaluationInput, actor: Principal, at now: Date, on db: any Database
    ) async throws -> (EvaluationRecord, created: Bool) {
        let c = try await context(enrolmentID, actor: actor, on: db)
        // Who may answer as this respondent is checked before the form, so a stranger learns nothing.
        if let respondent = EvaluationRespondent(rawValue: input.respondentRole) {
            try AccessPolicy.fillEvaluation(actor, as: respondent, c.parties).require()
        }
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let score: EvaluationScore
        switch EvaluationForm.validate(
            level: input.level, respondent: input.respondentRole, scores: input.scores,
            raisedCodes: c.raised.map(\.code))
        {
        case .success(let s): score = s
        case .failure(let f): throw f
        }
        if comment.unicodeScalars.count > 2000 {
            throw ValidationFailure(errors: [
                .init(field: "comment", message: "Komentar paling panjang 2.000 karakter.")
            ])
        }
        guard c.enrolment.enrolmentStatus == .completed,
            let completedOn = c.enrolment.completedOn.flatMap(SimpleDate.init(iso:))
        else {
            throw Abort(.conflict, reason: "Evaluasi diisi setelah kegiatan selesai dan peserta dinyatakan lulus.")
        }
        let today = WITA.today(now)
        let schedule = try await SettingsQueries.evaluation(c.enrolment.instansiID, on: db).schedule
        if case .notYet(let opens) = schedule.state(score.level, completedOn: completedOn, today: today) {
            throw Abort(
                .conflict, reason: "\(score.level.label) baru dapat diisi mulai \(IndonesianFormat.date(opens)).")
        }
        let existing = try await EvaluationRecord.query(on: db).filter(\.$enrolmentID == c.enrolment.requireID())
            .filter(\.$level == score.level.rawValue).filter(\.$respondent == score.respondent.rawValue).first()
        if existing != nil, score.level != .learning {
            throw Abort(
                .conflict,
                reason:
                    "\(score.level.label) oleh \(score.respondent.label.lowercased()) untuk kegiatan ini sudah diisi.")
        }
        let record = existing ?? EvaluationRecord()
        let before = existing.map(EvaluationDTO.init)
        if existing == nil {
            record.id = UUID()
            record.instansiID = c.enrolment.instansiID
            record.enrolmentID = try c.enrolment.requireID()
            record.employeeID = try c.employee.requireID()
            record.programmeID = try c.programme.requireID()
            record.level = score.level.rawValue
            record.respondent = score.respondent.rawValue
            record.createdAt = now
        }
        record.respondentUserID = actor.userID
        record.scores = EvaluationRecord.encode(score.scores)
        record.summary = score.summary
        record.comment = comment
        record.filledOn = today.iso
        record.updatedAt = now
        do {
            try await db.transaction { db in
                try await record.save(on: db)
                try await AuditLog.record(
                    existing == nil ? .create : .update, entity: "evaluation", id: record.id,
                    summary:
                        "\(score.level.label) (\(score.respondent.label)) untuk \(c.employee.nip) \(c.employee.name), \(c.programme.code)",
                    before: before, after: EvaluationDTO(record), actor: actor, instansiID: record.instansiID, at: now,
                    on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two submissions at once: the unique index keeps one.
            throw Abort(.conflict, reason: "\(score.level.label) untuk kegiatan ini sudah diisi.")
        }
        return (record, existing == nil)
    }

    static func list(_ enrolmentID: UUID?, actor: Principal, on db: any Database) async throws -> [EvaluationRecord] {
        let c = try await context(enrolmentID, actor: actor, on: db)
        try AccessPolicy.readEvaluations(actor, c.parties).require()
        // Record by record: a provider reads supervisors' L3 only as aggregates (effectiveness).
        return try await EvaluationRecord.query(on: db).filter(\.$enrolmentID == c.enrolment.requireID()).sort(\.$level)
            .sort(\.$respondent).all()
            .filter {
                AccessPolicy.readEvaluationRecord(
                    actor, c.parties, level: $0.level, respondent: EvaluationRespondent(rawValue: $0.respondent)
                ).isAllowed
            }
    }
}
