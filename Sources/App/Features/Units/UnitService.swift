import Fluent
import KompetenCore
import Vapor

/// Creating, changing and deleting units, shared by the web pages and the API:
/// access check, validation, tree upkeep and the audit entry, in one transaction.
enum UnitService {
    static func placement(_ unit: Unit) -> Placement { Placement(instansiID: unit.instansiID, opdID: unit.opdID) }

    static func find(_ id: UUID?, for actor: Principal, _ action: AccessAction, on db: any Database) async throws
        -> Unit
    {
        let unit = try await Unit.findScoped(id, actor, on: db, what: "Unit")
        try AccessPolicy.unit(actor, action, placement(unit), isTopLevel: unit.parentID == nil).require()
        return unit
    }

    static func create(_ input: UnitInput, actor: Principal, at now: Date, on db: any Database) async throws -> Unit {
        try await db.transaction { db in
            let parent = try await loadParent(input.parentId, actor: actor, on: db)
            try AccessPolicy.createUnit(actor, under: parent.map(placement)).require()
            let unit = Unit()
            unit.id = UUID()
            unit.instansiID = actor.instansiID!
            try await apply(input, to: unit, parent: parent, actor: actor, on: db)
            unit.createdAt = now
            unit.updatedAt = now
            try await unit.create(on: db)
            try await AuditLog.record(
                .create, entity: "unit", id: unit.id, summary: "Membuat unit \(unit.code) \(unit.name)",
                before: Optional<UnitSnapshot>.none, after: UnitSnapshot(unit),
                actor: actor, instansiID: unit.instansiID, at: now, on: db)
            return unit
        }
    }

    static func update(_ id: UUID, _ input: UnitInput, actor: Principal, at now: Date, on db: any Database) async throws
        -> Unit
    {
        try await db.transaction { db in
            let unit = try await find(id, for: actor, .write, on: db)
            let before = UnitSnapshot(unit)
            let parent = try await loadParent(input.parentId, actor: actor, on: db)
            if input.parentId != unit.parentID {
                try AccessPolicy.createUnit(actor, under: parent.map(placement)).require()
                let tree = try await UnitQueries.tree(instansiID: unit.instansiID, on: db)
                if tree.wouldCreateCycle(moving: id, under: input.parentId) {
                    throw ValidationFailure(errors: [
                        .init(
                            field: "parentId",
                            message: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.")
                    ])
                }
            }
            let oldOPD = unit.opdID
            try await apply(input, to: unit, parent: parent, actor: actor, on: db)
            unit.updatedAt = now
            try await unit.save(on: db)
            if unit.opdID != oldOPD {
                // Moved under another OPD: the whole subtree now belongs to it.
                let tree = try await UnitQueries.tree(instansiID: unit.instansiID, on: db)
                let subtree = tree.subtree(of: id)
                try await Unit.query(on: db).filter(\.$id ~~ subtree).set(\.$opdID, to: unit.opdID).update()
            }
            try await AuditLog.record(
                .update, entity: "unit", id: unit.id, summary: "Mengubah unit \(unit.code) \(unit.name)",
                before: before, after: UnitSnapshot(unit),
                actor: actor, instansiID: unit.instansiID, at: now, on: db)
            return unit
        }
    }

    static func delete(_ id: UUID, actor: Principal, at now: Date, on db: any Database) async throws {
        try await db.transaction { db in
            let unit = try await find(id, for: actor, .write, on: db)
            if try await Unit.query(on: db).filter(\.$parentID == id).count() > 0 {
                throw Abort(
                    .conflict,
                    reason:
                        "Unit \(unit.name) masih memiliki sub-unit; pindahkan atau hapus sub-unitnya terlebih dahulu.")
            }
            if try await Employee.query(on: db).filter(\.$unitID == id).count() > 0 {
                throw Abort(
                    .conflict, reason: "Unit \(unit.name) masih memiliki pegawai; pindahkan pegawainya terlebih dahulu."
                )
            }
            if try await Position.query(on: db).filter(\.$unitID == id).count() > 0 {
                throw Abort(
                    .conflict,
                    reason: "Unit \(unit.name) masih memiliki jabatan; pindahkan atau hapus jabatannya terlebih dahulu."
                )
            }
            if try await User.query(on: db).filter(\.$unitID == id).count() > 0 {
                throw Abort(.conflict, reason: "Unit \(unit.name) masih menjadi unit akun operator.")
            }
            let before = UnitSnapshot(unit)
            try await unit.delete(on: db)
            try await AuditLog.record(
                .delete, entity: "unit", id: id, summary: "Menghapus unit \(before.code) \(before.name)",
                before: before, after: Optional<UnitSnapshot>.none,
                actor: actor, instansiID: unit.instansiID, at: now, on: db)
        }
    }

    private static func loadParent(_ id: UUID?, actor: Principal, on db: any Database) async throws -> Unit? {
        guard let id else { return nil }
        guard let parent = try await Unit.scopedQuery(actor, on: db).filter(\.$id == id).first() else {
            throw ValidationFailure(errors: [.init(field: "parentId", message: "Unit induk tidak ditemukan.")])
        }
        return parent
    }

    /// Validates the input and copies it onto the unit; sets the OPD from the parent.
    private static func apply(_ input: UnitInput, to unit: Unit, parent: Unit?, actor: Principal, on db: any Database)
        async throws
    {
        // The API takes the code exactly as sent (the web form normalises before calling this).
        let code = input.code
        let kind = UnitKind(rawValue: input.kind)
        var errors = UnitRules.problems(code: code, name: input.name, kind: kind, parentKind: parent?.unitKind)
        if !code.isEmpty,
            try await Unit.query(on: db).filter(\.$instansiID == unit.instansiID)
                .filter(\.$code == code).filter(\.$id != unit.requireID()).count() > 0
        {
            errors.append(.init(field: "code", message: "Kode unit \(code) sudah dipakai unit lain."))
        }
        if !errors.isEmpty { throw ValidationFailure(errors: errors) }
        unit.code = code
        unit.name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        unit.kind = kind!.rawValue
        unit.parentID = parent?.id
        unit.opdID = try parent?.opdID ?? unit.requireID()
    }
}
