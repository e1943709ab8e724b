import Fluent
import Foundation
import KompetenCore

/// Reads of the versioned standar pelayanan: the versions, the one in force, their competency
/// rows, the dictionary, and the delivering staff with their current levels for the compliance.
enum ServiceStandardDocumentQueries {
    /// All versions of a service, newest (highest number) first.
    static func versions(_ serviceID: UUID, on db: any Database) async throws -> [ServiceStandardDocument] {
        try await ServiceStandardDocument.query(on: db).filter(\.$serviceID == serviceID)
            .sort(\.$version, .descending).all()
    }

    /// The version in force on `date`; before the first one starts, the first one (announced).
    static func shown(_ versions: [ServiceStandardDocument], on date: SimpleDate) -> ServiceStandardDocument? {
        let info = ServiceStandardVersioning.inForce(versions.map(\.versionInfo), on: date)
        return versions.first { $0.version == info?.number } ?? versions.min { $0.version < $1.version }
    }

    /// The competency rows of these versions, in their order.
    static func competencies(_ documentIDs: [UUID], on db: any Database) async throws -> [UUID:
        [ServiceStandardCompetency]]
    {
        guard !documentIDs.isEmpty else { return [:] }
        let rows = try await ServiceStandardCompetency.query(on: db).filter(\.$documentID ~~ documentIDs)
            .sort(\.$position).all()
        return Dictionary(grouping: rows, by: \.documentID)
    }

    /// The instansi's dictionary: code → name, and the codes still in use (not retired).
    struct CompetencyDictionary: Sendable {
        let names: [String: String]
        let active: Set<String>
        let idToCode: [UUID: String]
    }

    static func dictionary(_ instansiID: UUID, on db: any Database) async throws -> CompetencyDictionary {
        let all = try await Competency.query(on: db).filter(\.$instansiID == instansiID).sort(\.$code).all()
        return CompetencyDictionary(
            names: Dictionary(all.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            active: Set(all.filter { $0.retiredAt == nil }.map(\.code)),
            idToCode: Dictionary(all.compactMap { c in c.id.map { ($0, c.code) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// One delivering employee: who holds one of the service's positions, and their current levels.
    struct Holder: Sendable {
        let id: UUID
        let name: String
        let nip: String
        let supervisorID: UUID?
        /// The OPD of the employee's unit (who may open their profile).
        let opdID: UUID?
        let levels: [String: Int]
    }

    /// The active employees holding one of the service's delivering positions, with their current
    /// profile by competency code (`current_levels`: the latest accepted result per competency).
    static func holders(_ s: PublicService, dictionary: CompetencyDictionary, on db: any Database) async throws
        -> [Holder]
    {
        let positionIDs = try await ServiceCatalogue.positionIDs(try s.requireID(), on: db)
        guard !positionIDs.isEmpty else { return [] }
        let employees = try await Employee.query(on: db).filter(\.$instansiID == s.instansiID)
            .filter(\.$isActive == true).filter(\.$positionID ~~ positionIDs).sort(\.$name).all()
        var levels: [UUID: [String: Int]] = [:]
        for chunk in employees.compactMap(\.id).chunked(500) {
            for row in try await CurrentLevel.query(on: db).filter(\.$employeeID ~~ Array(chunk)).all() {
                if let code = dictionary.idToCode[row.competencyID] {
                    levels[row.employeeID, default: [:]][code] = row.level
                }
            }
        }
        let opds = Dictionary(
            try await Unit.query(on: db).filter(\.$id ~~ Set(employees.map(\.unitID))).all().compactMap { u in
                u.id.map { ($0, u.opdID) }
            }, uniquingKeysWith: { a, _ in a })
        return employees.compactMap { e in
            e.id.map {
                Holder(
                    id: $0, name: e.name, nip: e.nip, supervisorID: e.supervisorID, opdID: opds[e.unitID],
                    levels: levels[$0] ?? [:])
            }
        }
    }
}

/// Everything the API, the service page and the public page show of a service's standard.
struct ServiceStandardState: Sendable {
    let versions: [ServiceStandardDocument]
    /// The version in force today (or the first, announced one).
    let shown: ServiceStandardDocument
    let content: ServiceStandardContent
    let dictionary: ServiceStandardDocumentQueries.CompetencyDictionary
    let holders: [ServiceStandardDocumentQueries.Holder]
    let tally: PelaksanaCompliance.Tally<UUID>
    let staffing: StaffingComparison
    /// The time standard in force today: the one every ticket is judged by.
    let time: ServiceStandardEntry?
    let today: SimpleDate

    /// Whether `shown` is the version in force today (not an announced or a replaced one).
    var inForce: Bool {
        ServiceStandardVersioning.inForce(versions.map(\.versionInfo), on: today)?.number == shown.version
    }
}

extension ServiceStandardDocumentQueries {
    /// Nil only for a service without any version (none after migration 050; a 404 otherwise).
    /// `version`: that version instead of the one in force (the answer to a save).
    static func state(_ s: PublicService, today: SimpleDate, version: Int? = nil, on db: any Database) async throws
        -> ServiceStandardState?
    {
        let versions = try await versions(s.requireID(), on: db)
        let picked = version.flatMap { v in versions.first { $0.version == v } }
        guard let shown = picked ?? shown(versions, on: today) else { return nil }
        let rows = try await competencies([shown.requireID()], on: db)[shown.requireID()] ?? []
        let content = shown.content(rows)
        let dictionary = try await dictionary(s.instansiID, on: db)
        let holders = try await holders(s, dictionary: dictionary, on: db)
        let tally = PelaksanaCompliance.tally(
            content.competencies, staff: Dictionary(uniqueKeysWithValues: holders.map { ($0.id, $0.levels) }))
        let time = try await ServiceStandards.current([s.requireID()], on: today, db: db)[s.requireID()]
        return ServiceStandardState(
            versions: versions, shown: shown, content: content, dictionary: dictionary, holders: holders, tally: tally,
            staffing: StaffingComparison(required: content.staffCount, holders: holders.count), time: time,
            today: today)
    }
}
