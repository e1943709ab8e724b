import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// Writes the generated job analyses (anjab) of every demo position: the informasi jabatan
/// pages and the ABK report have a whole city to show.
enum DemoJobAnalysisData {
    static func write(_ org: DemoInstansi, positionIDs: [String: UUID], now: Date, on db: any Database) async throws {
        var records: [JobAnalysisRecord] = []
        var tasks: [PositionTask] = []
        for demo in DemoJobAnalysisGenerator.generate(org) {
            guard let id = positionIDs[demo.positionCode] else { continue }
            let r = JobAnalysisRecord()
            r.id = UUID()
            r.positionID = id
            r.take(demo.analysis, at: now, by: nil)
            records.append(r)
            tasks += demo.analysis.tasks.enumerated().map {
                PositionTask(positionID: id, ordinal: $0.offset + 1, $0.element)
            }
        }
        for chunk in records.chunked(500) { try await Array(chunk).create(on: db) }
        for chunk in tasks.chunked(1000) { try await Array(chunk).create(on: db) }
        let own = Array(positionIDs.values)
        for (nip, code) in DemoJobAnalysisGenerator.targetAssignments(org) {
            guard let target = positionIDs[code] else { continue }
            try await Employee.query(on: db).filter(\.$nip == nip).filter(\.$positionID ~~ own)
                .set(\.$targetPositionID, to: target).update()
        }
        let key = DemoJobAnalysisGenerator.keyPositionCodes(org).compactMap { positionIDs[$0] }
        for chunk in key.chunked(500) {
            try await Position.query(on: db).filter(\.$id ~~ Array(chunk)).set(\.$keyPosition, to: true).update()
        }
    }
}
