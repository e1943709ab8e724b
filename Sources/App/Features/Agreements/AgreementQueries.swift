import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The partner agreements' read side, and the batches delivered outside them.
enum AgreementQueries {
    /// A provider's agreements, the latest term first (no access rule: the caller checked it).
    static func of(providerID: UUID, on db: any Database) async throws -> [ProviderAgreement] {
        try await ProviderAgreement.query(on: db).filter(\.$providerID == providerID)
            .sort(\.$startDate, .descending).sort(\.$number).all()
    }

    /// Every provider's agreement terms in the actor's instansi (the caller decides who sees them).
    static func termsByProvider(_ actor: Principal, on db: any Database) async throws -> [UUID: [AgreementTerm]] {
        Dictionary(grouping: try await ProviderAgreement.scopedQuery(actor, on: db).all(), by: \.providerID)
            .mapValues { $0.compactMap(\.term) }
    }

    static func numberTaken(
        _ number: String, providerID: UUID, except: UUID?, _ actor: Principal, on db: any Database
    ) async throws -> Bool {
        var q = try ProviderAgreement.scopedQuery(actor, on: db).filter(\.$providerID == providerID)
            .filter(\.$number == number)
        if let except { q = q.filter(\.$id != except) }
        return try await q.count() > 0
    }

    /// Deletes the row if it is still there; true for the one request that deleted it.
    static func deleteOnce(_ id: UUID, on db: any Database) async throws -> Bool {
        try await db.sql.delete(from: ProviderAgreement.schema).where("id", .equal, SQLBind(id))
            .returning("id").all().count == 1
    }

    static func file(_ id: UUID, instansiID: UUID, on db: any Database) async throws -> EvidenceFile? {
        try await EvidenceFile.query(on: db).filter(\.$id == id).filter(\.$instansiID == instansiID).first()
    }

    /// A batch delivered (or scheduled) on days no agreement of its provider covers.
    struct UncoveredBatch: Sendable, Equatable {
        let batchID: UUID, batchName: String, startDate: String, endDate: String
        let programmeID: UUID, programmeCode: String, programmeTitle: String
        let providerID: UUID, providerName: String
    }

    /// Batches outside their provider's agreements, by start date. Limited to one provider or one
    /// programme when given; a provider login only ever sees its own.
    static func uncoveredBatches(
        _ actor: Principal, providerID: UUID? = nil, programmeID: UUID? = nil, on db: any Database
    ) async throws -> [UncoveredBatch] {
        var providers = try Provider.scopedQuery(actor, on: db)
        if case .only(let own) = AccessPolicy.providerReach(actor) {
            providers = providers.filter(\.$id == (own ?? UUID()))
        }
        if let providerID { providers = providers.filter(\.$id == providerID) }
        // In-house training needs no agreement (ProviderKind.needsAgreement).
        let providerList = try await providers.all().filter(\.providerKind.needsAgreement)
        let providerIDs = try providerList.map { try $0.requireID() }
        guard !providerIDs.isEmpty else { return [] }
        var programmes = Programme.query(on: db).filter(\.$providerID ~~ providerIDs)
        if let programmeID { programmes = programmes.filter(\.$id == programmeID) }
        let programmeList = try await programmes.all()
        guard !programmeList.isEmpty else { return [] }
        let batches = try await Batch.query(on: db).filter(\.$programmeID ~~ programmeList.map { try $0.requireID() })
            .sort(\.$startDate).all()
        let agreements = try await ProviderAgreement.query(on: db).filter(\.$providerID ~~ providerIDs).all()
        let terms = Dictionary(grouping: agreements, by: \.providerID).mapValues { $0.compactMap(\.term) }
        let programmeByID = Dictionary(uniqueKeysWithValues: programmeList.map { ($0.id!, $0) })
        let providerByID = Dictionary(uniqueKeysWithValues: providerList.map { ($0.id!, $0) })
        return batches.compactMap { b in
            guard let p = programmeByID[b.programmeID], let provider = providerByID[p.providerID],
                let first = SimpleDate(iso: b.startDate), let last = SimpleDate(iso: b.endDate),
                !AgreementCoverage.covers(terms[p.providerID] ?? [], from: first, to: last)
            else { return nil }
            return UncoveredBatch(
                batchID: b.id!, batchName: b.name, startDate: b.startDate, endDate: b.endDate, programmeID: p.id!,
                programmeCode: p.code, programmeTitle: p.title, providerID: provider.id!, providerName: provider.name)
        }
    }
}
