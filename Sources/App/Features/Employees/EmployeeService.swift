import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Creating and changing employee records: NIP rules, placement checks, assignment history, audit.
enum EmployeeService {
    /// Validates `input` against the rules and the instansi's data. `existing` is the record being
    /// changed (nil for a new one). Returns the normalised values to store.
    struct Checked {
        let nip: NIP
        let rank: String
        let name: String
        let unit: Unit
        let position: Position?
        let supervisor: Employee?
        let status: EmploymentStatus
        /// TMT jabatan, when given.
        let positionStart: SimpleDate?
    }

    static func check(_ input: EmployeeInput, existing: Employee?, actor: Principal, on db: any Database) async throws
        -> Checked
    {
        var v = FieldValidator()
        var nip: NIP?
        switch NIP.parse(input.nip) {
        case .success(let parsed): nip = parsed
        case .failure(let problem): v.add(field: "nip", problem.message)
        }
        // CPNS is a PNS NIP on probation: the NIP kind is checked against PNS.
        let status = EmploymentStatus(rawValue: input.employmentType)
        let kind = status?.nipKind
        if status == nil { v.add(field: "employmentType", EmploymentStatus.problem) }
        if let nip, let kind, let status, nip.kind != kind {
            v.add(
                field: "employmentType", "NIP \(nip.digits) adalah NIP \(nip.kind.rawValue), bukan \(status.rawValue).")
        }
        var positionStart: SimpleDate?
        if let raw = input.positionTmt?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            positionStart = SimpleDate(iso: raw)
            if positionStart == nil {
                v.add(field: "positionTmt", "TMT jabatan harus tanggal yyyy-mm-dd.")
            } else if input.positionId == nil {
                v.add(field: "positionTmt", "TMT jabatan hanya diisi bila jabatan dipilih.")
            } else if let nip,
                let start = EmploymentStatus.cpnsStart(of: nip)
                    ?? SimpleDate(year: nip.appointmentYear, month: 1, day: 1),
                positionStart! < start
            {
                v.add(field: "positionTmt", "TMT jabatan tidak boleh sebelum TMT pengangkatan pada NIP (\(start.iso)).")
            }
        }
        let rank = kind.flatMap { Rank.normalise(input.rank, for: $0) }
        if let kind, rank == nil {
            v.add(field: "rank", Rank.problem(input.rank, for: kind) ?? "Golongan tidak dikenal.")
        }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            name.unicodeScalars.count >= 3 && input.name.unicodeScalars.count <= 200, field: "name",
            "Nama 3–200 karakter.")
        if let nik = input.nik, !nik.isEmpty {
            v.require(
                nik.count == 16 && nik.allSatisfy { $0.isASCII && $0.isNumber }, field: "nik",
                "NIK harus 16 digit angka.")
        }
        let unit = try await Unit.scopedQuery(actor, on: db).filter(\.$id == input.unitId).first()
        if unit == nil { v.add(field: "unitId", "Unit tidak ditemukan di instansi ini.") }
        var position: Position?
        if let id = input.positionId {
            position = try await Position.scopedQuery(actor, on: db).filter(\.$id == id).first()
            if position == nil {
                v.add(field: "positionId", "Jabatan tidak ditemukan di instansi ini.")
            } else if position!.unitID != input.unitId {
                v.add(field: "positionId", "Jabatan \(position!.code) tidak berada di unit yang dipilih.")
            }
        }
        var supervisor: Employee?
        if let id = input.supervisorId {
            supervisor = try await Employee.scopedQuery(actor, on: db).filter(\.$id == id).first()
            if supervisor == nil {
                v.add(field: "supervisorId", "Atasan tidak ditemukan di instansi ini.")
            } else if let existing, try await reportsTo(supervisor!, try existing.requireID(), on: db) {
                v.add(field: "supervisorId", "Atasan tidak boleh pegawai itu sendiri atau bawahannya.")
            }
        }
        try v.check()
        try AccessPolicy.employee(
            actor, .write, Placement(instansiID: unit!.instansiID, opdID: unit!.opdID),
            employeeID: existing?.id ?? UUID(), supervisorID: nil
        ).require()
        return Checked(
            nip: nip!, rank: rank!, name: name, unit: unit!, position: position, supervisor: supervisor,
            status: status!,
            positionStart: positionStart)
    }

    /// True when `candidate` is `employeeID` or reports to them (directly or further up).
    private static func reportsTo(_ candidate: Employee, _ employeeID: UUID, on db: any Database) async throws -> Bool {
        var current: Employee? = candidate
        var steps = 0
        while let e = current, steps < 64 {
            if e.id == employeeID { return true }
            current = try await e.supervisorID.asyncMap { try await Employee.find($0, on: db) } ?? nil
            steps += 1
        }
        return false
    }

    static func create(_ input: EmployeeInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Employee
    {
        let checked = try await check(input, existing: nil, actor: actor, on: db)
        if try await Employee.scopedQuery(actor, on: db).filter(\.$nip == checked.nip.digits).count() > 0 {
            throw Abort(.conflict, reason: "NIP \(checked.nip.digits) sudah terdaftar.")
        }
        let e = Employee()
        e.id = UUID()
        e.instansiID = actor.instansiID!
        e.createdAt = now
        apply(checked, input, to: e, isNew: true, at: now)
        return try await db.transaction { db in
            try await e.create(on: db)
            try await AssignmentHistory.open(for: e, by: actor.username, at: now, on: db)
            try await AuditLog.record(
                .create, entity: "employee", id: e.id, summary: "Menambah pegawai \(e.nip) \(e.name)",
                before: Optional<EmployeeSnapshot>.none, after: EmployeeSnapshot(e), actor: actor,
                instansiID: e.instansiID, at: now, on: db)
            return e
        }
    }

    static func update(_ id: UUID, _ input: EmployeeInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Employee
    {
        let e = try await EmployeeQueries.find(id, for: actor, .write, on: db)
        let checked = try await check(input, existing: e, actor: actor, on: db)
        if checked.nip.digits != e.nip,
            try await Employee.scopedQuery(actor, on: db).filter(\.$nip == checked.nip.digits).count() > 0
        {
            throw Abort(.conflict, reason: "NIP \(checked.nip.digits) sudah terdaftar.")
        }
        let before = EmployeeSnapshot(e)
        let moved = e.unitID != input.unitId || e.positionID != input.positionId || e.supervisorID != input.supervisorId
        apply(checked, input, to: e, isNew: false, at: now)
        return try await db.transaction { db in
            // Checked and raised in one UPDATE, before anything else is written.
            let version = try await StateTransition.requireVersion(
                Employee.schema, id: e.requireID(), expected: input.version, on: db)
            try await e.save(on: db)
            e.version = version
            if moved { try await AssignmentHistory.move(e, by: actor.username, at: now, on: db) }
            // A new position means a new standard to measure the 9-box potential against.
            if moved {
                try await TalentPotential.refresh(instansiID: e.instansiID, employeeIDs: [try e.requireID()], on: db)
            }
            try await AuditLog.record(
                .update, entity: "employee", id: e.id, summary: "Mengubah pegawai \(e.nip) \(e.name)",
                before: before, after: EmployeeSnapshot(e), actor: actor, instansiID: e.instansiID, at: now, on: db)
            return e
        }
    }

    static func apply(_ c: Checked, _ input: EmployeeInput, to e: Employee, isNew: Bool, at now: Date) {
        e.nip = c.nip.digits
        e.name = c.name
        e.employmentType = c.nip.kind.rawValue
        e.rank = c.rank
        e.sex = c.nip.sex.rawValue
        e.birthDate = c.nip.birthDate.iso
        e.unitID = c.unit.id!
        let previousPosition = e.positionID
        e.positionID = c.position?.id
        e.supervisorID = c.supervisor?.id
        // A CPNS's TMT comes from the NIP; any other status clears it (appointed PNS: probation over).
        e.cpnsTMT = c.status == .cpns ? EmploymentStatus.cpnsStart(of: c.nip)?.iso : nil
        // An omitted TMT jabatan keeps the stored one while the position stays; a new position without one clears it.
        if let start = c.positionStart {
            e.positionTMT = start.iso
        } else if input.positionTmt != nil || previousPosition != e.positionID || e.positionID == nil {
            e.positionTMT = nil
        }
        if let nik = input.nik { e.nik = nik.isEmpty ? nil : nik }
        e.isActive = input.active ?? (isNew ? true : e.isActive)
        e.updatedAt = now
    }
}

/// The assignment history: one open row per employee, closed when they move.
enum AssignmentHistory {
    static func open(for e: Employee, by username: String, at now: Date, on db: any Database) async throws {
        try await open(for: [e], by: username, at: now, on: db)
    }

    /// Opens the current assignment of many employees in multi-row inserts.
    static func open(for employees: [Employee], by username: String, at now: Date, on db: any Database) async throws {
        try await open(
            employees.map {
                Opening(
                    employeeID: try $0.requireID(), unitID: $0.unitID, positionID: $0.positionID,
                    supervisorID: $0.supervisorID)
            }, by: username, at: now, on: db)
    }

    /// Where one employee starts.
    struct Opening {
        let employeeID: UUID
        let unitID: UUID
        let positionID: UUID?
        let supervisorID: UUID?
    }

    /// The same from plain values (the bulk import has no models for new rows): 7 columns ×
    /// 4,000 rows per INSERT stays under SQLite's 32,766 bound parameters.
    static func open(_ openings: [Opening], by username: String, at now: Date, on db: any Database) async throws {
        for chunk in openings.chunked(4000) {
            var insert = try db.sql.insert(into: EmployeeAssignment.schema)
                .columns("id", "employee_id", "unit_id", "position_id", "supervisor_id", "started_at", "recorded_by")
            for a in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(a.employeeID), SQLBind(a.unitID), SQLBind.orNull(a.positionID),
                    SQLBind.orNull(a.supervisorID), SQLBind(now), SQLBind(username))
            }
            try await insert.run()
        }
    }

    static func move(_ e: Employee, by username: String, at now: Date, on db: any Database) async throws {
        try await EmployeeAssignment.query(on: db).filter(\.$employeeID == e.requireID()).filter(\.$endedAt == nil).set(
            \.$endedAt, to: now
        ).update()
        try await open(for: e, by: username, at: now, on: db)
    }
}
