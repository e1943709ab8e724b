import Fluent
import KompetenCore
import Vapor

/// Recording a provider's agreements (MoU / PKS) and their signed PDF (BKPPD).
enum AgreementService {
    /// The provider, once the actor may read (or write) its agreements: 404 for a provider out of
    /// reach, 403 from the agreement rule.
    static func provider(_ id: UUID?, _ actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Provider
    {
        let p = try await ProviderService.find(id, actor, on: db)
        try AccessPolicy.agreements(actor, action, providerID: try p.requireID()).require()
        return p
    }

    /// One agreement with its provider, once the actor may read (or write) that provider's
    /// agreements; a page URL also names the provider, and a mismatch is 404.
    static func find(
        _ agreementID: UUID?, of providerID: UUID? = nil, _ actor: Principal, _ action: AccessAction,
        on db: any Database
    ) async throws -> (Provider, ProviderAgreement) {
        let a = try await ProviderAgreement.findScoped(agreementID, actor, on: db, what: "Perjanjian")
        if let providerID, a.providerID != providerID {
            throw Abort(.notFound, reason: "Perjanjian tidak ditemukan.")
        }
        return (try await provider(a.providerID, actor, action, on: db), a)
    }

    static func create(
        providerID: UUID, _ input: AgreementInput, file: UploadedFile? = nil, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> ProviderAgreement {
        let p = try await provider(providerID, actor, .write, on: db)
        let input = try validate(input, file: file)
        try await refuseDuplicate(input.number, providerID: providerID, except: nil, actor, on: db)
        let a = ProviderAgreement()
        a.id = UUID()
        a.instansiID = p.instansiID
        a.providerID = providerID
        a.createdAt = now
        apply(input, to: a, at: now)
        return try await save(
            a, of: p, before: nil, file: file,
            summary: "Mencatat \(a.agreementKind.label) \(a.number) dengan \(p.name)",
            actor: actor, at: now, on: db)
    }

    static func update(
        providerID: UUID?, agreementID: UUID, _ input: AgreementInput, file: UploadedFile? = nil, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> ProviderAgreement {
        let (p, a) = try await find(agreementID, of: providerID, actor, .write, on: db)
        let input = try validate(input, file: file)
        try await refuseDuplicate(input.number, providerID: a.providerID, except: agreementID, actor, on: db)
        let before = AgreementAudit(a)
        apply(input, to: a, at: now)
        return try await save(
            a, of: p, before: before, file: file,
            summary: "Mengubah \(a.agreementKind.label) \(a.number) dengan \(p.name)", actor: actor, at: now, on: db)
    }

    /// Replaces the signed PDF (the API's upload; the form sends it with the other fields).
    static func attach(
        providerID: UUID?, agreementID: UUID, _ file: UploadedFile, actor: Principal, at now: Date,
        on db: any Database
    ) async throws -> ProviderAgreement {
        let (p, a) = try await find(agreementID, of: providerID, actor, .write, on: db)
        if let problem = AgreementDocument.problem(file.data) {
            throw ValidationFailure(errors: [.init(field: "file", message: problem)])
        }
        let before = AgreementAudit(a)
        a.updatedAt = now
        return try await save(
            a, of: p, before: before, file: file, summary: "Mengunggah naskah perjanjian \(a.number)", actor: actor,
            at: now, on: db)
    }

    /// Writes the agreement, its file (when one came) and the audit entry in one transaction;
    /// `before` nil = a new agreement.
    private static func save(
        _ a: ProviderAgreement, of p: Provider, before: AgreementAudit?, file: UploadedFile?, summary: String,
        actor: Principal, at now: Date, on db: any Database
    ) async throws -> ProviderAgreement {
        do {
            return try await db.transaction { db in
                if let file { a.fileID = try await store(file, instansiID: p.instansiID, at: now, on: db) }
                if before == nil { try await a.create(on: db) } else { try await a.save(on: db) }
                try await AuditLog.record(
                    before == nil ? .create : .update, entity: "provider_agreement", id: a.id, summary: summary,
                    before: before, after: AgreementAudit(a), actor: actor, instansiID: a.instansiID, at: now, on: db)
                return a
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two saves of one number at once: the unique index keeps the first.
            throw Abort(.conflict, reason: "Nomor perjanjian \(a.number) sudah tercatat untuk lembaga ini.")
        }
    }

    /// Deletes the agreement; a second concurrent delete finds nothing to delete and gets 404.
    static func delete(providerID: UUID?, agreementID: UUID, actor: Principal, at now: Date, on db: any Database)
        async throws
    {
        let (p, a) = try await find(agreementID, of: providerID, actor, .write, on: db)
        try await db.transaction { db in
            let deleted = try await AgreementQueries.deleteOnce(agreementID, on: db)
            guard deleted else { throw Abort(.notFound, reason: "Perjanjian tidak ditemukan.") }
            try await AuditLog.record(
                .delete, entity: "provider_agreement", id: a.id,
                summary: "Menghapus \(a.agreementKind.label) \(a.number) dengan \(p.name)",
                before: AgreementAudit(a), after: Optional<AgreementAudit>.none, actor: actor,
                instansiID: a.instansiID, at: now, on: db)
        }
    }

    /// The signed PDF, for whoever may read the provider's agreements.
    static func file(providerID: UUID?, agreementID: UUID, actor: Principal, on db: any Database) async throws
        -> (ProviderAgreement, EvidenceFile)
    {
        let (_, a) = try await find(agreementID, of: providerID, actor, .read, on: db)
        guard let id = a.fileID, let file = try await AgreementQueries.file(id, instansiID: a.instansiID, on: db)
        else { throw Abort(.notFound, reason: "Naskah perjanjian belum diunggah.") }
        return (a, file)
    }

    struct UploadedFile: Sendable {
        let filename: String
        let data: Data
    }

    private static func store(_ file: UploadedFile, instansiID: UUID, at now: Date, on db: any Database)
        async throws -> UUID
    {
        // Always stored as application/pdf: the bytes were checked, the sender's type was not.
        try await EvidenceFile.store(
            filename: file.filename, contentType: "application/pdf", data: file.data, instansiID: instansiID,
            at: now, on: db)
    }

    private static func refuseDuplicate(
        _ number: String, providerID: UUID, except: UUID?, _ actor: Principal, on db: any Database
    ) async throws {
        if try await AgreementQueries.numberTaken(number, providerID: providerID, except: except, actor, on: db) {
            throw Abort(.conflict, reason: "Nomor perjanjian \(number) sudah tercatat untuk lembaga ini.")
        }
    }

    private static func apply(_ input: AgreementInput, to a: ProviderAgreement, at now: Date) {
        a.kind = input.kind ?? AgreementKind.pks.rawValue
        a.number = input.number
        a.title = input.title ?? ""
        a.scope = input.scope
        a.startDate = input.startDate
        a.endDate = input.endDate
        a.signatories = input.signatories ?? ""
        a.updatedAt = now
    }

    /// Trims and checks the input; the returned input is what gets stored.
    static func validate(_ raw: AgreementInput, file: UploadedFile? = nil) throws -> AgreementInput {
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var input = raw
        input.kind = clean(raw.kind).isEmpty ? AgreementKind.pks.rawValue : clean(raw.kind).lowercased()
        input.number = clean(raw.number)
        input.title = clean(raw.title)
        input.scope = clean(raw.scope)
        input.startDate = clean(raw.startDate)
        input.endDate = clean(raw.endDate)
        input.signatories = clean(raw.signatories)
        var v = FieldValidator()
        v.require(AgreementKind(rawValue: input.kind!) != nil, field: "kind", "Jenis perjanjian harus mou atau pks.")
        v.require(!input.number.isEmpty, field: "number", "Isi nomor perjanjian.")
        v.require(
            TextRules.fits(input.number, 0...100), field: "number", "Nomor perjanjian paling panjang 100 karakter.")
        v.require(TextRules.fits(input.title!, 0...300), field: "title", "Judul paling panjang 300 karakter.")
        v.require(!input.scope.isEmpty, field: "scope", "Isi ruang lingkup kerja sama.")
        v.require(TextRules.fits(input.scope, 0...4000), field: "scope", "Ruang lingkup paling panjang 4.000 karakter.")
        v.require(
            TextRules.fits(input.signatories!, 0...1000), field: "signatories",
            "Para penanda tangan paling panjang 1.000 karakter.")
        let start = SimpleDate(iso: input.startDate)
        let end = SimpleDate(iso: input.endDate)
        if start == nil { v.add(field: "startDate", "Tanggal mulai harus yyyy-mm-dd.") }
        if end == nil { v.add(field: "endDate", "Tanggal berakhir harus yyyy-mm-dd.") }
        if let start, let end {
            v.require(start <= end, field: "endDate", "Tanggal berakhir tidak boleh sebelum tanggal mulai.")
            v.require(
                (2000...2100).contains(start.year) && (2000...2100).contains(end.year), field: "startDate",
                "Tahun di luar rentang 2000–2100.")
        }
        if let file, let problem = AgreementDocument.problem(file.data) { v.add(field: "file", problem) }
        try v.check()
        return input
    }
}
