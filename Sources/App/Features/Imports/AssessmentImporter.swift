import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Assessment results from CSV/XLSX, one row per competency result. Rows with the same NIP,
/// date, method and assessor form one assessment event. Idempotent: a result already stored
/// for that event is left alone; a different level is never written over the stored one but
/// recorded as a new assessment (source `import`, with the file's name), audited field by field.
enum AssessmentImporter {
    static let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "date", header: "Tanggal", required: true),
        ImportColumn(key: "method", header: "Metode", required: true),
        ImportColumn(key: "assessor", header: "Asesor", required: false),
        ImportColumn(key: "competency", header: "Kode Kompetensi", required: true),
        ImportColumn(key: "level", header: "Level", required: true),
        ImportColumn(key: "notes", header: "Catatan", required: false),
    ]
    static let example = [
        ["198503122010011002", "2026-03-01", "assessment_center", "UPT Penilaian Kompetensi BKPPD", "M.5", "3", ""]
    ]

    /// `2026-03-01` or the Indonesian `01/03/2026` (day first).
    static func date(_ text: String) -> SimpleDate? {
        if let iso = SimpleDate(iso: text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3, parts[2] > 999 else { return nil }
        return SimpleDate(year: parts[2], month: parts[1], day: parts[0])
    }

    struct EventKey: Hashable {
        let employeeID: UUID
        let date: String
        let method: String
        let assessor: String
    }

    static func run(
        _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database, source: String? = nil,
        progress: @escaping ImportProgress = { _ in }
    ) async throws -> ImportOutcome {
        try AccessPolicy.importAssessments(actor).require()
        let instansiID = actor.instansiID!
        let employees = Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.nip, $0)
            })
        let competencies = Dictionary(
            uniqueKeysWithValues: try await Competency.query(on: db).filter(\.$instansiID == instansiID).filter(
                \.$retiredAt == nil
            ).all().map { try ($0.code, $0.requireID()) })
        let today = WITA.today(now)
        var problems = ProblemList()
        var grouped: [EventKey: [(ImportRow, UUID, Int)]] = [:]
        var order: [EventKey] = []
        for row in rows {
            let employee = employees[row["nip"].filter { $0 != " " }]
            if employee == nil { problems.add(row, "NIP", "Pegawai dengan NIP \(row["nip"]) tidak terdaftar.") }
            let d = date(row["date"])
            if d == nil {
                problems.add(row, "Tanggal", "Tanggal harus yyyy-mm-dd atau dd/mm/yyyy.")
            } else if d! > today {
                problems.add(row, "Tanggal", "Tanggal penilaian tidak boleh di masa depan.")
            }
            let method = AssessmentMethod(rawValue: row["method"].lowercased())
            if method == nil {
                problems.add(
                    row, "Metode",
                    "Metode harus salah satu dari: " + AssessmentMethod.allCases.map(\.rawValue).joined(separator: ", ")
                        + ".")
            }
            let competency = competencies[row["competency"].uppercased()]
            if competency == nil {
                problems.add(row, "Kode Kompetensi", "Kompetensi \(row["competency"]) tidak ada di kamus.")
            }
            let level = Int(row["level"])
            if level == nil || !(1...5).contains(level!) { problems.add(row, "Level", "Level harus angka 1–5.") }
            if let employee, let d, let method, let competency, let level {
                let key = try EventKey(
                    employeeID: employee.requireID(), date: d.iso, method: method.rawValue, assessor: row["assessor"])
                if grouped[key] == nil { order.append(key) }
                if (grouped[key] ?? []).contains(where: { $0.1 == competency }) {
                    problems.add(
                        row, "Kode Kompetensi",
                        "Kompetensi \(row["competency"].uppercased()) sudah ada untuk penilaian yang sama di baris sebelumnya."
                    )
                }
                grouped[key, default: []].append((row, competency, level))
            }
        }
        try problems.check()
        progress("Semua baris valid. Menyimpan \(order.count) penilaian…")
        let (events, groups) = (order, grouped)
        // The file's name goes with every result it adds (`import_ref`), cut to a sensible length.
        let reference = source.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let fileNote = reference.map { " (\($0))" } ?? ""
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            var touched = Set<UUID>()
            // What the people in the file already have, read once (not per event). One event
            // (NIP, date, method, assessor) may have several records: the original and the
            // corrections imported later; per competency the newest of them is what it says now.
            let people = Array(Set(events.map(\.employeeID)))
            var stored: [EventKey: [Assessment]] = [:]
            var counts: [UUID: Int] = [:]
            var storedResults: [UUID: [AssessmentResult]] = [:]
            for chunk in people.chunked(500) {
                let list = try await Assessment.query(on: db).filter(\.$employeeID ~~ Array(chunk)).all()
                for a in list {
                    stored[
                        EventKey(
                            employeeID: a.employeeID, date: a.assessedOn, method: a.method, assessor: a.assessorName),
                        default: []
                    ].append(a)
                    counts[a.employeeID] = max(counts[a.employeeID] ?? 0, a.sequence)
                }
                for r in try await AssessmentResult.query(on: db).filter(
                    \.$assessmentID ~~ list.map { try $0.requireID() }
                ).all() {
                    storedResults[r.assessmentID, default: []].append(r)
                }
            }
            let codes = try await PositionService.codesByID(Set(groups.values.flatMap { $0.map(\.1) }), on: db)
            let nips = try Dictionary(uniqueKeysWithValues: employees.values.map { try ($0.requireID(), $0.nip) })
            for key in events {
                let items = groups[key]!
                // Per competency: the level this event says now (newest record first).
                var current: [UUID: Int] = [:]
                for a in (stored[key] ?? []).sorted(by: { $0.sequence < $1.sequence }) {
                    for r in storedResults[try a.requireID()] ?? [] { current[r.competencyID] = r.level }
                }
                var fresh: [(UUID, Int)] = []
                var changes: [AuditChange] = []
                for (_, competency, level) in items {
                    if let old = current[competency] {
                        if old == level {
                            outcome.unchanged += 1
                            continue
                        }
                        outcome.updated += 1
                        changes.append(
                            AuditChange(
                                field: codes[competency] ?? competency.uuidString, before: String(old),
                                after: String(level)))
                    } else {
                        outcome.imported += 1
                    }
                    fresh.append((competency, level))
                }
                guard !fresh.isEmpty else { continue }
                // Nothing stored is changed: new or corrected results become a new assessment
                // record with the next number, so the history keeps the old level and the
                // current profile follows the newest.
                let sequence = (counts[key.employeeID] ?? 0) + 1
                counts[key.employeeID] = sequence
                let assessment = Assessment()
                assessment.id = UUID()
                assessment.instansiID = instansiID
                assessment.employeeID = key.employeeID
                assessment.assessedOn = key.date
                assessment.method = key.method
                assessment.assessorName = key.assessor
                assessment.assessorUserID = actor.userID
                assessment.notes = items.first?.0["notes"] ?? ""
                assessment.createdAt = now
                assessment.sequence = sequence
                assessment.source = Assessment.Source.import.rawValue
                assessment.importRef = reference
                try await assessment.create(on: db)
                try await fresh.map {
                    try AssessmentResult(assessmentID: assessment.requireID(), competencyID: $0.0, level: $0.1)
                }.create(on: db)
                touched.insert(key.employeeID)
                if !changes.isEmpty {
                    try await AuditLog.record(
                        .update, entity: "assessment", id: assessment.id,
                        summary:
                            "Impor hasil penilaian\(fileNote): koreksi \(key.method) \(key.date) untuk \(nips[key.employeeID] ?? "?") dicatat sebagai penilaian baru",
                        before: Optional<String>.none, after: Optional<String>.none,
                        actor: actor, instansiID: instansiID, at: now, on: db, changes: changes)
                }
            }
            progress("Memperbarui profil \(touched.count) pegawai…")
            try await AssessmentService.recomputeProfiles(employeeIDs: Array(touched), instansiID: instansiID, on: db)
            try await ReassessmentClosing.close(employeeIDs: Array(touched), on: db)
            try await AuditLog.record(
                .create, entity: "assessment", id: nil,
                summary:
                    "Impor hasil penilaian\(fileNote): \(outcome.imported) baru, \(outcome.updated) dikoreksi (sebagai penilaian baru), \(outcome.unchanged) tetap",
                actor: actor, instansiID: instansiID, at: now, on: db)
            return outcome
        }
    }
}
