import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// The demo's step-1 data: positions with standards, assignment history, assessment history
/// and the current profiles derived from it (by the same rule the app uses).
enum DemoIdentifyData {
    static func writePositions(
        _ org: DemoInstansi, instansiID: UUID, unitIDs: [String: UUID], now: Date, on db: any Database
    ) async throws -> [String: UUID] {
        let competencyIDs = try await codes(instansiID, on: db)
        var ids: [String: UUID] = [:]
        var positions: [Position] = []
        var standards: [PositionStandard] = []
        for demo in org.positions {
            guard let unitID = unitIDs[demo.unitCode] else { continue }
            let p = Position()
            p.id = UUID()
            p.instansiID = instansiID
            p.unitID = unitID
            p.code = demo.code
            p.name = demo.name
            p.kind = demo.kind.rawValue
            p.summary = demo.summary
            p.duties = demo.duties.joined(separator: "\n")
            p.createdAt = now
            p.updatedAt = now
            ids[demo.code] = p.id
            positions.append(p)
            for s in demo.standard {
                if let cid = competencyIDs[s.competencyCode] {
                    standards.append(
                        PositionStandard(
                            positionID: try p.requireID(), competencyID: cid, requiredLevel: s.requiredLevel))
                }
            }
        }
        for chunk in positions.chunked(500) { try await chunk.create(on: db) }
        for chunk in standards.chunked(1000) { try await chunk.create(on: db) }
        return ids
    }

    static func write(
        _ org: DemoInstansi, instansiID: UUID, written: DemoLoader.Written, now: Date, on db: any Database
    ) async throws {
        let competencyIDs = try await codes(instansiID, on: db)
        let employeeIDs = Dictionary(uniqueKeysWithValues: written.employees.map { ($0.0.nip, $0.1) })

        // Assignment history: everyone in their current post since their appointment date.
        var assignments: [EmployeeAssignment] = []
        for (e, id) in written.employees {
            let a = EmployeeAssignment()
            a.id = UUID()
            a.employeeID = id
            a.unitID = written.unitIDs[e.unitCode]!
            a.positionID = written.positionIDs[e.positionCode]
            a.startedAt = now
            a.recordedBy = "demo"
            assignments.append(a)
        }
        for chunk in assignments.chunked(1000) { try await chunk.create(on: db) }

        var assessments: [Assessment] = []
        var results: [AssessmentResult] = []
        var sequence: [String: Int] = [:]
        for demo in org.assessments {
            guard let employeeID = employeeIDs[demo.nip] else { continue }
            let n = (sequence[demo.nip] ?? 0) + 1
            sequence[demo.nip] = n
            let a = Assessment()
            a.id = UUID()
            a.instansiID = instansiID
            a.employeeID = employeeID
            a.assessedOn = demo.date.iso
            a.method = demo.method.rawValue
            a.assessorName = demo.assessorName
            a.notes = demo.notes
            a.createdAt = now
            a.sequence = n
            assessments.append(a)
            for r in demo.results {
                if let cid = competencyIDs[r.competencyCode] {
                    results.append(AssessmentResult(assessmentID: try a.requireID(), competencyID: cid, level: r.level))
                }
            }
        }
        // Current profiles by the same rule the app applies after every assessment.
        let resultsByAssessment = Dictionary(grouping: results, by: \.assessmentID)
        var levels: [CurrentLevel] = []
        for (employeeID, own) in Dictionary(grouping: assessments, by: \.employeeID) {
            levels += AssessmentService.profileRows(
                employeeID: employeeID, instansiID: instansiID, assessments: own,
                results: own.flatMap { resultsByAssessment[$0.id!] ?? [] })
        }
        for chunk in assessments.chunked(1000) { try await chunk.create(on: db) }
        for chunk in results.chunked(2000) { try await chunk.create(on: db) }
        for chunk in levels.chunked(2000) { try await chunk.create(on: db) }
        try await TalentPotential.refresh(instansiID: instansiID, on: db)
    }

    private static func codes(_ instansiID: UUID, on db: any Database) async throws -> [String: UUID] {
        Dictionary(
            uniqueKeysWithValues: try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.code, $0.requireID())
            })
    }
}
