import Fluent
import KompetenCore
import KompetenFormats
import SQLKit
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
        let existing = try await stored(instansiID: instansiID, on: db)
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
        let nipByID = Dictionary(uniqueKeysWithValues: existing.values.map { ($0.id, $0.nip) })
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

    /// One employee as stored, or as the import leaves it: the columns the import reads and
    /// writes, without a Fluent model (17,000 models cost more than the statements themselves).
    struct Record: Equatable {
        var id: UUID
        var nip: String
        var name: String
        var employmentType: String
        var rank: String
        var sex: Int
        var birthDate: String
        var unitID: UUID
        var positionID: UUID?
        var supervisorID: UUID?
        var isActive: Bool
        var cpnsTMT: String?
        var positionTMT: String?

        /// The fields a re-import compares (the supervisor is compared on its own pass).
        func same(_ b: Record) -> Bool {
            nip == b.nip && name == b.name && employmentType == b.employmentType && rank == b.rank
                && unitID == b.unitID && positionID == b.positionID && isActive == b.isActive
                && cpnsTMT == b.cpnsTMT && positionTMT == b.positionTMT
        }
    }

    /// Every employee of the instansi in one statement, keyed by NIP.
    static func stored(instansiID: UUID, on db: any Database) async throws -> [String: Record] {
        let rows = try await db.sql.select()
            .columns(
                "id", "nip", "name", "employment_type", "rank", "sex", "birth_date", "unit_id", "position_id",
                "supervisor_id", "is_active", "cpns_tmt", "position_tmt"
            )
            .from(Employee.schema).where("instansi_id", .equal, SQLBind(instansiID)).all()
        var byNIP: [String: Record] = [:]
        byNIP.reserveCapacity(rows.count)
        for r in rows {
            let e = Record(
                id: try r.decode(column: "id", as: UUID.self), nip: try r.decode(column: "nip", as: String.self),
                name: try r.decode(column: "name", as: String.self),
                employmentType: try r.decode(column: "employment_type", as: String.self),
                rank: try r.decode(column: "rank", as: String.self), sex: try r.decode(column: "sex", as: Int.self),
                birthDate: try r.decode(column: "birth_date", as: String.self),
                unitID: try r.decode(column: "unit_id", as: UUID.self),
                positionID: try r.decode(column: "position_id", as: UUID?.self),
                supervisorID: try r.decode(column: "supervisor_id", as: UUID?.self),
                isActive: try r.decode(column: "is_active", as: Bool.self),
                cpnsTMT: try r.decode(column: "cpns_tmt", as: String?.self),
                positionTMT: try r.decode(column: "position_tmt", as: String?.self))
            byNIP[e.nip] = e
        }
        return byNIP
    }

    private static func write(
        _ parsed: [Parsed], existing: [String: Record], actor: Principal, instansiID: UUID,
        at now: Date, on db: any Database, progress: @escaping ImportProgress
    ) async throws -> ImportOutcome {
        // Everything is compared in memory; only new and changed rows reach the database.
        var byNIP = existing.mapValues(\.id)
        var records: [Record] = []
        records.reserveCapacity(parsed.count)
        var isNew: [Bool] = []
        var changed: [Int] = []
        var moved = Set<Int>()
        var touched = Set<Int>()
        for (i, p) in parsed.enumerated() {
            let old = existing[p.nip.digits]
            let unitID = try p.unit.requireID()
            var e =
                old
                ?? Record(
                    id: UUID(), nip: "", name: "", employmentType: "", rank: "", sex: 0, birthDate: "",
                    unitID: unitID, positionID: nil, supervisorID: nil, isActive: true, cpnsTMT: nil,
                    positionTMT: nil)
            let positionID = p.position?.id
            e.nip = p.nip.digits
            e.name = p.name
            e.employmentType = p.nip.kind.rawValue
            e.rank = p.rank
            e.sex = p.nip.sex.rawValue
            e.birthDate = p.nip.birthDate.iso
            let samePosition = old != nil && e.positionID == positionID
            if let old, old.unitID != unitID || old.positionID != positionID { moved.insert(i) }
            e.unitID = unitID
            e.positionID = positionID
            e.cpnsTMT = p.status == .cpns ? EmploymentStatus.cpnsStart(of: p.nip)?.iso : nil
            if let start = p.positionStart {
                e.positionTMT = start.iso
            } else if !samePosition || e.positionID == nil {
                e.positionTMT = nil
            }
            byNIP[e.nip] = e.id
            records.append(e)
            isNew.append(old == nil)
            if old == nil {
                touched.insert(i)
            } else if let old, !old.same(e) {
                changed.append(i)
                touched.insert(i)
            } else {
                moved.remove(i)
            }
        }
        // Supervisors last: they may be rows of the same file.
        for (i, p) in parsed.enumerated() {
            let supervisor = p.supervisorNIP.flatMap { byNIP[$0] }
            if records[i].supervisorID != supervisor {
                records[i].supervisorID = supervisor
                if !touched.contains(i) {
                    changed.append(i)
                    touched.insert(i)
                }
            }
        }
        let created = orderedForInsert(records.indices.filter { isNew[$0] }.map { records[$0] })
        let changedRecords = changed.map { records[$0] }
        let changedMoved = changed.map { moved.contains($0) }
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            // Multi-row INSERTs: 16 columns × 1,500 rows stays under SQLite's 32,766 bound
            // parameters (PostgreSQL allows 65,535).
            for (n, chunk) in created.chunked(1500).enumerated() {
                try await insert(chunk, instansiID: instansiID, at: now, on: db)
                progress("Pegawai baru: \(min((n + 1) * 1500, created.count)) / \(created.count)")
            }
            // Changed rows are few on a re-import: they go through the model as an edit does
            // (version raised, so an edit form opened before the import is refused).
            let models = try await models(changedRecords.map(\.id), on: db)
            var movedModels: [Employee] = []
            for (n, (isMoved, r)) in zip(changedMoved, changedRecords).enumerated() {
                guard let e = models[r.id] else { continue }
                e.nip = r.nip
                e.name = r.name
                e.employmentType = r.employmentType
                e.rank = r.rank
                e.sex = r.sex
                e.birthDate = r.birthDate
                e.unitID = r.unitID
                e.positionID = r.positionID
                e.supervisorID = r.supervisorID
                e.cpnsTMT = r.cpnsTMT
                e.positionTMT = r.positionTMT
                e.updatedAt = now
                e.version = (e.version ?? 0) + 1
                try await e.save(on: db)
                if isMoved { movedModels.append(e) }
                if (n + 1) % 500 == 0 { progress("Pegawai diperbarui: \(n + 1) / \(changedRecords.count)") }
            }
            try await AssignmentHistory.open(
                created.map {
                    .init(
                        employeeID: $0.id, unitID: $0.unitID, positionID: $0.positionID, supervisorID: $0.supervisorID)
                },
                by: actor.username, at: now, on: db)
            for e in movedModels { try await AssignmentHistory.move(e, by: actor.username, at: now, on: db) }
            // A new position means a new standard to measure the 9-box potential against.
            if !movedModels.isEmpty {
                try await TalentPotential.refresh(
                    instansiID: instansiID, employeeIDs: movedModels.map { try $0.requireID() }, on: db)
            }
            outcome.imported = created.count
            outcome.updated = changedRecords.count
            outcome.unchanged = parsed.count - created.count - changedRecords.count
            try await AuditLog.record(
                .create, entity: "employee", id: nil,
                summary:
                    "Impor pegawai: \(outcome.imported) baru, \(outcome.updated) diubah, \(outcome.unchanged) tetap",
                before: Optional<[String]>.none,
                after: ["baru": created.map(\.nip), "diubah": changedRecords.map(\.nip)],
                actor: actor, instansiID: instansiID, at: now, on: db)
            return outcome
        }
    }

    /// Supervisors before their subordinates (foreign key on supervisor_id), otherwise file order.
    static func orderedForInsert(_ created: [Record]) -> [Record] {
        let byID = Dictionary(uniqueKeysWithValues: created.map { ($0.id, $0) })
        var depthOf: [UUID: Int] = [:]
        func depth(_ e: Record, _ guardCount: Int = 0) -> Int {
            if let d = depthOf[e.id] { return d }
            guard guardCount < 64, let s = e.supervisorID, let boss = byID[s] else {
                depthOf[e.id] = 0
                return 0
            }
            let d = depth(boss, guardCount + 1) + 1
            depthOf[e.id] = d
            return d
        }
        return created.enumerated().map { (depth($0.element), $0.offset, $0.element) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    private static func insert(
        _ rows: ArraySlice<Record>, instansiID: UUID, at now: Date, on db: any Database
    ) async throws {
        var insert = try db.sql.insert(into: Employee.schema)
            .columns(
                "id", "instansi_id", "unit_id", "nip", "name", "sex", "birth_date", "employment_type", "rank",
                "supervisor_id", "position_id", "is_active", "cpns_tmt", "position_tmt", "created_at", "updated_at")
        for e in rows {
            insert = insert.values(
                SQLBind(e.id), SQLBind(instansiID), SQLBind(e.unitID), SQLBind(e.nip), SQLBind(e.name), SQLBind(e.sex),
                SQLBind(e.birthDate), SQLBind(e.employmentType), SQLBind(e.rank), SQLBind.orNull(e.supervisorID),
                SQLBind.orNull(e.positionID), SQLBind(e.isActive), SQLBind.orNull(e.cpnsTMT),
                SQLBind.orNull(e.positionTMT), SQLBind(now), SQLBind(now))
        }
        try await insert.run()
    }

    /// The models of the changed employees, 1,000 ids per statement.
    private static func models(_ ids: [UUID], on db: any Database) async throws -> [UUID: Employee] {
        var byID: [UUID: Employee] = [:]
        for chunk in ids.chunked(1000) {
            for e in try await Employee.query(on: db).filter(\.$id ~~ Array(chunk)).all() {
                byID[try e.requireID()] = e
            }
        }
        return byID
    }
}

extension SQLBind {
    /// A bound value, or SQL NULL for nil (what Fluent writes for an empty optional field).
    static func orNull(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }
}
