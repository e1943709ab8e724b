import Fluent
import KompetenCore
import Vapor

enum ProgrammeQueries {
    /// The catalogue as this actor sees it (a provider: its own programmes), filtered.
    static func filtered(
        _ actor: Principal, providerID: UUID?, competencyCode: String?, form: String?, includeInactive: Bool,
        on db: any Database
    ) async throws -> QueryBuilder<Programme> {
        try AccessPolicy.providers(actor, .read).require()
        var q = try Programme.scopedQuery(actor, on: db)
        if case .only(let own) = AccessPolicy.providerReach(actor) {
            q = q.filter(\.$providerID == (own ?? UUID()))
        }
        if let providerID { q = q.filter(\.$providerID == providerID) }
        if let form, !form.isEmpty {
            guard DevelopmentForm(rawValue: form) != nil else {
                throw ValidationFailure(errors: [
                    .init(field: "form", message: "Bentuk harus pendidikan, klasikal atau nonklasikal.")
                ])
            }
            q = q.filter(\.$form == form)
        }
        if let code = competencyCode, !code.isEmpty {
            guard code.count <= 30 else {
                throw ValidationFailure(errors: [
                    .init(field: "competencyCode", message: "Kode kompetensi terlalu panjang.")
                ])
            }
            let competencyIDs = try await Competency.scopedQuery(actor, on: db).filter(\.$code == code).all(\.$id)
            let ids = try await programmeIDs(teaching: competencyIDs, on: db)
            q = q.filter(\.$id ~~ ids)
        }
        if !includeInactive { q = q.filter(\.$isActive == true) }
        return q
    }

    /// The programmes that develop any of these competencies.
    static func programmeIDs(teaching competencyIDs: [UUID], on db: any Database) async throws -> [UUID] {
        try await ProgrammeCompetency.query(on: db).filter(\.$competencyID ~~ competencyIDs).all(\.$programmeID)
    }

    /// The active programmes the actor may pick, by code.
    static func active(_ actor: Principal, on db: any Database) async throws -> [Programme] {
        try await Programme.scopedQuery(actor, on: db).filter(\.$isActive == true).sort(\.$code).all()
    }

    /// How many programmes (active or not) each provider has, as the actor sees the catalogue.
    static func countsByProvider(_ actor: Principal, on db: any Database) async throws -> [UUID: Int] {
        Dictionary(grouping: try await Programme.scopedQuery(actor, on: db).all(\.$providerID), by: { $0 })
            .mapValues(\.count)
    }

    /// The batch with this id, if any (no access rule: the caller has one for the record that names it).
    static func batch(_ id: UUID, on db: any Database) async throws -> Batch? {
        try await Batch.find(id, on: db)
    }

    /// The programme's provider.
    static func provider(of programme: Programme, on db: any Database) async throws -> Provider? {
        try await Provider.find(programme.providerID, on: db)
    }

    /// A programme's batches by start date.
    static func batches(of programmeID: UUID, on db: any Database) async throws -> [Batch] {
        try await Batch.query(on: db).filter(\.$programmeID == programmeID).sort(\.$startDate).all()
    }

    /// How many are waitlisted in each of these batches (a batch without any is absent).
    static func waitlistCounts(batchIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        let waiting = try await Enrolment.query(on: db).filter(\.$batchID ~~ batchIDs)
            .filter(\.$status == EnrolmentStatus.waitlisted.rawValue).all(\.$batchID)
        return Dictionary(grouping: waiting, by: { $0 }).mapValues(\.count)
    }
}
