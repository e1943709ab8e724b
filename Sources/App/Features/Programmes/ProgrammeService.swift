import Fluent
import KompetenCore
import Vapor

/// The catalogue: programmes with the competencies they raise, and their batches.
enum ProgrammeService {
    static let maxCost = 1_000_000_000
    static let maxJP = 2_000

    static func find(_ id: UUID?, _ actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Programme
    {
        let p = try await Programme.findScoped(id, actor, on: db, what: "Program")
        // A provider does not learn that other providers' programmes exist.
        if !AccessPolicy.providerReach(actor).reaches(p.providerID) {
            throw Abort(.notFound, reason: "Program tidak ditemukan.")
        }
        try AccessPolicy.programme(actor, action, providerID: p.providerID).require()
        return p
    }

    /// Competencies raised per programme, with their codes: one read for any number of programmes.
    static func raises(of ids: [UUID], on db: any Database) async throws -> [UUID: [RaiseDTO]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await ProgrammeCompetency.query(on: db).filter(\.$programmeID ~~ ids).all()
        let codes = try await PositionService.codesByID(Set(rows.map(\.competencyID)), on: db)
        var result: [UUID: [RaiseDTO]] = [:]
        for r in rows {
            result[r.programmeID, default: []].append(
                RaiseDTO(competencyCode: codes[r.competencyID] ?? "?", levelGain: r.levelGain))
        }
        return result.mapValues {
            $0.sorted { $0.competencyCode.localizedStandardCompare($1.competencyCode) == .orderedAscending }
        }
    }

    static func dtos(_ list: [Programme], on db: any Database) async throws -> [ProgrammeDTO] {
        let raises = try await raises(of: list.map { try $0.requireID() }, on: db)
        return try list.map { try ProgrammeDTO($0, raises: raises[$0.requireID()] ?? []) }
    }

    static func create(_ input: ProgrammeInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Programme
    {
        let provider = try await Provider.findScoped(input.providerId, actor, on: db, what: "Lembaga pelatihan")
        try AccessPolicy.createProgramme(actor, providerID: provider.requireID()).require()
        let (input, byCode) = try await validate(input, actor: actor, on: db)
        if try await Programme.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0 {
            throw Abort(.conflict, reason: "Kode program \(input.code) sudah ada.")
        }
        let p = Programme()
        p.id = UUID()
        p.instansiID = actor.instansiID!
        p.createdAt = now
        return try await db.transaction { db in
            try await write(input, byCode: byCode, to: p, isNew: true, at: now, on: db)
            try await AuditLog.record(
                .create, entity: "program", id: p.id, summary: "Menambahkan program \(p.code) \(p.title)",
                before: Optional<ProgrammeDTO>.none, after: ProgrammeDTO(p, raises: input.competencies),
                actor: actor, instansiID: p.instansiID, at: now, on: db)
            return p
        }
    }

    static func update(_ id: UUID, _ input: ProgrammeInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Programme
    {
        let p = try await find(id, actor, .write, on: db)
        // A provider may not hand its programme to another institution.
        if input.providerId != p.providerID {
            let target = try await Provider.findScoped(input.providerId, actor, on: db, what: "Lembaga pelatihan")
            try AccessPolicy.createProgramme(actor, providerID: target.requireID()).require()
        }
        // An update that leaves the accreditation out keeps it (a client older than the field).
        var sent = input
        if sent.lanAccreditation == nil {
            sent.lanAccreditation = p.lanAccreditation
            sent.lanAccreditationNumber = p.lanAccreditationNumber
            sent.lanAccreditationUntil = p.lanAccreditationUntil
        }
        let (input, byCode) = try await validate(sent, actor: actor, on: db)
        if input.code != p.code,
            try await Programme.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0
        {
            throw Abort(.conflict, reason: "Kode program \(input.code) sudah ada.")
        }
        let before = try await dtos([p], on: db)[0]
        return try await db.transaction { db in
            try await ProgrammeCompetency.query(on: db).filter(\.$programmeID == id).delete()
            try await write(input, byCode: byCode, to: p, isNew: false, at: now, on: db)
            try await AuditLog.record(
                .update, entity: "program", id: p.id, summary: "Mengubah program \(p.code) \(p.title)",
                before: before, after: ProgrammeDTO(p, raises: input.competencies),
                actor: actor, instansiID: p.instansiID, at: now, on: db)
            return p
        }
    }

    private static func write(
        _ input: ProgrammeInput, byCode: [String: UUID], to p: Programme, isNew: Bool, at now: Date, on db: any Database
    ) async throws {
        p.providerID = input.providerId
        p.code = input.code
        p.title = input.title
        p.form = input.form
        p.path = input.path
        p.jp = input.jp
        p.costPerParticipant = input.costPerParticipant
        p.capacity = input.capacity
        p.description = input.description ?? ""
        p.isActive = input.active ?? true
        p.updatedAt = now
        p.minimumAttendance = input.minimumAttendance ?? CompletionRule.defaultMinimumAttendance
        p.mandatoryKind = input.mandatoryKind
        p.lanAccreditation = input.lanAccreditation ?? Accreditation.belum.rawValue
        p.lanAccreditationNumber = input.lanAccreditationNumber ?? ""
        p.lanAccreditationUntil = input.lanAccreditationUntil
        if isNew { try await p.create(on: db) } else { try await p.save(on: db) }
        try await input.competencies.map {
            try ProgrammeCompetency(
                programmeID: p.requireID(), competencyID: byCode[$0.competencyCode]!, levelGain: $0.levelGain)
        }
        .create(on: db)
    }

    /// Trims and checks the input; returns it cleaned with the competency ids by code.
    static func validate(_ raw: ProgrammeInput, actor: Principal, on db: any Database) async throws -> (
        ProgrammeInput, [String: UUID]
    ) {
        var input = raw
        input.code = raw.code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        input.title = raw.title.trimmingCharacters(in: .whitespacesAndNewlines)
        input.description = (raw.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let path = (raw.path ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        input.path = path.isEmpty ? nil : path
        var v = FieldValidator()
        v.require(
            TextRules.isCode(input.code), field: "code", "Kode 2–30 karakter: huruf, angka, titik atau tanda hubung.")
        v.require(TextRules.fits(input.title, 3...300), field: "title", "Judul program 3–300 karakter.")
        v.require(
            TextRules.fits(input.description!, 0...4000), field: "description", "Uraian paling panjang 4.000 karakter.")
        if let form = DevelopmentForm(rawValue: input.form) {
            if !DevelopmentPath.isValid(form: form, path: input.path) {
                v.add(
                    field: "path",
                    form == .pendidikan
                        ? "Bentuk pendidikan tidak memakai jalur."
                        : "Jalur harus salah satu kode \(form == .klasikal ? "KL01–KL12" : "NKL01–NKL13") (PerLAN 10/2018)."
                )
            }
        } else {
            v.add(field: "form", "Bentuk harus pendidikan, klasikal atau nonklasikal.")
        }
        v.require(
            (1...maxJP).contains(input.jp), field: "jp", "JP 1–\(IndonesianFormat.integer(maxJP)) (1 JP = 45 menit).")
        v.require(
            (0...maxCost).contains(input.costPerParticipant), field: "costPerParticipant",
            "Biaya per peserta Rp 0 – Rp 1.000.000.000.")
        v.require((1...10_000).contains(input.capacity), field: "capacity", "Kapasitas per angkatan 1–10.000 peserta.")
        let mandatory = (raw.mandatoryKind ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        input.mandatoryKind = mandatory.isEmpty ? nil : mandatory
        if let kind = input.mandatoryKind, MandatoryKind(rawValue: kind) == nil {
            v.add(field: "mandatoryKind", "Pelatihan wajib harus latsar, pkp, pka atau pkn2 (atau kosong).")
        }
        if let m = input.minimumAttendance {
            v.require(CompletionRule.isValidMinimum(m), field: "minimumAttendance", "Kehadiran minimum 1–100 %.")
        }
        validateAccreditation(&input, &v)
        v.require(
            !input.competencies.isEmpty, field: "competencies", "Sebutkan minimal satu kompetensi yang ditingkatkan.")
        let competencies = try await Competency.scopedQuery(actor, on: db).filter(\.$retiredAt == nil).all()
        let byCode = try Dictionary(uniqueKeysWithValues: competencies.map { try ($0.code, $0.requireID()) })
        var seen = Set<String>()
        for (i, r) in input.competencies.enumerated() {
            if byCode[r.competencyCode] == nil {
                v.add(
                    field: "competencies.\(i).competencyCode",
                    "Kompetensi \(r.competencyCode) tidak ada di kamus (atau nonaktif).")
            }
            if !(1...4).contains(r.levelGain) { v.add(field: "competencies.\(i).levelGain", "Kenaikan level 1–4.") }
            if !seen.insert(r.competencyCode).inserted {
                v.add(field: "competencies.\(i).competencyCode", "Kompetensi \(r.competencyCode) disebut dua kali.")
            }
        }
        try v.check()
        return (input, byCode)
    }

    /// LAN's programme accreditation: a grade with its certificate number and expiry, or none
    /// (then number and expiry are cleared).
    private static func validateAccreditation(_ input: inout ProgrammeInput, _ v: inout FieldValidator) {
        let raw = (input.lanAccreditation ?? "").trimmingCharacters(in: .whitespaces)
        let grade = raw.isEmpty ? Accreditation.belum : Accreditation(rawValue: raw.count == 1 ? raw.uppercased() : raw)
        guard let grade else {
            v.add(field: "lanAccreditation", "Akreditasi program harus A, B, C atau belum.")
            return
        }
        input.lanAccreditation = grade.rawValue
        let number = (input.lanAccreditationNumber ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let until = (input.lanAccreditationUntil ?? "").trimmingCharacters(in: .whitespaces)
        guard grade != .belum else {
            input.lanAccreditationNumber = ""
            input.lanAccreditationUntil = nil
            return
        }
        input.lanAccreditationNumber = number
        input.lanAccreditationUntil = until
        v.require(
            TextRules.fits(number, 1...100), field: "lanAccreditationNumber",
            "Isi nomor sertifikat akreditasi program (paling panjang 100 karakter).")
        v.require(
            SimpleDate(iso: until) != nil, field: "lanAccreditationUntil",
            "Isi tanggal akhir masa berlaku akreditasi (yyyy-mm-dd).")
    }

    // MARK: Batches

    static func createBatch(programmeID: UUID, _ input: BatchInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Batch
    {
        let p = try await find(programmeID, actor, .write, on: db)
        var v = FieldValidator()
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let place = (input.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let start = SimpleDate(iso: input.startDate)
        let end = SimpleDate(iso: input.endDate)
        v.require(TextRules.fits(name, 2...120), field: "name", "Nama angkatan 2–120 karakter (mis. Angkatan I 2026).")
        if start == nil { v.add(field: "startDate", "Tanggal mulai harus yyyy-mm-dd.") }
        if end == nil { v.add(field: "endDate", "Tanggal selesai harus yyyy-mm-dd.") }
        if let start, let end {
            v.require(start <= end, field: "endDate", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
            v.require(
                (2000...2100).contains(start.year) && (2000...2100).contains(end.year), field: "startDate",
                "Tahun di luar rentang 2000–2100.")
        }
        let capacity = input.capacity ?? p.capacity
        v.require((1...10_000).contains(capacity), field: "capacity", "Kapasitas angkatan 1–10.000 peserta.")
        v.require(input.online == true || !place.isEmpty, field: "place", "Isi tempat pelaksanaan, atau tandai daring.")
        v.require(TextRules.fits(place, 0...300), field: "place", "Tempat paling panjang 300 karakter.")
        try v.check()
        let b = Batch()
        b.id = UUID()
        b.instansiID = p.instansiID
        b.programmeID = try p.requireID()
        b.name = name
        b.startDate = start!.iso
        b.endDate = end!.iso
        b.capacity = capacity
        b.place = place.isEmpty ? "Daring" : place
        b.isOnline = input.online ?? false
        b.seatsTaken = 0
        b.createdAt = now
        return try await db.transaction { db in
            try await b.create(on: db)
            try await AuditLog.record(
                .create, entity: "batch", id: b.id,
                summary: "Menjadwalkan \(b.name) program \(p.code) (\(b.startDate) s.d. \(b.endDate))",
                before: Optional<BatchDTO>.none, after: BatchDTO(b), actor: actor, instansiID: b.instansiID, at: now,
                on: db)
            return b
        }
    }

    /// The batch with its programme, readable by this actor.
    static func findBatch(_ id: UUID?, _ actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> (Batch, Programme)
    {
        let b = try await Batch.findScoped(id, actor, on: db, what: "Angkatan")
        let p = try await find(b.programmeID, actor, action, on: db)
        return (b, p)
    }
}
