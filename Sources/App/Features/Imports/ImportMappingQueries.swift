import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// A saved mapping as the pages and the API read it.
struct SavedImportMapping: Content, Equatable {
    let id: UUID
    let kind: String
    let name: String
    let columns: [String: String]
    let createdAt: Date
}

/// Reads of saved column mappings, always within the actor's instansi.
enum ImportMappingQueries {
    /// The instansi's mappings of `kinds`, by kind then name.
    static func list(_ kinds: [ImportsController.Kind], _ actor: Principal, on db: any Database) async throws
        -> [SavedImportMapping]
    {
        guard !kinds.isEmpty else { return [] }
        return try await ImportMappingRecord.scopedQuery(actor, on: db)
            .filter(\.$kind ~~ kinds.map(\.rawValue)).sort(\.$kind).sort(\.$name).all()
            .map(saved)
    }

    /// The mapping named `name` of `kind`, or nil (another instansi's is never found).
    static func named(_ name: String, kind: ImportsController.Kind, _ actor: Principal, on db: any Database)
        async throws -> SavedImportMapping?
    {
        try await ImportMappingRecord.scopedQuery(actor, on: db).filter(\.$kind == kind.rawValue)
            .filter(\.$name == name).first().map(saved)
    }

    static func saved(_ r: ImportMappingRecord) throws -> SavedImportMapping {
        let columns = (try? JSONDecoder().decode([String: String].self, from: Data(r.columns.utf8))) ?? [:]
        return SavedImportMapping(
            id: try r.requireID(), kind: r.kind, name: r.name, columns: columns, createdAt: r.createdAt)
    }
}
