import Fluent
import KompetenCore
import Vapor

/// Positions and their competency standards: validation, access, audit, one transaction each.
enum PositionService {
    static func placement(_ p: Position, on db: any Database) async throws -> Placement {
        let unit = try await Unit.find(p.unitID, on: db)
        return Placement(instansiID: p.instansiID, opdID: unit?.opdID)
    }

    static func find(_ id: UUID?, _ actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Position
    {
        let p = try await Position.findScoped(id, actor, on: db, what: "Jabatan")
        try AccessPolicy.position(actor, action, try await placement(p, on: db)).require()
        return p
    }

    /// Standards of many positions, with competency codes, in one query pair.
    static func standards(of positionIDs: [UUID], on db: any Database) async throws -> [UUID: [StandardDTO]] {
        guard !positionIDs.isEmpty else { return [:] }
        var result: [UUID: [StandardDTO]] = [:]
        for chunk in positionIDs.chunked(500) {
            let rows = try await PositionStandard.query(on: db).filter(\.$positionID ~~ Array(chunk)).all()
            let codes = try await codesByID(Set(rows.map(\.competencyID)), on: db)
            for row in rows {
                result[row.positionID, default: []].append(
                    StandardDTO(competencyCode: codes[row.competencyID] ?? "?", requiredLevel: row.requiredLevel))
            }
        }
        return result.mapValues {
            $0.sorted { $0.competencyCode.localizedStandardCompare($1.competencyCode) == .orderedAscending }
        }
    }

    static func dto(_ p: Position, on db: any Database) async throws -> PositionDTO {
        try PositionDTO(
            id: p.requireID(), code: p.code, name: p.name, kind: p.positionKind, unitId: p.unitID, summary: p.summary,
            duties: p.dutyList, standards: (try await standards(of: [p.requireID()], on: db))[p.requireID()] ?? [],
            version: p.version ?? 0, keyPosition: p.isKey)
    }

    static func create(_ input: PositionInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Position
    {
        let p = Position()
        p.id = UUID()
        p.instansiID = try instansi(actor)
        p.createdAt = now
        return try await save(p, input, isNew: true, actor: actor, at: now, on: db)
    }

    static func update(_ id: UUID, _ input: PositionInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Position
    {
        let p = try await find(id, actor, .write, on: db)
        return try await save(p, input, isNew: false, actor: actor, at: now, on: db)
    }

    private static func save(
        _ p: Position, _ input: PositionInput, isNew: Bool, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Position {
        let unit = try await Unit.scopedQuery(actor, on: db).filter(\.$id == input.unitId).first()
        var v = FieldValidator()
        v.require(
            input.code.range(of: "^[A-Z0-9.-]{1,32}$", options: .regularExpression) != nil, field: "code",
            "Kode jabatan 1–32 karakter: huruf besar, angka, titik atau tanda hubung.")
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            name.unicodeScalars.count >= 3 && input.name.unicodeScalars.count <= 200, field: "name",
            "Nama jabatan 3–200 karakter.")
        v.require(
            PositionKind(rawValue: input.kind) != nil, field: "kind",
            "Jenis jabatan harus jpt, administrator, pengawas, pelaksana atau fungsional.")
        v.require(unit != nil, field: "unitId", "Unit tidak ditemukan di instansi ini.")
        let resolved = try await resolve(input.standards, actor: actor, on: db, into: &v)
        try v.check()
        try AccessPolicy.position(actor, .write, Placement(instansiID: p.instansiID, opdID: unit!.opdID)).require()
        if !isNew { try AccessPolicy.position(actor, .write, try await placement(p, on: db)).require() }
        if isNew || input.code != p.code,
            try await Position.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0
        {
            throw Abort(.conflict, reason: "Kode jabatan \(input.code) sudah dipakai.")
        }
        let before = isNew ? nil : try await snapshot(p, on: db)
        p.code = input.code
        p.name = name
        p.kind = input.kind
        p.unitID = input.unitId
        p.summary = (input.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        p.duties = (input.duties ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }.joined(separator: "\n")
        p.updatedAt = now
        return try await db.transaction { db in
            // An edit checks and raises the version in one UPDATE before anything is written.
            let version =
                isNew
                ? nil
                : try await StateTransition.requireVersion(
                    Position.schema, id: p.requireID(), expected: input.version, on: db)
            try await p.save(on: db)
            if let version { p.version = version }
            try await replaceStandards(of: p.requireID(), with: resolved, on: db)
            let after = try await snapshot(p, on: db)
            try await AuditLog.record(
                isNew ? .create : .update, entity: "position", id: p.id,
                summary: (isNew ? "Membuat" : "Mengubah") + " jabatan \(p.code) \(p.name)",
                before: before, after: after, actor: actor, instansiID: p.instansiID, at: now, on: db,
                changes: before.map { AuditDiff.changes(from: $0.auditFields, to: after.auditFields) })
            return p
        }
    }

    /// Copies the whole standard of `source` onto `target` (replacing target's standard).
    static func copyStandard(
        from sourceID: UUID, to targetID: UUID, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Position {
        let source = try await find(sourceID, actor, .read, on: db)
        let target = try await find(targetID, actor, .write, on: db)
        let before = try await snapshot(target, on: db)
        let rows = try await PositionStandard.query(on: db).filter(\.$positionID == sourceID).all()
        try await db.transaction { db in
            try await replaceStandards(of: targetID, with: rows.map { ($0.competencyID, $0.requiredLevel) }, on: db)
            target.updatedAt = now
            try await target.save(on: db)
            target.version = try await StateTransition.bumpVersion(Position.schema, id: targetID, expected: nil, on: db)
            let after = try await snapshot(target, on: db)
            try await AuditLog.record(
                .update, entity: "position", id: targetID,
                summary: "Menyalin standar kompetensi dari \(source.code) ke \(target.code)",
                before: before, after: after, actor: actor, instansiID: target.instansiID, at: now, on: db,
                changes: AuditDiff.changes(from: before.auditFields, to: after.auditFields))
        }
        return target
    }

    /// Sets one competency's required level (0 removes it) on every position of a kind the actor
    /// may change (an operator: their OPD). Returns how many positions changed.
    static func bulkSet(
        kind: PositionKind, competencyCode: String, level: Int, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Int {
        guard (0...5).contains(level) else {
            throw ValidationFailure(errors: [.init(field: "level", message: "Level 0–5 (0 = tidak disyaratkan).")])
        }
        guard
            let competency = try await Competency.scopedQuery(actor, on: db).filter(\.$code == competencyCode).filter(
                \.$retiredAt == nil
            ).first()
        else {
            throw ValidationFailure(errors: [
                .init(field: "competency", message: "Kompetensi tidak ditemukan atau sudah nonaktif.")
            ])
        }
        var query = try Position.scopedQuery(actor, on: db).filter(\.$kind == kind.rawValue)
        switch AccessPolicy.bulkStandardScope(actor) {
        case .success(nil): break
        case .success(let opd?):
            let units = try await Unit.query(on: db).filter(\.$opdID == opd).all(\.$id)
            query = query.filter(\.$unitID ~~ units)
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        }
        let positions = try await query.all()
        let ids = positions.compactMap(\.id)
        let existing = try await PositionStandard.query(on: db).filter(\.$positionID ~~ ids).filter(
            \.$competencyID == competency.requireID()
        ).all()
        let current = Dictionary(uniqueKeysWithValues: existing.map { ($0.positionID, $0) })
        return try await db.transaction { db in
            var changed = 0
            for p in positions {
                let old = try current[p.requireID()]?.requiredLevel ?? 0
                guard old != level else { continue }
                if level == 0 {
                    try await current[try p.requireID()]!.delete(on: db)
                } else if let row = current[try p.requireID()] {
                    row.requiredLevel = level
                    try await row.save(on: db)
                } else {
                    try await PositionStandard(
                        positionID: try p.requireID(), competencyID: try competency.requireID(), requiredLevel: level
                    ).create(on: db)
                }
                changed += 1
                _ = try await StateTransition.bumpVersion(Position.schema, id: p.requireID(), expected: nil, on: db)
                try await AuditLog.record(
                    .update, entity: "position", id: p.id,
                    summary: "Standar \(competency.code) jabatan \(p.code): level \(old) → \(level) (ubah massal)",
                    before: ["competency": competency.code, "level": String(old)],
                    after: ["competency": competency.code, "level": String(level)],
                    actor: actor, instansiID: p.instansiID, at: now, on: db,
                    changes: [
                        AuditChange(
                            field: "standar.\(competency.code)", before: old == 0 ? nil : String(old),
                            after: level == 0 ? nil : String(level))
                    ])
            }
            // The holders' 9-box potential is measured against this standard.
            if changed > 0, let instansiID = positions.first?.instansiID {
                try await TalentPotential.refresh(instansiID: instansiID, positionIDs: ids, on: db)
            }
            return changed
        }
    }

    private static func replaceStandards(of positionID: UUID, with items: [(UUID, Int)], on db: any Database)
        async throws
    {
        try await PositionStandard.query(on: db).filter(\.$positionID == positionID).delete()
        let rows = items.map { PositionStandard(positionID: positionID, competencyID: $0.0, requiredLevel: $0.1) }
        if !rows.isEmpty { try await rows.create(on: db) }
        // The holders' 9-box potential is measured against this standard.
        if let position = try await Position.find(positionID, on: db) {
            try await TalentPotential.refresh(instansiID: position.instansiID, positionIDs: [positionID], on: db)
        }
    }

    /// Competency codes → ids; every code must exist and be active, levels 1–5, no code twice.
    static func resolve(_ standards: [StandardDTO], actor: Principal, on db: any Database, into v: inout FieldValidator)
        async throws -> [(UUID, Int)]
    {
        let competencies = try await Competency.scopedQuery(actor, on: db).filter(\.$retiredAt == nil).all()
        let byCode = try Dictionary(uniqueKeysWithValues: competencies.map { try ($0.code, $0.requireID()) })
        var seen = Set<String>()
        var result: [(UUID, Int)] = []
        for (i, s) in standards.enumerated() {
            if let id = byCode[s.competencyCode] {
                result.append((id, s.requiredLevel))
            } else {
                v.add(
                    field: "standards.\(i).competencyCode",
                    "Kompetensi \(s.competencyCode) tidak ada di kamus (atau nonaktif).")
            }
            if !(1...5).contains(s.requiredLevel) {
                v.add(field: "standards.\(i).requiredLevel", "Level yang disyaratkan 1–5.")
            }
            if !seen.insert(s.competencyCode).inserted {
                v.add(field: "standards.\(i).competencyCode", "Kompetensi \(s.competencyCode) disebut dua kali.")
            }
        }
        return result
    }

    static func codesByID(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Competency.query(on: db).filter(\.$id ~~ ids).all()
        return try Dictionary(uniqueKeysWithValues: rows.map { try ($0.requireID(), $0.code) })
    }

    private static func snapshot(_ p: Position, on db: any Database) async throws -> PositionSnapshot {
        PositionSnapshot(
            code: p.code, name: p.name, kind: p.kind, unitId: p.unitID, summary: p.summary, duties: p.dutyList,
            standards: (try await standards(of: [try p.requireID()], on: db))[try p.requireID()] ?? [])
    }

    private static func instansi(_ actor: Principal) throws -> UUID {
        guard let id = actor.instansiID else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        return id
    }
}
