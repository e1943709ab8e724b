import Foundation
import Vapor

struct EvaluationInput: Content {
    var level: Int
    var respondentRole: String
    var scores: [String: Double]
    var comment: String?
}

struct EvaluationDTO: Content, Equatable {
    let id: UUID
    let enrolmentId: UUID
    let employeeId: UUID
    let programId: UUID
    let level: Int
    let respondentRole: String
    let scores: [String: Double]
    /// L1 mean item score, L2 normalised gain, L3 mean change; null for an L2 with pre = max.
    let summary: Double?
    let comment: String
    let filledOn: String

    init(_ r: EvaluationRecord) {
        id = r.id!
        enrolmentId = r.enrolmentID
        employeeId = r.employeeID
        programId = r.programmeID
        level = r.level
        respondentRole = r.respondent
        scores = r.scoreValues
        summary = r.summary
        comment = r.comment
        filledOn = r.filledOn
    }
}

struct EffectivenessDTO: Content, Equatable {
    let programId: UUID
    let l1Mean: Double?
    let l2MeanGain: Double?
    /// The supervisors' L3 mean change (−2…2); the participants' own view is `l3SelfMeanChange`.
    let l3MeanChange: Double?
    let l3SelfMeanChange: Double?
    let levelRaisedShare: Double?
    /// Completed participants.
    let n: Int
    let l1Count: Int
    let l2Count: Int
    let l3Count: Int
    let reassessed: Int
    let verdict: String
}
