import Fluent
import Foundation
import KompetenCore
import Vapor

/// Writing a new version of a service's standar pelayanan: the versioning rule decides (new
/// number, replace a not-yet-in-force version, or refuse), then the version, its competency rows
/// and the audit entry go in one transaction. The caller has checked access.
enum ServiceStandardDocuments {
    static func save(
        _ s: PublicService, _ content: ServiceStandardContent, effectiveFrom: SimpleDate, actor: Principal,
        at now: Date, on db: any Database
    ) async throws -> ServiceStandardDocument {
        let serviceID = try s.requireID()
        let today = WorkingCalendar.witaDay(now)
        return try await db.transaction { db in
            let versions = try await ServiceStandardDocumentQueries.versions(serviceID, on: db)
            let decision = ServiceStandardVersioning.decide(
                versions.map(\.versionInfo), effectiveFrom: effectiveFrom, today: today)
            let doc: ServiceStandardDocument
            var before: ServiceStandardSnapshot?
            switch decision {
            case .conflict(let message): throw Abort(.conflict, reason: message)
            case .invalid(let message):
                throw ValidationFailure(errors: [.init(field: "effectiveFrom", message: message)])
            case .replace(let number):
                doc = versions.first { $0.version == number }!
                let old = try await ServiceStandardDocumentQueries.competencies([doc.requireID()], on: db)
                before = ServiceStandardSnapshot(doc, competencies: old[try doc.requireID()] ?? [])
                // Conditional: only while it is still not in force (a concurrent save or the clock
                // passing midnight must not turn this into a rewrite of history).
                try await ServiceStandardCompetency.query(on: db).filter(\.$documentID == doc.requireID()).delete()
                doc.apply(content)
                doc.createdAt = now
                doc.createdBy = actor.userID
                let changed = try await ServiceStandardDocument.query(on: db).filter(\.$id == doc.requireID())
                    .filter(\.$effectiveFrom > today.iso).count()
                guard changed == 1 else {
                    throw Abort(.conflict, reason: "Versi \(number) sudah berlaku dan tidak dapat diubah lagi.")
                }
                try await doc.save(on: db)
            case .append(let number):
                doc = ServiceStandardDocument()
                doc.id = UUID()
                doc.instansiID = s.instansiID
                doc.serviceID = serviceID
                doc.version = number
                doc.effectiveFrom = effectiveFrom.iso
                doc.apply(content)
                doc.createdAt = now
                doc.createdBy = actor.userID
                // Two saves at once: the unique (service, version) lets one through, the other is a 409.
                try await doc.create(on: db)
            }
            let rows = try content.competencies.enumerated().map { i, row in
                ServiceStandardCompetency(
                    documentID: try doc.requireID(),
                    PelaksanaCompetency(
                        competencyCode: row.competencyCode.trimmingCharacters(in: .whitespaces),
                        requiredLevel: row.requiredLevel), position: i)
            }
            for row in rows { try await row.create(on: db) }
            try await AuditLog.record(
                before == nil ? .create : .update, entity: "service_standard_document", id: doc.id,
                summary:
                    "Standar pelayanan \(s.code) versi \(doc.version) berlaku mulai \(IndonesianFormat.date(effectiveFrom))",
                before: before, after: ServiceStandardSnapshot(doc, competencies: rows), actor: actor,
                instansiID: s.instansiID, at: now, on: db)
            return doc
        }
    }

    /// Version 1 of a new service, from its catalogue fields, in force from the start of its
    /// history like its first time standard (`StandardHistory.beginning`).
    static func createFirst(_ s: PublicService, at now: Date, by userID: UUID?, on db: any Database) async throws {
        let (doc, _) = try rows(
            s, version: 1, effectiveFrom: StandardHistory.beginning,
            .initial(
                fee: s.fee, requirements: s.requirements, legalBasis: s.legalBasis, standardText: s.standardText,
                shortCode: s.shortCode), at: now, by: userID)
        try await doc.create(on: db)
    }

    /// A version and its competency rows, not yet saved (the demo writes many at once).
    static func rows(
        _ s: PublicService, version: Int, effectiveFrom: SimpleDate, _ content: ServiceStandardContent, at now: Date,
        by userID: UUID?
    ) throws -> (ServiceStandardDocument, [ServiceStandardCompetency]) {
        let doc = ServiceStandardDocument()
        let id = UUID()
        doc.id = id
        doc.instansiID = s.instansiID
        doc.serviceID = try s.requireID()
        doc.version = version
        doc.effectiveFrom = effectiveFrom.iso
        doc.apply(content)
        doc.createdAt = now
        doc.createdBy = userID
        return (
            doc,
            content.competencies.enumerated().map { i, row in
                ServiceStandardCompetency(documentID: id, row, position: i)
            }
        )
    }
}

/// A version in the audit log: every component, so before → after shows what changed.
struct ServiceStandardSnapshot: Codable {
    let serviceID: UUID, version: Int, effectiveFrom: String
    let texts: [String: String]
    let kompetensiPelaksana: [String]
    let jumlahPelaksana: Int, jumlahPelaksanaNote: String

    init(_ d: ServiceStandardDocument, competencies: [ServiceStandardCompetency]) {
        serviceID = d.serviceID
        version = d.version
        effectiveFrom = d.effectiveFrom
        texts = Dictionary(
            uniqueKeysWithValues: ServiceStandardComponent.textComponents.map { ($0.rawValue, d.text($0)) })
        kompetensiPelaksana = competencies.sorted { $0.position < $1.position }.map {
            "\($0.competencyCode):\($0.requiredLevel)"
        }
        jumlahPelaksana = d.jumlahPelaksana
        jumlahPelaksanaNote = d.jumlahPelaksanaNote
    }
}
