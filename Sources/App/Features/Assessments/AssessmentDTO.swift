import Foundation
import KompetenCore
import Vapor

struct ResultDTO: Content, Equatable {
    let competencyCode: String
    let level: Int
}

struct AssessmentInput: Content {
    var date: String
    var method: String
    var assessorName: String?
    var notes: String?
    var results: [ResultDTO]
}

struct AssessmentDTO: Content {
    let id: UUID
    let employeeId: UUID
    let date: String
    let method: AssessmentMethod
    let assessorName: String
    let notes: String
    let countsTowardProfile: Bool
    let results: [ResultDTO]
}
