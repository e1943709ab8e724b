import Foundation
import KompetenCore
import Vapor

struct CompetencyLevelDTO: Content, Equatable {
    let level: Int
    let description: String
    let indicators: [String]
}

/// A competency as the API shows it and takes it.
struct CompetencyDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let group: CompetencyGroup
    let definition: String
    let field: String?
    let retired: Bool
    let levels: [CompetencyLevelDTO]

    init(_ c: Competency, levels: [CompetencyLevel]) {
        id = c.id!
        code = c.code
        name = c.name
        group = c.competencyGroup
        definition = c.definition
        field = c.field
        retired = c.retiredAt != nil
        self.levels = levels.sorted { $0.level < $1.level }.map {
            .init(level: $0.level, description: $0.description, indicators: $0.indicators)
        }
    }
}

struct CompetencyInput: Content {
    var code: String
    var name: String
    var group: String
    var definition: String
    var field: String?
    var levels: [CompetencyLevelDTO]
}

struct CompetencySnapshot: Encodable {
    let code: String, name: String, group: String, definition: String, retired: Bool, levels: [CompetencyLevelDTO]
}
