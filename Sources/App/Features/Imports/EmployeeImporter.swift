import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Employees from CSV/XLSX: every row validated first, then everything written in one
/// transaction; idempotent by NIP (a row equal to the stored record changes nothing).
enum EmployeeImporter {
    static let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "name", header: "Nama", required: true),
        ImportColumn(key: "type", header: "Jenis Kepegawaian", required: true),
        ImportColumn(key: "rank", header: "Golongan", required: true),
        ImportColumn(key: "unit", header: "Kode Unit", required: true),
        ImportColumn(key: "position", header: "Kode Jabatan", required: false),
        ImportColumn(key: "supervisor", header: "NIP Atasan", required: false),
        // The appointment to the position (PKP/PKA/PKN II are due from it); empty keeps the
        // stored one while the position stays.
        ImportColumn(key: "positionTmt", header: "TMT Jabatan", required: false),
    ]
    static let example = [
        ["198503122010011002", "Yohanes Benu, S.Sos", "PNS", "III/d", "DUKCAPIL", "DUKCAPIL.J1", "", "2026-01-02"],
        ["199001012022212005", "Maria Fanggidae", "PPPK", "IX", "DUKCAPIL.B1", "", "198503122010011002", ""],
    ]

    struct Parsed {
        let row: ImportRow
        let nip: NIP
        let name: String
        let rank: String
        let unit: Unit
        let position: Position?
        let supervisorNIP: String?
        let status: EmploymentStatus
        let positionStart: SimpleDate?
    }

    static func run(
        _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database,
        progress: @escaping ImportProgress = { _ in }
    ) async throws -> ImportOutcome {
        try AccessPolicy.importData(actor).require()
        let instansiID = actor.instansiID!
        progress("Memeriksa \(rows.count) baris…")
        let units = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.code, $0)
            })
        let positions = Dictionary(
            uniqueKeysWithValues: try await Position.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.code, $0)
            })
        let existing = Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.nip, $0)
            })
        let unitsByID = try Dictionary(uniqueKeysWithValues: units.values.map { try ($0.requireID(), $0) })

        var problems = ProblemList()
        var parsed: [Parsed] = []
        var seen: [String: Int] = [:]
        for row in rows {
            var nip: NIP?
            switch NIP.parse(row["nip"]) {
            case .success(let n): nip = n
            case .failure(let p): problems.add(row, "NIP", p.message)
            }
            if let n = nip {
                if let first = seen[n.digits] {
                    problems.add(row, "NIP", "NIP \(n.digits) sudah ada di baris \(first).")
                }
                seen[n.digits] = row.number
            }
            // CPNS: a PNS NIP on probation, its TMT CPNS read from the NIP.
            let status = EmploymentStatus(rawValue: row["type"].uppercased())
            let kind = status?.nipKind
            if status == nil { problems.add(row, "Jenis Kepegawaian", "Isi PNS, CPNS atau PPPK.") }
            if let n = nip, let kind, let status, n.kind != kind {
                problems.add(
                    row, "Jenis Kepegawaian", "NIP ini adalah NIP \(n.kind.rawValue), bukan \(status.rawValue).")
            }
            var positionStart: SimpleDate?
            if !row["positionTmt"].isEmpty {
                positionStart = SimpleDate(iso: row["positionTmt"])
                if positionStart == nil {
                    problems.add(row, "TMT Jabatan", "Tulis tanggal sebagai yyyy-mm-dd, mis. 2026-01-02.")
                } else if row["position"].isEmpty {
                    problems.add(row, "TMT Jabatan", "TMT jabatan hanya diisi bila Kode Jabatan diisi.")
                }
            }
            let rank = kind.flatMap { Rank.normalise(row["rank"], for: $0) }
            if let kind, rank == nil {
                problems.add(row, "Golongan", Rank.problem(row["rank"], for: kind) ?? "Golongan tidak dikenal.")
            }
            let name = row["name"]
            if name.unicodeScalars.count < 3 || name.unicodeScalars.count > 200 {
                problems.add(row, "Nama", "Nama 3–200 karakter.")
            }
            let unit = units[row["unit"].uppercased()]
            if unit == nil { problems.add(row, "Kode Unit", "Unit dengan kode \(row["unit"]) tidak ada.") }
            if let unit, !AccessPolicy.importRowReaches(actor, opd: unit.opdID) {
                problems.add(row, "Kode Unit", "Unit \(unit.code) bukan bagian dari OPD Anda.")
            }
            if let n = nip, let old = existing[n.digits],
                !AccessPolicy.importRowReaches(actor, opd: unitsByID[old.unitID]?.opdID)
            {
                problems.add(row, "NIP", "Pegawai \(n.digits) terdaftar di OPD lain.")
            }
            var position: Position?
            if !row["position"].isEmpty {
                position = positions[row["position"].uppercased()]
                if position == nil {
                    problems.add(row, "Kode Jabatan", "Jabatan dengan kode \(row["position"]) tidak ada.")
                } else if let unit, position!.unitID != unit.id {
                    problems.add(row, "Kode Jabatan", "Jabatan \(position!.code) tidak berada di unit \(unit.code).")
                }
            }
            let supervisor = row["supervisor"].filter { $0 != " " }
            if !supervisor.isEmpty, supervisor == nip?.digits {
                problems.add(row, "NIP Atasan", "Atasan tidak boleh pegawai itu sendiri.")
            }
            if let nip, let rank, let unit, let status {
                parsed.append(
                    Parsed(
                        row: row, nip: nip, name: name, rank: rank, unit: unit, position: position,
                        supervisorNIP: supervisor.isEmpty ? nil : supervisor, status: status,
                        positionStart: positionStart))
            }
        }
        let inFile = Set(parsed.map(\.nip.digits))
        for p in parsed {
            if let s = p.supervisorNIP, existing[s] == nil, !inFile.contains(s) {
                problems.add(p.row, "NIP Atasan", "Atasan dengan NIP \(s) tidak ditemukan.")
            }
        }
        // A chain of supervisors must end somewhere: A → B → A is refused.
        let nipByID = try Dictionary(uniqueKeysWithValues: existing.values.map { try ($0.requireID(), $0.nip) })
        var bossOf = Dictionary(
            uniqueKeysWithValues: existing.values.compactMap { e in
                e.supervisorID.flatMap { nipByID[$0] }.map { (e.nip, $0) }
            })
        for p in parsed { bossOf[p.nip.digits] = p.supervisorNIP }
        for p in parsed where p.supervisorNIP != nil {
            var current = p.supervisorNIP
            var steps = 0
            while let c = current, steps < 100 {
                if c == p.nip.digits {
                    problems.add(p.row, "NIP Atasan", "Rantai atasan berputar kembali ke pegawai ini.")
                    break
                }
                current = bossOf[c]
                steps += 1
            }
        }
        try problems.check()
        progress("Semua baris valid. Menyimpan…")
        return try await write(
            parsed, existing: existing, actor: actor, instansiID: instansiID, at: now, on: db, progress: progress)
    }

    private static func write(
        _ parsed: [Parsed], existing: [String: Employee], actor: Principal, instansiID: UUID,
        at now: Date, on db: any Database, progress: @escaping ImportProgress
    ) async throws -> ImportOutcome {
        try await db.transaction { db in
            var outcome = ImportOutcome()
            var byNIP = existing
            var created: [Employee] = []
            var changed: [Employee] = []
            var moved: [Employee] = []
            var touched = Set<UUID>()
            for p in parsed {
                let e = byNIP[p.nip.digits] ?? Employee()
                let isNew = e.id == nil
                let before = isNew ? nil : EmployeeSnapshot(e)
                if isNew {
                    e.id = UUID()
                    e.instansiID = instansiID
                    e.createdAt = now
                    e.isActive = true
                    e.supervisorID = nil
                }
                e.nip = p.nip.digits
                e.name = p.name
                e.employmentType = p.nip.kind.rawValue
                e.rank = p.rank
                e.sex = p.nip.sex.rawValue
                e.birthDate = p.nip.birthDate.iso
                let movedUnit = !isNew && (e.unitID != p.unit.id || e.positionID != p.position?.id)
                let samePosition = !isNew && e.positionID == p.position?.id
                e.unitID = try p.unit.requireID()
                e.positionID = p.position?.id
                e.cpnsTMT = p.status == .cpns ? EmploymentStatus.cpnsStart(of: p.nip)?.iso : nil
                if let start = p.positionStart {
                    e.positionTMT = start.iso
                } else if !samePosition || e.positionID == nil {
                    e.positionTMT = nil
                }
                byNIP[p.nip.digits] = e
                if isNew {
                    created.append(e)
                    touched.insert(try e.requireID())
                } else if let before, !Self.same(before, EmployeeSnapshot(e)) {
                    e.updatedAt = now
                    changed.append(e)
                    try touched.insert(e.requireID())
                    if movedUnit { moved.append(e) }
                }
            }
            // Supervisors last: they may be rows of the same file.
            for p in parsed {
                let e = byNIP[p.nip.digits]!
                let supervisor = p.supervisorNIP.flatMap { byNIP[$0]?.id }
                if e.supervisorID != supervisor {
                    e.supervisorID = supervisor
                    if !touched.contains(try e.requireID()) {
                        e.updatedAt = now
                        changed.append(e)
                        touched.insert(try e.requireID())
                    }
                }
            }
            for e in created { e.updatedAt = now }
            // Supervisors are inserted before their subordinates (foreign key on supervisor_id).
            var depthOf: [UUID: Int] = [:]
            let createdByID = try Dictionary(uniqueKeysWithValues: created.map { try ($0.requireID(), $0) })
            func depth(_ e: Employee, _ guardCount: Int = 0) -> Int {
                if let d = depthOf[e.id!] { return d }
                guard guardCount < 64, let s = e.supervisorID, let boss = createdByID[s] else {
                    depthOf[e.id!] = 0
                    return 0
                }
                let d = depth(boss, guardCount + 1) + 1
                depthOf[e.id!] = d
                return d
            }
            created.sort { depth($0) < depth($1) }
            for (i, chunk) in created.chunked(500).enumerated() {
                try await Array(chunk).create(on: db)
                progress("Pegawai baru: \(min((i + 1) * 500, created.count)) / \(created.count)")
            }
            for (i, e) in changed.enumerated() {
                // An edit form opened before the import must not save over it unnoticed.
                e.version = (e.version ?? 0) + 1
                try await e.save(on: db)
                if (i + 1) % 500 == 0 { progress("Pegawai diperbarui: \(i + 1) / \(changed.count)") }
            }
            try await AssignmentHistory.open(for: created, by: actor.username, at: now, on: db)
            for e in moved { try await AssignmentHistory.move(e, by: actor.username, at: now, on: db) }
            // A new position means a new standard to measure the 9-box potential against.
            if !moved.isEmpty {
                try await TalentPotential.refresh(
                    instansiID: instansiID, employeeIDs: moved.map { try $0.requireID() }, on: db)
            }
            outcome.imported = created.count
            outcome.updated = changed.count
            outcome.unchanged = parsed.count - created.count - changed.count
            try await AuditLog.record(
                .create, entity: "employee", id: nil,
                summary:
                    "Impor pegawai: \(outcome.imported) baru, \(outcome.updated) diubah, \(outcome.unchanged) tetap",
                before: Optional<[String]>.none,
                after: ["baru": created.map(\.nip), "diubah": changed.map(\.nip)],
                actor: actor, instansiID: instansiID, at: now, on: db)
            return outcome
        }
    }

    static func same(_ a: EmployeeSnapshot, _ b: EmployeeSnapshot) -> Bool {
        a.nip == b.nip && a.name == b.name && a.employmentType == b.employmentType && a.rank == b.rank
            && a.unitId == b.unitId && a.positionId == b.positionId && a.active == b.active
            && a.cpnsTmt == b.cpnsTmt && a.positionTmt == b.positionTmt
    }
}
