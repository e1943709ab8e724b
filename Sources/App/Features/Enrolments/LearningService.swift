import Fluent
import KompetenCore
import Vapor

/// Learning outside the catalogue: recorded with evidence, counted after the supervisor verifies it.
enum LearningService {
    static func record(
        employeeID: UUID, _ input: LearningInput, evidence: EnrolmentService.Certificate?, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> LearningRecord {
        let employee = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        try AccessPolicy.recordLearning(
            actor, employee: try await EnrolmentService.placement(of: employee, on: db), employeeID: employeeID
        ).require()
        var v = FieldValidator()
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let organiser = input.organiser.trimmingCharacters(in: .whitespacesAndNewlines)
        let start = SimpleDate(iso: input.startDate)
        let end = SimpleDate(iso: input.endDate)
        v.require(TextRules.fits(title, 3...300), field: "title", "Judul kegiatan 3–300 karakter.")
        v.require(TextRules.fits(organiser, 2...200), field: "organiser", "Penyelenggara 2–200 karakter.")
        v.require(
            DevelopmentPath.named(input.path) != nil, field: "path",
            "Jalur harus salah satu kode KL01–KL12 atau NKL01–NKL13.")
        if start == nil { v.add(field: "startDate", "Tanggal mulai harus yyyy-mm-dd.") }
        if end == nil { v.add(field: "endDate", "Tanggal selesai harus yyyy-mm-dd.") }
        if let start, let end {
            v.require(start <= end, field: "endDate", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
            v.require(end <= WITA.today(now), field: "endDate", "Kegiatan yang belum selesai belum dapat dicatat.")
            v.require(start.year >= 2000, field: "startDate", "Tahun sebelum 2000 tidak dapat dicatat.")
        }
        v.require((1...200).contains(input.jp), field: "jp", "JP 1–200 (1 JP = 45 menit).")
        let mandatory = (input.mandatoryKind ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        v.require(
            mandatory.isEmpty || MandatoryKind(rawValue: mandatory) != nil, field: "mandatoryKind",
            "Pelatihan wajib harus latsar, pkp, pka atau pkn2 (atau kosong).")
        if let start, let end, (1...200).contains(input.jp),
            let problem = JPRule.datesProblem(jp: input.jp, start: start, end: end)
        {
            v.add(field: "jp", problem)
        }
        try v.check()
        let l = LearningRecord()
        l.id = UUID()
        l.instansiID = employee.instansiID
        l.employeeID = employeeID
        l.title = title
        l.path = input.path
        l.organiser = organiser
        l.startDate = start!.iso
        l.endDate = end!.iso
        l.jp = input.jp
        l.mandatoryKind = mandatory.isEmpty ? nil : mandatory
        l.status = LearningStatus.submitted.rawValue
        l.createdBy = actor.userID
        l.createdAt = now
        return try await db.transaction { db in
            if let evidence {
                l.evidenceID = try await EvidenceFile.store(
                    filename: evidence.filename, contentType: evidence.contentType, data: evidence.data,
                    instansiID: employee.instansiID, at: now, on: db)
            }
            try await l.create(on: db)
            try await AuditLog.record(
                .create, entity: "learning", id: l.id,
                summary: "Mencatat pembelajaran \(title) (\(input.jp) JP) untuk \(employee.nip)",
                before: Optional<LearningDTO>.none, after: LearningDTO(l), actor: actor, instansiID: l.instansiID,
                at: now, on: db)
            return l
        }
    }

    /// The supervisor verifies (JP credited) or rejects with a reason.
    static func decide(_ id: UUID, verify: Bool, reason: String?, actor: Principal, at now: Date, on db: any Database)
        async throws -> LearningRecord
    {
        let l = try await LearningRecord.findScoped(id, actor, on: db, what: "Catatan pembelajaran")
        guard let employee = try await Employee.find(l.employeeID, on: db) else {
            throw Abort(.notFound, reason: "Pegawai tidak ditemukan.")
        }
        try AccessPolicy.verifyLearning(
            actor, employee: try await EnrolmentService.placement(of: employee, on: db),
            employeeID: employee.requireID(), supervisorID: employee.supervisorID
        ).require()
        guard l.learningStatus == .submitted else {
            throw Abort(.conflict, reason: "Catatan ini sudah \(l.learningStatus.label.lowercased()).")
        }
        let why = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !verify, why.isEmpty {
            throw ValidationFailure(errors: [.init(field: "reason", message: "Alasan penolakan wajib diisi.")])
        }
        let before = LearningDTO(l)
        l.status = (verify ? LearningStatus.verified : .rejected).rawValue
        l.decidedBy = actor.userID
        l.decidedAt = now
        l.reason = why.isEmpty ? nil : why
        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                // Decided once: of two decisions sent together only the first changes the record
                // (and credits the JP); the other is a 409.
                try await StateTransition.require(
                    LearningRecord.schema, id: l.requireID(), from: [LearningStatus.submitted.rawValue], to: l.status,
                    conflict: "Catatan pembelajaran ini sudah diputuskan oleh permintaan lain. Muat ulang halaman.",
                    on: db)
                try await l.save(on: db)
                if verify {
                    // The PPPK cap holds for outside learning as for enrolments: verified JP count.
                    try await EnrolmentService.checkPPPKCap(
                        employee, adding: l.jp, year: SimpleDate(iso: l.endDate)!.year, field: "jp", on: db)
                    try await EnrolmentService.credit(
                        employeeID: l.employeeID, instansiID: l.instansiID, jp: l.jp, end: SimpleDate(iso: l.endDate)!,
                        source: "learning", sourceID: l.requireID(), title: l.title, at: now, on: db)
                }
                try await AuditLog.record(
                    .update, entity: "learning", id: l.id,
                    summary: verify
                        ? "Memverifikasi pembelajaran \(l.title) (\(l.jp) JP)"
                        : "Menolak pembelajaran \(l.title): \(why)",
                    before: before, after: LearningDTO(l), actor: actor, instansiID: l.instansiID, at: now, on: db)
                return l
            }
        }
    }
}
