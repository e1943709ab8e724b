import Fluent
import KompetenCore
import Vapor

/// Recording assessment events and keeping each employee's current profile up to date.
enum AssessmentService {
    struct Evidence {
        let filename: String
        let contentType: String
        let data: Data
    }

    static func record(
        employeeID: UUID, _ input: AssessmentInput, evidence: Evidence?, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> Assessment {
        let employee = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        let unit = try await Unit.find(employee.unitID, on: db)
        try AccessPolicy.recordAssessment(actor, Placement(instansiID: employee.instansiID, opdID: unit?.opdID))
            .require()

        var v = FieldValidator()
        let date = SimpleDate(iso: input.date)
        let today = WITA.today(now)
        if let date {
            v.require(date <= today, field: "date", "Tanggal penilaian tidak boleh di masa depan.")
            v.require(date.year >= 2000, field: "date", "Tanggal penilaian terlalu lama (sebelum tahun 2000).")
        } else {
            v.add(field: "date", "Tanggal harus berformat yyyy-mm-dd (mis. 2026-03-01).")
        }
        let method = AssessmentMethod(rawValue: input.method)
        if method == nil {
            v.add(
                field: "method",
                "Metode harus salah satu dari: " + AssessmentMethod.allCases.map(\.rawValue).joined(separator: ", ")
                    + ".")
        }
        v.require(!input.results.isEmpty, field: "results", "Isi hasil untuk minimal satu kompetensi.")
        let competencies = try await Competency.scopedQuery(actor, on: db).filter(\.$retiredAt == nil).all()
        let byCode = try Dictionary(uniqueKeysWithValues: competencies.map { try ($0.code, $0.requireID()) })
        var seen = Set<String>()
        for (i, r) in input.results.enumerated() {
            if byCode[r.competencyCode] == nil {
                v.add(
                    field: "results.\(i).competencyCode",
                    "Kompetensi \(r.competencyCode) tidak ada di kamus (atau nonaktif).")
            }
            if !(1...5).contains(r.level) { v.add(field: "results.\(i).level", "Level hasil penilaian 1–5.") }
            if !seen.insert(r.competencyCode).inserted {
                v.add(field: "results.\(i).competencyCode", "Kompetensi \(r.competencyCode) disebut dua kali.")
            }
        }
        let assessor = (input.assessorName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            (input.assessorName ?? "").unicodeScalars.count <= 200, field: "assessorName",
            "Nama asesor paling panjang 200 karakter.")
        try v.check()

        // `sequence` is unique per employee (migration 025): two results recorded at the same
        // moment both read the same highest number, one insert fails, and that one is retried
        // with the next number; after three lost races the request is a clean 409.
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await StateTransition.retryingLocks {
                    try await store(
                        employee, input, date: date!, method: method!, assessor: assessor, codes: byCode,
                        evidence: evidence,
                        actor: actor, at: now, on: db)
                }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                if attempt >= 3 {
                    throw Abort(
                        .conflict,
                        reason: "Penilaian lain untuk pegawai ini sedang dicatat bersamaan. Silakan kirim lagi.")
                }
            }
        }
    }

    /// The next sequence number of an employee's assessments (1 for the first).
    static func nextSequence(employeeID: UUID, on db: any Database) async throws -> Int {
        (try await Assessment.query(on: db).filter(\.$employeeID == employeeID).max(\.$sequence) ?? 0) + 1
    }

    private static func store(
        _ employee: Employee, _ input: AssessmentInput, date: SimpleDate, method: AssessmentMethod, assessor: String,
        codes byCode: [String: UUID], evidence: Evidence?, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Assessment {
        let employeeID = try employee.requireID()
        return try await db.transaction { db in
            let a = Assessment()
            a.id = UUID()
            a.instansiID = employee.instansiID
            a.employeeID = employeeID
            a.assessedOn = date.iso
            a.method = method.rawValue
            a.assessorName = assessor.isEmpty ? actor.username : assessor
            a.assessorUserID = actor.userID
            a.notes = (input.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            a.createdAt = now
            a.source = Assessment.Source.manual.rawValue
            a.sequence = try await nextSequence(employeeID: employeeID, on: db)
            if let evidence {
                a.evidenceID = try await EvidenceFile.store(
                    filename: evidence.filename, contentType: evidence.contentType, data: evidence.data,
                    instansiID: employee.instansiID, at: now, on: db)
            }
            try await a.create(on: db)
            try await input.results.map {
                try AssessmentResult(
                    assessmentID: a.requireID(), competencyID: byCode[$0.competencyCode]!, level: $0.level)
            }.create(on: db)
            try await recomputeProfile(employeeID: employeeID, instansiID: employee.instansiID, on: db)
            try await ReassessmentClosing.close(employeeIDs: [employeeID], on: db)
            try await AuditLog.record(
                .create, entity: "assessment", id: a.id,
                summary: "Mencatat penilaian \(method.label) \(a.assessedOn) untuk \(employee.nip) \(employee.name)",
                before: Optional<[ResultDTO]>.none, after: input.results, actor: actor, instansiID: a.instansiID,
                at: now, on: db)
            return a
        }
    }

    /// Rewrites the current profiles of many employees (imports): the same rule, read in chunks.
    static func recomputeProfiles(employeeIDs: [UUID], instansiID: UUID, on db: any Database) async throws {
        for chunk in employeeIDs.chunked(200) {
            let assessments = try await Assessment.query(on: db).filter(\.$employeeID ~~ Array(chunk)).all()
            let results = try await AssessmentResult.query(on: db).filter(
                \.$assessmentID ~~ assessments.map { try $0.requireID() }
            ).all()
            let resultsByAssessment = Dictionary(grouping: results, by: \.assessmentID)
            let byEmployee = Dictionary(grouping: assessments, by: \.employeeID)
            try await CurrentLevel.query(on: db).filter(\.$employeeID ~~ Array(chunk)).delete()
            var rows: [CurrentLevel] = []
            for employeeID in chunk {
                let own = byEmployee[employeeID] ?? []
                rows += profileRows(
                    employeeID: employeeID, instansiID: instansiID, assessments: own,
                    results: own.flatMap { resultsByAssessment[$0.id!] ?? [] })
            }
            for part in rows.chunked(1000) { try await part.create(on: db) }
        }
        try await TalentPotential.refresh(instansiID: instansiID, employeeIDs: employeeIDs, on: db)
    }

    /// Rewrites the employee's current profile from their whole history, by the rule in
    /// KompetenCore (latest accepted result per competency; self-ratings never count).
    static func recomputeProfile(employeeID: UUID, instansiID: UUID, on db: any Database) async throws {
        let assessments = try await Assessment.query(on: db).filter(\.$employeeID == employeeID).all()
        let results = try await AssessmentResult.query(on: db).filter(
            \.$assessmentID ~~ assessments.map { try $0.requireID() }
        ).all()
        try await CurrentLevel.query(on: db).filter(\.$employeeID == employeeID).delete()
        let rows = profileRows(
            employeeID: employeeID, instansiID: instansiID, assessments: assessments, results: results)
        if !rows.isEmpty { try await rows.create(on: db) }
        try await TalentPotential.refresh(instansiID: instansiID, employeeIDs: [employeeID], on: db)
    }

    /// The current-profile rows of one employee from their assessments and results.
    static func profileRows(employeeID: UUID, instansiID: UUID, assessments: [Assessment], results: [AssessmentResult])
        -> [CurrentLevel]
    {
        let byID = Dictionary(uniqueKeysWithValues: assessments.map { ($0.id!, $0) })
        var levels: [AssessedLevel] = []
        for r in results {
            guard let a = byID[r.assessmentID], let date = SimpleDate(iso: a.assessedOn) else { continue }
            levels.append(
                AssessedLevel(
                    competencyCode: r.competencyID.uuidString, level: r.level, date: date,
                    method: a.assessmentMethod, sequence: a.sequence))
        }
        // `sequence` is unique per employee, so it names the assessment a level came from.
        let bySequence = Dictionary(assessments.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        return CurrentProfile.latest(levels).compactMap { key, level -> CurrentLevel? in
            guard let competencyID = UUID(uuidString: key), let assessment = bySequence[level.sequence] else {
                return nil
            }
            let row = CurrentLevel()
            row.id = UUID()
            row.instansiID = instansiID
            row.employeeID = employeeID
            row.competencyID = competencyID
            row.level = level.level
            row.assessedOn = level.date.iso
            row.assessmentID = assessment.id!
            return row
        }
    }

    static func dto(_ a: Assessment, on db: any Database) async throws -> AssessmentDTO {
        try await dtos([a], on: db)[0]
    }

    /// Several assessments with their results: two reads whatever the number.
    static func dtos(_ list: [Assessment], on db: any Database) async throws -> [AssessmentDTO] {
        let results = try await AssessmentResult.query(on: db).filter(
            \.$assessmentID ~~ list.map { try $0.requireID() }
        ).all()
        let codes = try await PositionService.codesByID(Set(results.map(\.competencyID)), on: db)
        let byAssessment = Dictionary(grouping: results, by: \.assessmentID)
        return try list.map { a in
            try AssessmentDTO(
                id: a.requireID(), employeeId: a.employeeID, date: a.assessedOn, method: a.assessmentMethod,
                assessorName: a.assessorName,
                notes: a.notes, countsTowardProfile: a.assessmentMethod.countsTowardProfile,
                results: (byAssessment[a.requireID()] ?? []).map {
                    ResultDTO(competencyCode: codes[$0.competencyID] ?? "?", level: $0.level)
                }
                .sorted { $0.competencyCode < $1.competencyCode })
        }
    }
}

extension WITA {
    /// Today's date in Kota Kupang.
    static func today(_ now: Date) -> SimpleDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offset))!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return SimpleDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
