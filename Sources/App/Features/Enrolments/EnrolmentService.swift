import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Execution: enrolment (seats, waiting list), attendance, completion with certificate — which
/// credits the JP ledger and sets re-assessment due dates for the competencies raised.
enum EnrolmentService {
    struct Certificate {
        let filename: String
        let contentType: String
        let data: Data
    }

    static func placement(of e: Employee, on db: any Database) async throws -> Placement {
        Placement(instansiID: e.instansiID, opdID: try await Unit.find(e.unitID, on: db)?.opdID)
    }

    static func enrol(batchID: UUID, _ input: EnrolmentInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Enrolment
    {
        let (batch, programme) = try await ProgrammeService.findBatch(batchID, actor, .read, on: db)
        let employee = try await EmployeeQueries.find(input.employeeId, for: actor, .read, on: db)
        try AccessPolicy.enrol(actor, employee: try await placement(of: employee, on: db)).require()
        guard employee.isActive else {
            throw ValidationFailure(errors: [.init(field: "employeeId", message: "Pegawai tidak aktif.")])
        }
        let today = WITA.today(now)
        guard let end = SimpleDate(iso: batch.endDate), end >= today else {
            throw ValidationFailure(errors: [
                .init(field: "batchId", message: "Angkatan ini sudah selesai; pendaftaran ditutup.")
            ])
        }
        if let itemID = input.planItemId {
            try await checkPlanItem(
                itemID, employeeID: try employee.requireID(), programmeID: try programme.requireID(), on: db)
        }
        let existing = try await Enrolment.query(on: db).filter(\.$batchID == batchID).filter(
            \.$employeeID == employee.requireID()
        ).first()
        if let existing, existing.enrolmentStatus != .cancelled {
            throw Abort(
                .conflict,
                reason: "\(employee.name) sudah terdaftar di angkatan ini (\(existing.enrolmentStatus.label)).")
        }
        if try await Enrolment.query(on: db).filter(\.$programmeID == programme.requireID()).filter(
            \.$employeeID == employee.requireID()
        )
        .filter(\.$status ~~ [EnrolmentStatus.enrolled.rawValue, EnrolmentStatus.waitlisted.rawValue]).count() > 0 {
            throw Abort(.conflict, reason: "\(employee.name) sudah terdaftar di angkatan lain program ini.")
        }
        try await checkPPPKCap(employee, adding: programme.jp, year: end.year, on: db)

        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                let seated = try await takeSeat(batchID, on: db)
                if !seated && input.waitlist != true {
                    throw Abort(
                        .conflict,
                        reason:
                            "Angkatan \(batch.name) penuh (\(batch.capacity) peserta). Daftarkan ke daftar tunggu atau pilih angkatan lain."
                    )
                }
                let e = existing ?? Enrolment()
                let status = (seated ? EnrolmentStatus.enrolled : .waitlisted).rawValue
                if let existing {
                    // Re-enrolling a cancelled place: claimed conditionally, so two requests for the
                    // same person cannot both take a seat through the one cancelled row.
                    try await StateTransition.require(
                        Enrolment.schema, id: existing.requireID(), from: [EnrolmentStatus.cancelled.rawValue],
                        to: status,
                        conflict: "\(employee.name) baru saja didaftarkan oleh permintaan lain.", on: db)
                } else {
                    e.id = UUID()
                    e.instansiID = batch.instansiID
                    e.batchID = batchID
                    e.programmeID = try programme.requireID()
                    e.employeeID = try employee.requireID()
                }
                e.status = status
                e.planItemID = input.planItemId
                e.attendancePercent = nil
                e.certificateNumber = nil
                e.completedOn = nil
                // created_at orders the waiting list: a re-enrolment joins at the back.
                e.createdAt = now
                e.updatedAt = now
                try await e.save(on: db)
                try await AuditLog.record(
                    .create, entity: "enrolment", id: e.id,
                    summary:
                        "\(seated ? "Mendaftarkan" : "Memasukkan ke daftar tunggu") \(employee.nip) \(employee.name) di \(programme.code) \(batch.name)",
                    before: Optional<EnrolmentDTO>.none, after: EnrolmentDTO(e), actor: actor, instansiID: e.instansiID,
                    at: now, on: db)
                return e
            }
        }
    }

    /// Takes a seat if one is free, atomically: the condition is in the UPDATE itself, so of two
    /// requests for the last seat exactly one changes a row (PostgreSQL re-checks the condition
    /// after the row lock; SQLite serialises writers).
    static func takeSeat(_ batchID: UUID, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        let rows = try await sql.update(Batch.schema)
            .set("seats_taken", to: SQLBinaryExpression(SQLColumn("seats_taken"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(batchID))
            .where(SQLColumn("seats_taken"), .lessThan, SQLColumn("capacity"))
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    private static func releaseSeat(_ batchID: UUID, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.update(Batch.schema)
            .set("seats_taken", to: SQLBinaryExpression(SQLColumn("seats_taken"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(batchID))
            .where(SQLColumn("seats_taken"), .greaterThan, SQLLiteral.numeric("0"))
            .run()
    }

    private static func checkPlanItem(_ itemID: UUID, employeeID: UUID, programmeID: UUID, on db: any Database)
        async throws
    {
        guard let item = try await PlanItem.find(itemID, on: db),
            let plan = try await DevelopmentPlan.find(item.planID, on: db),
            plan.employeeID == employeeID, item.programmeID == programmeID
        else {
            throw ValidationFailure(errors: [
                .init(field: "planItemId", message: "Butir rencana tidak sesuai dengan pegawai dan program ini.")
            ])
        }
    }

    /// A PPPK gets at most 24 JP a year: what is credited plus what they are enrolled in that ends
    /// the same year, plus this programme, must stay within it.
    static func checkPPPKCap(
        _ employee: Employee, adding jp: Int, year: Int, field: String = "employeeId", on db: any Database
    ) async throws {
        guard employee.employmentType == NIP.Kind.pppk.rawValue else { return }
        let credited = try await JPQueries.total(employeeID: employee.requireID(), year: year, on: db)
        let planned = try await JPQueries.plannedJP(employeeID: employee.requireID(), year: year, on: db)
        if let problem = JPRule.pppkCapProblem(credited: credited, planned: planned, adding: jp) {
            throw ValidationFailure(errors: [.init(field: field, message: problem)])
        }
    }

    /// Cancels an enrolment or a waiting-list place; a freed seat goes to the first on the waiting list.
    static func cancel(_ id: UUID, actor: Principal, at now: Date, on db: any Database) async throws -> Enrolment {
        let e = try await Enrolment.findScoped(id, actor, on: db, what: "Pendaftaran")
        let employee = try await EmployeeQueries.find(e.employeeID, for: actor, .read, on: db)
        try AccessPolicy.enrol(actor, employee: try await placement(of: employee, on: db)).require()
        guard e.enrolmentStatus == .enrolled || e.enrolmentStatus == .waitlisted else {
            throw Abort(.conflict, reason: "Pendaftaran berstatus \(e.enrolmentStatus.label) tidak dapat dibatalkan.")
        }
        let before = EnrolmentDTO(e)
        let hadSeat = e.enrolmentStatus == .enrolled
        let expected = e.status
        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                // Only the request that moves the row out of the status read above frees the seat.
                try await StateTransition.require(
                    Enrolment.schema, id: e.requireID(), from: [expected], to: EnrolmentStatus.cancelled.rawValue,
                    conflict:
                        "Pendaftaran ini sudah diubah oleh permintaan lain (mis. sudah dibatalkan). Muat ulang halaman.",
                    on: db)
                e.status = EnrolmentStatus.cancelled.rawValue
                e.updatedAt = now
                try await e.save(on: db)
                if hadSeat {
                    try await releaseSeat(e.batchID, on: db)
                    try await promoteWaiting(batchID: e.batchID, actor: actor, at: now, on: db)
                }
                try await AuditLog.record(
                    .update, entity: "enrolment", id: e.id,
                    summary: "Membatalkan pendaftaran \(employee.nip) \(employee.name)",
                    before: before, after: EnrolmentDTO(e), actor: actor, instansiID: e.instansiID, at: now, on: db)
                return e
            }
        }
    }

    /// Moves the longest-waiting person into a free seat, if there is both.
    static func promoteWaiting(batchID: UUID, actor: Principal, at now: Date, on db: any Database) async throws {
        let waiting = try await Enrolment.query(on: db).filter(\.$batchID == batchID)
            .filter(\.$status == EnrolmentStatus.waitlisted.rawValue).sort(\.$createdAt).sort(\.$id).limit(20).all()
        guard !waiting.isEmpty, try await takeSeat(batchID, on: db) else { return }
        // The first one still waiting gets the seat: a place cancelled meanwhile by another
        // request fails its conditional update and the next in line is tried.
        var promoted: Enrolment?
        for candidate in waiting
        where try await StateTransition.claim(
            Enrolment.schema, id: try candidate.requireID(), from: [EnrolmentStatus.waitlisted.rawValue],
            to: EnrolmentStatus.enrolled.rawValue, on: db)
        {
            promoted = candidate
            break
        }
        guard let next = promoted else {
            try await releaseSeat(batchID, on: db)
            return
        }
        next.status = EnrolmentStatus.enrolled.rawValue
        next.updatedAt = now
        try await next.save(on: db)
        try await AuditLog.record(
            .update, entity: "enrolment", id: next.id, summary: "Naik dari daftar tunggu ke peserta",
            before: Optional<EnrolmentDTO>.none, after: EnrolmentDTO(next), actor: actor, instansiID: next.instansiID,
            at: now, on: db)
    }

    /// The enrolment with its batch and programme, for the provider/BKPPD who records results.
    static func forRecording(_ id: UUID, actor: Principal, on db: any Database) async throws -> (
        Enrolment, Batch, Programme
    ) {
        let e = try await Enrolment.findScoped(id, actor, on: db, what: "Pendaftaran")
        guard let batch = try await Batch.find(e.batchID, on: db),
            let programme = try await Programme.find(e.programmeID, on: db)
        else {
            throw Abort(.notFound, reason: "Pendaftaran tidak ditemukan.")
        }
        if !AccessPolicy.providerReach(actor).reaches(programme.providerID) {
            throw Abort(.notFound, reason: "Pendaftaran tidak ditemukan.")
        }
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
        return (e, batch, programme)
    }

    static func recordAttendance(_ id: UUID, percent: Int, actor: Principal, at now: Date, on db: any Database)
        async throws -> Enrolment
    {
        let (e, _, _) = try await forRecording(id, actor: actor, on: db)
        guard (0...100).contains(percent) else {
            throw ValidationFailure(errors: [.init(field: "attendancePercent", message: "Kehadiran 0–100 %.")])
        }
        guard e.enrolmentStatus == .enrolled || e.enrolmentStatus == .completed else {
            throw Abort(.conflict, reason: "Kehadiran hanya dicatat untuk peserta (bukan daftar tunggu atau batal).")
        }
        let before = EnrolmentDTO(e)
        e.attendancePercent = percent
        e.updatedAt = now
        return try await db.transaction { db in
            try await e.save(on: db)
            try await AuditLog.record(
                .update, entity: "enrolment", id: e.id, summary: "Mencatat kehadiran \(percent) %",
                before: before, after: EnrolmentDTO(e), actor: actor, instansiID: e.instansiID, at: now, on: db)
            return e
        }
    }

    /// Completion: certificate, JP credited in the year of the batch's end date, and a
    /// re-assessment due for every competency the programme raises.
    static func complete(
        _ id: UUID, _ input: CompletionInput, certificate: Certificate?, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> Enrolment {
        let (e, batch, programme) = try await forRecording(id, actor: actor, on: db)
        guard e.enrolmentStatus == .enrolled else {
            throw Abort(
                .conflict,
                reason: e.enrolmentStatus == .completed
                    ? "Peserta ini sudah dinyatakan lulus."
                    : "Hanya peserta terdaftar yang dapat dinyatakan lulus (status: \(e.enrolmentStatus.label)).")
        }
        var v = FieldValidator()
        let number = input.certificateNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(TextRules.fits(number, 1...100), field: "certificateNumber", "Nomor sertifikat 1–100 karakter.")
        let end = SimpleDate(iso: batch.endDate)!
        var decision: CompletionRule.Decision?
        switch CompletionRule.check(
            today: WITA.today(now), batchEnd: end, requested: input.attendancePercent, recorded: e.attendancePercent,
            minimum: programme.minimumAttendance, reason: input.reason)
        {
        case .success(let d): decision = d
        case .failure(let refusal):
            for error in refusal.errors { v.add(field: error.field, error.message) }
        }
        try v.check()
        guard let decision else { throw Abort(.internalServerError) }
        let settings = try await SettingsQueries.development(e.instansiID, on: db)
        let raised = try await ProgrammeCompetency.query(on: db).filter(\.$programmeID == programme.requireID()).all()
        let before = EnrolmentDTO(e)
        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                // Completed once: a second "Lulus" for the same enrolment (a double click, a retry)
                // loses here and credits nothing.
                try await StateTransition.require(
                    Enrolment.schema, id: e.requireID(), from: [EnrolmentStatus.enrolled.rawValue],
                    to: EnrolmentStatus.completed.rawValue,
                    conflict:
                        "Pendaftaran ini sudah diubah oleh permintaan lain (mis. sudah dinyatakan lulus atau dibatalkan).",
                    on: db)
                if let certificate {
                    e.certificateFileID = try await EvidenceFile.store(
                        filename: certificate.filename, contentType: certificate.contentType,
                        data: certificate.data, instansiID: e.instansiID, at: now, on: db)
                }
                e.status = EnrolmentStatus.completed.rawValue
                e.certificateNumber = number
                e.completedOn = end.iso
                e.attendancePercent = decision.attendance
                e.updatedAt = now
                try await e.save(on: db)
                try await credit(
                    employeeID: e.employeeID, instansiID: e.instansiID, jp: programme.jp, end: end, source: "enrolment",
                    sourceID: e.requireID(), title: "\(programme.title) — \(batch.name)", at: now, on: db)
                let due = end.adding(months: settings.reassessmentMonths).iso
                try await raised.map { r -> ReassessmentDue in
                    let d = ReassessmentDue()
                    d.id = UUID()
                    d.instansiID = e.instansiID
                    d.employeeID = e.employeeID
                    d.competencyID = r.competencyID
                    d.enrolmentID = try e.requireID()
                    d.dueOn = due
                    d.createdAt = now
                    return d
                }.create(on: db)
                // Completion may be recorded weeks after the batch ended: a result already made after
                // the end closes its due at once.
                try await ReassessmentClosing.close(employeeIDs: [e.employeeID], on: db)
                try await AuditLog.record(
                    .update, entity: "enrolment", id: e.id,
                    summary:
                        "Lulus \(programme.code) \(batch.name), sertifikat \(number): \(programme.jp) JP dikreditkan"
                        + (decision.belowMinimum
                            ? "; kehadiran \(decision.attendance) % di bawah minimum \(programme.minimumAttendance) %, alasan: \(decision.reason ?? "")"
                            : ""),
                    before: before, after: EnrolmentDTO(e), actor: actor, instansiID: e.instansiID, at: now, on: db)
                return e
            }
        }
    }

    static func credit(
        employeeID: UUID, instansiID: UUID, jp: Int, end: SimpleDate, source: String, sourceID: UUID,
        title: String, at now: Date, on db: any Database
    ) async throws {
        let c = JPCredit()
        c.id = UUID()
        c.instansiID = instansiID
        c.employeeID = employeeID
        c.year = end.year
        c.jp = jp
        c.endDate = end.iso
        c.source = source
        c.sourceID = sourceID
        c.title = title
        c.createdAt = now
        try await c.create(on: db)
    }

    /// Participants of a batch that the actor may see, in the order they enrolled.
    static func participants(batchID: UUID, actor: Principal, on db: any Database) async throws -> (
        Batch, Programme, [(Enrolment, Employee)]
    ) {
        let (batch, programme) = try await ProgrammeService.findBatch(batchID, actor, .read, on: db)
        let scope: UUID?
        switch AccessPolicy.participantScope(actor, providerID: programme.providerID) {
        case .success(let s): scope = s
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        }
        let enrolments = try await Enrolment.query(on: db).filter(\.$batchID == batchID).sort(\.$createdAt).sort(\.$id)
            .all()
        var employees = try await Employee.query(on: db).filter(\.$id ~~ enrolments.map(\.employeeID)).all()
        if let scope {
            let units = Set(try await Unit.query(on: db).filter(\.$opdID == scope).all(\.$id))
            employees = employees.filter { units.contains($0.unitID) }
        }
        let byID = try Dictionary(uniqueKeysWithValues: employees.map { try ($0.requireID(), $0) })
        return (batch, programme, enrolments.compactMap { e in byID[e.employeeID].map { (e, $0) } })
    }
}
