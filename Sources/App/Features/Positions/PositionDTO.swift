import Foundation
import KompetenCore
import Vapor

struct StandardDTO: Content, Equatable {
    let competencyCode: String
    let requiredLevel: Int
}

/// A position as the API shows it.
struct PositionDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let kind: PositionKind
    let unitId: UUID
    let summary: String
    let duties: [String]
    let standards: [StandardDTO]
}

struct PositionInput: Content {
    var code: String
    var name: String
    var kind: String
    var unitId: UUID
    var summary: String?
    var duties: [String]?
    var standards: [StandardDTO]
}

struct PositionSnapshot: Encodable {
    let code: String, name: String, kind: String, unitId: UUID, summary: String, duties: [String], standards: [StandardDTO]
}
