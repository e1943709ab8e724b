import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Counter kiosks: a tablet at the counter that many residents use one after another. BKPPD or
/// the OPD's operator registers it for a unit and gets its key once; the kiosk sends each survey
/// with the key in `X-Kiosk-Key`. Its responses count as channel `kios` and are not flagged for
/// coming from one sender (they all do). Only a SHA-256 of the key is stored.
enum SurveyKiosks {
    static let header = "X-Kiosk-Key"

    struct DTO: Content {
        let id: UUID
        let unitId: UUID
        let name: String
        let createdAt: Date
        let revokedAt: Date?
        let active: Bool
        init(_ k: SurveyKiosk) {
            id = k.id!
            unitId = k.unitID
            name = k.name
            createdAt = k.createdAt
            revokedAt = k.revokedAt
            active = k.revokedAt == nil
        }
    }
    /// The answer to a registration: the only time the key is shown.
    struct Registered: Content {
        let kiosk: DTO
        let key: String
    }
    struct Input: Content {
        var unitId: UUID?
        var name: String?
    }

    /// 32 random bytes, URL-safe: long enough that guessing is hopeless.
    static func newKey() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        return "kios_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ key: String) -> String {
        Hex.lower(SHA256.hash(data: Data(key.utf8)))
    }

    /// The kiosks the actor may see: the instansi's for BKPPD, their OPD's for an operator.
    static func list(for actor: Principal, on db: any Database) async throws -> [(SurveyKiosk, Unit)] {
        let opd: UUID?
        switch AccessPolicy.serviceScope(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(let scope): opd = scope
        }
        guard let instansiID = actor.instansiID else { return [] }
        let kiosks = try await SurveyKiosk.query(on: db).filter(\.$instansiID == instansiID).sort(
            \.$createdAt, .descending
        ).all()
        let units = Dictionary(
            try await Unit.query(on: db).filter(\.$id ~~ Set(kiosks.map(\.unitID))).all().map {
                try ($0.requireID(), $0)
            }, uniquingKeysWith: { a, _ in a })
        return kiosks.compactMap { k in
            guard let u = units[k.unitID], opd == nil || u.opdID == opd else { return nil }
            return (k, u)
        }
    }

    static func register(_ input: Input?, actor: Principal, at now: Date, on db: any Database) async throws
        -> Registered
    {
        // Who may is decided on the unit before anything else is checked.
        guard let unitID = input?.unitId else {
            if case .failure(let denied) = AccessPolicy.serviceScope(actor) {
                throw Abort(.forbidden, reason: denied.reason)
            }
            throw ValidationFailure(errors: [.init(field: "unitId", message: "Pilih unit tempat kios dipasang.")])
        }
        let unit = try await UnitService.find(unitID, for: actor, .read, on: db)
        try AccessPolicy.manageKiosks(actor, Placement(instansiID: unit.instansiID, opdID: unit.opdID)).require()
        let name = (input?.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var v = FieldValidator()
        v.require(
            !name.isEmpty && name.count <= 100, field: "name",
            "Nama kios wajib diisi, paling panjang 100 karakter (mis. \"Kios loket 1\").")
        v.require(
            !name.unicodeScalars.contains { $0.properties.generalCategory == .control }, field: "name",
            "Nama kios tidak boleh berisi karakter kendali.")
        try v.check()
        let key = newKey()
        let k = SurveyKiosk()
        k.id = UUID()
        k.instansiID = unit.instansiID
        k.unitID = try unit.requireID()
        k.name = name
        k.keyHash = hash(key)
        k.createdAt = now
        k.createdBy = actor.userID
        try await db.transaction { db in
            try await k.create(on: db)
            try await AuditLog.record(
                .create, entity: "survey_kiosk", id: k.id,
                summary: "Mendaftarkan kios survei \"\(name)\" untuk \(unit.name)",
                before: Optional<DTO>.none, after: DTO(k), actor: actor, instansiID: unit.instansiID, at: now, on: db)
        }
        return Registered(kiosk: DTO(k), key: key)
    }

    /// Revoking is final and happens once: the condition is in the UPDATE, a second one is a 409.
    static func revoke(_ id: UUID?, actor: Principal, at now: Date, on db: any Database) async throws -> SurveyKiosk {
        let k = try await SurveyKiosk.findScoped(id, actor, on: db, what: "Kios")
        guard let unit = try await Unit.find(k.unitID, on: db) else {
            throw Abort(.notFound, reason: "Unit kios tidak ditemukan.")
        }
        try AccessPolicy.manageKiosks(actor, Placement(instansiID: unit.instansiID, opdID: unit.opdID)).require()
        return try await db.transaction { db in
            let changed = try await db.sql.update(SurveyKiosk.schema)
                .set("revoked_at", to: SQLBind(now)).set("revoked_by", to: SQLBind(actor.userID))
                .where("id", .equal, SQLBind(k.requireID())).where("revoked_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !changed.isEmpty else { throw Abort(.conflict, reason: "Kios ini sudah dicabut.") }
            let before = DTO(k)
            k.revokedAt = now
            k.revokedBy = actor.userID
            try await AuditLog.record(
                .update, entity: "survey_kiosk", id: k.id, summary: "Mencabut kios survei \"\(k.name)\" (\(unit.name))",
                before: before, after: DTO(k), actor: actor, instansiID: k.instansiID, at: now, on: db)
            return k
        }
    }

    /// The kiosk that sent this request, nil when no key was sent. An unknown key is a 401, a
    /// revoked one or one for another unit's service a 403: the response is not stored.
    static func authenticate(_ req: Request, service: PublicService) async throws -> SurveyKiosk? {
        guard let key = req.headers.first(name: header) else { return nil }
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200,
            let k = try await SurveyKiosk.query(on: req.db).filter(\.$keyHash == hash(trimmed)).first()
        else {
            throw Abort(.unauthorized, reason: "Kunci kios tidak dikenal.")
        }
        guard k.revokedAt == nil else { throw Abort(.forbidden, reason: "Kunci kios ini sudah dicabut.") }
        if k.unitID != service.unitID {
            // A kiosk registered for an OPD serves every unit of it.
            let unit = try await Unit.find(service.unitID, on: req.db)
            guard k.instansiID == service.instansiID, unit?.opdID == k.unitID else {
                throw Abort(.forbidden, reason: "Kios ini tidak terdaftar untuk unit layanan ini.")
            }
        }
        return k
    }
}

extension SurveyKiosk: InstansiOwned {
    static var instansiKey: KeyPath<SurveyKiosk, FieldProperty<SurveyKiosk, UUID>> { \SurveyKiosk.$instansiID }
}
