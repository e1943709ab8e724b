import Fluent
import KompetenCore
import Vapor

/// The home pages of the people outside an OPD's line: the assessor and the training provider.
enum PartnerHomeQueries {
    /// The latest assessments recorded in the instansi, newest first, with the person's name.
    static func recentAssessments(instansiID: UUID, limit: Int, on db: any Database) async throws
        -> [(assessment: Assessment, employee: String)]
    {
        let recent = try await Assessment.query(on: db).filter(\.$instansiID == instansiID)
            .sort(\.$createdAt, .descending).limit(limit).all()
        let people = try await Employee.query(on: db).filter(\.$id ~~ Set(recent.map(\.employeeID))).all()
        let names = Dictionary(uniqueKeysWithValues: try people.map { (try $0.requireID(), $0.name) })
        return recent.map { ($0, names[$0.employeeID] ?? "") }
    }

    struct ProviderBatch {
        let batch: Batch
        let programme: String
        /// Participants still "terdaftar" (attendance and result not recorded).
        let toRecord: Int
    }

    /// The provider's batches that have not started (soonest first) and those that ended with
    /// participants whose result is not recorded yet (oldest first).
    static func providerBatches(providerID: UUID, instansiID: UUID, today: SimpleDate, on db: any Database)
        async throws -> (upcoming: [ProviderBatch], toRecord: [ProviderBatch])
    {
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$providerID == providerID).all()
        let titles = Dictionary(uniqueKeysWithValues: try programmes.map { (try $0.requireID(), $0.title) })
        let batches = try await Batch.query(on: db).filter(\.$programmeID ~~ Array(titles.keys)).sort(\.$startDate)
            .all()
        let ended = batches.filter { $0.endDate < today.iso }
        let open = try await Enrolment.query(on: db).filter(\.$batchID ~~ ended.map { try $0.requireID() })
            .filter(\.$status == EnrolmentStatus.enrolled.rawValue).all()
        let openPerBatch = Dictionary(grouping: open, by: \.batchID).mapValues(\.count)
        let upcoming = batches.filter { $0.startDate >= today.iso }.map {
            ProviderBatch(batch: $0, programme: titles[$0.programmeID] ?? "", toRecord: 0)
        }
        let toRecord = ended.compactMap { b -> ProviderBatch? in
            guard let n = openPerBatch[b.id!], n > 0 else { return nil }
            return ProviderBatch(batch: b, programme: titles[b.programmeID] ?? "", toRecord: n)
        }
        return (upcoming, toRecord)
    }
}
