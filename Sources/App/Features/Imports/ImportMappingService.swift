import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// Saving and deleting column mappings. Whoever may run an import kind may save, use and
/// delete its mappings (`Kind.access`): a mapping only renames columns, it grants nothing.
enum ImportMappingService {
    /// What a create asks for, from the API body or the mapping page.
    struct Input: Content {
        var kind: String?
        var name: String?
        var columns: [String: String]?
    }

    /// The kind named in a body or query, or a 422 naming `field`.
    static func kind(_ raw: String?, field: String = "kind") throws -> ImportsController.Kind {
        guard let raw, let kind = ImportsController.Kind(rawValue: raw) else {
            throw ValidationFailure(errors: [
                FieldError(
                    field: field,
                    message: "Jenis impor: "
                        + ImportsController.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            ])
        }
        return kind
    }

    static func create(_ input: Input, actor: Principal, at now: Date, on db: any Database) async throws
        -> SavedImportMapping
    {
        let kind = try Self.kind(input.kind)
        try kind.access(actor).require()
        var v = FieldValidator()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            !name.isEmpty && name.count <= 100, field: "name",
            "Nama pemetaan wajib diisi (paling panjang 100 karakter).")
        if case .failure(let problem) = TextHygiene.clean(name, key: "name") {
            v.add(field: "name", problem.message)
        }
        var columns: ImportMapping.Columns = [:]
        switch ImportMapping.validate(input.columns ?? [:], columns: kind.columns) {
        case .success(let resolved): columns = resolved
        case .failure(let failure):
            for e in failure.errors { v.add(field: "columns.\(e.field)", e.message) }
        }
        try v.check()
        let resolved = columns
        let instansiID = actor.instansiID!
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(columns), as: UTF8.self)
        return try await db.transaction { db in
            // The unique index answers a race; this answers the ordinary case with a clear message.
            if try await ImportMappingQueries.named(name, kind: kind, actor, on: db) != nil {
                throw Abort(.conflict, reason: "Pemetaan \"\(name)\" untuk \(kind.label) sudah ada.")
            }
            let r = ImportMappingRecord()
            r.id = UUID()
            r.instansiID = instansiID
            r.kind = kind.rawValue
            r.name = name
            r.columns = json
            r.createdBy = actor.userID
            r.createdAt = now
            r.updatedAt = now
            try await r.create(on: db)
            try await AuditLog.record(
                .create, entity: "import_mapping", id: r.id,
                summary: "Menyimpan pemetaan kolom \"\(name)\" untuk impor \(kind.label)",
                before: Optional<[String: String]>.none, after: resolved, actor: actor, instansiID: instansiID,
                at: now, on: db)
            return try ImportMappingQueries.saved(r)
        }
    }

    /// Deletes the mapping; 404 when it is not the instansi's, 403 when the actor may not run its kind.
    static func delete(_ id: UUID?, actor: Principal, at now: Date, on db: any Database) async throws
        -> SavedImportMapping
    {
        try await db.transaction { db in
            let r = try await ImportMappingRecord.findScoped(id, actor, on: db, what: "Pemetaan kolom")
            let kind = ImportsController.Kind(rawValue: r.kind)
            try (kind?.access(actor) ?? AccessPolicy.importData(actor)).require()
            let saved = try ImportMappingQueries.saved(r)
            try await r.delete(on: db)
            try await AuditLog.record(
                .delete, entity: "import_mapping", id: r.id,
                summary: "Menghapus pemetaan kolom \"\(r.name)\" (\(kind?.label ?? r.kind))",
                before: saved.columns, after: Optional<[String: String]>.none, actor: actor,
                instansiID: r.instansiID, at: now, on: db)
            return saved
        }
    }

    /// Roles that may run no import at all are refused before any body is read.
    static func requireAnyKind(_ actor: Principal) throws {
        guard ImportsController.Kind.allCases.contains(where: { $0.access(actor).isAllowed }) else {
            throw Abort(.forbidden, reason: AccessPolicy.noAccess)
        }
    }
}
