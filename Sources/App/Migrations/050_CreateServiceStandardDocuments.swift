import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Issue 18: the full standar pelayanan (14 components, UU 25/2009 Ps 21), versioned per service,
/// with its kompetensi pelaksana as child rows (portable: no JSON column). Every existing service
/// gets version 1 from its catalogue fields, in force from the same day as its first time
/// standard (`StandardHistory.beginning`), so no service is without a standard after the upgrade.
struct CreateServiceStandardDocuments: AsyncMigration {
    var name: String { "050_CreateServiceStandardDocuments" }

    static let textColumns = [
        "persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan", "dasar_hukum",
        "sarana_prasarana", "pengawasan_internal", "jaminan_pelayanan", "jaminan_keamanan", "evaluasi_kinerja",
    ]

    func prepare(on db: any Database) async throws {
        var documents = db.schema("service_standard_documents")
            .id()
            .field("instansi_id", .uuid, .required, .references("instansi", .id))
            .field("service_id", .uuid, .required, .references("services", .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("effective_from", .string, .required)
        for column in Self.textColumns { documents = documents.field(.string(column), .string, .required) }
        try await documents
            .field("jumlah_pelaksana", .int, .required)
            .field("jumlah_pelaksana_note", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            // Two concurrent saves cannot both become version N, nor two versions share a date.
            // Named: PostgreSQL cuts identifiers at 63 bytes, and Fluent's default names of these
            // two would be cut to the same one.
            .unique(on: "service_id", "version", name: "uq_service_standard_documents_version")
            .unique(on: "service_id", "effective_from", name: "uq_service_standard_documents_from")
            .create()
        try await db.schema("service_standard_competencies")
            .id()
            .field(
                "document_id", .uuid, .required, .references("service_standard_documents", .id, onDelete: .cascade)
            )
            .field("competency_code", .string, .required)
            .field("required_level", .int, .required)
            .field("position", .int, .required)
            .unique(on: "document_id", "competency_code", name: "uq_service_standard_competencies_code")
            .create()
        try await fillVersionOne(on: db)
    }

    struct ServiceRow: Decodable {
        let id: UUID, instansi_id: UUID, short_code: String, fee: Int, requirements: String, legal_basis: String
        let standard_text: String
    }

    private func fillVersionOne(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let services = try await sql.select()
            .columns("id", "instansi_id", "short_code", "fee", "requirements", "legal_basis", "standard_text")
            .from("services").all(decoding: ServiceRow.self)
        let now = Date()
        for s in services {
            let content = ServiceStandardContent.initial(
                fee: s.fee, requirements: s.requirements, legalBasis: s.legal_basis, standardText: s.standard_text,
                shortCode: s.short_code)
            let texts = ServiceStandardComponent.textComponents.map { content.text($0) }
            try await sql.insert(into: "service_standard_documents")
                .columns(
                    ["id", "instansi_id", "service_id", "version", "effective_from"] + Self.textColumns + [
                        "jumlah_pelaksana", "jumlah_pelaksana_note", "created_at",
                    ]
                )
                .values(
                    [
                        SQLBind(UUID()), SQLBind(s.instansi_id), SQLBind(s.id), SQLBind(1),
                        SQLBind(StandardHistory.beginning.iso),
                    ]
                        + texts.map { SQLBind($0) } + [SQLBind(0), SQLBind(""), SQLBind(now)]
                )
                .run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("service_standard_competencies").delete()
        try await db.schema("service_standard_documents").delete()
    }
}
