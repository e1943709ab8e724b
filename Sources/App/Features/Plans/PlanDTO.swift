import Foundation
import Vapor

struct PlanItemInput: Content {
    var programId: UUID?
    var competencyCode: String?
    /// Required for an activity outside the catalogue.
    var title: String?
    /// For an activity outside the catalogue; a programme's JP come from the catalogue.
    var jp: Int?
    var note: String?
}

struct PlanInput: Content {
    var year: Int
    var items: [PlanItemInput]?
    /// Adds one item per competency below standard, with the best programme of the needs analysis.
    var fromTna: Bool?
}

struct TransitionInput: Content {
    var to: String
    var reason: String?
}

struct PlanItemDTO: Content, Equatable {
    let id: UUID
    let programId: UUID?
    let competencyCode: String?
    let title: String
    let jp: Int
    let estimatedCost: Int
    let source: String
    let note: String
}

struct PlanDTO: Content, Equatable {
    let id: UUID
    let employeeId: UUID
    let year: Int
    let status: String
    let rejectionReason: String?
    let items: [PlanItemDTO]
    let totalJp: Int
    let totalCost: Int
}
