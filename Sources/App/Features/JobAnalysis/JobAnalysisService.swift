import Fluent
import Foundation
import KompetenCore
import Vapor

/// Writes the job analysis of a position: the record and its task rows replaced in one
/// transaction, the position's version raised (a stale edit is a 409), and one audit entry.
enum JobAnalysisService {
    /// The caller has checked access (`PositionService.find(…, .write, …)`).
    static func save(
        _ a: JobAnalysis, for p: Position, expectedVersion: Int?, actor: Principal, at now: Date, on db: any Database
    ) async throws {
        let positionID = try p.requireID()
        try await StateTransition.retryingLocks {
            try await db.transaction { db in
                // First: the conditional update serialises two saves of the same position.
                _ = try await StateTransition.requireVersion(
                    Position.schema, id: positionID, expected: expectedVersion, on: db)
                let (before, existing) = try await JobAnalysisQueries.analysis(of: positionID, on: db)
                let r = existing ?? JobAnalysisRecord()
                if existing == nil {
                    r.id = UUID()
                    r.positionID = positionID
                }
                r.take(a, at: now, by: actor.userID)
                try await r.save(on: db)
                try await replaceTasks(of: positionID, with: a.tasks, on: db)
                try await AuditLog.record(
                    existing == nil ? .create : .update, entity: "job_analysis", id: positionID,
                    summary: "Analisis jabatan \(p.code) \(p.name): \(a.tasks.count) tugas pokok",
                    before: existing.map { _ in JobAnalysisSnapshot(before) }, after: JobAnalysisSnapshot(a),
                    actor: actor, instansiID: p.instansiID, at: now, on: db)
            }
        }
    }
}

extension JobAnalysisService {
    /// The position's tugas pokok become `tasks`, numbered from 1 in their order. Inside the
    /// caller's transaction.
    static func replaceTasks(of positionID: UUID, with tasks: [JobTask], on db: any Database) async throws {
        try await PositionTask.query(on: db).filter(\.$positionID == positionID).delete()
        let rows = tasks.enumerated().map { PositionTask(positionID: positionID, ordinal: $0.offset + 1, $0.element) }
        if !rows.isEmpty { try await rows.create(on: db) }
    }
}

/// A job analysis in the audit log.
struct JobAnalysisSnapshot: Encodable {
    let positionClass: Int?
    let functionalGrade: FunctionalGrade?
    let education: String, training: String, experience: String
    let texts: [String: String]
    let tasks: [JobTask]
    init(_ a: JobAnalysis) {
        positionClass = a.positionClass
        functionalGrade = a.functionalGrade
        education = a.education
        training = a.training
        experience = a.experience
        texts = Dictionary(uniqueKeysWithValues: a.texts.map { ($0.key.rawValue, $0.value) })
        tasks = a.tasks
    }
}
