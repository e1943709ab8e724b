import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Positions with their standards from CSV/XLSX; idempotent by position code. The standard is one
/// cell, `M.1:3, M.2:3, T.ADMDUK:4` (a `=` works as well as `:`; `,` or `;` between items).
enum PositionImporter {
    static let columns = [
        ImportColumn(key: "code", header: "Kode Jabatan", required: true),
        ImportColumn(key: "name", header: "Nama Jabatan", required: true),
        ImportColumn(key: "kind", header: "Jenis Jabatan", required: true),
        ImportColumn(key: "unit", header: "Kode Unit", required: true),
        ImportColumn(key: "summary", header: "Ikhtisar Jabatan", required: false),
        ImportColumn(key: "duties", header: "Tugas Pokok", required: false),
        ImportColumn(key: "standard", header: "Standar Kompetensi", required: true),
    ]
    static let example = [
        [
            "DUKCAPIL.J1", "Kepala Dinas Kependudukan dan Pencatatan Sipil", "jpt", "DUKCAPIL",
            "Memimpin penyelenggaraan administrasi kependudukan", "Merumuskan kebijakan | Membina pelayanan",
            "M.1:4, M.2:4, M.3:4, M.4:4, M.5:4, M.6:4, M.7:4, M.8:4, SK.1:4",
        ]
    ]

    static func parseStandard(_ text: String) -> Result<[StandardDTO], String> {
        var items: [StandardDTO] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pieces = part.split(whereSeparator: { $0 == ":" || $0 == "=" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard pieces.count == 2, let level = Int(pieces[1]) else {
                return .failure(
                    "Tulis standar sebagai KODE:LEVEL dipisah koma, mis. M.1:3, M.2:3 (bagian \"\(part.trimmingCharacters(in: .whitespaces))\" tidak dapat dibaca)."
                )
            }
            items.append(StandardDTO(competencyCode: pieces[0].uppercased(), requiredLevel: level))
        }
        return .success(items)
    }

    static func run(
        _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database,
        progress: @escaping ImportProgress = { _ in }
    ) async throws -> ImportOutcome {
        try AccessPolicy.importData(actor).require()
        let instansiID = actor.instansiID!
        let units = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.code, $0)
            })
        let unitsByID = try Dictionary(uniqueKeysWithValues: units.values.map { try ($0.requireID(), $0) })
        let existing = Dictionary(
            uniqueKeysWithValues: try await Position.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.code, $0)
            })
        let competencies = try await Competency.query(on: db).filter(\.$instansiID == instansiID).filter(
            \.$retiredAt == nil
        ).all()
        let competencyIDs = try Dictionary(uniqueKeysWithValues: competencies.map { try ($0.code, $0.requireID()) })
        let currentStandards = try await PositionService.standards(
            of: existing.values.map { try $0.requireID() }, on: db)

        var problems = ProblemList()
        struct Parsed {
            let row: ImportRow
            let code: String
            let kind: PositionKind
            let unit: Unit
            let standard: [StandardDTO]
        }
        var parsed: [Parsed] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let code = row["code"].uppercased()
            if code.range(of: "^[A-Z0-9.-]{1,32}$", options: .regularExpression) == nil {
                problems.add(row, "Kode Jabatan", "Kode 1–32 karakter: huruf, angka, titik atau tanda hubung.")
            }
            if let first = seen[code] { problems.add(row, "Kode Jabatan", "Kode \(code) sudah ada di baris \(first).") }
            seen[code] = row.number
            if row["name"].unicodeScalars.count < 3 || row["name"].unicodeScalars.count > 200 {
                problems.add(row, "Nama Jabatan", "Nama jabatan 3–200 karakter.")
            }
            let kind = PositionKind(rawValue: row["kind"].lowercased())
            if kind == nil {
                problems.add(row, "Jenis Jabatan", "Isi jpt, administrator, pengawas, pelaksana atau fungsional.")
            }
            let unit = units[row["unit"].uppercased()]
            if unit == nil { problems.add(row, "Kode Unit", "Unit dengan kode \(row["unit"]) tidak ada.") }
            if let unit, !AccessPolicy.importRowReaches(actor, opd: unit.opdID) {
                problems.add(row, "Kode Unit", "Unit \(unit.code) bukan bagian dari OPD Anda.")
            }
            if let old = existing[code], !AccessPolicy.importRowReaches(actor, opd: unitsByID[old.unitID]?.opdID) {
                problems.add(row, "Kode Jabatan", "Jabatan \(code) milik OPD lain.")
            }
            var standard: [StandardDTO] = []
            switch parseStandard(row["standard"]) {
            case .failure(let message): problems.add(row, "Standar Kompetensi", message)
            case .success(let items):
                standard = items
                var codes = Set<String>()
                for item in items {
                    if competencyIDs[item.competencyCode] == nil {
                        problems.add(row, "Standar Kompetensi", "Kompetensi \(item.competencyCode) tidak ada di kamus.")
                    }
                    if !(1...5).contains(item.requiredLevel) {
                        problems.add(row, "Standar Kompetensi", "Level \(item.competencyCode) harus 1–5.")
                    }
                    if !codes.insert(item.competencyCode).inserted {
                        problems.add(row, "Standar Kompetensi", "Kompetensi \(item.competencyCode) disebut dua kali.")
                    }
                }
            }
            if let kind, let unit {
                parsed.append(
                    Parsed(
                        row: row, code: code, kind: kind, unit: unit,
                        standard: standard.sorted { $0.competencyCode < $1.competencyCode }))
            }
        }
        try problems.check()
        progress("Semua baris valid. Menyimpan…")
        let valid = parsed
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            for p in valid {
                let position = existing[p.code] ?? Position()
                let isNew = position.id == nil
                let duties = p.row["duties"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.joined(separator: "\n")
                let sameFields =
                    !isNew && position.name == p.row["name"] && position.kind == p.kind.rawValue
                    && position.unitID == p.unit.id
                    && position.summary == p.row["summary"] && position.duties == duties
                let sameStandard = try !isNew && (currentStandards[position.requireID()] ?? []) == p.standard
                if sameFields && sameStandard {
                    outcome.unchanged += 1
                    continue
                }
                let before =
                    isNew
                    ? nil
                    : PositionSnapshot(
                        code: position.code, name: position.name, kind: position.kind, unitId: position.unitID,
                        summary: position.summary, duties: position.dutyList,
                        standards: currentStandards[try position.requireID()] ?? [])
                if isNew {
                    position.id = UUID()
                    position.instansiID = instansiID
                    position.createdAt = now
                }
                position.code = p.code
                position.name = p.row["name"]
                position.kind = p.kind.rawValue
                position.unitID = try p.unit.requireID()
                position.summary = p.row["summary"]
                position.duties = duties
                position.updatedAt = now
                try await position.save(on: db)
                if !sameStandard {
                    try await PositionStandard.query(on: db).filter(\.$positionID == position.requireID()).delete()
                    try await p.standard.map {
                        try PositionStandard(
                            positionID: position.requireID(), competencyID: competencyIDs[$0.competencyCode]!,
                            requiredLevel: $0.requiredLevel)
                    }.create(on: db)
                    // The holders' 9-box potential is measured against this standard.
                    if !isNew {
                        try await TalentPotential.refresh(
                            instansiID: instansiID, positionIDs: [try position.requireID()], on: db)
                    }
                }
                if isNew {
                    outcome.imported += 1
                } else {
                    outcome.updated += 1
                    // An edit form opened before the import must not save over it unnoticed.
                    _ = try await StateTransition.bumpVersion(
                        Position.schema, id: position.requireID(), expected: nil, on: db)
                    // The old texts and levels stay readable in the log, field by field.
                    let after = PositionSnapshot(
                        code: position.code, name: position.name, kind: position.kind, unitId: position.unitID,
                        summary: position.summary, duties: position.dutyList, standards: p.standard)
                    try await AuditLog.record(
                        .update, entity: "position", id: position.id,
                        summary: "Impor jabatan: mengubah \(position.code) \(position.name)",
                        before: before, after: after, actor: actor, instansiID: instansiID, at: now, on: db,
                        changes: AuditDiff.changes(from: before!.auditFields, to: after.auditFields))
                }
            }
            try await AuditLog.record(
                .create, entity: "position", id: nil,
                summary:
                    "Impor jabatan: \(outcome.imported) baru, \(outcome.updated) diubah, \(outcome.unchanged) tetap",
                actor: actor, instansiID: instansiID, at: now, on: db)
            return outcome
        }
    }
}
