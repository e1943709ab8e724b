import Fluent
import Foundation
import KompetenCore

/// The candidates for a position and their match to its standard: holders of the feeder
/// positions (`Succession.feederKinds`) in the reader's scope, the current holders left out.
enum SuccessionQueries {
    struct Candidate: Sendable {
        let employee: Employee
        let positionName: String
        let result: GapResult
        let box: Int?
        var ranked: Succession.Candidate {
            Succession.Candidate(
                employee: employee.id?.uuidString ?? "", name: employee.name, jpm: result.jpm ?? 0, box: box)
        }
    }

    struct List: Sendable {
        let standard: [StandardItem]
        /// Best first (`Succession.ranked`).
        let candidates: [Candidate]
        /// Feeder holders with no accepted result on the standard: their match is unknown.
        let unassessed: Int
        let year: Int?
    }

    /// `opd`: the reader's OPD for an operator (nil: the whole instansi). `readable` is the
    /// talent read rule per person, applied before anything about them is computed.
    static func list(
        for target: Position, opd: UUID?, readable: (Employee, UUID?) -> Bool, on db: any Database
    ) async throws -> List {
        let targetID = try target.requireID()
        let standard = try (await PositionService.standards(of: [targetID], on: db))[targetID] ?? []
        let items = standard.map { StandardItem(competencyCode: $0.competencyCode, required: $0.requiredLevel) }
        let feeders = try await Position.query(on: db).filter(\.$instansiID == target.instansiID)
            .filter(\.$kind ~~ Succession.feederKinds(for: target.positionKind).map(\.rawValue)).all()
        let positionNames = Dictionary(uniqueKeysWithValues: try feeders.map { (try $0.requireID(), $0.name) })
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == target.instansiID).all().map {
                (try $0.requireID(), $0.opdID)
            })
        var people: [Employee] = []
        for chunk in Array(positionNames.keys).filter({ $0 != targetID }).chunked(500) {
            people += try await Employee.query(on: db).filter(\.$instansiID == target.instansiID)
                .filter(\.$isActive == true).filter(\.$positionID ~~ Array(chunk)).all()
        }
        people = people.filter { e in
            guard let unitOPD = opdOf[e.unitID] else { return false }
            return (opd == nil || unitOPD == opd) && readable(e, unitOPD)
        }
        // Levels on the standard's competencies only.
        let codes = Set(items.map(\.competencyCode))
        let competencies = try await Competency.query(on: db).filter(\.$instansiID == target.instansiID)
            .filter(\.$code ~~ Array(codes)).all()
        let codeOf = Dictionary(uniqueKeysWithValues: try competencies.map { (try $0.requireID(), $0.code) })
        var levels: [UUID: [String: Int]] = [:]
        for chunk in try people.map({ try $0.requireID() }).chunked(500) where !codeOf.isEmpty {
            for l in try await CurrentLevel.query(on: db).filter(\.$employeeID ~~ Array(chunk))
                .filter(\.$competencyID ~~ Array(codeOf.keys)).all()
            {
                if let code = codeOf[l.competencyID] { levels[l.employeeID, default: [:]][code] = l.level }
            }
        }
        let (formula, _) = try await SettingsQueries.load(target.instansiID, on: db)
        let year = try await TalentQueries.latestYear(instansiID: target.instansiID, on: db)
        var boxes: [UUID: Int] = [:]
        if let year {
            let cutoffs = try await SettingsQueries.evaluation(target.instansiID, on: db).cutoffs
            for p in try await TalentQueries.people(
                instansiID: target.instansiID, unitIDs: nil, year: year, cutoffs: cutoffs, filter: .everyone, on: db)
            {
                if let box = p.box { boxes[p.id] = box }
            }
        }
        var candidates: [Candidate] = []
        var unassessed = 0
        for e in people {
            let id = try e.requireID()
            guard let actual = levels[id], !actual.isEmpty else {
                unassessed += 1
                continue
            }
            // Pengisian jabatan thresholds: the question is whether they could fill this post.
            let result = GapAnalysis.analyse(
                standard: items, actual: actual, formula: formula, thresholds: .pengisianJabatan)
            candidates.append(
                Candidate(
                    employee: e, positionName: e.positionID.flatMap { positionNames[$0] } ?? "", result: result,
                    box: boxes[id]))
        }
        let order = Succession.ranked(candidates.map(\.ranked)).map(\.employee)
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.employee.id?.uuidString ?? "", $0) })
        return List(standard: items, candidates: order.compactMap { byID[$0] }, unassessed: unassessed, year: year)
    }
}
