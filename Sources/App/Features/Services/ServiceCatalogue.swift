import Fluent
import Foundation
import KompetenCore
import Vapor

/// Creating, changing and finding services with the access check, validation and audit entry
/// in one transaction, shared by the web pages and the API.
enum ServiceCatalogue {
    static func placement(_ service: PublicService, unit: Unit) -> Placement {
        Placement(instansiID: service.instansiID, opdID: unit.opdID)
    }

    /// The service and its unit, or 404 (another instansi) / 403 (another OPD for an operator).
    static func find(_ id: UUID?, for actor: Principal, _ action: AccessAction, on db: any Database) async throws -> (
        PublicService, Unit
    ) {
        let service = try await PublicService.findScoped(id, actor, on: db, what: "Layanan")
        guard let unit = try await Unit.find(service.unitID, on: db) else {
            throw Abort(.notFound, reason: "Unit layanan tidak ditemukan.")
        }
        switch action {
        case .write: try AccessPolicy.manageService(actor, placement(service, unit: unit)).require()
        case .read:
            switch AccessPolicy.serviceScope(actor) {
            case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
            case .success(let opd):
                if let opd, opd != unit.opdID { throw Abort(.forbidden, reason: AccessPolicy.otherOPD) }
            }
        }
        return (service, unit)
    }

    static func positionIDs(_ serviceID: UUID, on db: any Database) async throws -> [UUID] {
        try await ServicePosition.query(on: db).filter(\.$serviceID == serviceID).all(\.$positionID)
    }

    static func create(_ input: ServiceInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> PublicService
    {
        try input.validate()
        return try await db.transaction { db in
            let unit = try await UnitService.find(input.unitId, for: actor, .read, on: db)
            let s = PublicService()
            s.id = UUID()
            s.instansiID = unit.instansiID
            s.createdAt = now
            s.isActive = true
            try AccessPolicy.manageService(actor, Placement(instansiID: unit.instansiID, opdID: unit.opdID)).require()
            try await apply(input, to: s, unit: unit, on: db)
            // Validated above; the first row of its standard history starts today.
            let standard = input.standard!
            let text = (input.standardText ?? "").trimmingCharacters(in: .whitespaces)
            s.standardMinutes = standard.minutes
            s.standardText = text.isEmpty ? standard.label : text
            s.shortCode = try await freeShortCode(for: s.code, on: db)
            s.updatedAt = now
            try await s.create(on: db)
            try await ServiceStandards.firstRow(for: s, standard: standard, text: text, at: now, by: actor.userID)
                .create(on: db)
            try await ServiceStandardDocuments.createFirst(s, at: now, by: actor.userID, on: db)
            try await setPositions(input.positionIds ?? [], service: s, unit: unit, on: db)
            try await AuditLog.record(
                .create, entity: "service", id: s.id, summary: "Membuat layanan \(s.code) \(s.name)",
                before: Optional<ServiceSnapshot>.none,
                after: ServiceSnapshot(s, positionIDs: try await positionIDs(s.requireID(), on: db)), actor: actor,
                instansiID: s.instansiID, at: now, on: db)
            return s
        }
    }

    /// Changes everything but the standard, which keeps its dated history (`ServiceStandards.set`).
    static func update(_ id: UUID, _ input: ServiceInput, actor: Principal, at now: Date, on db: any Database)
        async throws -> PublicService
    {
        try input.validate(creating: false)
        return try await db.transaction { db in
            let (s, _) = try await find(id, for: actor, .write, on: db)
            let before = ServiceSnapshot(s, positionIDs: try await positionIDs(s.requireID(), on: db))
            let unit = try await UnitService.find(input.unitId, for: actor, .read, on: db)
            try AccessPolicy.manageService(actor, Placement(instansiID: unit.instansiID, opdID: unit.opdID)).require()
            try await apply(input, to: s, unit: unit, on: db)
            if let active = input.active { s.isActive = active }
            s.updatedAt = now
            try await s.save(on: db)
            if let positions = input.positionIds { try await setPositions(positions, service: s, unit: unit, on: db) }
            // Responses carry the unit for fast unit IKM: a service moved keeps its history with it.
            if before.unitID != s.unitID {
                try await SurveyResponse.query(on: db).filter(\.$serviceID == s.requireID()).set(
                    \.$unitID, to: s.unitID
                ).update()
            }
            try await AuditLog.record(
                .update, entity: "service", id: s.id, summary: "Mengubah layanan \(s.code) \(s.name)",
                before: before, after: ServiceSnapshot(s, positionIDs: try await positionIDs(s.requireID(), on: db)),
                actor: actor, instansiID: s.instansiID, at: now, on: db)
            return s
        }
    }

    private static func apply(_ input: ServiceInput, to s: PublicService, unit: Unit, on db: any Database) async throws
    {
        let code = input.code.trimmingCharacters(in: .whitespaces).uppercased()
        if try await PublicService.query(on: db).filter(\.$instansiID == unit.instansiID).filter(\.$code == code)
            .filter(\.$id != s.id ?? UUID()).first() != nil
        {
            throw ValidationFailure(errors: [.init(field: "code", message: "Kode layanan \(code) sudah dipakai.")])
        }
        s.code = code
        s.unitID = try unit.requireID()
        s.name = input.name.trimmingCharacters(in: .whitespaces)
        // The standard is set at creation and then only through its history (`ServiceStandards.set`).
        s.fee = input.fee ?? 0
        s.requirements = (input.requirements ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }.joined(separator: "\n")
        s.legalBasis = (input.legalBasis ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The positions must belong to the service's unit or the units below it.
    private static func setPositions(_ ids: [UUID], service: PublicService, unit: Unit, on db: any Database)
        async throws
    {
        let wanted = Array(Set(ids))
        if !wanted.isEmpty {
            let tree = try await UnitQueries.tree(instansiID: unit.instansiID, on: db)
            let allowed = Set(tree.subtree(of: unit.opdID))
            let found = try await Position.query(on: db).filter(\.$instansiID == unit.instansiID).filter(
                \.$id ~~ wanted
            ).all()
            if found.count != wanted.count || found.contains(where: { !allowed.contains($0.unitID) }) {
                throw ValidationFailure(errors: [
                    .init(field: "positionIds", message: "Jabatan pelaksana harus jabatan di OPD layanan ini.")
                ])
            }
        }
        try await ServicePosition.query(on: db).filter(\.$serviceID == service.requireID()).delete()
        for id in wanted {
            try await ServicePosition(serviceID: try service.requireID(), positionID: id).create(on: db)
        }
    }

    /// The service code in lower case, or with a number appended when another instansi has it.
    static func freeShortCode(for code: String, on db: any Database) async throws -> String {
        let base = code.lowercased()
        var candidate = base
        var n = 2
        while try await PublicService.query(on: db).filter(\.$shortCode == candidate).first() != nil {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Services in the scope (nil = the whole instansi), by unit then code.
    static func list(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> [PublicService] {
        var q = PublicService.query(on: db).filter(\.$instansiID == instansiID)
        if let unitIDs { q = q.filter(\.$unitID ~~ unitIDs) }
        return try await q.sort(\.$code).all()
    }
}
