import Fluent
import KompetenCore
import Vapor

/// The dictionary: seeding the national competencies, and BKPPD's own teknis competencies.
enum CompetencyService {
    /// Copies the national dictionary (and, for the demo, the city's teknis set) into an instansi.
    static func seed(_ seed: CompetencySeed, instansiID: UUID, national: Bool, at now: Date, on db: any Database)
        async throws
    {
        var competencies: [Competency] = []
        var levels: [CompetencyLevel] = []
        for item in seed.competencies {
            let c = Competency()
            c.id = UUID()
            c.instansiID = instansiID
            c.code = item.code
            c.name = item.name
            c.group = item.group.rawValue
            c.definition = item.definition
            c.field = item.field
            c.isNational = national && item.group != .teknis
            c.createdAt = now
            c.updatedAt = now
            competencies.append(c)
            for l in item.levels {
                let level = CompetencyLevel()
                level.id = UUID()
                level.competencyID = try c.requireID()
                level.level = l.level
                level.description = l.description
                level.indicators = l.indicators
                levels.append(level)
            }
        }
        try await competencies.create(on: db)
        for chunk in levels.chunked(400) { try await chunk.create(on: db) }
    }

    static func nationalSeed(_ app: Application) throws -> CompetencySeed {
        try loadSeed(app, "kamus-kompetensi.json")
    }

    static func loadSeed(_ app: Application, _ file: String) throws -> CompetencySeed {
        let path = app.directory.resourcesDirectory + "Seed/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.internalServerError, reason: "Berkas kamus kompetensi tidak ditemukan: \(path)")
        }
        return try CompetencySeed.decode(data)
    }

    static func levels(of ids: [UUID], on db: any Database) async throws -> [UUID: [CompetencyLevel]] {
        let all = try await CompetencyLevel.query(on: db).filter(\.$competencyID ~~ ids).all()
        return Dictionary(grouping: all, by: \.competencyID)
    }

    static func find(_ id: UUID?, _ actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Competency
    {
        try AccessPolicy.competencies(actor, action).require()
        return try await Competency.findScoped(id, actor, on: db, what: "Kompetensi")
    }

    static func create(_ input: CompetencyInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Competency
    {
        try AccessPolicy.competencies(actor, .write).require()
        try validate(input)
        if try await Competency.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0 {
            throw Abort(.conflict, reason: "Kode kompetensi \(input.code) sudah ada.")
        }
        let c = Competency()
        c.id = UUID()
        c.instansiID = actor.instansiID!
        c.isNational = false
        c.createdAt = now
        return try await db.transaction { db in
            try await write(input, to: c, at: now, on: db)
            try await AuditLog.record(
                .create, entity: "competency", id: c.id, summary: "Membuat kompetensi teknis \(c.code) \(c.name)",
                before: Optional<CompetencySnapshot>.none, after: snapshot(c, input.levels),
                actor: actor, instansiID: c.instansiID, at: now, on: db)
            return c
        }
    }

    static func update(_ id: UUID, _ input: CompetencyInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Competency
    {
        let c = try await find(id, actor, .write, on: db)
        guard !c.isNational else {
            throw Abort(.forbidden, reason: "Kompetensi nasional (PermenPANRB 38/2017) tidak dapat diubah.")
        }
        try validate(input)
        if input.code != c.code,
            try await Competency.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0
        {
            throw Abort(.conflict, reason: "Kode kompetensi \(input.code) sudah ada.")
        }
        let before = snapshot(
            c,
            (try await levels(of: [id], on: db))[id]?.sorted { $0.level < $1.level }
                .map { CompetencyLevelDTO(level: $0.level, description: $0.description, indicators: $0.indicators) }
                ?? [])
        return try await db.transaction { db in
            try await CompetencyLevel.query(on: db).filter(\.$competencyID == id).delete()
            try await write(input, to: c, at: now, on: db)
            try await AuditLog.record(
                .update, entity: "competency", id: c.id, summary: "Mengubah kompetensi \(c.code) \(c.name)",
                before: before, after: snapshot(c, input.levels), actor: actor, instansiID: c.instansiID, at: now,
                on: db)
            return c
        }
    }

    /// Retires (or reinstates) a competency; deletes it only when nothing refers to it.
    static func retire(_ id: UUID, retired: Bool, actor: Principal, at now: Date, on db: any Database) async throws
        -> Competency
    {
        let c = try await find(id, actor, .write, on: db)
        c.retiredAt = retired ? now : nil
        c.updatedAt = now
        try await db.transaction { db in
            try await c.save(on: db)
            try await AuditLog.record(
                .update, entity: "competency", id: c.id,
                summary: (retired ? "Menonaktifkan" : "Mengaktifkan kembali") + " kompetensi \(c.code)",
                actor: actor, instansiID: c.instansiID, at: now, on: db)
        }
        return c
    }

    static func delete(_ id: UUID, actor: Principal, at now: Date, on db: any Database) async throws {
        let c = try await find(id, actor, .write, on: db)
        guard !c.isNational else { throw Abort(.forbidden, reason: "Kompetensi nasional tidak dapat dihapus.") }
        let inStandards = try await PositionStandard.query(on: db).filter(\.$competencyID == id).count()
        let inResults = try await AssessmentResult.query(on: db).filter(\.$competencyID == id).count()
        guard inStandards + inResults == 0 else {
            throw Abort(
                .conflict,
                reason:
                    "Kompetensi \(c.code) sudah dipakai (\(inStandards) standar jabatan, \(inResults) hasil penilaian); kompetensi yang dipakai hanya dapat dinonaktifkan."
            )
        }
        try await db.transaction { db in
            try await c.delete(on: db)
            try await AuditLog.record(
                .delete, entity: "competency", id: id, summary: "Menghapus kompetensi \(c.code) \(c.name)",
                actor: actor, instansiID: c.instansiID, at: now, on: db)
        }
    }

    private static func write(_ input: CompetencyInput, to c: Competency, at now: Date, on db: any Database)
        async throws
    {
        c.code = input.code
        c.name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        c.group = CompetencyGroup.teknis.rawValue
        c.definition = input.definition.trimmingCharacters(in: .whitespacesAndNewlines)
        c.field = input.field.flatMap { $0.isEmpty ? nil : $0 }
        c.updatedAt = now
        try await c.save(on: db)
        let levels = try input.levels.map { l -> CompetencyLevel in
            let m = CompetencyLevel()
            m.id = UUID()
            m.competencyID = try c.requireID()
            m.level = l.level
            m.description = l.description.trimmingCharacters(in: .whitespacesAndNewlines)
            m.indicators = l.indicators.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
            return m
        }
        try await levels.create(on: db)
    }

    static func validate(_ input: CompetencyInput) throws {
        var v = FieldValidator()
        v.require(
            input.code.range(of: "^[A-Z0-9.-]{2,24}$", options: .regularExpression) != nil, field: "code",
            "Kode 2–24 karakter: huruf besar, angka, titik atau tanda hubung (mis. T.ADMDUK).")
        v.require(
            input.name.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.count >= 3
                && input.name.unicodeScalars.count <= 200,
            field: "name", "Nama kompetensi 3–200 karakter.")
        v.require(
            input.group == CompetencyGroup.teknis.rawValue, field: "group",
            "Hanya kompetensi teknis yang dapat ditambahkan; kompetensi manajerial dan sosial kultural mengikuti PermenPANRB 38/2017."
        )
        v.require(
            !input.definition.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, field: "definition",
            "Definisi wajib diisi.")
        v.require(
            input.levels.map(\.level).sorted() == [1, 2, 3, 4, 5], field: "levels", "Isi tepat lima level, 1 sampai 5.")
        for (i, level) in input.levels.enumerated()
        where level.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            v.add(field: "levels.\(i).description", "Deskripsi level \(level.level) wajib diisi.")
        }
        try v.check()
    }

    static func snapshot(_ c: Competency, _ levels: [CompetencyLevelDTO]) -> CompetencySnapshot {
        CompetencySnapshot(
            code: c.code, name: c.name, group: c.group, definition: c.definition, retired: c.retiredAt != nil,
            levels: levels)
    }
}
