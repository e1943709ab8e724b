import Fluent
import KompetenCore
import Vapor

/// Registering and editing training institutions (BKPPD).
enum ProviderService {
    static func find(_ id: UUID?, _ actor: Principal, on db: any Database) async throws -> Provider {
        try AccessPolicy.providers(actor, .read).require()
        let p = try await Provider.findScoped(id, actor, on: db, what: "Lembaga pelatihan")
        // A provider login sees only its own institution.
        if !AccessPolicy.providerReach(actor).reaches(try p.requireID()) {
            throw Abort(.notFound, reason: "Lembaga pelatihan tidak ditemukan.")
        }
        return p
    }

    static func list(_ actor: Principal, on db: any Database) async throws -> [Provider] {
        try AccessPolicy.providers(actor, .read).require()
        var q = try Provider.scopedQuery(actor, on: db)
        if case .only(let own) = AccessPolicy.providerReach(actor) { q = q.filter(\.$id == (own ?? UUID())) }
        return try await q.sort(\.$name).all()
    }

    static func create(_ input: ProviderInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Provider
    {
        try AccessPolicy.providers(actor, .write).require()
        let input = try validate(input)
        if try await Provider.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0 {
            throw Abort(.conflict, reason: "Kode lembaga \(input.code) sudah ada.")
        }
        let p = Provider()
        p.id = UUID()
        p.instansiID = actor.instansiID!
        p.createdAt = now
        apply(input, to: p, at: now)
        return try await db.transaction { db in
            try await p.create(on: db)
            try await AuditLog.record(
                .create, entity: "provider", id: p.id, summary: "Mendaftarkan lembaga pelatihan \(p.code) \(p.name)",
                before: Optional<ProviderDTO>.none, after: ProviderDTO(p), actor: actor, instansiID: p.instansiID,
                at: now, on: db)
            return p
        }
    }

    static func update(_ id: UUID, _ input: ProviderInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> Provider
    {
        try AccessPolicy.providers(actor, .write).require()
        let p = try await find(id, actor, on: db)
        let input = try validate(input)
        if input.code != p.code, try await Provider.scopedQuery(actor, on: db).filter(\.$code == input.code).count() > 0
        {
            throw Abort(.conflict, reason: "Kode lembaga \(input.code) sudah ada.")
        }
        let before = ProviderDTO(p)
        apply(input, to: p, at: now)
        return try await db.transaction { db in
            try await p.save(on: db)
            try await AuditLog.record(
                .update, entity: "provider", id: p.id, summary: "Mengubah lembaga pelatihan \(p.code) \(p.name)",
                before: before, after: ProviderDTO(p), actor: actor, instansiID: p.instansiID, at: now, on: db)
            return p
        }
    }

    private static func apply(_ input: ProviderInput, to p: Provider, at now: Date) {
        p.code = input.code
        p.name = input.name
        p.kind = input.kind
        p.accreditation = input.accreditation ?? Accreditation.belum.rawValue
        p.contactName = input.contactName ?? ""
        p.phone = input.phone ?? ""
        p.email = input.email ?? ""
        p.address = input.address ?? ""
        p.isActive = input.active ?? true
        p.updatedAt = now
    }

    /// Trims the text fields and checks them; the returned input is what gets stored.
    static func validate(_ raw: ProviderInput) throws -> ProviderInput {
        var input = raw
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        input.code = clean(raw.code).uppercased()
        input.name = clean(raw.name)
        input.contactName = clean(raw.contactName)
        input.phone = clean(raw.phone)
        input.email = clean(raw.email)
        input.address = clean(raw.address)
        input.accreditation = clean(raw.accreditation).isEmpty ? Accreditation.belum.rawValue : clean(raw.accreditation)
        var v = FieldValidator()
        v.require(
            TextRules.isCode(input.code), field: "code", "Kode 2–30 karakter: huruf, angka, titik atau tanda hubung.")
        v.require(TextRules.fits(input.name, 2...200), field: "name", "Nama lembaga 2–200 karakter.")
        v.require(
            ProviderKind(rawValue: input.kind) != nil, field: "kind",
            "Jenis lembaga harus salah satu dari: " + ProviderKind.allCases.map(\.rawValue).joined(separator: ", ")
                + ".")
        v.require(
            Accreditation(rawValue: input.accreditation!) != nil, field: "accreditation",
            "Akreditasi harus A, B, C atau belum.")
        v.require(
            TextRules.fits(input.contactName!, 0...200), field: "contactName",
            "Nama narahubung paling panjang 200 karakter.")
        v.require(TextRules.fits(input.phone!, 0...40), field: "phone", "Nomor telepon paling panjang 40 karakter.")
        v.require(input.email!.isEmpty || TextRules.isEmail(input.email!), field: "email", "Alamat email tidak valid.")
        v.require(TextRules.fits(input.address!, 0...500), field: "address", "Alamat paling panjang 500 karakter.")
        try v.check()
        return input
    }
}

/// Small text checks shared by the development forms.
enum TextRules {
    static func fits(_ s: String, _ range: ClosedRange<Int>) -> Bool { range.contains(s.unicodeScalars.count) }

    static func isCode(_ s: String) -> Bool {
        (2...30).contains(s.count)
            && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
    }

    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return s.count <= 200 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(" ")
    }
}
